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

function isPrintableAscii(code: number | undefined): boolean {
  return code !== undefined && code >= 0x20 && code <= 0x7e;
}

/** Grapheme start offsets of a stretch that has no shortcut, from Intl.Segmenter or the fallback. */
function segmentStarts(text: string): number[] {
  if (segmenter) return Array.from(segmenter.segment(text), ({ index }) => index);
  const starts: number[] = [];
  let offset = 0;
  for (const cluster of segmentWithoutIntl(text)) {
    starts.push(offset);
    offset += cluster.length;
  }
  return starts;
}

/**
 * UTF-16 offsets where a grapheme starts, plus text.length; cutting anywhere else would break a
 * character. Intl.Segmenter costs about a microsecond per character, and composer text is mostly
 * ASCII: between two printable ASCII characters there is always a boundary (no Unicode rule joins
 * them), so only the stretches around other characters go through the segmenter.
 */
export function graphemeBoundaries(text: string): number[] {
  const offsets: number[] = [];
  let index = 0;
  while (index < text.length) {
    if (isPrintableAscii(text.charCodeAt(index)) && (index + 1 === text.length || isPrintableAscii(text.charCodeAt(index + 1)))) {
      offsets.push(index);
      index++;
      continue;
    }
    let end = index + 1;
    while (end < text.length && !(isPrintableAscii(text.charCodeAt(end - 1)) && isPrintableAscii(text.charCodeAt(end)))) end++;
    for (const start of segmentStarts(text.slice(index, end))) offsets.push(index + start);
    index = end;
  }
  offsets.push(text.length);
  return offsets;
}

export function splitGraphemes(text: string): string[] {
  const offsets = graphemeBoundaries(text);
  return offsets.slice(1).map((end, position) => text.slice(offsets[position], end));
}

export function countGraphemes(text: string): number {
  return graphemeBoundaries(text).length - 1;
}

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}
