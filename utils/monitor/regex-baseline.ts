import {
  buildAliasTable,
  expandAliases,
  expandPhrase,
  hostSuffixes,
  isAliasMember,
  languageCode,
  languageFilter,
  passesLanguage,
  sourceKey,
  type Matcher,
  type MatchItem,
  type WatchMatch,
  type WatchSpec,
} from './match-common';
import { normaliseText } from './normalise';
import { parseQuery, type QueryError, type QueryNode } from './query';

// The naive reference: one compiled regex per watch, each tested in turn against each item. It is
// here only as the benchmark baseline and as a cross-check of the indexed matcher on simple queries
// (it knows nothing of word families, clitics, hashtag parts, compound parts, sentence ends or longest
// match; it does read a run of plain words that spells a name as that name, as the matcher does).

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BEFORE = '(?<![\\p{L}\\p{N}-])';
const AFTER = '(?![\\p{L}\\p{N}-])';
const META = '\u0001';

type Term = Extract<QueryNode, { type: 'term' }>;
const isPlainWord = (n: QueryNode): n is Term => n.type === 'term' && !n.quoted && !n.prefix && !n.exact && !n.parts && n.tokens.length === 1;

function anyOf(alts: string[][]): string {
  return `(?=[\\s\\S]*?${BEFORE}(?:${alts.map((t) => t.map(escape).join(' ')).join('|')})${AFTER})`;
}

function andPattern(children: QueryNode[], aliases: ReturnType<typeof buildAliasTable>): string {
  let out = '';
  for (let i = 0; i < children.length;) {
    let run = 0;
    for (let j = children.length; j > i + 1; j--) {
      const slice = children.slice(i, j);
      if (
        slice.every(isPlainWord) &&
        isAliasMember(
          slice.map((c) => (c as Term).tokens[0] ?? ''),
          aliases,
        )
      ) {
        run = j - i;
        break;
      }
    }
    if (run === 0) {
      out += pattern(children[i]!, aliases);
      i++;
      continue;
    }
    out += anyOf(
      expandAliases(
        (children.slice(i, i + run) as Term[]).map((c) => c.tokens[0] ?? ''),
        aliases,
      ),
    );
    i += run;
  }
  return out;
}

function pattern(node: QueryNode, aliases: ReturnType<typeof buildAliasTable>): string {
  switch (node.type) {
    case 'and':
      return andPattern(node.children, aliases);
    case 'or':
      return `(?:${node.children.map((c) => pattern(c, aliases)).join('|')})`;
    case 'not':
      return `(?!${pattern(node.child, aliases)})`;
    case 'field': {
      const value = node.field === 'source' ? sourceKey(node.value) : node.value;
      return `(?=[\\s\\S]*${META}${node.field}:${escape(value)}${META})`;
    }
    case 'term': {
      if (node.prefix) return `(?=[\\s\\S]*?${BEFORE}${escape(node.tokens[0] ?? '')})`;
      return anyOf(node.tokens.length > 1 ? expandPhrase(node.tokens, aliases) : expandAliases(node.tokens, aliases));
    }
  }
}

/** Baseline matcher: one regex per watch (lookaheads for AND, alternation for OR, negative for NOT). */
export function compileWatchesAsRegexes(watches: readonly WatchSpec[]): Matcher {
  const errors: { watchId: number; error: QueryError }[] = [];
  const compiled: { id: number; re: RegExp; languages: Set<string> }[] = [];
  for (const w of watches) {
    const parsed = parseQuery(w.query);
    if (!parsed.ok) {
      errors.push({ watchId: w.id, error: parsed.error });
      continue;
    }
    const re = new RegExp(`^${pattern(parsed.ast, buildAliasTable(w.aliases))}`, 'u');
    compiled.push({ id: w.id, re, languages: languageFilter(w.languages) });
  }
  return {
    errors,
    match(item: MatchItem): WatchMatch[] {
      const lang = languageCode(item.language);
      const meta = [...hostSuffixes(item.url).map((h) => `site:${h}`), ...(lang ? [`lang:${lang}`] : []), `source:${sourceKey(item.source)}`];
      // The newline keeps a phrase from spanning title and summary.
      const subject = `${normaliseText(item.title)}\n${normaliseText(item.summary)}\n${META}${meta.join(META + META)}${META}`;
      const out: WatchMatch[] = [];
      for (const w of compiled) {
        if (passesLanguage(w.languages, lang) && w.re.test(subject)) out.push({ watchId: w.id, keywords: [] });
      }
      return out;
    },
  };
}
