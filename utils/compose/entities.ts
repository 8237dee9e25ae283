import { findUrls } from './urls';
import { extractCashtagsWithIndices, extractHashtagsWithIndices, extractMentionsWithIndices } from './twitter';

export interface TextRange {
  start: number;
  end: number;
  kind: 'url' | 'hashtag' | 'mention' | 'cashtag';
}

/**
 * `@user@domain` as Mastodon recognises it: not preceded by a word character, `=` or `/` (so an
 * e-mail address or a URL path is not a handle). Group 1 is the part Mastodon counts.
 */
export const FEDIVERSE_HANDLE = /(?<![=/\p{L}\p{N}_])@([a-z0-9_]+(?:[a-z0-9_.-]*[a-z0-9_])?)@[\p{L}\p{N}_]+(?:[.-]+[\p{L}\p{N}_]+)*/giu;

export function findFediverseHandles(text: string): TextRange[] {
  return Array.from(text.matchAll(FEDIVERSE_HANDLE), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    kind: 'mention' as const,
  }));
}

type Extractor = (text: string) => { indices: [number, number] }[];

/**
 * Runs a twitter-text extractor on each whitespace-free run: none of these entities contains
 * whitespace, and the library re-scans for URLs inside every extractor, which is slow on long text.
 */
function perRun(text: string, extract: Extractor, kind: TextRange['kind']): TextRange[] {
  return Array.from(text.matchAll(/\S+/g)).flatMap((run) =>
    extract(run[0]).map(({ indices: [start, end] }) => ({ start: run.index + start, end: run.index + end, kind })),
  );
}

/** Everything a split must never cut through, sorted by start; overlaps are merged into the earlier one. */
export function findProtectedRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [
    ...findUrls(text).map(({ start, end }) => ({ start, end, kind: 'url' as const })),
    ...findFediverseHandles(text),
    ...perRun(text, extractHashtagsWithIndices, 'hashtag'),
    ...perRun(text, extractMentionsWithIndices, 'mention'),
    ...perRun(text, extractCashtagsWithIndices, 'cashtag'),
  ].sort((a, b) => a.start - b.start || b.end - a.end);

  const merged: TextRange[] = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range.start < previous.end) {
      previous.end = Math.max(previous.end, range.end);
      if (range.kind === 'url') previous.kind = 'url';
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}
