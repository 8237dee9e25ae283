import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileWatches, compileWatchesAsRegexes } from '../../../utils/monitor/matcher';
import { htmlToText, normaliseText, tokenize } from '../../../utils/monitor/normalise';
import { formatQuery, parseQuery } from '../../../utils/monitor/query';
import { canonicalizeUrl, storyKey } from '../../../utils/monitor/story';
import { detectTone } from '../../../utils/monitor/tone';

const WORDS = [
  'korupsi',
  'pungli',
  'banjir',
  'medsos',
  'media',
  'sosial',
  'pemprov',
  'kata2',
  'beritanya',
  'e-KTP',
  '#MediaSosial',
  '𝐁𝐞𝐫𝐢𝐭𝐚',
  'café',
  'tidak',
  'bagus',
  'buruk',
  'jalan',
  'rusak',
  'ko',
  'x',
];
const PIECES = [
  ...WORDS,
  'AND',
  'OR',
  'NOT',
  '-',
  '(',
  ')',
  '"',
  '*',
  'site:',
  'site:go.id',
  'lang:id',
  'lang:',
  'source:rss',
  'source:"Google News"',
  'korup*',
  '**',
  ':',
  '\\',
  '&amp;',
  '<b>',
  '\u0000',
  '\u200b',
  '👍🏽',
  'é',
];

const queryArb = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 12 })
  .chain((parts) =>
    fc
      .array(fc.constantFrom(' ', '', '  ', '\t'), { minLength: parts.length, maxLength: parts.length })
      .map((gaps) => parts.map((p, i) => p + (gaps[i] ?? '')).join('')),
  );

/** A query with random characters inserted and deleted. */
const mutatedArb = fc
  .tuple(queryArb, fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.string({ maxLength: 2, unit: 'binary' })), { maxLength: 4 }))
  .map(([q, edits]) =>
    edits.reduce((s, [at, ins, ch]) => {
      const i = s.length ? at % (s.length + 1) : 0;
      return ins ? s.slice(0, i) + ch + s.slice(i) : s.slice(0, i) + s.slice(i + 1);
    }, q),
  );

const anyQueryArb = fc.oneof(queryArb, mutatedArb, fc.string({ maxLength: 40, unit: 'binary' }));

const textArb = fc.oneof(
  fc.string({ maxLength: 200, unit: 'binary' }),
  fc
    .array(
      fc.constantFrom(
        ...WORDS,
        ' ',
        '<a title="korupsi">',
        '</a>',
        '&#233;',
        '&#99999999;',
        '<!--',
        '<script>',
        '&',
        '<',
        '>',
        '"',
        '\n',
        'kata-kata',
        'tidak bagus',
        'https://x.id/a?utm_source=1',
      ),
      { maxLength: 40 },
    )
    .map((a) => a.join(' ')),
);

describe('fuzz: nothing throws', () => {
  it('parseQuery returns a result with an in-range position for any input (10,000 queries)', () => {
    fc.assert(
      fc.property(anyQueryArb, (q) => {
        const r = parseQuery(q);
        // Whatever parses must print back to a query that parses to the same thing.
        const printed = r.ok ? formatQuery(r.ast) : '';
        const again = r.ok ? parseQuery(printed) : undefined;
        expect(again?.ok ? formatQuery(again.ast) : '').toBe(printed);
        const position = r.ok ? 0 : r.error.position;
        expect(position).toBeGreaterThanOrEqual(0);
        expect(position).toBeLessThanOrEqual(q.length);
        expect(r.ok ? 'queryOk' : r.error.messageKey).toMatch(/^query[A-Z]/);
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('normalise, match, tone and story helpers survive any text and query (10,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(anyQueryArb, { minLength: 1, maxLength: 3 }),
        textArb,
        textArb,
        fc.string({ maxLength: 30 }),
        fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
        (queries, title, summary, url, language) => {
          htmlToText(summary);
          tokenize(title);
          normaliseText(summary);
          const watches = queries.map((query, id) => ({ id, query, aliases: [[title.slice(0, 10), 'x y']], languages: [] }));
          const m = compileWatches(watches);
          const hits = m.match({ title, summary, url: `https://${url}`, language, source: url });
          const ids = new Set(watches.map((w) => w.id));
          for (const h of hits) expect(ids.has(h.watchId)).toBe(true);
          expect(hits.length + m.errors.length).toBeLessThanOrEqual(watches.length);
          expect(['positive', 'neutral', 'negative']).toContain(detectTone(`${title} ${summary}`).tone);
          expect(typeof storyKey(title)).toBe('string');
          expect(typeof canonicalizeUrl(url)).toBe('string');
        },
      ),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('indexed matcher and regex baseline agree on generated simple queries', () => {
    const plainWords = ['korupsi', 'pungli', 'banjir', 'jalan', 'rusak', 'warga', 'desa', 'dana', 'medsos', 'media', 'sosial'];
    const word = fc.constantFrom(...plainWords);
    const simple = fc.oneof(
      word,
      fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
      fc.tuple(word, word).map(([a, b]) => `${a} OR ${b}`),
      fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`),
      fc.tuple(word, word).map(([a, b]) => `${a} -${b}`),
      fc.tuple(word, word, word).map(([a, b, c]) => `(${a} OR ${b}) NOT ${c}`),
      word.map((a) => `${a.slice(0, 3)}*`),
    );
    const text = fc.array(word, { maxLength: 15 }).map((a) => a.join(' '));
    fc.assert(
      fc.property(fc.array(simple, { minLength: 1, maxLength: 5 }), text, text, (queries, title, summary) => {
        const watches = queries.map((query, id) => ({ id, query, aliases: [], languages: [] }));
        const item = { title, summary, url: 'https://x.id/', source: 'rss' };
        expect(
          compileWatches(watches)
            .match(item)
            .map((h) => h.watchId),
        ).toEqual(
          compileWatchesAsRegexes(watches)
            .match(item)
            .map((h) => h.watchId),
        );
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});
