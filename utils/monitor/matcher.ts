import { allAtoms, AtomRegistry, compileQuery, isBareRoot, required, type CNode } from './compile';
import {
  hostSuffixes,
  languageCode,
  languageFilter,
  passesLanguage,
  sourceKey,
  type Matcher,
  type MatchItem,
  type WatchMatch,
  type WatchSpec,
} from './match-common';
import { htmlToText, scanTokens, SENTENCE_GAP, type TokenizeOptions } from './normalise';
import { parseQuery, type QueryError } from './query';

export type { Matcher, MatchItem, WatchMatch, WatchSpec } from './match-common';
export { compileWatchesAsRegexes } from './regex-baseline';

// One pass per item for all watches: every distinct leaf of every query ("atom") is registered once
// in an index (compile.ts); an item is tokenised once, the atoms present in it are looked up, and only
// watches triggered by a present atom have their query evaluated.
//
// Semantics (the watch editor's query help says the same to the officer):
// - a word finds its family: the words with the same root ("korupsi" → "dikorupsi"); a word written
//   with affixes finds the family but not the bare root ("kebakaran" → "terbakar", not "bahan bakar");
//   `=word` only the written form; aliases (aliases.ts) find every spelling of a name;
// - phrases stop at a sentence end; `"a b"~N` allows N other words between;
// - `site:` matches the item's host or the outlet's own host (aggregators), any subdomain;
// - `lang:` holds for items of that language and, like the watch's language filter, for items whose
//   language is unknown (many feeds do not say).

interface CompiledWatch {
  id: number;
  root: CNode;
  languages: Set<string>;
}

/** Plain text of a title or summary; skips the HTML pass for text that cannot contain markup. */
function plain(s: unknown): string {
  const text = typeof s === 'string' ? s : '';
  return text.includes('<') || text.includes('&') ? htmlToText(text) : text;
}

const SCAN: TokenizeOptions = { clitics: false, families: true, sentences: true };

class IndexedMatcher implements Matcher {
  private readonly present: Int32Array;
  private readonly watchSeen: Int32Array;
  private stamp = 0;

  constructor(
    private readonly reg: AtomRegistry,
    private readonly watches: CompiledWatch[],
    private readonly triggers: number[][],
    readonly errors: { watchId: number; error: QueryError }[],
  ) {
    this.present = new Int32Array(reg.atoms.length);
    this.watchSeen = new Int32Array(watches.length);
  }

  private holds(node: CNode): boolean {
    switch (node.t) {
      case 'leaf':
        return node.atoms.some((a) => this.present[a] === this.stamp);
      case 'and':
        return node.children.every((c) => this.holds(c));
      case 'or':
        return node.children.some((c) => this.holds(c));
      case 'not':
        return !this.holds(node.child);
    }
  }

  private keywords(node: CNode, out: Set<string>): void {
    if (node.t === 'leaf') {
      if (node.keyword !== undefined && this.holds(node)) out.add(node.keyword);
    } else if (node.t !== 'not') {
      for (const c of node.children) this.keywords(c, out);
    }
  }

