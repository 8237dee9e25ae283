import type { SearchTerms } from '../sources/query';
import { parseQuery, type QueryNode } from './query';

// Search sources need the watch's query on their server. Our query language is richer than any
// search API, so what cannot be said exactly is widened (more results), never narrowed: the local
// matcher applies the full watch to whatever comes back.

type Term = Extract<QueryNode, { type: 'term' }>;

const spelled = (term: Term) => term.tokens.join(' ');

/** Every positive (not negated) term of the query, in order. */
function positiveTerms(node: QueryNode, out: Term[] = []): Term[] {
  if (node.type === 'term') out.push(node);
  else if (node.type === 'and' || node.type === 'or') for (const child of node.children) positiveTerms(child, out);
  return out;
}

/** The words to send: a prefix term is sent as its stem, which most search engines still stem-match. */
function wordsOf(terms: Term[]): string[] {
  return [...new Set(terms.map(spelled))];
}

/**
 * Structured search terms for a watch query, or undefined when it does not parse. Plain AND-of-terms
 * queries (with at most one OR group, exclusions and sites) are rendered exactly; anything more complex
 * becomes "any of its positive terms".
 */
export function watchSearchTerms(query: string): SearchTerms | undefined {
  const parsed = parseQuery(query);
  if (!parsed.ok) return undefined;
  const root = parsed.ast;
  const terms: SearchTerms = { all: [], any: [], none: [], sites: [] };
  const parts = root.type === 'and' ? root.children : [root];
  let exact = true;
  for (const part of parts) {
    if (part.type === 'term') {
      terms.all.push(spelled(part));
    } else if (part.type === 'or' && terms.any.length === 0 && part.children.every((c) => c.type === 'term')) {
      terms.any.push(...wordsOf(part.children as Term[]));
    } else if (part.type === 'not' && part.child.type === 'term' && !part.child.prefix) {
      terms.none.push(spelled(part.child));
    } else if (part.type === 'field' && part.field === 'site') {
      terms.sites.push(part.value);
    } else if (part.type === 'field' || part.type === 'not') {
      // lang:/source: are applied locally; a complex exclusion is dropped (widening).
    } else {
      exact = false;
    }
  }
  if (exact && (terms.all.length > 0 || terms.any.length > 0)) return terms;
  const any = wordsOf(positiveTerms(root));
  return { all: [], any, none: [], sites: root.type === 'and' ? terms.sites : [] };
}

/** Hashtags to follow on Mastodon for a watch: its single-word positive terms, at most `max`. */
export function watchHashtags(query: string, max = 3): string[] {
  const parsed = parseQuery(query);
  if (!parsed.ok) return [];
  const words = positiveTerms(parsed.ast)
    .filter((t) => t.tokens.length === 1)
    .map((t) => (t.tokens[0] ?? '').replace(/[^\p{L}\p{N}_]/gu, ''));
  return [...new Set(words.filter(Boolean))].slice(0, max);
}
