import { splitGraphemes } from '../text/graphemes';

/** One line of prose from page text: whitespace runs (including newlines) become one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const TRAILING_JOINERS = /[\s,;:\-–—]+$/u;

/**
 * At most `max` graphemes; a longer text is cut at the last space that keeps at least half of it,
 * and ends with "…" (counted in `max`), so a quote never ends mid-word or mid-emoji.
 */
export function truncateAtWord(text: string, max: number): string {
  const graphemes = splitGraphemes(text);
  if (graphemes.length <= max) return text;
  const kept = graphemes.slice(0, Math.max(0, max - 1));
  const lastSpace = kept.lastIndexOf(' ');
  const cut = lastSpace >= kept.length / 2 ? kept.slice(0, lastSpace) : kept;
  return `${cut.join('').replace(TRAILING_JOINERS, '')}…`;
}
