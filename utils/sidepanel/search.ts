import type { MentionRow } from '../db';
import { compileWatches, type Matcher } from '../monitor/matcher';
import { parseQuery } from '../monitor/query';
import { termsTest, type TextTest } from './filters';

// The side panel's free-text search reads like a watch query and matches like one (monitor/matcher.ts):
// the same folding, word families, built-in aliases, phrases and operators, so "medsos" finds the
// mentions a "medsos" watch found ("media sosial", "#MediaSosial"). Loaded with the panel, not with the
// first screen (which never searches), because the stemmer's word list is large.

let last: { text: string; test: TextTest } | undefined;

/** The search text as a query; while it does not parse (an open quote mid-typing), its words alone. */
function compile(text: string): Matcher | undefined {
  for (const query of [text, text.replace(/["()]/g, ' ')]) {
    if (parseQuery(query).ok) return compileWatches([{ id: 0, query, aliases: [], languages: [] }]);
  }
  return undefined;
}

/**
 * A row test for the panel's search text. Text that is no query at all (only operators, or only
 * exclusions) falls back to the folded-substring test of its words. The last compiled text is kept:
 * a list read calls this for every chunk of rows.
 */
export function searchTest(text: string, terms: readonly string[]): TextTest {
  if (last?.text === text) return last.test;
  const matcher = compile(text);
  const test: TextTest = matcher
    ? (row: Pick<MentionRow, 'title' | 'summary' | 'url' | 'source'>) =>
        matcher.match({ title: row.title, summary: row.summary, url: row.url, source: row.source }).length > 0
    : termsTest(terms);
  last = { text, test };
  return test;
}
