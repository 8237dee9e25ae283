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

/** Everything a split must never cut through, sorted by start; overlaps are merged into the earlier one. */
export function findProtectedRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [
    ...findUrls(text).map(({ start, end }) => ({ start, end, kind: 'url' as const })),
    ...findFediverseHandles(text),
    ...extractHashtagsWithIndices(text).map(({ indices: [start, end] }) => ({ start, end, kind: 'hashtag' as const })),
    ...extractMentionsWithIndices(text).map(({ indices: [start, end] }) => ({ start, end, kind: 'mention' as const })),
    ...extractCashtagsWithIndices(text).map(({ indices: [start, end] }) => ({ start, end, kind: 'cashtag' as const })),
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
