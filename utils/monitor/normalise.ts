// Text normalisation shared by the query parser, the matcher, tone and story keys. Pure string work:
// no DOMParser, so it runs in the service worker as well as in pages and tests.
import { stripTags } from '../text/html';
import { foldKeepCase } from './fold';
import { isKnownWord, rootOf, splitRunTogether } from './stem';

// HTML to text is the feed parser's linear scanner (utils/text/html.ts): one implementation, so
// what the matcher sees is exactly what the side panel shows.
export { decodeEntities } from '../text/html';

/** Plain text of an HTML fragment: tags, comments, scripts and attributes dropped, entities decoded. */
export function htmlToText(html: string): string {
  return stripTags(html);
}

export { foldText } from './fold';

const MIN_STEM = 3;

/** How a token came about; the query side keeps only `word` and `whole`, the text side keeps all. */
export const TokenKind = { Word: 0, Part: 1, Whole: 2, Alt: 3 } as const;
export type TokenKind = (typeof TokenKind)[keyof typeof TokenKind];

export type Emit = (form: string, start: number, end: number, kind: TokenKind, surface: string) => void;

export interface TokenizeOptions {
  /** Also emit stems without -nya/-lah/-kah/-pun/-ku/-mu as alternatives (default true). */
  clitics?: boolean;
  /** Also emit each word's family key (`familyKey(root)`) as an alternative, with the word as surface (default false). */
  families?: boolean;
  /** Leave SENTENCE_GAP positions between sentences, so phrases and proximity stop there (default false). */
  sentences?: boolean;
}

/** Positions left between sentences (and between a title and its summary): more than any proximity allows. */
export const SENTENCE_GAP = 16;

/** The key under which a word's family is emitted and looked up; no surface form starts with "~". */
export function familyKey(word: string): string {
  return `~${rootOf(word)}`;
}

