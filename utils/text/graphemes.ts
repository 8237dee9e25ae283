import { collectGraphemes } from 'unicode-segmenter/grapheme';

/**
 * User-perceived characters (grapheme clusters). Networks that "count characters" count these,
 * so a ZWJ family, a flag or a skin-toned emoji is one character.
 */

const segmenter: Intl.Segmenter | undefined =
  typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/**
 * Grapheme clusters without Intl.Segmenter (Firefox before 125; the manifest allows 115): the
 * unicode-segmenter package implements UAX #29 itself, so the fallback gives the same clusters
 * (tests/unit/compose/conformance/graphemes.test.ts runs both through Unicode's GraphemeBreakTest).
 */
export function segmentWithoutIntl(text: string): string[] {
  return collectGraphemes(text);
}

function isPrintableAscii(code: number | undefined): boolean {
  return code !== undefined && code >= 0x20 && code <= 0x7e;
}

/** Grapheme start offsets of a stretch that has no shortcut, from Intl.Segmenter or the fallback. */
function segmentStarts(text: string, useIntl: boolean): number[] {
  if (segmenter && useIntl) return Array.from(segmenter.segment(text), ({ index }) => index);
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
 * `useIntl: false` takes the fallback even where Intl.Segmenter exists (for its tests).
 */
export function graphemeBoundaries(text: string, useIntl = true): number[] {
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
    for (const start of segmentStarts(text.slice(index, end), useIntl)) offsets.push(index + start);
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
