// Grapheme counting against Unicode's own test data (GraphemeBreakTest 15.0, UAX #29), for the
// Intl.Segmenter path and for the unicode-segmenter fallback used where Intl.Segmenter is missing.
import { describe, expect, it } from 'vitest';
import { countGraphemes, graphemeBoundaries, segmentWithoutIntl, splitGraphemes } from '../../../../utils/text/graphemes';
import { graphemeBreakCases, type GraphemeBreakCase } from './suites';

const cases = graphemeBreakCases();

// Unicode 17.0 removed Extended_Pictographic from 672 characters without the Emoji property
// (UTC decision 182-C20, unicode-org/unicodetools#1019). A 15.0 line that joins such a character by
// rule GB11 (e.g. U+2701 ZWJ U+2701) describes data this engine (and unicode-segmenter) no longer has.
const EXT_PICT = /^\p{Extended_Pictographic}$/u;
const restsOnRemovedPictograph = ({ rules, codePoints }: GraphemeBreakCase) =>
  rules.some((rule, k) => rule === '11.0' && !EXT_PICT.test(String.fromCodePoint(codePoints[k] ?? 0)));
const current = cases.filter((c) => !restsOnRemovedPictograph(c));

const boundariesOf = (clusters: string[]) => clusters.reduce((offsets, cluster) => [...offsets, offsets.at(-1)! + cluster.length], [0]);

describe('GraphemeBreakTest 15.0', () => {
  it('has its 602 test lines; only those resting on the Unicode 17 removal are set aside', () => {
    expect(cases).toHaveLength(602);
    expect(cases.filter(restsOnRemovedPictograph).map((c) => c.line)).toEqual([cases.find((c) => c.codePoints[0] === 0x2701)?.line]);
  });

  it.each(current.map((c) => [c.line, c]))('line %i through Intl.Segmenter', (_line, { text, clusters }) => {
    expect(splitGraphemes(text)).toEqual(clusters);
    expect(countGraphemes(text)).toBe(clusters.length);
    expect(graphemeBoundaries(text)).toEqual(boundariesOf(clusters));
  });

  it.each(current.map((c) => [c.line, c]))('line %i through the fallback', (_line, { text, clusters }) => {
    expect(segmentWithoutIntl(text)).toEqual(clusters);
    expect(graphemeBoundaries(text, false)).toEqual(boundariesOf(clusters));
  });
});