// Apostrophes and their look-alikes (U+2018/U+2019 quotes, U+02BB/U+02BC modifier letters, prime, grave,
// acute) are dropped inside a word: "Ma‘ruf", "Ma’ruf" and "Maruf" are one name.
const WORD_RE = /#?[\p{L}\p{N}]+(?:['‘’ʻʼ′`´][\p{L}\p{N}]+|[-‐‑][\p{L}\p{N}]+)*/gu;
const APOSTROPHES_RE = /['‘’ʻʼ′`´]/g;
const APOSTROPHES_TEST = /['‘’ʻʼ′`´]/;
const HYPHEN_TEST = /[-‐‑]/;
const REDUP_RE = /^(\p{L}{2,})2$/u;
// Boundaries inside a hashtag: lower→Upper, UPPER→Upper+lower (KTPElektronik), letter↔digit.
const CAMEL_RE = /\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+|\p{Lo}+/gu;

/** The word without one trailing clitic, if what remains is still a plausible stem. */
function stripClitic(w: string): string | undefined {
  const n = w.length;
  // A root word such as "sekolah" or "masalah", or a place such as "Maluku", has no clitic to strip.
  if (n < MIN_STEM + 2 || isKnownWord(w)) return undefined;
  // Checked by last letter first: this runs for every token of every fetched item.
  switch (w.charCodeAt(n - 1)) {
    case 97: // a: -nya
      return n >= MIN_STEM + 3 && w.endsWith('nya') ? w.slice(0, -3) : undefined;
    case 104: // h: -lah -kah
      return n >= MIN_STEM + 3 && (w.endsWith('lah') || w.endsWith('kah')) ? w.slice(0, -3) : undefined;
    case 110: // n: -pun
      return n >= MIN_STEM + 3 && w.endsWith('pun') ? w.slice(0, -3) : undefined;
    case 117: // u: -ku -mu
      return w.endsWith('ku') || w.endsWith('mu') ? w.slice(0, -2) : undefined;
    default:
      return undefined;
  }
}

interface Flags {
  clitics: boolean;
  families: boolean;
}

function emitWithClitics(form: string, start: number, end: number, kind: TokenKind, flags: Flags, emit: Emit) {
  emit(form, start, end, kind, form);
  if (flags.families) emit(familyKey(form), start, end, TokenKind.Alt, form);
  if (!flags.clitics) return;
  const stem = stripClitic(form);
  if (stem === undefined) return;
  emit(stem, start, end, TokenKind.Alt, form);
  // Stacked clitics ("bukunyalah") reach the bare word.
  const bare = stripClitic(stem);
  if (bare !== undefined) emit(bare, start, end, TokenKind.Alt, form);
}

const NO_CLITICS: Flags = { clitics: false, families: false };

function emitCompound(parts: string[], joiner: string, pos: number, flags: Flags, emit: Emit) {
  const last = parts.length - 1;
  parts.forEach((p, i) => emitWithClitics(p, pos + i, pos + i + 1, TokenKind.Part, i === last ? flags : { ...flags, clitics: false }, emit));
  // A hashtag's joined form is a word in its own right, so it gets the same "kata2" rule as any word.
  const whole = joiner ? parts.join(joiner) : parts.join('').replace(REDUP_RE, '$1-$1');
  emitWithClitics(whole, pos, pos + parts.length, TokenKind.Whole, flags, emit);
  // "e-KTP" and "eKTP" are the same thing to a reader.
  if (joiner === '-') emit(parts.join(''), pos, pos + parts.length, TokenKind.Alt, whole);
}

/** A hashtag's words: case changes first (#ReformasiBirokrasi), then the word list for one-case runs (#STOPKORUPSI). */
export function hashtagParts(cased: string): string[] {
  const parts: string[] = [];
  for (const p of cased.replace(APOSTROPHES_RE, '').replace(/[-‐‑]/g, '').match(CAMEL_RE) ?? []) {
    const lower = p.toLowerCase();
    parts.push(...(splitRunTogether(lower) ?? [lower]));
  }
  return parts;
}

// Words after which a full stop is not a sentence end: titles and administrative abbreviations that
// Indonesian news writes before names ("Kab. Semarang", "H. Ganjar", "Jl. Pemuda"). Single letters
// (initials) are handled separately.
const ABBREVIATIONS = new Set([
  'kab',
  'kec',
  'kel',
  'prov',
  'ds',
  'jl',
  'jln',
  'dr',
  'drs',
  'dra',
  'ir',
  'prof',
  'hj',
  'no',
  'st',
  'pt',
  'cv',
  'tbk',
  'sdr',
  'bpk',
  'yth',
  'dll',
  'dsb',
  'dkk',
  'rp',
  'mr',
  'mrs',
  'kh',
  'ust',
  'kol',
  'brigjen',
  'irjen',
  'kombes',
  'akbp',
]);
const SENTENCE_END_RE = /[.!?…](?:["'”’)\]]*)\s|\n/;

/** Whether the text between two words ends a sentence: ".", "!", "?" or "…" then a space, or a line break. */
function endsSentence(text: string, from: number, to: number, lastWord: string): boolean {
  if (to - from < 1) return false;
  const gap = text.slice(from, to);
  if (!SENTENCE_END_RE.test(gap)) return false;
  if (gap.includes('\n') || /[!?…]/.test(gap)) return true;
  return lastWord.length > 1 && !ABBREVIATIONS.has(lastWord);
}

/**
 * Streams the tokens of plain text to `emit` as a lattice: each primary word takes one position;
 * compounds ("kata-kata", "#MediaSosial") also emit a whole form spanning their parts, and clitic
 * stems and family keys are alternatives at the same span. With `sentences`, SENTENCE_GAP positions
 * separate sentences. Returns the number of positions used.
 */
export function scanTokens(text: string, emit: Emit, opts: TokenizeOptions = {}, startPos = 0): number {
  const flags: Flags = { clitics: opts.clitics ?? true, families: opts.families ?? false };
  const sentences = opts.sentences ?? false;
  let pos = startPos;
  const folded = foldKeepCase(text);
  const lower = folded.toLowerCase();
  // Token boundaries found in `lower` index `folded` too only when lower-casing kept every length.
  const sameIndex = lower.length === folded.length;
  const hasApostrophe = APOSTROPHES_TEST.test(folded);
  let lastEnd = -1;
  let lastWord = '';
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(lower); m !== null; m = WORD_RE.exec(lower)) {
    if (sentences && lastEnd >= 0 && endsSentence(lower, lastEnd, m.index, lastWord)) pos += SENTENCE_GAP;
    lastEnd = m.index + m[0].length;
    let w = m[0];
    lastWord = w;
    if (hasApostrophe) w = w.replace(APOSTROPHES_RE, '');
    if (w.charCodeAt(0) === 35 /* # */) {
      const cased = sameIndex ? folded.slice(m.index + 1, m.index + m[0].length) : '';
      const parts = hashtagParts(cased);
      if (parts.length > 1) {
        emitCompound(parts, '', pos, flags, emit);
        pos += parts.length;
        continue;
      }
      w = w.slice(1);
    }
    if (w.charCodeAt(w.length - 1) === 50 /* 2 */) w = w.replace(REDUP_RE, '$1-$1');
    if (HYPHEN_TEST.test(w)) {
      const parts = w.split(/[-‐‑]/);
      emitCompound(parts, '-', pos, flags, emit);
      pos += parts.length;
      continue;
    }
    emitWithClitics(w, pos, pos + 1, TokenKind.Word, flags, emit);
    pos += 1;
  }
  return pos - startPos;
}

export interface Token {
  form: string;
  start: number;
  end: number;
  kind: TokenKind;
}

/** All tokens of plain text (see scanTokens). */
export function tokenize(text: string, opts: TokenizeOptions = {}): Token[] {
  const out: Token[] = [];
  scanTokens(text, (form, start, end, kind) => out.push({ form, start, end, kind }), opts);
  return out;
}

/** The tokens a query term stands for, as written: compounds stay whole, no clitic stripping. */
export function normaliseTerm(term: string): string[] {
  const out: string[] = [];
  scanTokens(
    term,
    (form, _s, _e, kind) => {
      if (kind === TokenKind.Word || kind === TokenKind.Whole) out.push(form);
    },
    NO_CLITICS,
  );
  return out;
}

/** HTML stripped, folded, tokenised and re-joined with single spaces: one canonical string form. */
export function normaliseText(input: string): string {
  return normaliseTerm(htmlToText(input)).join(' ');
}

/** Tokens grouped by start position: `lattice[i]` lists each form starting at i and where it ends. */
export function positionLattice(text: string, opts: TokenizeOptions = {}): { form: string; end: number }[][] {
  const out: { form: string; end: number }[][] = [];
  const n = scanTokens(
    text,
    (form, start, end) => {
      (out[start] ??= []).push({ form, end });
    },
    opts,
  );
  for (let i = 0; i < n; i++) out[i] ??= [];
  return out;
}
