import { describe, expect, it } from 'vitest';
import { applyHashtags, applySignature } from '../../../utils/compose/presets';

describe('applyHashtags', () => {
  it.each<[string, string[], string]>([
    ['Berita hari ini', ['APBN', 'PajakKita'], 'Berita hari ini\n#APBN #PajakKita'],
    ['Berita hari ini', ['#APBN', '  #PajakKita '], 'Berita hari ini\n#APBN #PajakKita'],
    ['Soal #apbn hari ini', ['APBN', 'Pajak'], 'Soal #apbn hari ini\n#Pajak'],
    ['Semua ada #APBN #Pajak', ['apbn', 'PAJAK'], 'Semua ada #APBN #Pajak'],
    ['Teks\n#APBN', ['Pajak'], 'Teks\n#APBN #Pajak'],
    ['Teks  \n\n', ['APBN'], 'Teks\n#APBN'],
    ['', ['APBN'], '#APBN'],
    ['Teks', ['APBN', 'apbn', '', '#'], 'Teks\n#APBN'],
    ['Teks', [], 'Teks'],
    ['Lihat https://a.go.id/#APBN', ['APBN'], 'Lihat https://a.go.id/#APBN\n#APBN'],
    ['Kabar 👍🏽', ['Indonesia🇮🇩'], 'Kabar 👍🏽\n#Indonesia🇮🇩'],
    ['Teks', ['Hari Pajak'], 'Teks\n#HariPajak'],
  ])('%j + %j', (text, tags, expected) => expect(applyHashtags(text, tags)).toBe(expected));

  it('is idempotent', () => {
    const once = applyHashtags('Berita', ['APBN', 'Pajak']);
    expect(applyHashtags(once, ['APBN', 'Pajak'])).toBe(once);
  });
});

describe('applySignature', () => {
  it.each([
    ['Berita hari ini', '— Humas Kemenkeu', 'Berita hari ini\n— Humas Kemenkeu'],
    ['Berita hari ini\n\n', ' — Humas Kemenkeu ', 'Berita hari ini\n— Humas Kemenkeu'],
    ['Berita\n— Humas Kemenkeu', '— Humas Kemenkeu', 'Berita\n— Humas Kemenkeu'],
    ['Berita', '', 'Berita'],
    ['', '— Humas', '— Humas'],
  ])('%j + %j', (text, signature, expected) => expect(applySignature(text, signature)).toBe(expected));

  it('is idempotent', () => {
    const once = applySignature('Berita', '— Humas');
    expect(applySignature(once, '— Humas')).toBe(once);
  });
});
