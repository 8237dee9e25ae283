import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFacetCandidates } from '../../../utils/text/bluesky-facets';
import { countGraphemes, splitGraphemes } from '../../../utils/text/graphemes';
import { RULES } from '../../../utils/networks/rules';
import { splitForNetwork } from '../../../utils/text/split';

const SPLITTABLE = ['x', 'mastodon', 'bluesky', 'threads'] as const;
const NUMBERING = / (\d+)\/(\d+)$/;

function withoutNumbering(parts: string[]): string[] {
  return parts.map((part, index) => {
    const match = NUMBERING.exec(part);
    expect(match?.[1]).toBe(String(index + 1));
    expect(match?.[2]).toBe(String(parts.length));
    return part.replace(NUMBERING, '');
  });
}

const nonWhitespace = (text: string) => text.replace(/\s+/g, '');

const word = fc.constantFrom(
  'pemerintah',
  'kebijakan',
  'anggaran',
  'masyarakat',
  'Indonesia',
  'bantuan',
  'sosial',
  'pajak',
  'café',
  'naïve',
  '日本語',
  '한국어',
  'Ελληνικά',
  '👨‍👩‍👧‍👦',
  '🇮🇩',
  '👍🏽',
  '😀',
  'e\u0301\u0301',
  '2025',
);
const url = fc
  .tuple(
    fc.constantFrom('https://', 'http://', ''),
    fc.constantFrom('kemenkeu.go.id', 'www.bps.go.id', 'example.com', 'komdigi.go.id'),
    fc.stringMatching(/^[a-z0-9-]{0,120}$/),
  )
  .map(([protocol, host, path]) => `${protocol}${host}/${path}`);
const hashtag = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,20}$/).map((tag) => `#${tag}`);
const mention = fc.stringMatching(/^[a-z][a-z0-9_]{0,14}$/).map((name) => `@${name}`);
const handle = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/).map((name) => `@${name}@mastodon.social`);
const longWord = fc.integer({ min: 200, max: 600 }).map((length) => 'x'.repeat(length));
const longEmojiRun = fc.integer({ min: 10, max: 60 }).map((length) => '👨‍👩‍👧‍👦🇮🇩👍🏽'.repeat(length));
const separator = fc.constantFrom(' ', ' ', ' ', '. ', '! ', '\n', '\n\n', ', ');

// An entity glued between long letter runs can only survive if the hard cut steps around it.
const gluedEntity = fc.oneof(
  url.map((entity) => ({ glued: `(${entity})`, entity })),
  hashtag.map((entity) => ({ glued: `/${entity}/`, entity })),
  mention.map((entity) => ({ glued: `,${entity},`, entity })),
);
const glued = fc
  .tuple(longWord, gluedEntity, longWord)
  .map(([before, { glued: middle, entity }, after]) => ({ text: `${before}${middle}${after}`, keep: [entity] }));

const token = fc.oneof(
  { weight: 12, arbitrary: word.map((text) => ({ text, keep: [] as string[] })) },
  { weight: 2, arbitrary: url.map((text) => ({ text, keep: [text] })) },
  { weight: 2, arbitrary: hashtag.map((text) => ({ text, keep: [text] })) },
  { weight: 1, arbitrary: mention.map((text) => ({ text, keep: [text] })) },
  { weight: 1, arbitrary: handle.map((text) => ({ text, keep: [text] })) },
  { weight: 1, arbitrary: longWord.map((text) => ({ text, keep: [] as string[] })) },
  { weight: 1, arbitrary: longEmojiRun.map((text) => ({ text, keep: [] as string[] })) },
  { weight: 2, arbitrary: glued },
);
const document = fc.array(fc.tuple(token, separator), { minLength: 1, maxLength: 40 }).map((pairs) => ({
  text: pairs.map(([{ text }, sep]) => text + sep).join(''),
  kept: pairs.flatMap(([{ keep }]) => keep),
}));

// splitForNetwork's documented exception: a link that does not fit a part even alone with its numbering
// (only on Bluesky, where links count in full; "(https://…)" glued to letters is one link there) stays
// whole in a part that fails.
const holdsOversizedLink = (network: string, part: string) =>
  network === 'bluesky' &&
  findFacetCandidates(part).some((c) => c.kind === 'link' && countGraphemes(part.slice(c.start, c.end) + (NUMBERING.exec(part)?.[0] ?? '')) > 300);

