import { describe, expect, it } from 'vitest';
import { NETWORK_IDS } from '../../../utils/networks/ids';
import { RULES } from '../../../utils/networks/rules';
import { mastodonCountableText } from '../../../utils/networks/rules/mastodon';
import { threadsLength } from '../../../utils/networks/rules/threads';

const FAMILY = '👨‍👩‍👧‍👦'; // 7 code points, 11 UTF-16 units, 25 UTF-8 bytes, 1 grapheme
const FLAG = '🇮🇩'; // 2 code points, 4 UTF-16 units, 8 bytes
const THUMB = '👍🏽'; // 2 code points, 4 UTF-16 units, 8 bytes
const LONG_URL = `https://www.kemenkeu.go.id/informasi-publik/${'siaran-pers/'.repeat(15)}?id=123`;

type Row = [label: string, text: string, length: number, ok: boolean, detail?: string];

function measured(network: keyof typeof RULES, [, text]: Row, opts = {}) {
  const { length, ok, detail } = RULES[network].measure(text, opts);
  return { length, ok, detail };
}

const wanted = ([, , length, ok, detail]: Row) => ({ length, ok, detail });

describe('every rule', () => {
  it('exists for every network id', () => {
    expect(Object.keys(RULES).sort()).toEqual([...NETWORK_IDS].sort());
  });

  it.each(NETWORK_IDS.flatMap((id) => ['', ' ', '\n\n  \t'].map((text) => [id, text] as const)))('%s treats blank %j as not ok (empty)', (id, text) => {
    expect(RULES[id].measure(text)).toMatchObject({ ok: false, detail: 'empty' });
  });

  it.each([
    ['x', true],
    ['mastodon', true],
    ['bluesky', true],
    ['threads', true],
    ['linkedin', false],
    ['facebook', false],
    ['telegram', false],
  ] as const)('%s splittable is %s', (id, splittable) => expect(RULES[id].splittable).toBe(splittable));
});

describe('Mastodon: graphemes, http(s) URLs count 23, @user@domain counts as @user', () => {
  it.each<Row>([
    ['plain Indonesian', 'Selamat pagi, Indonesia!', 24, true],
    ['exactly 500', 'a'.repeat(500), 500, true],
    ['one over', 'a'.repeat(501), 501, false, 'length'],
    ['ZWJ family is 1', FAMILY, 1, true],
    ['flag is 1', FLAG, 1, true],
    ['skin tone is 1', THUMB, 1, true],
    ['CJK one each', '日本語', 3, true],
    ['combining accent', 'e\u0301', 1, true],
    ['long https URL is 23', LONG_URL, 23, true],
    ['http URL is 23', 'http://example.com/a/b/c/d/e/f', 23, true],
    ['URL without protocol counts in full', 'kemenkeu.go.id/berita', 21, true],
    ['handle keeps only @user', '@budi@mastodon.social', 5, true],
    ['handle with subdomain', 'halo @humas_kemenkeu@sosial.kemenkeu.go.id!', 21, true],
    ['local mention unchanged', '@budi', 5, true],
    ['e-mail address is not a handle', 'surat budi@kemenkeu.go.id', 25, true],
    ['handle inside a URL is not shortened', 'https://mastodon.social/@budi@example.com', 23, true],
    ['URL at exactly 500', `${LONG_URL} ${'a'.repeat(476)}`, 500, true],
    ['URL one over', `${LONG_URL} ${'a'.repeat(477)}`, 501, false, 'length'],
  ])('%s', (...row) => expect(measured('mastodon', row)).toEqual(wanted(row)));

  it('uses the instance limit when given', () => {
    expect(RULES.mastodon.measure('a'.repeat(501), { limit: 1000 })).toEqual({ length: 501, limit: 1000, ok: true });
    expect(RULES.mastodon.measure('a'.repeat(1001), { limit: 1000 }).ok).toBe(false);
  });

  it('rewrites URLs and handles like the server', () => {
    expect(mastodonCountableText('Lihat https://a.go.id/x dan @ani@social.go.id')).toBe(`Lihat ${'x'.repeat(23)} dan @ani`);
  });
});

