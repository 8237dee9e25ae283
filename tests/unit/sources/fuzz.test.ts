import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importOpml } from '../../../utils/sources/opml';
import { MAX_FEED_ITEMS, parseFeed, type ParseFeedResult } from '../../../utils/sources/parse-feed';
import { stripTags } from '../../../utils/text/html';
import { fixture } from './helpers';

// Feeds are hostile input: whatever bytes arrive, parseFeed must answer with a result, never throw,
// and a successful result must still respect the RawItem invariants.

const SEEDS = [
  'antaranews-terkini.xml',
  'detik-news.xml',
  'kompas-nasional.xml',
  'kominfo-blog-atom.xml',
  'slashdot-rdf.xml',
  'jsonfeed-microblog.json',
  'googlenews-search.xml',
  'userland-rss091.xml',
  'windows-1252.xml',
  'iso-8859-1.xml',
  'utf-16le-bom.xml',
  'hostile.xml',
  'no-links.xml',
].map(fixture);

const CONTENT_TYPES = [
  undefined,
  'application/rss+xml',
  'text/xml; charset=windows-1252',
  'text/html; charset=utf-8',
  'application/json; charset=utf-16',
  'text/xml; charset=x-bogus',
];
const CODES = new Set(['not-a-feed', 'malformed', 'too-large', 'empty']);
const encoder = new TextEncoder();

function checkResult(result: ParseFeedResult): void {
  if (!result.ok) {
    expect(CODES.has(result.error.code)).toBe(true);
    // "Unexpected" marks an exception that was neither feedsmith's typed error nor ours: a mapping bug.
    expect(result.error.detail).not.toMatch(/^Unexpected/);
    return;
  }
  expect(result.items.length).toBeLessThanOrEqual(MAX_FEED_ITEMS);
  for (const item of result.items) {
    expect(/^https?:\/\//.test(item.url)).toBe(true);
    expect(typeof item.guid === 'string' && item.guid.length > 0).toBe(true);
    expect(typeof item.title).toBe('string');
    expect(item.title.length).toBeLessThanOrEqual(500);
    expect(item.summary.length).toBeLessThanOrEqual(1000);
    expect(typeof item.outlet).toBe('string');
    if (item.publishedAt !== undefined) expect(Number.isFinite(item.publishedAt)).toBe(true);
  }
}

let parsed = 0;

function parseNeverThrows(bytes: Uint8Array, contentType: string | undefined): void {
  parsed++;
  let result: ParseFeedResult | undefined;
  expect(() => {
    result = parseFeed(bytes, contentType);
  }).not.toThrow();
  if (result) checkResult(result);
}

const INJECTIONS = [
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#x110000;',
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '<item>',
  '</item>',
  '<entry>',
  '</channel>',
  '<rss version="2.0">',
  '<script>alert(1)</script>',
  '<link>javascript:alert(1)</link>',
  '<guid/>',
  '<!DOCTYPE x [<!ENTITY a "&a;&a;">]>',
  '<?xml version="1.0" encoding="utf-16"?>',
  '\u0000',
  '\uFFFE',
  '{"items":',
  '<title type="xhtml"><div>',
  '<pubDate>32 Foo 99999</pubDate>',
  '<a:b:c>',
  '"',
  "'",
  '\n\n',
];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'inject'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 12 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
);

function mutate(seed: Uint8Array, mutations: Mutation[]): Uint8Array {
  let bytes = seed;
  for (const step of mutations) {
    const at = bytes.length === 0 ? 0 : step.at % bytes.length;
    switch (step.kind) {
      case 'truncate':
        bytes = bytes.slice(0, at);
        break;
      case 'flip':
        bytes = bytes.slice();
        if (bytes.length > 0) bytes[at] = (bytes[at] ?? 0) ^ (1 << step.bit);
        break;
      case 'inject': {
        const text = encoder.encode(step.text);
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...text, ...bytes.subarray(at)]);
        break;
      }
      case 'delete':
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + step.length)]);
        break;
      case 'duplicate': {
        const slice = bytes.subarray(at, at + step.length);
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...slice, ...slice, ...bytes.subarray(at + step.length)]);
        break;
      }
    }
  }
  return bytes;
}