describe.each(SPLITTABLE)('splitForNetwork on %s', (network) => {
  const rule = RULES[network];

  it('every part passes, nothing is lost, no URL/hashtag/mention or grapheme is cut', () => {
    fc.assert(
      fc.property(document, ({ text, kept }) => {
        const parts = splitForNetwork(text, rule);
        expect(parts.filter((part) => !rule.measure(part).ok && !holdsOversizedLink(network, part))).toEqual([]);
        expect(parts.length > 1 || parts[0] === text).toBe(true);
        if (parts.length === 1) return;
        const bodies = withoutNumbering(parts);
        expect(nonWhitespace(bodies.join(''))).toBe(nonWhitespace(text));
        expect(kept.filter((entity) => !bodies.some((body) => body.includes(entity)))).toEqual([]);
        const original = new Set(splitGraphemes(text));
        expect(bodies.flatMap(splitGraphemes).filter((grapheme) => !original.has(grapheme))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('arbitrary Unicode text splits into passing parts without losing characters', () => {
    // X rejects these code points outright, so no split could make such a text pass.
    const valid = fc.string({ unit: 'grapheme', minLength: 200, maxLength: 1000 }).filter((text) => !/[\uFFFE\uFEFF\uFFFF]/.test(text));
    fc.assert(
      fc.property(valid, (text) => {
        const parts = splitForNetwork(text, rule);
        if (parts.length === 1) return;
        expect(parts.filter((part) => !rule.measure(part).ok)).toEqual([]);
        expect(nonWhitespace(withoutNumbering(parts).join(''))).toBe(nonWhitespace(text));
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('returns a text that fits unchanged and unnumbered', () => {
    expect(splitForNetwork('Selamat pagi 🇮🇩 https://kemenkeu.go.id', rule)).toEqual(['Selamat pagi 🇮🇩 https://kemenkeu.go.id']);
  });

  it.each([400, 1200].filter((length) => !rule.measure('a'.repeat(length)).ok))(
    'hard-splits a single over-long %i-letter word into passing parts',
    (length) => {
      const unbreakable = 'a'.repeat(length);
      const parts = splitForNetwork(unbreakable, rule);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) expect(rule.measure(part).ok).toBe(true);
      expect(withoutNumbering(parts).join('')).toBe(unbreakable);
    },
  );

  it('never cuts a ZWJ family, flag or skin tone', () => {
    const text = '👨‍👩‍👧‍👦🇮🇩👍🏽'.repeat(300);
    const bodies = withoutNumbering(splitForNetwork(text, rule));
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) expect(body).toMatch(/^(👨‍👩‍👧‍👦|🇮🇩|👍🏽)+$/u);
  });
});

describe('splitForNetwork choices', () => {
  const sentence = 'Pemerintah menyalurkan bantuan sosial kepada keluarga penerima manfaat di seluruh provinsi.';

  it('prefers sentence ends over the farthest space', () => {
    const text = Array(6).fill(sentence).join(' ');
    const bodies = withoutNumbering(splitForNetwork(text, RULES.x));
    for (const body of bodies) expect(body.endsWith('.')).toBe(true);
  });

  it('prefers paragraph breaks', () => {
    const paragraph = `${sentence} ${sentence}`;
    const text = `${paragraph}\n\n${paragraph}\n\n${paragraph}`;
    expect(withoutNumbering(splitForNetwork(text, RULES.mastodon, { limit: 200 }))).toEqual([paragraph, paragraph, paragraph]);
  });

  it('numbers as a suffix and includes it in the measure', () => {
    const parts = splitForNetwork('kata '.repeat(100).trim(), RULES.bluesky);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/ 1\/2$/);
    expect(RULES.bluesky.measure(parts[0] ?? '').length).toBeLessThanOrEqual(300);
  });

  it('can leave parts unnumbered', () => {
    const parts = splitForNetwork('kata '.repeat(100).trim(), RULES.bluesky, { numbered: false });
    expect(parts.join(' ')).toBe('kata '.repeat(100).trim());
  });

  it('widens the numbering when the thread reaches 10 parts', () => {
    const parts = splitForNetwork('kata '.repeat(600).trim(), RULES.x);
    expect(parts.length).toBeGreaterThanOrEqual(10);
    expect(parts[0]).toMatch(new RegExp(` 1/${parts.length}$`));
    for (const part of parts) expect(RULES.x.measure(part).ok).toBe(true);
  });

  it('keeps a long URL whole on X (it counts 23) while splitting around it', () => {
    const longUrl = `https://kemenkeu.go.id/${'a'.repeat(400)}`;
    const parts = splitForNetwork(`${'kata '.repeat(60)}${longUrl} ${'kata '.repeat(60)}`, RULES.x);
    expect(parts.some((part) => part.includes(longUrl))).toBe(true);
    for (const part of parts) expect(RULES.x.measure(part).ok).toBe(true);
  });

  it('keeps a URL too long for any Bluesky post whole, in its own failing part', () => {
    const longUrl = `https://kemenkeu.go.id/${'a'.repeat(400)}`;
    const parts = splitForNetwork(`Baca ${longUrl} sekarang`, RULES.bluesky);
    const urlPart = parts.find((part) => part.includes(longUrl));
    expect(urlPart).toBeDefined();
    expect(RULES.bluesky.measure(urlPart ?? '').ok).toBe(false);
  });

  it('splits a Threads post with too many links so each part has at most 5', () => {
    const text = Array.from({ length: 12 }, (_, index) => `https://contoh${index}.go.id`).join(' ');
    const parts = splitForNetwork(text, RULES.threads);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(RULES.threads.measure(part).ok).toBe(true);
  });

  it('does not split networks that are not splittable', () => {
    expect(splitForNetwork('a'.repeat(5000), RULES.linkedin)).toEqual(['a'.repeat(5000)]);
  });

  it('returns blank text as is', () => {
    expect(splitForNetwork('   ', RULES.x)).toEqual(['   ']);
  });

  it('respects a Mastodon instance limit', () => {
    const text = 'kata '.repeat(150).trim();
    expect(splitForNetwork(text, RULES.mastodon, { limit: 1000 })).toEqual([text]);
    expect(splitForNetwork(text, RULES.mastodon).length).toBe(2);
  });
});
