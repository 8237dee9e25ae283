import type { MentionRow, MentionState, Tone } from '../db';
import { foldText } from '../monitor/fold';

// What the side panel filters on, and which IndexedDB index answers each filter. Every mention index is
// `[x+publishedAt]`, so any one of them gives a date-bounded range already sorted newest first; the
// other filters are answered from their own index as id sets, and only free text needs the rows.

/** `inbox` is everything not archived: what an officer still has to look at. */
export type StateFilter = 'inbox' | 'all' | MentionState;

export interface MentionFilter {
  watchId?: number;
  source?: string;
  state: StateFilter;
  tone?: Tone;
  starredOnly?: boolean;
  /** Inclusive lower bound of publishedAt (epoch ms). */
  from?: number;
  /** Exclusive upper bound of publishedAt (epoch ms). */
  to?: number;
  text: string;
}

export const DEFAULT_FILTER: MentionFilter = { state: 'inbox', text: '' };

export type IndexName = 'watchHits' | 'publishedAt' | '[state+publishedAt]' | '[tone+publishedAt]' | '[source+publishedAt]' | '[starred+publishedAt]';

export interface IndexConstraint {
  index: IndexName;
  /** The first key part (watch id, state, tone…); empty for the plain `publishedAt` index. */
  value?: string | number;
  /** Matches are the rows NOT in this index range (the inbox is "not archived"). */
  exclude?: boolean;
}

export interface QueryPlan {
  /** Walked newest first; its order is the list's order. */
  driver: IndexConstraint;
  /** Checked as id sets read from their own index, never from rows. */
  others: IndexConstraint[];
  from: number;
  to: number;
  /** Folded search words (highlighting, narrowing); the search itself reads `text` as a query (search.ts). */
  terms: string[];
  /** The search text as typed, trimmed; '' for no search. */
  text: string;
}

/** At most this many search terms are used; a longer query is almost always a paste by mistake. */
export const MAX_TERMS = 8;

export function searchTerms(text: string): string[] {
  return [...new Set(foldText(text.slice(0, 500)).split(/\s+/).filter(Boolean))].slice(0, MAX_TERMS);
}

/**
 * Chooses the index that drives the query. A watch comes first because `watchHits` holds exactly its
 * mentions; starred, source and tone follow as usually narrower than a state.
 */
export function planQuery(filter: MentionFilter): QueryPlan {
  const wanted: IndexConstraint[] = [];
  if (filter.watchId !== undefined) wanted.push({ index: 'watchHits', value: filter.watchId });
  if (filter.starredOnly) wanted.push({ index: '[starred+publishedAt]', value: 1 });
  if (filter.source) wanted.push({ index: '[source+publishedAt]', value: filter.source });
  if (filter.tone) wanted.push({ index: '[tone+publishedAt]', value: filter.tone });
  if (filter.state === 'inbox') wanted.push({ index: '[state+publishedAt]', value: 'archived', exclude: true });
  else if (filter.state !== 'all') wanted.push({ index: '[state+publishedAt]', value: filter.state });
  const driverAt = wanted.findIndex((c) => !c.exclude);
  const driver = driverAt >= 0 ? wanted[driverAt]! : { index: 'publishedAt' as const };
  return {
    driver,
    others: wanted.filter((_c, i) => i !== driverAt),
    from: filter.from ?? -Infinity,
    to: filter.to ?? Infinity,
    terms: searchTerms(filter.text),
    text: filter.text.slice(0, 500).trim(),
  };
}

/** Whether a row's field satisfies one constraint (used where rows are read anyway). */
function meets(row: MentionRow, c: IndexConstraint): boolean {
  let inRange: boolean;
  switch (c.index) {
    case 'watchHits':
      inRange = row.watchIds.includes(Number(c.value));
      break;
    case '[state+publishedAt]':
      inRange = row.state === c.value;
      break;
    case '[tone+publishedAt]':
      inRange = row.tone === c.value;
      break;
    case '[source+publishedAt]':
      inRange = row.source === c.value;
      break;
    case '[starred+publishedAt]':
      inRange = row.starred === c.value;
      break;
    default:
      inRange = true;
  }
  return c.exclude ? !inRange : inRange;
}

