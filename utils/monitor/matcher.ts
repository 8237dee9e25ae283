import {
  buildAliasTable, expandAliases, hostSuffixes, languageCode, languageFilter, passesLanguage, sourceKey,
  type Matcher, type MatchItem, type WatchMatch, type WatchSpec,
} from './match-common';
import { htmlToText, scanTokens } from './normalise';
import { parseQuery, type QueryError, type QueryNode } from './query';

export type { Matcher, MatchItem, WatchMatch, WatchSpec } from './match-common';
export { compileWatchesAsRegexes } from './regex-baseline';

// One pass per item for all watches: every distinct leaf of every query ("atom") is registered once
// in an index; an item is tokenised once, the atoms present in it are looked up, and only watches
// triggered by a present atom have their query evaluated.

type Atom =
  | { kind: 'word'; form: string }
  | { kind: 'phrase'; tokens: string[] }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'site' | 'lang' | 'source'; value: string };

/** A query leaf: true when any of its atoms (a term and its aliases) is present. */
type CNode =
  | { t: 'leaf'; atoms: number[]; keyword?: string }
  | { t: 'and' | 'or'; children: CNode[] }
  | { t: 'not'; child: CNode };

interface CompiledWatch { id: number; root: CNode; languages: Set<string> }

class AtomRegistry {
  readonly atoms: Atom[] = [];
  private readonly ids = new Map<string, number>();
  readonly words = new Map<string, number>();
  readonly phrasesByFirst = new Map<string, { id: number; tokens: string[] }[]>();
  /** Every token of every phrase. */
  readonly phraseTokens = new Set<string>();
  readonly prefixes = new Map<string, number>();
  prefixLengths: number[] = [];
  readonly fields = new Map<string, number>();

