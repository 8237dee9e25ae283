import { buildAliasTable, expandAliases, expandPhrase, isAliasMember, multiWordNames, sourceKey, type AliasTable } from './match-common';
import { familyKey } from './normalise';
import type { QueryNode } from './query';
import { rootOf } from './stem';

// Compiling watch queries for the one-pass matcher (matcher.ts): every distinct leaf of every query
// ("atom") is registered once in an index that the item's tokens are looked up in.

/**
 * `word`: a token key (a family key "~root", or an exact form) — with `except`, not the tokens written
 * as that bare root (a query word written with affixes, "kebakaran", finds "terbakar" but not the bare
 * "bakar" of "bahan bakar").
 * `phrase`: token keys in order, up to `slop` other positions between them; `name` phrases lose to a
 * longer name of another group around them ("dewan perwakilan rakyat" inside "… rakyat daerah").
 */
export type Atom =
  | { kind: 'word'; key: string; except?: string; token?: string }
  | { kind: 'phrase'; tokens: string[]; slop: number; name: boolean }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'site' | 'lang' | 'source'; value: string };

/** A query leaf: true when any of its atoms (a term and its aliases) is present. */
export type CNode = { t: 'leaf'; atoms: number[]; keyword?: string } | { t: 'and' | 'or'; children: CNode[] } | { t: 'not'; child: CNode };

export class AtomRegistry {
  readonly atoms: Atom[] = [];
  private readonly ids = new Map<string, number>();
  /** Token key → word atoms looked up under it. */
  readonly words = new Map<string, { id: number; except?: string; token?: string }[]>();
  readonly phrasesByFirst = new Map<string, number[]>();
  /** Every token of every phrase and blocker: the only forms whose spans the matcher keeps. */
  readonly phraseTokens = new Set<string>();
  readonly prefixes = new Map<string, number>();
  prefixLengths: number[] = [];
  readonly fields = new Map<string, number>();
  readonly langAtoms: number[] = [];
  /** Name phrase atom → longer names (as token keys) of other groups that contain it. */
  readonly blockers = new Map<number, string[][]>();

