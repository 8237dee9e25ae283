// Character folding shared by the tokenizer (normalise.ts) and the side panel's highlighting. Kept apart
// from normalise.ts so that pages which only fold text (the side panel's first screen) do not load the
// stemmer and its word list.

// Invisible format characters (Unicode category Cf): soft hyphen U+00AD, zero-width space U+200B,
// joiners U+200C/U+200D, word joiner U+2060, BOM U+FEFF, direction marks. Copy-pasted headlines carry
// them inside words ("peme\u00ADrintah"), where they would split one word in two.
const INVISIBLE_RE = /\p{Cf}+/gu;

/**
 * NFKC (folds 𝐁𝐞𝐫𝐢𝐭𝐚, fullwidth, ligatures, and no-break spaces U+00A0/U+202F to spaces), invisible
 * format characters removed, diacritics removed; case is kept for hashtag splitting.
 */
export function foldKeepCase(s: string): string {
  // Most feed text is plain ASCII, which all four steps leave unchanged.
  if (!/[\u0080-\uffff]/.test(s)) return s;
  return s
    .normalize('NFKC')
    .replace(INVISIBLE_RE, '')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

/** NFKC, lower-case, invisible characters and diacritics removed (é → e). */
export function foldText(s: string): string {
  return foldKeepCase(s.normalize('NFKC').toLowerCase());
}
