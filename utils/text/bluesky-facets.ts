/**
 * Where Bluesky's own app puts links, mentions and tags in a post (app.bsky.richtext.facet), so a
 * post written in Siar shows the same links and lands in the same tag feeds as one written there.
 *
 * Follows `detectFacets` of @atproto/api 0.21 (src/rich-text/detection.ts and util.ts, MIT), the
 * code bsky.app runs. It is ported, not imported: @atproto/api has one entry point that loads every
 * lexicon (megabytes), and the popup needs these ranges to split threads without cutting a facet.
 * tests/unit/compose/conformance/bluesky-richtext.test.ts compares the two on a generated corpus.
 *
 * Deliberate differences, each stricter than the app:
 * - A link loses every trailing `.,;:!?` and quote mark, not just one: in `Baca "https://contoh.id/a".`
 *   the app links `https://contoh.id/a"` (a 404 on most sites), Siar links `https://contoh.id/a`.
 * - A keycap is never a tag: the app skips `#️⃣` but tags `#⃣` (no U+FE0F); Siar skips both.
 * - A mention must be a syntactically valid handle (atproto handle spec); the app drops the others
 *   when they fail to resolve, so the posted result is the same.
 * - Domains are checked against twitter-text's TLD list, which lacks 7 of the 1,438 TLDs in the `tlds`
 *   package the app uses (amazon, kids, music, spa and three non-Latin ones; tlds 1.261.0).
 */
import { countGraphemes } from './graphemes';
import { isKnownTld } from './twitter';

export interface FacetCandidate {
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  kind: 'link' | 'mention' | 'tag';
  /** The link's URI, the handle (lower case, no @), or the tag (no #; a cashtag keeps its $). */
  value: string;
}

// The app's expressions (util.ts), unchanged.
const MENTION = /(^|\s|\()(@)([a-zA-Z0-9.-]+)(\b)/g;
const URL = /(^|\s|\()((https?:\/\/[\S]+)|((?<domain>[a-z][a-z0-9]*(\.[a-z0-9]+)+)[\S]*))/gim;
const TRAILING_PUNCTUATION = /\p{P}+$/u;
const TAG =
  // eslint-disable-next-line no-misleading-character-class -- the app's own list of joiners, kept as written
  /(^|\s)[#＃]((?!\ufe0f)[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]*[^\d\s\p{P}\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]+[^\s\u00AD\u2060\u200A\u200B\u200C\u200D\u20e2]*)?/gu;
const CASHTAG = /(^|\s|\()\$([A-Za-z][A-Za-z0-9]{0,4})(?=\s|$|[.,;:!?)"'\u2019])/gu;
const TAG_MAX_GRAPHEMES = 64;

// Siar's additions (see the header).
const LINK_TRAILING_JUNK = /[.,;:!?"'\u2018\u2019\u201C\u201D\u00AB\u00BB]+$/u;
const KEYCAP = '\u20E3';
// atproto handle syntax (atproto.com/specs/handle): ASCII labels, TLD starting with a letter, ≤ 253 chars.
const HANDLE = /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const HANDLE_MAX_LENGTH = 253;

/** Whether `handle` (without @) is valid atproto handle syntax; does not say it exists. */
export function isValidHandle(handle: string): boolean {
  return handle.length <= HANDLE_MAX_LENGTH && HANDLE.test(handle);
}

function hasKnownTld(domain: string): boolean {
  const lastDot = domain.lastIndexOf('.');
  return lastDot > 0 && isKnownTld(domain.slice(lastDot + 1));
}

function mentions(text: string): FacetCandidate[] {
  return Array.from(text.matchAll(MENTION)).flatMap((match) => {
    const handle = match[3] ?? '';
    if (!(hasKnownTld(handle) || handle.endsWith('.test')) || !isValidHandle(handle)) return [];
    const start = match.index + (match[1]?.length ?? 0);
    return [{ start, end: start + 1 + handle.length, kind: 'mention' as const, value: handle.toLowerCase() }];
  });
}

function links(text: string): FacetCandidate[] {
  return Array.from(text.matchAll(URL)).flatMap((match) => {
    let uri = match[2] ?? '';
    if (!uri.startsWith('http')) {
      const domain = match.groups?.domain;
      if (!domain || !hasKnownTld(domain)) return [];
      uri = `https://${uri}`;
    }
    const start = match.index + (match[1]?.length ?? 0);
    let end = start + (match[2]?.length ?? 0);
    for (;;) {
      const junk = LINK_TRAILING_JUNK.exec(uri)?.[0].length ?? (uri.endsWith(')') && !uri.includes('(') ? 1 : 0);
      if (junk === 0) break;
      uri = uri.slice(0, -junk);
      end -= junk;
    }
    return uri.endsWith('://') ? [] : [{ start, end, kind: 'link' as const, value: uri }];
  });
}

function tags(text: string): FacetCandidate[] {
  const found: FacetCandidate[] = [];
  for (const match of text.matchAll(TAG)) {
    const tag = match[2]?.trim().replace(TRAILING_PUNCTUATION, '') ?? '';
    if (tag === '' || tag.startsWith(KEYCAP)) continue;
    if (tag.length > TAG_MAX_GRAPHEMES && countGraphemes(tag) > TAG_MAX_GRAPHEMES) continue;
    const start = match.index + (match[1]?.length ?? 0);
    found.push({ start, end: start + 1 + tag.length, kind: 'tag', value: tag });
  }
  for (const match of text.matchAll(CASHTAG)) {
    const ticker = match[2] ?? '';
    const start = match.index + (match[1]?.length ?? 0);
    found.push({ start, end: start + 1 + ticker.length, kind: 'tag', value: `$${ticker.toUpperCase()}` });
  }
  return found;
}

/**
 * Links, mentions and tags as Bluesky's app finds them (with the differences in this file's header),
 * sorted by start. Mentions still need their DID; a handle that does not resolve must stay plain text.
 */
export function findFacetCandidates(text: string): FacetCandidate[] {
  return [...mentions(text), ...links(text), ...tags(text)].sort((a, b) => a.start - b.start);
}
