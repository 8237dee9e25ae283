// Thread splitting judged by each network's outside reference, on generated Indonesian posts:
// every part passes the reference counter, and no entity the reference finds is cut between parts.
import { RichText } from '@atproto/api';
import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../../utils/networks/rules';
import { splitForNetwork } from '../../../../utils/text/split';
import { longIndonesianPost, NEWER_EMOJI } from './corpus';

const RUNS = 1000;
const NUMBERING = / \d+\/\d+$/;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (text: string) => [...segmenter.segment(text)].map(({ segment }) => segment);
const utf8 = (text: string) => new TextEncoder().encode(text).length;

interface Span {
  start: number;
  end: number;
}

interface Reference {
  /** Whether one part (numbering included) passes the network's own count. */
  fits(part: string): boolean;
  /** The entities the network finds in the whole text, in UTF-16 offsets. */
  entities(text: string): Span[];
}

const twitterEntities = (text: string): Span[] => twitter.extractEntitiesWithIndices(text).map(({ indices: [start, end] }) => ({ start, end }));

// Mastodon's server: app/validators/status_length_validator.rb counts grapheme clusters of the text
// with every URL that has a protocol (twitter-text extract_urls_with_indices, extract_url_without_protocol:
// false) replaced by 23 characters and every @user@domain (Account::MENTION_RE) by @user.
const MASTODON_MENTION =
  /(?<![=/\p{L}\p{M}\p{Nd}\p{Pc}])@(([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[\p{L}\p{M}\p{Nd}\p{Pc}]+(?:[.-]+[\p{L}\p{M}\p{Nd}\p{Pc}]+)*)?)/giu;
// app/models/concerns/tag/naming.rb, HASHTAG_RE: after a space or at the start, '#' or '＃', then the name.
const SEPARATORS = '_\\u00B7\\u30FB\\u200C';
const WORD = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}';
const MASTODON_TAG = new RegExp(
  `(?<=^|\\s)[#＃]((?:[${WORD}_][${WORD}${SEPARATORS}]*[\\p{L}\\p{M}${SEPARATORS}][${WORD}${SEPARATORS}]*[${WORD}_])|(?:[${WORD}_]*[\\p{L}\\p{M}][${WORD}_]*))`,
  'gu',
);
function mastodonEntities(text: string): Span[] {
  const urls = twitter.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false }).map(({ indices: [start, end] }) => ({ start, end, url: true }));
  const mentions = Array.from(text.matchAll(MASTODON_MENTION), (m) => ({ start: m.index, end: m.index + m[0].length, url: false, user: `@${m[2]}` }));
  const overlapsUrl = (span: Span) => urls.some((url) => span.start < url.end && span.end > url.start);
  return [...urls, ...mentions.filter((mention) => !overlapsUrl(mention))];
}
function mastodonLength(text: string): number {
  let countable = '';
  let cursor = 0;
  for (const entity of mastodonEntities(text).sort((a, b) => a.start - b.start)) {
    countable += text.slice(cursor, entity.start) + ('user' in entity ? entity.user : 'x'.repeat(23));
    cursor = entity.end;
  }
  return graphemes(countable + text.slice(cursor)).length;
}

// Threads publishes no parser. Meta's API doc: "Text posts are limited to 500 characters. Emojis are
// counted as the number of UTF-8 bytes", and at most 5 links; twitter-text stands in for its entities.
const THREADS_EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
const threadsLength = (text: string) => graphemes(text).reduce((sum, g) => sum + (THREADS_EMOJI.test(g) ? utf8(g) : 1), 0);