// Small random XML documents built from feed vocabulary, so the parser reaches deep code paths.
const TAGS = [
  'rss',
  'channel',
  'item',
  'title',
  'link',
  'description',
  'guid',
  'pubDate',
  'source',
  'feed',
  'entry',
  'id',
  'updated',
  'summary',
  'content',
  'author',
  'name',
  'rdf:RDF',
  'dc:date',
  'dc:creator',
  'content:encoded',
  'p',
  'script',
];
const ATTRS = [
  '',
  ' version="2.0"',
  ' xmlns="http://www.w3.org/2005/Atom"',
  ' href="/x"',
  ' rel="alternate"',
  ' type="html"',
  ' isPermaLink="false"',
  ' url="javascript:x"',
  ' xml:lang="id"',
  ' rdf:about="https://a.example/1"',
];
const xmlText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    'https://a.example/1',
    '/rel/path',
    'Tue, 03 Dec 2024 10:30:05 +0700',
    '2024-12-03T03:10:11Z',
    '&amp;lt;b&amp;gt;',
    '<![CDATA[<b>x</b>]]>',
    '&#8220;q&#8221;',
  ),
);
const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    xmlText,
    fc
      .tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS), fc.array(tie('node'), { maxLength: 4 }), fc.boolean())
      .map(([tag, attrs, children, closed]) => `<${tag}${attrs}>${children.join('')}${closed ? `</${tag}>` : ''}`),
  ),
}));
const randomXml = fc.tuple(fc.boolean(), node).map(([prolog, body]) => encoder.encode(`${prolog ? '<?xml version="1.0"?>' : ''}${body}`));

const randomJson = fc.jsonValue({ maxDepth: 4 }).map((value) => {
  const feed =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? { version: 'https://jsonfeed.org/version/1.1', title: 'J', ...value } : value;
  return encoder.encode(JSON.stringify(feed) ?? 'null');
});

describe('parseFeed fuzzing', () => {
  it('survives 6,000 mutated real-world feeds', () => {
    const before = parsed;
    fc.assert(
      fc.property(
        fc.nat({ max: SEEDS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...CONTENT_TYPES),
        (index, steps, contentType) => {
          parseNeverThrows(mutate(SEEDS[index] ?? new Uint8Array(), steps), contentType);
        },
      ),
      { numRuns: 6_000 },
    );
    expect(parsed - before).toBeGreaterThanOrEqual(6_000);
  }, 120_000);

  it('survives 3,000 random feed-shaped XML documents', () => {
    const before = parsed;
    fc.assert(fc.property(randomXml, fc.constantFrom(...CONTENT_TYPES), parseNeverThrows), { numRuns: 3_000 });
    expect(parsed - before).toBeGreaterThanOrEqual(3_000);
  }, 120_000);

  it('survives 1,000 random JSON feeds and 1,000 random byte strings', () => {
    const before = parsed;
    fc.assert(fc.property(randomJson, fc.constantFrom(...CONTENT_TYPES), parseNeverThrows), { numRuns: 1_000 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), fc.constantFrom(...CONTENT_TYPES), parseNeverThrows), { numRuns: 1_000 });
    expect(parsed - before).toBeGreaterThanOrEqual(2_000);
  }, 120_000);
});

describe('other untrusted-input helpers', () => {
  it('stripTags never leaves a tag that opened and closed, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom(...INJECTIONS), (text, injected) => {
        const out = stripTags(`${text}${injected}<b onclick="x">${text}</b>`);
        expect(out).not.toMatch(/<b onclick/);
        expect(out).toBe(out.trim());
      }),
      { numRuns: 2_000 },
    );
  });

  it('importOpml never throws', () => {
    const opml = encoder.encode(
      '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body><outline text="a" xmlUrl="https://a.example/rss"><outline text="b" xmlUrl="https://b.example/rss"/></outline></body></opml>',
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (steps) => {
        const result = importOpml(mutate(opml, steps));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2_000 },
    );
  });
});
