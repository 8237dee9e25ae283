// Text → features for the tone model. The training script (scripts/train-tone.ts) and the worker call
// this one function, so the model sees at run time exactly what it was trained on.
import { htmlToText, normaliseTerm, scanTokens, TokenKind } from './normalise';
import { NEGATIVE_WORDS, NEGATORS, NOT_NEGATING, POSITIVE_WORDS } from './tone-words';

/** How many words after a negator it still applies to ("tidak terlalu bagus"). */
export const NEGATION_WINDOW = 3;
/** Marks a word inside a negator's reach: "tidak bagus" yields the feature "!bagus". */
export const NEG_MARK = '!';
/** Joins the two words of a bigram feature. */
export const BIGRAM_JOIN = ' ';
/**
 * Features standing for "a word of Siar's old positive / negative word list" (utils/monitor/tone-words.ts).
 * The model learns how much they weigh; they carry the list's knowledge to words the training data
 * rarely has (government news: "keracunan", "pungli"), which the words' own features cannot.
 */
export const LEXICON_POSITIVE = '§pos';
export const LEXICON_NEGATIVE = '§neg';

export interface Features {
  /** Feature strings, repeated when they occur more than once. */
  keys: string[];
  /** The words a reader would recognise for each key (same order), for explaining a result. */
  shown: string[];
}

/** Known names compiled for longest-match masking: first token → candidate token sequences. */
export type NameIndex = Map<string, string[][]>;

/** Compiles a phrase list (program, institution and place names) for `extractFeatures`. */
export function compileNames(phrases: readonly string[]): NameIndex {
  const index: NameIndex = new Map();
  for (const phrase of phrases) {
    const tokens = normaliseTerm(phrase);
    const first = tokens[0];
    if (first === undefined) continue;
    const list = index.get(first) ?? [];
    list.push(tokens);
    index.set(first, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  return index;
}

const EMPTY_NAMES: NameIndex = new Map();
const NEGATOR_INDEX = compileNames(NEGATORS);
const NOT_NEGATING_INDEX = compileNames(NOT_NEGATING);
// One- and two-word entries of the word list, as the feature keys they would appear as.
const LEXICON = new Map<string, string>();
for (const [words, feature] of [
  [POSITIVE_WORDS, LEXICON_POSITIVE],
  [NEGATIVE_WORDS, LEXICON_NEGATIVE],
] as const) {
  for (const w of words) {
    const tokens = normaliseTerm(w);
    if (tokens.length <= 2) LEXICON.set(tokens.join(BIGRAM_JOIN), feature);
  }
}

interface Word {
  form: string;
  stem?: string;
}

/** Words of one clause in reading order; a compound ("kata-kata", "#MediaSosial") is one word. */
function clauseWords(clause: string): Word[] {
  const words: Word[] = [];
  let partEnd = -1;
  scanTokens(clause, (form, _start, end, kind) => {
    if (kind === TokenKind.Word || kind === TokenKind.Whole) {
      words.push({ form });
      partEnd = end;
    } else if (kind === TokenKind.Alt) {
      const last = words.at(-1);
      // The clitic stem of the last word; alternatives of a compound's parts come before its whole form.
      if (last && end === partEnd && last.stem === undefined && !form.includes('-')) last.stem = form;
    }
  });
  return words;
}

/** Length of the longest phrase of `index` starting at word i, or 0. */
function phraseAt(words: Word[], i: number, index: NameIndex): number {
  const candidates = index.get(words[i]!.form) ?? (words[i]!.stem ? index.get(words[i]!.stem!) : undefined);
  if (!candidates) return 0;
  for (const tokens of candidates) {
    if (i + tokens.length > words.length) continue;
    let ok = true;
    for (let k = 1; k < tokens.length && ok; k++) {
      const w = words[i + k]!;
      ok = w.form === tokens[k] || w.stem === tokens[k];
    }
    if (ok) return tokens.length;
  }
  return 0;
}

// Sentence punctuation ends a clause: negation and bigrams do not reach across it. Decimal points
// and thousands separators ("1.500", "2,5") are not clause ends.
const CLAUSE_RE = /[.,;:!?()[\]{}"“”…|\n]+(?!\d)|(?<!\d)[.,]+/;

/**
 * Features of a title or summary (plain text or HTML): unigrams (clitic stems too), bigrams within a
 * clause, negated words marked with `!` up to NEGATION_WINDOW words after a negator, and every
 * known name in `names` masked: its words give no feature, so "Makan Bergizi Gratis" carries no tone.
 */
export function extractFeatures(text: string, names: NameIndex = EMPTY_NAMES): Features {
  const keys: string[] = [];
  const shown: string[] = [];
  const plain = htmlToText(typeof text === 'string' ? text : '');
  for (const clause of plain.split(CLAUSE_RE)) {
    const words = clauseWords(clause);
    let prev: string | undefined;
    let prevShown = '';
    let negator = '';
    let negatedUntil = -1;
    for (let i = 0; i < words.length; i++) {
      const masked = phraseAt(words, i, names);
      if (masked > 0) {
        i += masked - 1;
        prev = undefined;
        continue;
      }
      const skip = phraseAt(words, i, NOT_NEGATING_INDEX);
      const neg = skip ? 0 : phraseAt(words, i, NEGATOR_INDEX);
      const w = words[i]!;
      const negated = i <= negatedUntil;
      const mark = negated ? NEG_MARK : '';
      const seen = negated ? `${negator} ${w.form}` : w.form;
      keys.push(mark + w.form);
      shown.push(seen);
      if (w.stem !== undefined) {
        keys.push(mark + w.stem);
        shown.push(seen);
      }
      const listed = LEXICON.get(w.form) ?? (w.stem === undefined ? undefined : LEXICON.get(w.stem));
      if (listed) {
        keys.push(mark + listed);
        shown.push(seen);
      }
      if (prev !== undefined) {
        const bigram = prev + BIGRAM_JOIN + w.form;
        keys.push(bigram);
        shown.push(`${prevShown} ${w.form}`);
        const phrase = LEXICON.get(bigram);
        if (phrase) {
          keys.push(mark + phrase);
          shown.push(`${prevShown} ${w.form}`);
        }
      }
      prev = w.stem ?? w.form;
      prevShown = w.form;
      if (neg > 0) {
        // The negator's own words are not negated; its reach starts after them.
        for (let k = 1; k < neg; k++) {
          const x = words[i + k]!;
          keys.push(x.form, prev + BIGRAM_JOIN + x.form);
          shown.push(x.form, `${prevShown} ${x.form}`);
          prev = x.form;
          prevShown = x.form;
        }
        negator = words
          .slice(i, i + neg)
          .map((x) => x.form)
          .join(' ');
        i += neg - 1;
        negatedUntil = i + NEGATION_WINDOW;
      } else if (skip > 0) {
        negatedUntil = -1;
      }
    }
  }
  return { keys, shown };
}