  intern(atom: Atom): number {
    const key =
      atom.kind === 'phrase'
        ? `phrase\u0000${atom.slop}\u0000${atom.tokens.join(' ')}`
        : atom.kind === 'word'
          ? `word\u0000${atom.key}\u0000${atom.except ?? ''}\u0000${atom.token ?? ''}`
          : `${atom.kind}\u0000${'prefix' in atom ? atom.prefix : atom.value}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.atoms.length;
    this.atoms.push(atom);
    this.ids.set(key, id);
    switch (atom.kind) {
      case 'word': {
        const list = this.words.get(atom.key) ?? [];
        list.push(atom.except === undefined ? { id } : { id, except: atom.except, token: atom.token ?? '' });
        this.words.set(atom.key, list);
        break;
      }
      case 'phrase': {
        const first = atom.tokens[0] ?? '';
        this.phrasesByFirst.set(first, [...(this.phrasesByFirst.get(first) ?? []), id]);
        for (const t of atom.tokens) this.phraseTokens.add(t);
        break;
      }
      case 'prefix':
        this.prefixes.set(atom.prefix, id);
        if (!this.prefixLengths.includes(atom.prefix.length)) {
          this.prefixLengths = [...this.prefixLengths, atom.prefix.length].sort((a, b) => a - b);
        }
        break;
      default:
        this.fields.set(`${atom.kind}:${atom.value}`, id);
        if (atom.kind === 'lang') this.langAtoms.push(id);
    }
    return id;
  }

  addBlockers(id: number, names: string[][]): void {
    if (names.length === 0 || this.blockers.has(id)) return;
    this.blockers.set(id, names);
    for (const n of names) for (const t of n) this.phraseTokens.add(t);
  }
}

interface Ctx {
  reg: AtomRegistry;
  aliases: AliasTable;
}

const PLAIN_RE = /^[a-z]+$/;

/** The atom for one query word: its family, without the bare root when the word was written with affixes. */
function wordAtom(ctx: Ctx, token: string, exact: boolean): number {
  if (exact) return ctx.reg.intern({ kind: 'word', key: token });
  const root = rootOf(token);
  const except = root !== token && PLAIN_RE.test(token) ? root : undefined;
  return ctx.reg.intern(except === undefined ? { kind: 'word', key: `~${root}` } : { kind: 'word', key: `~${root}`, except, token });
}

const CLITIC_TAIL_RE = /^(?:nya|lah|kah|pun|ku|mu)$/;

/** Whether a written token is the bare root (perhaps with a clitic: "bakarnya"), and not the query's own word. */
export function isBareRoot(surface: string, root: string, token: string | undefined): boolean {
  if (surface === token) return false;
  return surface === root || (surface.startsWith(root) && CLITIC_TAIL_RE.test(surface.slice(root.length)));
}

const contains = (long: string[], short: string[]) => {
  for (let i = 0; i + short.length <= long.length; i++) if (short.every((t, k) => long[i + k] === t)) return true;
  return false;
};

function phraseAtom(ctx: Ctx, tokens: string[], exact: boolean, slop: number): number {
  if (tokens.length === 1) return wordAtom(ctx, tokens[0] ?? '', exact);
  const keys = exact ? tokens : tokens.map(familyKey);
  const name = !exact && isAliasMember(tokens, ctx.aliases);
  const id = ctx.reg.intern({ kind: 'phrase', tokens: keys, slop, name });
  if (name && !ctx.reg.blockers.has(id)) {
    const own = tokens.join(' ');
    const longer = multiWordNames(ctx.aliases)
      .filter((n) => n.tokens.length > tokens.length && !n.group.has(own) && contains(n.tokens, tokens))
      .map((n) => n.tokens.map(familyKey));
    ctx.reg.addBlockers(id, longer);
  }
  return id;
}

function termLeaf(ctx: Ctx, node: Extract<QueryNode, { type: 'term' }>): CNode {
  const { reg } = ctx;
  if (node.prefix) return { t: 'leaf', atoms: [reg.intern({ kind: 'prefix', prefix: node.tokens[0] ?? '' })], keyword: node.text };
  const exact = node.exact === true;
  const slop = node.slop ?? 0;
  // Quoted phrases expand too: quotes are the only way to write a multi-word alias ("media sosial").
  const alts = exact ? [node.tokens] : node.tokens.length > 1 ? expandPhrase(node.tokens, ctx.aliases) : expandAliases(node.tokens, ctx.aliases);
  if (node.parts && !exact) alts.push(...expandPhrase(node.parts, ctx.aliases));
  const atoms = alts.map((tokens) => phraseAtom(ctx, tokens, exact, slop));
  return { t: 'leaf', atoms: [...new Set(atoms)], keyword: node.text };
}

type Term = Extract<QueryNode, { type: 'term' }>;
const isPlainWord = (n: QueryNode): n is Term => n.type === 'term' && !n.quoted && !n.prefix && !n.exact && !n.parts && n.tokens.length === 1;

/**
 * An AND's children, where each longest run of plain words that spells a multi-word name (`media
 * sosial`, `papua barat`) is read as that name: found as a phrase or any other spelling of it, and
 * losing to a longer name around it, as if it were quoted.
 */
function andChildren(ctx: Ctx, children: QueryNode[]): CNode[] {
  const out: CNode[] = [];
  for (let i = 0; i < children.length;) {
    let run = 0;
    for (let j = children.length; j > i + 1; j--) {
      const slice = children.slice(i, j);
      if (
        slice.every(isPlainWord) &&
        isAliasMember(
          slice.map((c) => (c as Term).tokens[0] ?? ''),
          ctx.aliases,
        )
      ) {
        run = j - i;
        break;
      }
    }
    if (run === 0) {
      out.push(compileNode(children[i]!, ctx));
      i++;
      continue;
    }
    const tokens = (children.slice(i, i + run) as Term[]).map((w) => w.tokens[0] ?? '');
    const atoms = expandAliases(tokens, ctx.aliases).map((alt) => phraseAtom(ctx, alt, false, 0));
    out.push({ t: 'leaf', atoms: [...new Set(atoms)], keyword: tokens.join(' ') });
    i += run;
  }
  return out;
}

export function compileNode(node: QueryNode, ctx: Ctx): CNode {
  switch (node.type) {
    case 'and':
      return { t: 'and', children: andChildren(ctx, node.children) };
    case 'or':
      return { t: 'or', children: node.children.map((c) => compileNode(c, ctx)) };
    case 'not':
      return { t: 'not', child: compileNode(node.child, ctx) };
    case 'field': {
      const value = node.field === 'source' ? sourceKey(node.value) : node.value;
      return { t: 'leaf', atoms: [ctx.reg.intern({ kind: node.field, value })] };
    }
    case 'term':
      return termLeaf(ctx, node);
  }
}

/** Compiles one watch's query with its own alias groups. */
export function compileQuery(ast: QueryNode, reg: AtomRegistry, watchAliases: readonly (readonly string[])[]): CNode {
  return compileNode(ast, { reg, aliases: buildAliasTable(watchAliases) });
}

/** Atoms at least one of which must be present for the node to hold; null when none is required. */
export function required(node: CNode): number[] | null {
  switch (node.t) {
    case 'leaf':
      return node.atoms;
    case 'not':
      return null;
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

export function allAtoms(node: CNode, out: number[] = []): number[] {
  if (node.t === 'leaf') out.push(...node.atoms);
  else if (node.t === 'not') allAtoms(node.child, out);
  else for (const c of node.children) allAtoms(c, out);
  return out;
}
