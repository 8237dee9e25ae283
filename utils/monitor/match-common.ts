import { DEFAULT_ALIASES } from './aliases';
import { normaliseTerm } from './normalise';
import { canonicalLanguage, type QueryError } from './query';

// Pieces shared by the indexed matcher and the regex baseline, so both read items and aliases alike.

export interface WatchSpec {
  id: number;
  query: string;
  aliases: string[][];
  languages: string[];
}
/**
 * What the matcher reads of an item. `outletUrl` is the original outlet's address where the item came
 * through an aggregator (a Google News item's `<source url>`), so `site:` finds the outlet's own domain.
 */
export interface MatchItem {
  title: string;
  summary: string;
  url: string;
  language?: string;
  source: string;
  outletUrl?: string;
}
export interface WatchMatch {
  watchId: number;
  keywords: string[];
}

export interface Matcher {
  /** Every watch the item satisfies, in the order the watches were given. */
  match(item: MatchItem): WatchMatch[];
  /** Watches left out because their query does not parse. */
  readonly errors: readonly { watchId: number; error: QueryError }[];
}

/** Token-key → alternatives (as token lists). A key is the tokens joined by a space. */
export type AliasTable = Map<string, string[][]>;

export function buildAliasTable(groups: readonly (readonly string[])[]): AliasTable {
  const table: AliasTable = new Map();
  for (const group of groups) {
    if (!Array.isArray(group)) continue;
    const members = group
      .filter((m): m is string => typeof m === 'string')
      .map(normaliseTerm)
      .filter((t) => t.length > 0);
    for (const m of members) {
      const key = m.join(' ');
      const alts = table.get(key) ?? [];
      for (const other of members) if (!alts.some((a) => a.join(' ') === other.join(' '))) alts.push(other);
      table.set(key, alts);
    }
  }
  return table;
}

const DEFAULT_TABLE = buildAliasTable(DEFAULT_ALIASES);

/** The token lists a term (word or phrase) stands for: itself plus its default and watch aliases. */
export function expandAliases(tokens: string[], watchTable: AliasTable | undefined): string[][] {
  const key = tokens.join(' ');
  const out = [tokens];
  const seen = new Set([key]);
  // "e-ktp" also finds "eKTP", as the text side emits the unhyphenated form too.
  const only = tokens.length === 1 ? tokens[0] : undefined;
  if (only?.includes('-')) {
    const joined = only.replace(/-/g, '');
    seen.add(joined);
    out.push([joined]);
  }
  for (const table of [DEFAULT_TABLE, watchTable]) {
    for (const alt of table?.get(key) ?? []) {
      const k = alt.join(' ');
      if (!seen.has(k)) {
        seen.add(k);
        out.push(alt);
      }
    }
  }
  return out;
}

/** Most alternatives one phrase expands to; the rest are dropped (a phrase of many aliased words). */
export const MAX_PHRASE_ALTERNATIVES = 64;

/**
 * The token lists a quoted phrase stands for: every way of replacing a word or a run of words that is
 * an alias by one of its alternatives ("pemprov jateng" → "pemerintah provinsi jawa tengah", …), at
 * most MAX_PHRASE_ALTERNATIVES, the phrase itself first.
 */
export function expandPhrase(tokens: string[], watchTable: AliasTable | undefined): string[][] {
  // ways[i]: the token lists that can stand for tokens[i..]; built from the end.
  const ways: string[][][] = [];
  ways[tokens.length] = [[]];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const out: string[][] = [];
    const seen = new Set<string>();
    for (let j = tokens.length; j > i; j--) {
      const span = tokens.slice(i, j);
      const alts = j - i === 1 ? expandAliases(span, watchTable) : expandAliases(span, watchTable).slice(1);
      for (const alt of alts) {
        for (const rest of ways[j] ?? []) {
          if (out.length >= MAX_PHRASE_ALTERNATIVES) break;
          const whole = [...alt, ...rest];
          const key = whole.join(' ');
          if (!seen.has(key)) {
            seen.add(key);
            out.push(whole);
          }
        }
      }
    }
    ways[i] = out;
  }
  const all = ways[0] ?? [tokens];
  const own = tokens.join(' ');
  return [tokens, ...all.filter((t) => t.join(' ') !== own)];
}

/** Whether a token list is a member of an alias group (a government name, not just any phrase). */
export function isAliasMember(tokens: string[], watchTable: AliasTable | undefined): boolean {
  const key = tokens.join(' ');
  return DEFAULT_TABLE.has(key) || (watchTable?.has(key) ?? false);
}

type Name = { tokens: string[]; group: Set<string> };

function namesOf(table: AliasTable | undefined): Name[] {
  const out: Name[] = [];
  for (const [key, alts] of table ?? []) {
    if (key.includes(' ')) out.push({ tokens: key.split(' '), group: new Set(alts.map((a) => a.join(' '))) });
  }
  return out;
}

let defaultNames: Name[] | undefined;

/** Every multi-word member of the built-in and the watch's alias groups, with the keys of its own group. */
export function multiWordNames(watchTable: AliasTable | undefined): Name[] {
  defaultNames ??= namesOf(DEFAULT_TABLE);
  return watchTable && watchTable.size > 0 ? [...defaultNames, ...namesOf(watchTable)] : defaultNames;
}

/** Primary language subtag, lower-case, Indonesian's codes folded ("id-ID", "in", "ind" → "id"); '' when unknown. */
export function languageCode(lang: string | undefined): string {
  return typeof lang === 'string' ? canonicalLanguage(lang) : '';
}

/** Source names compare without case, spaces or punctuation ("Google News" = "googlenews"). */
export function sourceKey(name: string): string {
  return typeof name === 'string' ? name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') : '';
}

/** The URL's host and every parent domain ("a.b.go.id" → a.b.go.id, b.go.id, go.id, id). */
export function hostSuffixes(url: string): string[] {
  // A regex rather than new URL(): this runs once per fetched item and needs only the host.
  const m = typeof url === 'string' ? /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/?#:\s]+)/i.exec(url.trim()) : null;
  const host = m?.[1]?.toLowerCase().replace(/\.$/, '');
  if (!host) return [];
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

/**
 * Parsed language allow-list of a watch; empty = all. Items of unknown language always pass it, and
 * a `lang:` term in a query treats them the same way (matcher.ts).
 */
export function languageFilter(languages: readonly string[] | undefined): Set<string> {
  return new Set((Array.isArray(languages) ? languages : []).map(languageCode).filter(Boolean));
}

export function passesLanguage(filter: Set<string>, itemLang: string): boolean {
  // Many feeds omit the language; dropping those items would silently lose mentions.
  return filter.size === 0 || itemLang === '' || filter.has(itemLang);
}