  intern(atom: Atom): number {
    const key = atom.kind === 'phrase' ? `phrase\u0000${atom.tokens.join(' ')}`
      : `${atom.kind}\u0000${'form' in atom ? atom.form : 'prefix' in atom ? atom.prefix : atom.value}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.atoms.length;
    this.atoms.push(atom);
    this.ids.set(key, id);
    switch (atom.kind) {
      case 'word': this.words.set(atom.form, id); break;
      case 'phrase': {
        const first = atom.tokens[0] ?? '';
        const list = this.phrasesByFirst.get(first) ?? [];
        list.push({ id, tokens: atom.tokens });
        this.phrasesByFirst.set(first, list);
        for (const t of atom.tokens) this.phraseTokens.add(t);
        break;
      }
      case 'prefix':
        this.prefixes.set(atom.prefix, id);
        if (!this.prefixLengths.includes(atom.prefix.length)) {
          this.prefixLengths = [...this.prefixLengths, atom.prefix.length].sort((a, b) => a - b);
        }
        break;
      default: this.fields.set(`${atom.kind}:${atom.value}`, id);
    }
    return id;
  }
}

function compileNode(node: QueryNode, reg: AtomRegistry, aliases: ReturnType<typeof buildAliasTable>): CNode {
  switch (node.type) {
    case 'and': case 'or': return { t: node.type, children: node.children.map((c) => compileNode(c, reg, aliases)) };
    case 'not': return { t: 'not', child: compileNode(node.child, reg, aliases) };
    case 'field': {
      const value = node.field === 'source' ? sourceKey(node.value) : node.value;
      return { t: 'leaf', atoms: [reg.intern({ kind: node.field, value })] };
    }
    case 'term': {
      if (node.prefix) return { t: 'leaf', atoms: [reg.intern({ kind: 'prefix', prefix: node.tokens[0] ?? '' })], keyword: node.text };
      // Quoted phrases expand too: quotes are the only way to write a multi-word alias ("media sosial").
      const alts = expandAliases(node.tokens, aliases);
      const atoms = alts.map((tokens) =>
        reg.intern(tokens.length === 1 ? { kind: 'word', form: tokens[0] ?? '' } : { kind: 'phrase', tokens }));
      return { t: 'leaf', atoms: [...new Set(atoms)], keyword: node.text };
    }
  }
}

/** Atoms at least one of which must be present for the node to hold; null when none is required. */
function required(node: CNode): number[] | null {
  switch (node.t) {
    case 'leaf': return node.atoms;
    case 'not': return null;
    case 'or': {
      const all: number[] = [];
      for (const c of node.children) {
        const r = required(c);
        if (!r) return null;
        all.push(...r);
      }
      return all;
    }
    case 'and': {
      let best: number[] | null = null;
      for (const c of node.children) {
        const r = required(c);
        if (r && (!best || r.length < best.length)) best = r;
      }
      return best;
    }
  }
}

function allAtoms(node: CNode, out: number[] = []): number[] {
  if (node.t === 'leaf') out.push(...node.atoms);
  else if (node.t === 'not') allAtoms(node.child, out);
  else for (const c of node.children) allAtoms(c, out);
  return out;
}

/** Plain text of a title or summary; skips the HTML pass for text that cannot contain markup. */
function plain(s: unknown): string {
  const text = typeof s === 'string' ? s : '';
  return text.includes('<') || text.includes('&') ? htmlToText(text) : text;
}

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
      case 'leaf': return node.atoms.some((a) => this.present[a] === this.stamp);
      case 'and': return node.children.every((c) => this.holds(c));
      case 'or': return node.children.some((c) => this.holds(c));
      case 'not': return !this.holds(node.child);
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
      if (id !== undefined && this.present[id] !== stamp) { this.present[id] = stamp; found.push(id); }
    };

    // Words and prefixes are looked up as tokens stream out of the scanner; only forms that occur in
    // some phrase are kept, with their lattice spans (flat [start, end, …]), for the phrase check.
    const spansOf = new Map<string, number[]>();
    const { words, prefixes, prefixLengths, phraseTokens } = reg;
    const minPrefix = prefixLengths[0] ?? Infinity;
    const emit = (form: string, start: number, end: number) => {
      mark(words.get(form));
      if (form.length >= minPrefix) {
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
    const titleLen = scanTokens(plain(item.title), emit);
    // The gap of one position keeps a phrase from running from the title into the summary.
    scanTokens(plain(item.summary), emit, {}, titleLen + 1);

    const follows = (tokens: string[], k: number, start: number): boolean => {
      const spans = spansOf.get(tokens[k] ?? '');
      if (!spans) return false;
      for (let j = 0; j < spans.length; j += 2) {
        if (spans[j] !== start) continue;
        if (k === tokens.length - 1 || follows(tokens, k + 1, spans[j + 1] ?? -1)) return true;
      }
      return false;
    };
    for (const [form, spans] of spansOf) {
      for (const p of reg.phrasesByFirst.get(form) ?? []) {
        if (this.present[p.id] === stamp) continue;
        for (let j = 0; j < spans.length; j += 2) {
          if (follows(p.tokens, 1, spans[j + 1] ?? -1)) { mark(p.id); break; }
        }
      }
    }
    for (const host of hostSuffixes(typeof item.url === 'string' ? item.url : '')) mark(reg.fields.get(`site:${host}`));
    const lang = languageCode(item.language);
    if (lang) mark(reg.fields.get(`lang:${lang}`));
    mark(reg.fields.get(`source:${sourceKey(item.source)}`));

    const candidates: number[] = [];
    for (const atom of found) {
      for (const w of this.triggers[atom] ?? []) {
        if (this.watchSeen[w] !== stamp) { this.watchSeen[w] = stamp; candidates.push(w); }
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
}

/** Compiles all watches into one matcher. Watches whose query does not parse are listed in `errors`. */
export function compileWatches(watches: readonly WatchSpec[]): Matcher {
  const reg = new AtomRegistry();
  const compiled: CompiledWatch[] = [];
  const errors: { watchId: number; error: QueryError }[] = [];
  const triggerLists: number[][] = [];
  for (const w of Array.isArray(watches) ? watches : []) {
    const parsed = parseQuery(w?.query);
    if (!parsed.ok) { errors.push({ watchId: w?.id, error: parsed.error }); continue; }
    const root = compileNode(parsed.ast, reg, buildAliasTable(Array.isArray(w.aliases) ? w.aliases : []));
    // The parser rejects queries that hold with nothing present, so "any atom present" is a safe fallback.
    const trig = [...new Set(required(root) ?? allAtoms(root))];
    triggerLists.push(trig);
    compiled.push({ id: w.id, root, languages: languageFilter(w.languages) });
  }
  const triggers: number[][] = reg.atoms.map(() => []);
  triggerLists.forEach((trig, w) => { for (const a of trig) triggers[a]?.push(w); });
  return new IndexedMatcher(reg, compiled, triggers, errors);
}
