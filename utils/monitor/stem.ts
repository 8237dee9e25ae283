import { Stemmer } from 'sastrawijs';
import { DEFAULT_ALIASES } from './aliases';
import places from './data/place-words.json';
import overrides from './data/stem-overrides.json';

// Indonesian word families. The stemming itself is sastrawijs (Sastrawi's Enhanced Confix Stripping),
// which checks every stripped form against its list of root words, so "sekolah" and "masalah" (roots)
// are never cut to "seko", "masa". This module adds what that list lacks (data/README.md): place
// names ("Maluku" is not malu + -ku), the built-in abbreviations, derived words whose meaning left
// their root ("pemerintah" is not "perintah"), and the few ambiguous words the stemmer reads wrongly.

// Maps, not objects: a word such as "constructor" must not find the object prototype's members.
const ROOTS_OVERRIDE = new Map<string, string>(Object.entries(overrides.roots));

interface Lexicon {
  stemmer: Stemmer;
  known: Record<string, string>;
}
let lexicon: Lexicon | undefined;

/** Built on first use: the root list is ~30,000 words, not needed by pages that never match. */
function lex(): Lexicon {
  if (lexicon) return lexicon;
  const stemmer = new Stemmer();
  // A prototype-free copy: the package's plain object would "know" words like "constructor".
  const known: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, stemmer.internalDictionary);
  for (const w of [...places.words, ...overrides.keep]) known[w] = '';
  for (const group of DEFAULT_ALIASES) {
    for (const member of group) if (/^[a-z0-9]+$/.test(member)) known[member] = '';
  }
  stemmer.internalDictionary = known;
  lexicon = { stemmer, known };
  return lexicon;
}

/** True for a root word of the word list, a place-name word or a one-word built-in abbreviation (lower case). */
export function isKnownWord(word: string): boolean {
  return lex().known[word] !== undefined;
}

const CLITIC_RE = /(?:nya|lah|kah|pun|ku|mu)$/;
const PLAIN_RE = /^[a-z]+$/;
const MIN_WORD = 3;
const CACHE_MOST = 50_000;
const cache = new Map<string, string>();

function computeRoot(word: string): string {
  if (word.length < MIN_WORD || !PLAIN_RE.test(word)) return word;
  const { stemmer, known } = lex();
  if (known[word] !== undefined) return word;
  const override = ROOTS_OVERRIDE.get(word) ?? ROOTS_OVERRIDE.get(word.replace(CLITIC_RE, ''));
  if (override) return override;
  const root = stemmer.stem(word);
  if (root !== word) return root;
  // Names and loan words are not in the root list, but news still writes "Jokowinya", "hoaksnya".
  if (word.length >= MIN_WORD + 3 && word.endsWith('nya')) return computeRoot(word.slice(0, -3));
  return word;
}

/**
 * The root of a lower-case, folded word: "dikorupsi" → "korupsi", "kebanjiran" → "banjir",
 * "pemanfaatan" → "manfaat"; a root word, a place name, a word with digits or hyphens, or a word the
 * stemmer cannot reduce to a known root comes back unchanged. Cached (this runs for every token).
 */
export function rootOf(word: string): string {
  let root = cache.get(word);
  if (root === undefined) {
    root = computeRoot(word);
    if (cache.size >= CACHE_MOST) cache.clear();
    cache.set(word, root);
  }
  return root;
}

/** A word counts as a part of a run-together hashtag when it is known or reduces to a known root. */
function isPart(s: string): boolean {
  if (s.length < MIN_WORD) return false;
  if (isKnownWord(s)) return true;
  const root = computeRoot(s);
  return root !== s && isKnownWord(root);
}

const MAX_SPLIT = 40;

/**
 * Splits a run-together lower-case word ("reformasibirokrasi", "stopkorupsi") into known words, the
 * fewest possible; undefined when the word is itself known, too long, or cannot be covered entirely.
 * Dynamic programming over split points (a hashtag is short, so O(n²) checks).
 */
export function splitRunTogether(word: string): string[] | undefined {
  const n = word.length;
  if (n < 2 * MIN_WORD || n > MAX_SPLIT || !PLAIN_RE.test(word) || isKnownWord(word)) return undefined;
  const best: (number[] | undefined)[] = [[]];
  for (let end = MIN_WORD; end <= n; end++) {
    for (let start = Math.max(0, end - 20); start <= end - MIN_WORD; start++) {
      const before = best[start];
      if (!before || (best[end] && best[end]!.length <= before.length + 1)) continue;
      if (isPart(word.slice(start, end))) best[end] = [...before, end];
    }
  }
  const cuts = best[n];
  if (!cuts || cuts.length < 2) return undefined;
  return cuts.map((end, i) => word.slice(i === 0 ? 0 : cuts[i - 1], end));
}