// Bluesky: bsky.app's own RichText; links compared with Siar's documented stricter trailing-punctuation rule.
const LINK_JUNK = /[.,;:!?"'\u2018\u2019\u201C\u201D\u00AB\u00BB]$/u;
function blueskyEntities(text: string): Span[] {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  const toUtf16 = (byte: number) => new TextDecoder().decode(new TextEncoder().encode(text).slice(0, byte)).length;
  return (rich.facets ?? []).map((facet) => {
    const start = toUtf16(facet.index.byteStart);
    let end = toUtf16(facet.index.byteEnd);
    if (facet.features[0]?.$type.endsWith('#link')) {
      for (;;) {
        const last = text.slice(start, end).at(-1) ?? '';
        if (!LINK_JUNK.test(last) && !(last === ')' && !text.slice(start, end).includes('('))) break;
        end -= 1;
      }
    }
    return { start, end };
  });
}

const REFERENCES: Record<'x' | 'bluesky' | 'mastodon' | 'threads', Reference> = {
  // twitter-text, with X's documented "every emoji counts 2" applied to the emoji it does not know.
  x: {
    fits: (part) => twitter.parseTweet(NEWER_EMOJI.reduce((text, emoji) => text.replaceAll(emoji, '😀'), part)).valid,
    entities: twitterEntities,
  },
  bluesky: {
    fits: (part) => new RichText({ text: part }).graphemeLength <= 300 && utf8(part) <= 3000,
    entities: blueskyEntities,
  },
  mastodon: {
    fits: (part) => mastodonLength(part) <= 500,
    entities: (text) => [...mastodonEntities(text), ...Array.from(text.matchAll(MASTODON_TAG), (m) => ({ start: m.index, end: m.index + m[0].length }))],
  },
  threads: {
    fits: (part) => threadsLength(part) <= 500 && new Set(twitter.extractUrls(part)).size <= 5,
    entities: twitterEntities,
  },
};

/** Where each part's body sits in the original text (parts are slices of it, in order). */
function partSpans(text: string, parts: string[]): Span[] {
  let cursor = 0;
  return parts.map((part) => {
    const body = parts.length > 1 ? part.replace(NUMBERING, '') : part;
    const start = text.indexOf(body, cursor);
    expect(start).toBeGreaterThanOrEqual(cursor);
    cursor = start + body.length;
    return { start, end: cursor };
  });
}

const cut = (entity: Span, spans: Span[]) =>
  spans.some((span) => span.start < entity.end && span.end > entity.start && !(span.start <= entity.start && entity.end <= span.end));

describe.each(Object.keys(REFERENCES) as (keyof typeof REFERENCES)[])('splitting for %s, judged by its outside reference', (network) => {
  const reference = REFERENCES[network];

  it(`on ${RUNS} generated Indonesian posts every part passes and no entity is cut`, () => {
    let split = 0;
    fc.assert(
      fc.property(longIndonesianPost, (text) => {
        const parts = splitForNetwork(text, RULES[network]);
        if (parts.length > 1) split += 1;
        expect(parts.filter((part) => !reference.fits(part))).toEqual([]);
        const spans = partSpans(text, parts);
        const cutEntities = reference.entities(text).filter((entity) => cut(entity, spans));
        expect(
          cutEntities.map((e) => ({
            entity: text.slice(e.start, e.end),
            around: text.slice(e.start - 20, e.end + 5),
            parts: spans.filter((s) => s.start < e.end && s.end > e.start).map((s) => [s.start - e.start, s.end - e.start]),
          })),
        ).toEqual([]);
      }),
      { numRuns: RUNS, seed: 22 },
    );
    // Most generated posts are longer than one post, so the property is about real splits.
    expect(split).toBeGreaterThan(RUNS / 2);
  }, 300_000);
});

// Each text puts the farthest cut that fits (limit minus the " 1/2" numbering) inside the entity, past
// the part of it twitter-text alone would have protected (which is what the splitter used before).
describe('splitting never cuts an entity glued to a long word (fault 3)', () => {
  const glued = (before: number, entity: string, after = '') => `${'a'.repeat(before)}\u00A0${entity}${after}`;
  it.each([
    ['bluesky', glued(286, '@kominfo.bsky.social'), '@kominfo.bsky.social'],
    ['bluesky', glued(285, '#Bersatu-Kita', ' lanjut'), '#Bersatu-Kita'],
    ['bluesky', glued(276, 'https://contoh.jp/パス/ビル', ' lanjut'), 'https://contoh.jp/パス/ビル'],
    ['threads', glued(487, '@humas.jateng'), '@humas.jateng'],
    ['mastodon', glued(487, '@humas@mastodon.social', ' lanjut baca'), '@humas@mastodon.social'],
    ['x', glued(270, '#Bersatu_Kita'), '#Bersatu_Kita'],
  ] as const)('%s keeps %j whole', (network, text, entity) => {
    const bodies = splitForNetwork(text, RULES[network]).map((part) => part.replace(NUMBERING, ''));
    expect(bodies.length).toBeGreaterThan(1);
    expect(bodies.some((body) => body.includes(entity))).toBe(true);
    expect(bodies.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});
