import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../../scripts/tone-data';
import { detectTone, toneFeatures } from '../../../utils/monitor/tone';
import { detectToneLexicon } from '../../../utils/monitor/tone-lexicon';
import { CLASSES, scoreLabels } from '../../../utils/monitor/tone-learn';

// References from outside the team: SmSA (IndoNLU) and CNBC Indonesia headlines, labelled by their
// authors (../shared/datasets/README.md). The floors are the figures measured when the model was
// trained (utils/monitor/data/README.md), less a little, so a broken tokeniser or model fails here.

const macroF1 = (domain: 'smsa' | 'cnbci', split: string) => {
  const examples = readDataset(domain, split);
  return scoreLabels(
    examples.map((e) => e.label),
    examples.map((e) => CLASSES.indexOf(detectTone(e.text).tone)),
  ).macroF1;
};

describe('detectTone on labelled Indonesian text', () => {
  it('reaches macro-F1 0.78 on SmSA test and 0.80 on CNBCI valid (the word list had 0.61 and 0.52)', () => {
    expect(macroF1('smsa', 'test')).toBeGreaterThan(0.78);
    expect(macroF1('cnbci', 'valid')).toBeGreaterThan(0.8);
  });

  it("gets SmSA's short texts with a negator right four times in five (the word list: one in two)", () => {
    // Texts of at most 12 words with "tidak", "kurang"… from the splits the model never trained on.
    const short = [...readDataset('smsa', 'valid'), ...readDataset('smsa', 'test')].filter(
      (e) => /(^|\s)(tidak|tak|bukan|kurang|belum|gak|nggak|enggak)\s/.test(e.text) && e.text.split(' ').length <= 12,
    );
    expect(short.length).toBeGreaterThan(50);
    const share = (tone: (text: string) => string) => short.filter((e) => tone(e.text) === CLASSES[e.label]).length / short.length;
    expect(share((text) => detectTone(text).tone)).toBeGreaterThanOrEqual(0.8);
    expect(share((text) => detectToneLexicon(text).tone)).toBeLessThan(0.6);
  });
});

describe('negation and names', () => {
  it('marks up to three words after a negator, not across a comma, not after "tidak hanya"', () => {
    expect(toneFeatures('pelayanan tidak terlalu cepat sekali').keys).toEqual(expect.arrayContaining(['!terlalu', '!cepat', '!sekali']));
    expect(toneFeatures('tidak ada yang bilang bagus').keys).toContain('bagus');
    expect(toneFeatures('tidak, bagus').keys).toContain('bagus');
    expect(toneFeatures('tidak hanya bagus').keys).not.toContain('!bagus');
  });

  it.each(['Makan Bergizi Gratis', 'Kartu Indonesia Sehat', 'Indonesia Maju', 'Bank Mandiri', 'MBG'])('%j alone carries no tone', (name) => {
    expect(toneFeatures(name).keys).toEqual([]);
    expect(detectTone(name)).toMatchObject({ tone: 'neutral', score: 0, reasons: [] });
  });

  it("a programme name does not lift a poisoning towards positive (the issue's example)", () => {
    const masked = detectTone('Siswa Keracunan Usai Santap Makan Bergizi Gratis');
    expect(masked.score).toBeLessThan(0);
    expect(masked.score).toBe(detectTone('Siswa Keracunan Usai Santap').score);
    expect(masked.reasons.join(' ')).not.toMatch(/gratis|bergizi/);
    // The same words outside a name do count: "gratis" is praise in a review.
    expect(detectTone('Siswa keracunan usai santap makanan gratis').score).toBeGreaterThan(masked.score);
  });

  it('a known name added as its own clause never changes the score', () => {
    const texts = readDataset('cnbci', 'valid')
      .slice(0, 200)
      .map((e) => e.text);
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.constantFrom('Bank Mandiri', 'Makan Bergizi Gratis', 'Kartu Indonesia Sehat'), (text, name) => {
        expect(detectTone(`${text}. ${name}`).score).toBeCloseTo(detectTone(text).score, 10);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the result', () => {
  it('gives up to three reasons, each made of words of the text', () => {
    for (const e of readDataset('cnbci', 'valid').slice(0, 100)) {
      const result = detectTone(e.text);
      expect(result.reasons.length).toBeLessThanOrEqual(3);
      const words = new Set(toneFeatures(e.text).shown.flatMap((s) => s.split(' ')));
      for (const reason of result.reasons) for (const word of reason.split(' ')) expect(words).toContain(word);
      expect(result.score).toBeGreaterThanOrEqual(-1);
      expect(result.score).toBeLessThanOrEqual(1);
    }
  });

  it('empty, HTML-only and non-text input is neutral', () => {
    for (const text of ['', '<p></p>', '   ', undefined as unknown as string]) expect(detectTone(text).tone).toBe('neutral');
  });

  it('the shipped model file is at most 250 KB gzip', () => {
    const file = readFileSync(new URL('../../../utils/monitor/data/tone-model.json', import.meta.url));
    expect(gzipSync(file).length).toBeLessThanOrEqual(250_000);
  });
});