  match(item: MatchItem): WatchMatch[] {
    if (this.watches.length === 0 || !item) return [];
    if (++this.stamp >= 0x3fffffff) {
      this.stamp = 1;
      this.present.fill(0);
      this.watchSeen.fill(0);
    }
    const stamp = this.stamp;
    const reg = this.reg;
    const found: number[] = [];
    const mark = (id: number | undefined) => {
      if (id !== undefined && this.present[id] !== stamp) {
        this.present[id] = stamp;
        found.push(id);
      }
    };

    // Words and prefixes are looked up as tokens stream out of the scanner; only forms that occur in
    // some phrase are kept, with their lattice spans (flat [start, end, …]), for the phrase check.
    const spansOf = new Map<string, number[]>();
    const { words, prefixes, prefixLengths, phraseTokens } = reg;
    const minPrefix = prefixLengths[0] ?? Infinity;
    const emit = (form: string, start: number, end: number, _kind: number, surface: string) => {
      const entries = words.get(form);
      if (entries) for (const e of entries) if (e.except === undefined || !isBareRoot(surface, e.except, e.token)) mark(e.id);
      if (form.length >= minPrefix && form.charCodeAt(0) !== 126 /* ~ family key */) {
        for (const len of prefixLengths) {
          if (len > form.length) break;
          mark(prefixes.get(form.slice(0, len)));
        }
      }
      if (phraseTokens.has(form)) {
        const spans = spansOf.get(form);
        if (spans) spans.push(start, end);
        else spansOf.set(form, [start, end]);
      }
    };
    const titleLen = scanTokens(plain(item.title), emit, SCAN);
    // The gap keeps a phrase from running from the title into the summary.
    scanTokens(plain(item.summary), emit, SCAN, titleLen + SENTENCE_GAP);

    if (spansOf.size > 0) this.markPhrases(spansOf, mark);
    for (const url of [item.url, item.outletUrl]) {
      for (const host of hostSuffixes(typeof url === 'string' ? url : '')) mark(reg.fields.get(`site:${host}`));
    }
    const lang = languageCode(item.language);
    if (lang) mark(reg.fields.get(`lang:${lang}`));
    else for (const id of reg.langAtoms) mark(id);
    mark(reg.fields.get(`source:${sourceKey(item.source)}`));

    const candidates: number[] = [];
    for (const atom of found) {
      for (const w of this.triggers[atom] ?? []) {
        if (this.watchSeen[w] !== stamp) {
          this.watchSeen[w] = stamp;
          candidates.push(w);
        }
      }
    }
    candidates.sort((a, b) => a - b);
    const out: WatchMatch[] = [];
    for (const w of candidates) {
      const watch = this.watches[w];
      if (!watch || !passesLanguage(watch.languages, lang) || !this.holds(watch.root)) continue;
      const kw = new Set<string>();
      this.keywords(watch.root, kw);
      out.push({ watchId: watch.id, keywords: [...kw] });
    }
    return out;
  }

  private markPhrases(spansOf: Map<string, number[]>, mark: (id: number) => void): void {
    const reg = this.reg;
    /** Every [start, end) where the tokens occur in order, with at most `slop` positions between them in all. */
    const occurrences = (tokens: string[], slop: number): [number, number][] => {
      const out: [number, number][] = [];
      const extend = (k: number, start: number, end: number, left: number) => {
        if (k === tokens.length) {
          out.push([start, end]);
          return;
        }
        const spans = spansOf.get(tokens[k] ?? '');
        if (!spans) return;
        for (let j = 0; j < spans.length; j += 2) {
          const at = spans[j] ?? -1;
          if (at >= end && at - end <= left) extend(k + 1, start, spans[j + 1] ?? at, left - (at - end));
        }
      };
      const first = spansOf.get(tokens[0] ?? '') ?? [];
      for (let j = 0; j < first.length; j += 2) extend(1, first[j] ?? 0, first[j + 1] ?? 0, slop);
      return out;
    };
    for (const form of spansOf.keys()) {
      for (const id of reg.phrasesByFirst.get(form) ?? []) {
        if (this.present[id] === this.stamp) continue;
        const atom = reg.atoms[id];
        if (atom?.kind !== 'phrase') continue;
        const found = occurrences(atom.tokens, atom.slop);
        if (found.length === 0) continue;
        const longer = atom.name ? reg.blockers.get(id) : undefined;
        // Longest match: a name inside a longer name of another group is that other name.
        const covers = longer?.flatMap((tokens) => occurrences(tokens, 0)) ?? [];
        if (found.some(([s, e]) => !covers.some(([cs, ce]) => cs <= s && e <= ce))) mark(id);
      }
    }
  }
}

/** Compiles all watches into one matcher. Watches whose query does not parse are listed in `errors`. */
export function compileWatches(watches: readonly WatchSpec[]): Matcher {
  const reg = new AtomRegistry();
  const compiled: CompiledWatch[] = [];
  const errors: { watchId: number; error: QueryError }[] = [];
  const triggerLists: number[][] = [];
  for (const w of Array.isArray(watches) ? watches : []) {
    const parsed = parseQuery(w?.query);
    if (!parsed.ok) {
      errors.push({ watchId: w?.id, error: parsed.error });
      continue;
    }
    const root = compileQuery(parsed.ast, reg, Array.isArray(w.aliases) ? w.aliases : []);
    // The parser rejects queries that hold with nothing present, so "any atom present" is a safe fallback.
    const trig = [...new Set(required(root) ?? allAtoms(root))];
    triggerLists.push(trig);
    compiled.push({ id: w.id, root, languages: languageFilter(w.languages) });
  }
  const triggers: number[][] = reg.atoms.map(() => []);
  triggerLists.forEach((trig, w) => {
    for (const a of trig) triggers[a]?.push(w);
  });
  return new IndexedMatcher(reg, compiled, triggers, errors);
}
