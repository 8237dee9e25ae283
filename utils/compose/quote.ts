import { splitGraphemes } from '../text/graphemes';
import { collapseWhitespace, truncateAtWord } from './text';

/** Long enough for a meaningful sentence, short enough to leave room for title and link on X. */
export const QUOTE_MAX_GRAPHEMES = 180;
export const DESCRIPTION_MAX_GRAPHEMES = 200;

const QUOTE_MARKS: Record<string, [string, string]> = {
  fr: ['« ', ' »'],
  de: ['„', '“'],
  ja: ['「', '」'],
};
// Indonesian and English both use curly double quotes.
const DEFAULT_MARKS: [string, string] = ['“', '”'];
const SURROUNDING_QUOTES = /^["“”„«»「」'‘’\s]+|["“”„«»「」'‘’\s]+$/gu;

export interface QuoteInput {
  selection: string;
  title?: string;
  url?: string;
  /** BCP 47 tag of the page or UI; picks the quotation marks. */
  lang?: string;
  /** The longest quote kept, in graphemes; QUOTE_MAX_GRAPHEMES unless the officer asked for all of it. */
  maxGraphemes?: number;
}

function marksFor(lang: string | undefined): [string, string] {
  const primary = lang?.toLowerCase().split(/[-_]/)[0] ?? '';
  return QUOTE_MARKS[primary] ?? DEFAULT_MARKS;
}

/** `“selection” — Title` then the URL on its own line; the selection is tidied and capped. */
export function quoteText({ selection, title = '', url = '', lang, maxGraphemes = QUOTE_MAX_GRAPHEMES }: QuoteInput): string {
  const cleanSelection = tidySelection(selection);
  const [open, close] = marksFor(lang);
  const quote = `${open}${truncateAtWord(cleanSelection, maxGraphemes)}${close}`;
  const cleanTitle = collapseWhitespace(title);
  const head = cleanTitle ? `${quote} — ${cleanTitle}` : quote;
  const cleanUrl = url.trim();
  return cleanUrl ? `${head}\n${cleanUrl}` : head;
}

function tidySelection(selection: string): string {
  return collapseWhitespace(selection).replace(SURROUNDING_QUOTES, '');
}

/**
 * How much of a selection the default quote keeps, in graphemes (what a reader counts as characters),
 * so the composer can say when it was shortened instead of cutting silently.
 */
export function quoteExtent(selection: string): { kept: number; total: number; cut: boolean } {
  const clean = tidySelection(selection);
  const total = splitGraphemes(clean).length;
  if (total <= QUOTE_MAX_GRAPHEMES) return { kept: total, total, cut: false };
  // The shortened quote ends with "…", which is not part of the selection.
  return { kept: splitGraphemes(truncateAtWord(clean, QUOTE_MAX_GRAPHEMES)).length - 1, total, cut: true };
}

export interface PageSnapshot {
  title?: string;
  description?: string;
  selection?: string;
  url?: string;
  lang?: string;
}

/** The composer's prefilled text: a quote when the officer selected text, else title (or description) and link. */
export function composeBaseText({ title = '', description = '', selection = '', url = '', lang }: PageSnapshot): string {
  if (collapseWhitespace(selection)) return quoteText({ selection, title, url, lang });
  const head = collapseWhitespace(title) || truncateAtWord(collapseWhitespace(description), DESCRIPTION_MAX_GRAPHEMES);
  return [head, url.trim()].filter(Boolean).join('\n');
}
