import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countGraphemes, graphemeBoundaries, segmentWithoutIntl, splitGraphemes, utf8Length } from '../../../utils/text/graphemes';

const FAMILY = '👨‍👩‍👧‍👦';

describe('graphemes', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    [FAMILY, 1],
    ['🇮🇩🇯🇵', 2],
    ['👍🏽👍🏿', 2],
    ['e\u0301', 1],
    ['日本語', 3],
    ['🏴󠁧󠁢󠁳󠁣󠁴󠁿', 1], // Scotland: tag sequence
    ['❤️', 1], // variation selector
    ['1️⃣', 1], // keycap
    ['Halo 👋🏽 Indonesia 🇮🇩', 18],
  ])('%j has %i graphemes, with or without Intl.Segmenter', (text, count) => {
    expect(countGraphemes(text)).toBe(count);
    expect(splitGraphemes(text)).toHaveLength(count);
    expect(segmentWithoutIntl(text)).toHaveLength(count);
    expect(splitGraphemes(text).join('')).toBe(text);
  });

  it('gives boundaries in UTF-16 offsets', () => {
    expect(graphemeBoundaries(`a${FAMILY}b`)).toEqual([0, 1, 12, 13]);
  });

  it.each([
    ['a', 1],
    ['é', 2],
    ['日', 3],
    ['😀', 4],
    [FAMILY, 25],
  ])('%j is %i UTF-8 bytes', (text, bytes) => expect(utf8Length(text)).toBe(bytes));

  it('the ASCII shortcut agrees with Intl.Segmenter on any text', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const mixed = fc
      .array(fc.oneof(fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('\r\n', '\u0301', '\u200D', '🏽', '\u0600', '🇮')))
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(mixed, (text) => {
        expect(splitGraphemes(text)).toEqual(Array.from(segmenter.segment(text), ({ segment }) => segment));
      }),
      { numRuns: 1000 },
    );
  });

  it('fallback segmentation always reassembles the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(segmentWithoutIntl(text).join('')).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
