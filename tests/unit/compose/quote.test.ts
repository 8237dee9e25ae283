import { describe, expect, it } from 'vitest';
import { composeBaseText, QUOTE_MAX_GRAPHEMES, quoteText } from '../../../utils/compose/quote';
import { countGraphemes } from '../../../utils/text/graphemes';
import { truncateAtWord } from '../../../utils/compose/text';

const url = 'https://kemenkeu.go.id/berita/1';

describe('quoteText', () => {
  it.each([
    [{ selection: 'APBN tetap sehat.', title: 'Konferensi Pers APBN', url }, '“APBN tetap sehat.” — Konferensi Pers APBN\nhttps://kemenkeu.go.id/berita/1'],
    [{ selection: '  APBN \n\n tetap\tsehat.  ', title: ' Judul \n Berita ', url }, '“APBN tetap sehat.” — Judul Berita\nhttps://kemenkeu.go.id/berita/1'],
    [{ selection: '"Sudah dikutip"', title: 'T', url }, '“Sudah dikutip” — T\nhttps://kemenkeu.go.id/berita/1'],
    [{ selection: 'Tanpa judul', url }, '“Tanpa judul”\nhttps://kemenkeu.go.id/berita/1'],
    [{ selection: 'Tanpa tautan', title: 'Judul' }, '“Tanpa tautan” — Judul'],
    [{ selection: 'Hallo Welt', title: 'T', url, lang: 'de-DE' }, '„Hallo Welt“ — T\nhttps://kemenkeu.go.id/berita/1'],
    [{ selection: 'Bonjour', title: 'T', lang: 'fr' }, '« Bonjour » — T'],
    [{ selection: 'Halo 👨‍👩‍👧‍👦 🇮🇩', title: 'T', lang: 'id' }, '“Halo 👨‍👩‍👧‍👦 🇮🇩” — T'],
  ])('%j', (input, expected) => expect(quoteText(input)).toBe(expected));

  it('caps a long selection at a word boundary with an ellipsis', () => {
    const selection = 'Pemerintah terus memperkuat koordinasi lintas kementerian. '.repeat(10);
    const quote = quoteText({ selection, title: 'T', url });
    const inner = quote.slice(1, quote.indexOf('”'));
    expect(inner.endsWith('…')).toBe(true);
    expect(countGraphemes(inner)).toBeLessThanOrEqual(QUOTE_MAX_GRAPHEMES);
    expect(selection).toContain(`${inner.slice(0, -1)} `);
  });
});

describe('truncateAtWord', () => {
  it.each([
    ['pendek', 10, 'pendek'],
    ['satu dua tiga empat lima', 12, 'satu dua…'],
    ['satu, dua tiga', 10, 'satu…'],
    ['x'.repeat(30), 10, `${'x'.repeat(9)}…`],
    ['👨‍👩‍👧‍👦'.repeat(5), 3, '👨‍👩‍👧‍👦👨‍👩‍👧‍👦…'],
  ])('%j to %i → %j', (text, max, expected) => expect(truncateAtWord(text, max)).toBe(expected));
});

describe('composeBaseText', () => {
  it.each([
    [{ title: 'Judul', selection: 'kutipan', url }, '“kutipan” — Judul\nhttps://kemenkeu.go.id/berita/1'],
    [{ title: 'Judul  Berita', selection: '   ', url }, 'Judul Berita\nhttps://kemenkeu.go.id/berita/1'],
    [{ title: '', description: 'Ringkasan  berita', url }, 'Ringkasan berita\nhttps://kemenkeu.go.id/berita/1'],
    [{ url }, 'https://kemenkeu.go.id/berita/1'],
    [{ title: 'Hanya judul' }, 'Hanya judul'],
    [{}, ''],
  ])('%j', (page, expected) => expect(composeBaseText(page)).toBe(expected));
});
