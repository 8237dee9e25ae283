import { foldText } from '../monitor/fold';

// Highlighting matched keywords in untrusted text: the result is a list of plain-text segments that the
// UI renders as text nodes and <mark> elements, so nothing in the text is ever parsed as markup.

export interface Segment {
  text: string;
  mark: boolean;
}

/** One user-perceived unit: a base character and the combining marks that follow it. */
const UNIT_RE = /\P{M}\p{M}*|\p{M}+/gsu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface Folded {
  text: string;
  starts: number[];
  ends: number[];
}

/** Folds `text` as the matcher does (case, accents, NFKC), remembering where each folded char came from. */
function foldWithMap(text: string): Folded {
  // Plain ASCII folds to its lower case one char per char: most titles, and no per-char NFKC on them.
  // oxlint-disable-next-line no-control-regex -- the whole ASCII range, controls included, folds alike
  if (/^[\0-\x7f]*$/.test(text)) {
    const starts = Array.from({ length: text.length }, (_, i) => i);
    return { text: text.toLowerCase(), starts, ends: starts.map((i) => i + 1) };
  }
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(UNIT_RE)) {
    const piece = foldText(m[0]);
    for (let i = 0; i < piece.length; i++) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
    }
    folded += piece;
  }
  return { text: folded, starts, ends };
}

/**
 * Ranges [start, end) of `text` where a term occurs, starting at a word start (so "ai" does not light up
 * inside "pantai") but free to end inside a word (so "pajak" marks the stem of "pajaknya").
 */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  const needles = [...new Set(terms.map((t) => foldText(t).replace(/^#/, '').trim()).filter((t) => t.length > 0))];
  if (!text || needles.length === 0) return [];
  const f = foldWithMap(text);
  const found: [number, number][] = [];
  for (const needle of needles) {
    for (let at = f.text.indexOf(needle); at >= 0; at = f.text.indexOf(needle, at + 1)) {
      if (at > 0 && WORD_CHAR.test(f.text[at - 1]!) && WORD_CHAR.test(needle[0]!)) continue;
      found.push([f.starts[at]!, f.ends[at + needle.length - 1]!]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** `text` cut into plain and marked segments (adjacent, covering the whole text). */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const [start, end] of highlightRanges(text, terms)) {
    if (start > pos) out.push({ text: text.slice(pos, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    pos = end;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), mark: false });
  return out;
}
