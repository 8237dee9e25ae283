/**
 * User-perceived characters (grapheme clusters). Networks that "count characters" count these,
 * so a ZWJ family, a flag or a skin-toned emoji is one character.
 */

const segmenter: Intl.Segmenter | undefined =
  typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : undefined;

// Firefox before 125 has no Intl.Segmenter (the manifest allows 115), so an approximation keeps
// emoji sequences together: marks, variation selectors, skin tones and tags extend the cluster,
// ZWJ glues the next code point, and regional indicators pair up into flags.
const MARK = /^\p{M}$/u;
const ZWJ = '\u200D';

function extendsCluster(codePoint: string): boolean {
  const value = codePoint.codePointAt(0) ?? 0;
  const isSkinTone = value >= 0x1f3fb && value <= 0x1f3ff;
  const isTag = value >= 0xe0020 && value <= 0xe007f;
  return MARK.test(codePoint) || value === 0x200c || isSkinTone || isTag;
}

function isRegionalIndicator(codePoint: string): boolean {
  const value = codePoint.codePointAt(0) ?? 0;
  return value >= 0x1f1e6 && value <= 0x1f1ff;
}

export function segmentWithoutIntl(text: string): string[] {
  const clusters: string[] = [];
  let joinNext = false;
  let openFlag = false;
  for (const codePoint of text) {
    const last = clusters.length - 1;
    const isIndicator = isRegionalIndicator(codePoint);
    const attaches: boolean =
      last >= 0 && (joinNext || codePoint === ZWJ || extendsCluster(codePoint) || (isIndicator && openFlag));
    if (attaches) clusters[last] += codePoint;
    else clusters.push(codePoint);
    openFlag = isIndicator && !(attaches && openFlag);
    joinNext = codePoint === ZWJ;
  }
  return clusters;
}

export function splitGraphemes(text: string): string[] {
  if (!segmenter) return segmentWithoutIntl(text);
  return Array.from(segmenter.segment(text), (part) => part.segment);
}

export function countGraphemes(text: string): number {
  if (!segmenter) return segmentWithoutIntl(text).length;
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/** UTF-16 offsets where a grapheme starts, plus text.length; cutting anywhere else would break a character. */
export function graphemeBoundaries(text: string): number[] {
  const offsets = [0];
  let offset = 0;
  for (const cluster of splitGraphemes(text)) {
    offset += cluster.length;
    offsets.push(offset);
  }
  return offsets;
}

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
