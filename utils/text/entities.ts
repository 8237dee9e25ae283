import { findFacetCandidates } from './bluesky-facets';
import { findUrls } from './urls';
import { extractCashtagsWithIndices, extractHashtagsWithIndices, extractMentionsWithIndices } from './twitter';

/**
 * A span a network turns into a link, mention or tag; UTF-16 offsets, end exclusive. `lookalike` is
 * text that reads as an entity where the network leaves it plain (a bare domain on Mastodon).
 */
export interface TextRange {
  start: number;
  end: number;
  kind: 'url' | 'hashtag' | 'mention' | 'cashtag' | 'lookalike';
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

const ranges = (pattern: RegExp, text: string, kind: TextRange['kind']): TextRange[] =>
  Array.from(text.matchAll(pattern), (match) => ({ start: match.index, end: match.index + match[0].length, kind }));

/** X (twitter-text): URLs with or without protocol, #hashtags, @mentions, $cashtags. */
export function xEntities(text: string): TextRange[] {
  return [
    ...findUrls(text).map(({ start, end }) => ({ start, end, kind: 'url' as const })),
    ...perRun(text, extractHashtagsWithIndices, 'hashtag'),
    ...perRun(text, extractMentionsWithIndices, 'mention'),
    ...perRun(text, extractCashtagsWithIndices, 'cashtag'),
  ];
}

// Mastodon's Account::MENTION_RE (local `@user` or `@user@domain`) and Tag::HASHTAG_RE's name
// characters (word characters and the separators `_ · ・ ZWNJ`); a run of them contains the tag.
const MASTODON_MENTION = /(?<![=/\p{L}\p{M}\p{N}_])@[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*(?:@[\p{L}\p{M}\p{N}_]+(?:[.-]+[\p{L}\p{M}\p{N}_]+)*)?/giu;
const MASTODON_TAG = /[#＃][\p{L}\p{M}\p{N}_\u00B7\u30FB\u200C]+/gu;

/** Mastodon: only http(s) URLs are links there; local and remote mentions; hashtags. */
export function mastodonEntities(text: string): TextRange[] {
  return [
    ...findUrls(text, { withProtocolOnly: true }).map(({ start, end }) => ({ start, end, kind: 'url' as const })),
    ...ranges(MASTODON_MENTION, text, 'mention'),
    ...ranges(MASTODON_TAG, text, 'hashtag'),
  ];
}

/** Bluesky: the facets its app makes (links, bare domains, handles, tags, cashtags). */
export function blueskyEntities(text: string): TextRange[] {
  return findFacetCandidates(text).map(({ start, end, kind }) => ({
    start,
    end,
    kind: kind === 'link' ? ('url' as const) : kind === 'tag' ? ('hashtag' as const) : ('mention' as const),
  }));
}

// Threads mentions are Instagram usernames: letters, digits, "_" and ".", up to 30.
const THREADS_MENTION = /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9_.]{1,30}(?<!\.)/gu;

/** Threads: URLs, #tags and $cashtags as twitter-text finds them, and Instagram-style @mentions. */
export function threadsEntities(text: string): TextRange[] {
  return [...xEntities(text), ...ranges(THREADS_MENTION, text, 'mention')];
}
