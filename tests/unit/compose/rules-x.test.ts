import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { findEmoji } from '../../../utils/text/emoji';
import { RULES } from '../../../utils/networks/rules';

const FAMILY = '👨‍👩‍👧‍👦';
const LONG_URL = `https://www.kemenkeu.go.id/informasi-publik/publikasi/siaran-pers/${'detil-'.repeat(20)}?id=123`;

// Every input is compared with the official library, so a wrong import or option would show here.
const SAMPLES: string[] = [
  'a',
  'Halo dunia',
  'Pemerintah Indonesia meluncurkan program bantuan sosial baru untuk keluarga penerima manfaat.',
  'a'.repeat(279),
  'a'.repeat(280),
  'a'.repeat(281),
  '日本語のテキスト',
  '日'.repeat(140),
  '日'.repeat(141),
  '한국어 텍스트',
  '😀',
  FAMILY,
  '🇮🇩',
  '👍🏽',
  `${FAMILY}🇮🇩👍🏽😀`,
  '😀'.repeat(140),
  '😀'.repeat(141),
  'https://example.com',
  'http://example.com',
  LONG_URL,
  `Baca: ${LONG_URL}`,
  'example.com',
  'kemenkeu.go.id/berita',
  'www.bps.go.id',
  `${'a'.repeat(257)} https://example.com`,
  `${'a'.repeat(256)} https://example.com`,
  `${'a'.repeat(258)} https://example.com`,
  '@kemenkeuRI terima kasih',
  '@budi@mastodon.social halo',
  '#APBN2025 #PajakKitaUntukKita',
  '$IDR naik',
  'Cek fakta: hoaks! Jangan percaya.\n\nSumber resmi: https://komdigi.go.id',
  'café naïve résumé',
  'e\u0301'.repeat(10),
  'Ελληνικά κείμενο',
  'Текст на русском',
  'نص عربي',
  'Tab\tdan baris\nbaru',
  '\uFFFE tidak valid',
  `Rapat ${FAMILY} keluarga 日本 https://a.co/x #tag @user 👍🏽`,
];

describe('X rule matches twitter-text parseTweet', () => {
  it('has a large enough table', () => expect(SAMPLES.length).toBeGreaterThanOrEqual(30));

  it.each(SAMPLES.map((text) => [text.length > 40 ? `${text.slice(0, 37)}…` : text, text]))('%s', (_label, text) => {
    const parsed = twitter.parseTweet(text);
    const measure = RULES.x.measure(text);
    expect(measure.length).toBe(parsed.weightedLength);
    expect(measure.ok).toBe(parsed.valid);
    expect(measure.limit).toBe(280);
  });
});

describe('X rule hand-checked lengths', () => {
  it.each([
    ['a'.repeat(280), 280, true, undefined],
    ['a'.repeat(281), 281, false, 'length'],
    ['Halo dunia', 10, true, undefined],
    ['日本', 4, true, undefined],
    ['日'.repeat(140), 280, true, undefined],
    ['日'.repeat(141), 282, false, 'length'],
    ['😀', 2, true, undefined],
    [FAMILY, 2, true, undefined],
    ['🇮🇩', 2, true, undefined],
    ['👍🏽', 2, true, undefined],
    ['https://example.com', 23, true, undefined],
    [LONG_URL, 23, true, undefined],
    ['example.com', 23, true, undefined],
    [`${'a'.repeat(256)} ${LONG_URL}`, 280, true, undefined],
    [`${'a'.repeat(257)} ${LONG_URL}`, 281, false, 'length'],
    ['\uFFFE', 2, false, 'invalid-characters'],
  ])('%#: length %i ok %s', (text, length, ok, detail) => {
    expect(RULES.x.measure(text)).toEqual({ length, limit: 280, ok, ...(detail ? { detail } : {}) });
  });

  it.each(['', ' ', '   ', '\n\t'])('blank %j is not ok with detail empty', (text) => {
    const measure = RULES.x.measure(text);
    expect(measure.ok).toBe(false);
    expect(measure.detail).toBe('empty');
  });

  it('honours a larger limit (X Premium)', () => {
    const measure = RULES.x.measure('a'.repeat(1000), { limit: 25000 });
    expect(measure).toEqual({ length: 1000, limit: 25000, ok: true });
    expect(RULES.x.measure('a'.repeat(1000)).ok).toBe(false);
  });
});

// X's counting page (docs.x.com/fundamentals/counting-characters): "All emojis count as 2 characters,
// regardless of complexity"; twitter-text 3.1's emoji list stops at Unicode 13 and weighs newer
// sequences per code point (the right-hand column), so Siar corrects only those.
describe('X: every fully-qualified emoji counts 2, also those newer than twitter-text', () => {
  const NEWER = [
    ['🧑‍🔧', 5],
    ['🐦‍🔥', 5],
    ['❤️‍🔥', 5],
    ['🙂‍↔️', 5],
    ['🫱🏻‍🫲🏼', 9],
    ['🏳️‍⚧️', 7],
    ['🧑🏽‍🚀', 5],
  ] as const;

  it.each(NEWER)('%s counts 2 (twitter-text alone says %i)', (emoji, library) => {
    expect(twitter.parseTweet(emoji).weightedLength).toBe(library);
    expect(RULES.x.measure(emoji).length).toBe(2);
    expect(RULES.x.measure(`Selamat ${emoji}!`).length).toBe(twitter.parseTweet('Selamat 😀!').weightedLength);
  });

  it('140 of them fit one post, 141 do not', () => {
    const many = NEWER.map(([emoji]) => emoji)
      .join('')
      .repeat(20);
    expect(RULES.x.measure(many)).toEqual({ length: 280, limit: 280, ok: true });
    expect(RULES.x.measure(`${many}🐦‍🔥`)).toMatchObject({ length: 282, ok: false, detail: 'length' });
  });

  it.each(['©', '™', '1⃣', '☺', 'a\u0301'])('leaves %j as twitter-text weighs it', (text) => {
    expect(RULES.x.measure(text).length).toBe(twitter.parseTweet(text).weightedLength);
  });

  it('the fallback pattern (engines without the v flag) finds the same emoji here', () => {
    const text = `Halo ${NEWER.map(([emoji]) => emoji).join(' ')} 🇮🇩 👨‍👩‍👧‍👦 #️⃣ 🏴󠁧󠁢󠁳󠁣󠁴󠁿 © ™ 1⃣ ☺ ✅ ⚠️`;
    const spans = (withRgiCheck?: boolean) => findEmoji(text, withRgiCheck).map(({ emoji }) => emoji);
    expect(spans(false)).toEqual(spans());
    expect(spans()).toContain('🫱🏻‍🫲🏼');
    expect(spans()).not.toContain('©');
  });
});