/** The text a search looks in, folded once per row. */
export function searchableText(row: Pick<MentionRow, 'title' | 'summary'>): string {
  return foldText(`${row.title}\n${row.summary}`);
}

/** Whether a row answers the search text (see search.ts for the panel's query-language test). */
export type TextTest = (row: Pick<MentionRow, 'title' | 'summary' | 'url' | 'source'>) => boolean;

/** Every folded term occurs somewhere in title + summary: the fallback for text that is no query. */
export function termsTest(terms: readonly string[]): TextTest {
  return (row) => {
    const text = searchableText(row);
    return terms.every((term) => text.includes(term));
  };
}

/**
 * The full filter applied to one row: the reference the index paths must agree with. `text` tests the
 * search; the first screen, which never searches, leaves it to the substring fallback.
 */
export function rowMatches(row: MentionRow, plan: QueryPlan, text?: TextTest): boolean {
  if (!(row.publishedAt >= plan.from && row.publishedAt < plan.to)) return false;
  if (!meets(row, plan.driver) || !plan.others.every((c) => meets(row, c))) return false;
  if (plan.terms.length === 0) return true;
  return (text ?? termsTest(plan.terms))(row);
}

/** True when the index alone answers the count (no id sets to intersect, no text to read). */
export function indexOnly(plan: QueryPlan): boolean {
  return plan.others.length === 0 && plan.terms.length === 0;
}

/**
 * Index entries to read first for `limit` matches, before any share of matches is known: each further
 * constraint is taken to keep a third of the rows (tones, states) and an excluding one three quarters
 * (the inbox), with half again as margin. One read of a few hundred rows costs less than another
 * round trip; `most` caps it. Text terms are not counted: how much a search keeps cannot be guessed.
 */
export function firstStep(plan: QueryPlan, limit: number, most: number): number {
  let share = 1;
  for (const c of plan.others) share *= c.exclude ? 3 / 4 : 1 / 3;
  return Math.min(most, Math.max(limit, Math.ceil((limit * 1.5) / share)));
}

/** Constraints besides the driver that keep rows (not excluding ones). */
export function keptBy(plan: QueryPlan): number {
  return plan.others.filter((c) => !c.exclude).length;
}

/** Whether every row matching `n` falls in constraint `c`'s answer (same range, or a state other than the one `c` excludes). */
function implies(n: IndexConstraint, c: IndexConstraint): boolean {
  if (n.index !== c.index) return false;
  if (n.value === c.value) return Boolean(n.exclude) === Boolean(c.exclude);
  return Boolean(c.exclude) && !n.exclude;
}

// A search that is only words (no operators, quotes, exclusions, fields or "*"): adding a word to it
// keeps only rows it kept. Anything else may widen ("a" then "a OR b"), so it never narrows.
const SIMPLE_SEARCH_RE = /^[\p{L}\p{N}\s'’.#&-]*$/u;
const OPERATOR_RE = /(?:^|\s)(?:AND|OR|NOT|DAN|ATAU|TANPA|BUKAN)(?:\s|$)|(?:^|\s)-/;
const simpleSearch = (text: string) => SIMPLE_SEARCH_RE.test(text) && !OPERATOR_RE.test(text);

/**
 * Whether every match of `next` is also a match of `prev`: `next` only adds constraints or search words
 * (a longer word is no narrowing: "medsos" finds "media sosial", "meds" does not), narrows the dates,
 * or picks a state out of the inbox. Then `prev`'s full id list holds all of `next`'s matches, in order.
 */
export function narrows(prev: QueryPlan, next: QueryPlan): boolean {
  if (next.from < prev.from || next.to > prev.to) return false;
  if (prev.text !== next.text) {
    if (!simpleSearch(prev.text) || !simpleSearch(next.text)) return false;
    if (!prev.terms.every((term) => next.terms.includes(term))) return false;
  }
  const kept = [next.driver, ...next.others];
  return [prev.driver, ...prev.others].every((c) => c.index === 'publishedAt' || kept.some((n) => implies(n, c)));
}
