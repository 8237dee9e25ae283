import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeed, type ParseFeedResult } from '../../../utils/sources/parse-feed';
import { corpusFiles, CORPUS_BASE, readCorpusFile } from './corpus';

// The real corpus (../shared/feeds-real) and 1,000 damaged copies of it: cut off, bytes flipped, or
// served under the wrong charset. parseFeed must answer every one with a result and never throw.
// The seed is fixed so every run damages the same copies.

const SEED = 20261130;
const files = corpusFiles();
const corpus = new Map(files.map((file) => [file, readCorpusFile(file)]));
const CHARSETS = [
  undefined,
  'text/xml; charset=utf-16',
  'application/rss+xml; charset=windows-1251',
  'text/xml; charset=iso-8859-1',
  'application/json; charset=utf-8',
  'text/xml; charset=gb2312',
  'text/html; charset=x-bogus',
];

/** What is wrong with a result (an empty list when nothing is). */
function problems(result: ParseFeedResult): string[] {
  if (!result.ok) {
    const out: string[] = [];
    if (!['not-a-feed', 'malformed', 'too-large', 'empty'].includes(result.error.code)) out.push(`unknown code ${result.error.code}`);
    // "Unexpected" marks an exception that was neither feedsmith's typed error nor ours: a mapping bug.
    if (result.error.detail.startsWith('Unexpected')) out.push(result.error.detail);
    return out;
  }
  return result.items.flatMap((item) => [
    ...(/^https?:\/\//.test(item.url) ? [] : [`url ${item.url}`]),
    ...(item.guid.length > 0 ? [] : ['empty guid']),
    ...(item.title.length <= 500 && item.summary.length <= 1000 ? [] : ['text over its cap']),
    ...(item.publishedAt === undefined || Number.isFinite(item.publishedAt) ? [] : ['date not finite']),
  ]);
}

type Damage =
  { kind: 'truncate'; at: number } | { kind: 'flip'; flips: Array<{ at: number; bit: number }> } | { kind: 'charset'; contentType: string | undefined };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc
    .record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map(({ kind, at }) => ({ kind, at: Math.floor(at * 1e9) })),
  fc.record({
    kind: fc.constant('flip' as const),
    flips: fc.array(fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), { minLength: 1, maxLength: 20 }),
  }),
  fc.record({ kind: fc.constant('charset' as const), contentType: fc.constantFrom(...CHARSETS) }),
);

function apply(bytes: Uint8Array, step: Damage): { bytes: Uint8Array; contentType?: string } {
  switch (step.kind) {
    case 'truncate':
      return { bytes: bytes.subarray(0, step.at % (bytes.length + 1)) };
    case 'flip': {
      const copy = bytes.slice();
      for (const { at, bit } of step.flips) if (copy.length) copy[at % copy.length]! ^= 1 << bit;
      return { bytes: copy };
    }
    case 'charset':
      return step.contentType === undefined ? { bytes } : { bytes, contentType: step.contentType };
  }
}

describe('parseFeed on the real corpus and damaged copies of it', () => {
  it.each(files)('%s never throws', (file) => {
    expect(problems(parseFeed(corpus.get(file)!, undefined, { baseUrl: CORPUS_BASE + file }))).toEqual([]);
  });

  it('never throws on 1,000 damaged copies (truncated, bytes flipped, wrong charset)', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.constantFrom(...files), damage, (file, step) => {
        runs++;
        const { bytes, contentType } = apply(corpus.get(file)!, step);
        let result: ParseFeedResult | undefined;
        expect(() => {
          result = parseFeed(bytes, contentType, { baseUrl: CORPUS_BASE + file });
        }).not.toThrow();
        expect(problems(result!)).toEqual([]);
      }),
      { numRuns: 1000, seed: SEED },
    );
    expect(runs).toBe(1000);
  }, 300_000);
});
