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
}

function marksFor(lang: string | undefined): [string, string] {
  const primary = lang?.toLowerCase().split(/[-_]/)[0] ?? '';
  return QUOTE_MARKS[primary] ?? DEFAULT_MARKS;
}

/** `“selection” — Title` then the URL on its own line; the selection is tidied and capped. */
export function quoteText({ selection, title = '', url = '', lang }: QuoteInput): string {
  const cleanSelection = collapseWhitespace(selection).replace(SURROUNDING_QUOTES, '');
  const [open, close] = marksFor(lang);
  const quote = `${open}${truncateAtWord(cleanSelection, QUOTE_MAX_GRAPHEMES)}${close}`;
  const cleanTitle = collapseWhitespace(title);
  const head = cleanTitle ? `${quote} — ${cleanTitle}` : quote;
  const cleanUrl = url.trim();
  return cleanUrl ? `${head}\n${cleanUrl}` : head;
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
