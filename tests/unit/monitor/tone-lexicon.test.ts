import { describe, expect, it } from 'vitest';
import { detectToneLexicon as detectTone } from '../../../utils/monitor/tone-lexicon';
import { NEGATIVE_WORDS, NEGATORS, POSITIVE_WORDS } from '../../../utils/monitor/tone-words';

describe('detectToneLexicon (the old word list, eval:tone baseline)', () => {
  it.each([
    ['Warga apresiasi layanan cepat Disdukcapil', 'positive'],
    ['Terima kasih Pemkot atas bantuan yang sangat membantu', 'positive'],
    ['Program berhasil, warga bangga', 'positive'],
    ['Dugaan korupsi dana desa', 'negative'],
    ['Warga kecewa pelayanan lambat', 'negative'],
    ['Banjir keluhan soal pungli di terminal', 'negative'],
    ['Rapat koordinasi digelar Senin', 'neutral'],
    ['', 'neutral'],
    // negation
    ['Pelayanannya tidak bagus', 'negative'],
    ['Hasilnya tak memuaskan', 'negative'],
    ['Proyek belum berhasil', 'negative'],
    ['Pembangunan kurang transparan', 'negative'],
    ['Layanan nggak membantu sama sekali', 'negative'],
    ['Pelayanan gak cepat', 'negative'],
    ['Jalan itu tidak terlalu sangat bagus', 'negative'],
    ['Rekrutmen tanpa pungli', 'positive'],
    ['Layanan bebas dari korupsi', 'positive'],
    ['Jangan kecewa, layanan kini membaik', 'positive'],
    // clitics and styling reach the lexicon
    ['Kecewanya warga sudah memuncak', 'negative'],
    ['𝐒𝐮𝐤𝐬𝐞𝐬 untuk semua', 'positive'],
    // phrases that contain a negator are entries of their own
    ['Pejabat tidak becus mengurus sampah', 'negative'],
    ['Tidak hanya cepat, tapi juga ramah', 'positive'],
    ['<p title="korupsi">Acara meriah</p>', 'positive'],
  ])('%j → %s', (text, tone) => {
    expect(detectTone(text).tone).toBe(tone);
  });

  it.each(['tidak buruk', 'Kualitas jalan tidak buruk', 'bukan gagal', 'tak lambat'])('%j is not negative', (text) => {
    expect(detectTone(text).tone).not.toBe('negative');
  });

  it('negation reaches at most three words', () => {
    expect(detectTone('tidak ada yang bilang bagus').tone).toBe('positive');
    expect(detectTone('tidak ada yang bagus').tone).toBe('negative');
  });

  it('a negated negative weighs half, a negated positive fully', () => {
    expect(detectTone('tidak buruk').score).toBe(0.5);
    expect(detectTone('tidak bagus').score).toBe(-1);
  });

  it('reports hits with their weight and negation', () => {
    expect(detectTone('Terima kasih, tapi tidak transparan').hits).toEqual([
      { term: 'terima kasih', weight: 1, negated: false },
      { term: 'transparan', weight: -1, negated: true },
    ]);
  });

  it('lexicon has a few hundred words each side, no overlap, no negators', () => {
    expect(POSITIVE_WORDS.length).toBeGreaterThanOrEqual(250);
    expect(NEGATIVE_WORDS.length).toBeGreaterThanOrEqual(300);
    const pos = new Set(POSITIVE_WORDS);
    expect(NEGATIVE_WORDS.filter((w) => pos.has(w))).toEqual([]);
    const single = new Set([...POSITIVE_WORDS, ...NEGATIVE_WORDS]);
    expect(NEGATORS.filter((w) => single.has(w))).toEqual([]);
  });
});