describe('Bluesky: 300 graphemes and 3000 UTF-8 bytes, URLs in full', () => {
  it.each<Row>([
    ['exactly 300', 'a'.repeat(300), 300, true],
    ['one over', 'a'.repeat(301), 301, false, 'length'],
    ['ZWJ family is 1', FAMILY, 1, true],
    ['flag and skin tone', `${FLAG}${THUMB}`, 2, true],
    ['CJK', '日本語のテキスト', 8, true],
    ['URL counts in full', 'https://example.com/abc', 23, true],
    ['URL without protocol in full', 'bps.go.id', 9, true],
    ['120 families = 3000 bytes', FAMILY.repeat(120), 120, true],
    ['121 families = 3025 bytes', FAMILY.repeat(121), 121, false, 'bytes'],
    ['graphemes fail before bytes', FAMILY.repeat(301), 301, false, 'length'],
    ['Indonesian', 'Kementerian Keuangan', 20, true],
  ])('%s', (...row) => expect(measured('bluesky', row)).toEqual(wanted(row)));
});

describe('Threads: 500, emoji count their UTF-8 bytes, at most 5 links', () => {
  const links = (count: number) => Array.from({ length: count }, (_, index) => `https://contoh${index}.go.id`).join(' ');
  it.each<Row>([
    ['exactly 500', 'a'.repeat(500), 500, true],
    ['one over', 'a'.repeat(501), 501, false, 'length'],
    ['emoji is 4', '😀', 4, true],
    ['family is 25', FAMILY, 25, true],
    ['flag is 8', FLAG, 8, true],
    ['skin tone is 8', THUMB, 8, true],
    ['125 emoji = 500', '😀'.repeat(125), 500, true],
    ['126 emoji = 504', '😀'.repeat(126), 504, false, 'length'],
    ['CJK one each', '日本語', 3, true],
    ['accented letter one', 'café', 4, true],
    ['5 links ok', links(5), links(5).length, true],
    ['6 links', links(6), links(6).length, false, 'links'],
    ['same link 6 times is 1', Array(6).fill('https://a.go.id').join(' '), 95, true],
    ['links without protocol count', 'a.go.id b.go.id c.go.id d.go.id e.go.id f.go.id', 47, false, 'links'],
  ])('%s', (...row) => expect(measured('threads', row)).toEqual(wanted(row)));

  it('counts by grapheme outside emoji', () => expect(threadsLength(`a${FAMILY}b`)).toBe(27));
});

describe('Telegram (code points), LinkedIn and Facebook (UTF-16 units)', () => {
  it.each<[keyof typeof RULES, Row, object?]>([
    ['telegram', ['exactly 4096', 'a'.repeat(4096), 4096, true]],
    ['telegram', ['one over', 'a'.repeat(4097), 4097, false, 'length']],
    // Telegram counts code points: 4,096 U+1F600 were accepted and 4,097 refused by the live Bot API
    // (github.com/FerroxLabs/wayland/issues/934).
    ['telegram', ['4096 emoji fit', '😀'.repeat(4096), 4096, true]],
    ['telegram', ['4097 emoji do not', '😀'.repeat(4097), 4097, false, 'length']],
    ['telegram', ['family counts its 7 code points', FAMILY, 7, true]],
    ['telegram', ['flag counts 2', FLAG, 2, true]],
    ['telegram', ['caption of 1024 emoji fits', '😀'.repeat(1024), 1024, true], { asPhotoCaption: true }],
    ['telegram', ['caption exactly 1024', 'a'.repeat(1024), 1024, true], { asPhotoCaption: true }],
    ['telegram', ['caption one over', 'a'.repeat(1025), 1025, false, 'length'], { asPhotoCaption: true }],
    ['linkedin', ['exactly 3000', 'a'.repeat(3000), 3000, true]],
    ['linkedin', ['one over', 'a'.repeat(3001), 3001, false, 'length']],
    ['linkedin', ['flag counts 4', FLAG, 4, true]],
    ['linkedin', ['URL in full', 'https://example.com', 19, true]],
    ['facebook', ['exactly 63206', 'a'.repeat(63206), 63206, true]],
    ['facebook', ['one over', 'a'.repeat(63207), 63207, false, 'length']],
    ['facebook', ['CJK one each', '日本語', 3, true]],
  ])('%s %j', (network, row, opts) => expect(measured(network, row, opts)).toEqual(wanted(row)));

  it('reports the limit in use', () => {
    expect(RULES.telegram.measure('hai').limit).toBe(4096);
    expect(RULES.telegram.measure('hai', { asPhotoCaption: true }).limit).toBe(1024);
    expect(RULES.linkedin.measure('hai').limit).toBe(3000);
    expect(RULES.facebook.measure('hai').limit).toBe(63206);
  });
});
