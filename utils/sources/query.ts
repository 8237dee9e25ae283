import { z } from 'zod';

// Watch queries are matched locally by utils/monitor, but searching sources need the query server-side
// so they return relevant results at all. This is the structured subset every search API can take, and
// how each one spells it. What a dialect cannot express is widened, never narrowed: the local matcher
// filters afterwards, so over-fetching is safe and under-fetching loses mentions.

export const searchTermsSchema = z.object({
  /** Every one must appear; several words form a phrase. */
  all: z.array(z.string()).default([]),
  /** At least one must appear. */
  any: z.array(z.string()).default([]),
  /** None may appear. */
  none: z.array(z.string()).default([]),
  /** Only from these sites (domain names). */
  sites: z.array(z.string()).default([]),
});
export type SearchTerms = z.infer<typeof searchTermsSchema>;

/** A source's `query` config: either text already in the source's syntax, or structured terms. */
export const queryInputSchema = z.union([z.string().trim().min(1).max(1000), searchTermsSchema]);
export type QueryInput = z.infer<typeof queryInputSchema>;

export type Dialect = 'google' | 'x' | 'reddit' | 'bluesky';

function term(raw: string): string | undefined {
  // Quotes inside a term would end the phrase early and let the rest be read as operators.
  const text = raw.replace(/["“”]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  // Spaces make a phrase; a colon, parenthesis, leading minus or bare OR/AND/NOT would read as syntax.
  const needsQuotes = /[\s():]/.test(text) || text.startsWith('-') || /^(?:or|and|not)$/i.test(text);
  return needsQuotes ? `"${text}"` : text;
}

function domain(raw: string): string | undefined {
  const host = raw
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .toLowerCase();
  return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ? host : undefined;
}

function group(parts: string[], or: string): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `(${parts.join(` ${or} `)})`;
}

function defined(values: Array<string | undefined>): string[] {
  return values.filter((value): value is string => !!value);
}

/** Renders structured terms in one source's search syntax. Text input is passed through unchanged. */
export function renderQuery(input: QueryInput, dialect: Exclude<Dialect, 'bluesky'>): string {
  if (typeof input === 'string') return input.trim();
  const all = defined(input.all.map(term));
  const any = defined(input.any.map(term));
  const none = defined(input.none.map(term));
  const sites = defined(input.sites.map(domain));
  const negate = dialect === 'reddit' ? (t: string) => `NOT ${t}` : (t: string) => `-${t}`;
  const site = dialect === 'x' ? (d: string) => `url:"${d}"` : (d: string) => `site:${d}`;
  return [...all, group(any, 'OR'), ...none.map(negate), group(sites.map(site), 'OR')].filter(Boolean).join(' ');
}

/**
 * Bluesky search has phrases, `-term` and `domain:` but no OR, so "any" becomes one query per
 * alternative (at most `max`; the local matcher still applies the full watch).
 */
export function renderBlueskyQueries(input: QueryInput, max = 5): string[] {
  if (typeof input === 'string') return [input.trim()];
  const base = [...defined(input.all.map(term)), ...defined(input.none.map(term)).map((t) => `-${t}`)];
  // A single domain narrows safely; several would need OR, so they are left to the local matcher.
  const sites = defined(input.sites.map(domain));
  if (sites.length === 1) base.push(`domain:${sites[0]}`);
  const any = defined(input.any.map(term));
  if (any.length === 0) return [base.join(' ')].filter(Boolean);
  return any.slice(0, max).map((alternative) => [...base, alternative].join(' '));
}
