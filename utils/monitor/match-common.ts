import { DEFAULT_ALIASES } from './aliases';
import { normaliseTerm } from './normalise';
import type { QueryError } from './query';

// Pieces shared by the indexed matcher and the regex baseline, so both read items and aliases alike.

export interface WatchSpec { id: number; query: string; aliases: string[][]; languages: string[] }
export interface MatchItem { title: string; summary: string; url: string; language?: string; source: string }
export interface WatchMatch { watchId: number; keywords: string[] }

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
      if (!seen.has(k)) { seen.add(k); out.push(alt); }
    }
  }
  return out;
}

/** Primary language subtag, lower-case ("id-ID" → "id"); '' when unknown. */
export function languageCode(lang: string | undefined): string {
  return typeof lang === 'string' ? (lang.trim().toLowerCase().split(/[-_]/)[0] ?? '') : '';
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

/** Parsed language allow-list of a watch; empty = all. Items of unknown language always pass it. */
export function languageFilter(languages: readonly string[] | undefined): Set<string> {
  return new Set((Array.isArray(languages) ? languages : []).map(languageCode).filter(Boolean));
}

export function passesLanguage(filter: Set<string>, itemLang: string): boolean {
  // Many feeds omit the language; dropping those items would silently lose mentions.
  return filter.size === 0 || itemLang === '' || filter.has(itemLang);
}
