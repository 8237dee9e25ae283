import { countGraphemes } from '../compose/graphemes';
import { findUrls } from '../compose/urls';

// Bluesky shows links, mentions and hashtags only where the record's facets say, and facets address
// the text in UTF-8 bytes (app.bsky.richtext.facet byteSlice), not in JavaScript's UTF-16 units.

export type FacetFeature =
  | { $type: 'app.bsky.richtext.facet#link'; uri: string }
  | { $type: 'app.bsky.richtext.facet#mention'; did: string }
  | { $type: 'app.bsky.richtext.facet#tag'; tag: string };

export interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: FacetFeature[];
}

/** A rich-text span found in the text, in UTF-16 offsets; mentions still need their DID. */
export interface FacetCandidate {
  start: number;
  end: number;
  kind: 'link' | 'mention' | 'tag';
  /** The link's URI, the handle (no @), or the tag (no #). */
  value: string;
}

// A handle is a domain name: labels of letters, digits and inner hyphens, at least one dot.
const MENTION = /(?<![\p{L}\p{N}_@./])@((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)/giu;
// '#' or the full-width '＃', then letters, marks, digits or underscores; not purely digits ("#1").
const TAG = /(?<![\p{L}\p{N}_&#＃])[#＃]([\p{L}\p{M}\p{N}_]+)/gu;
const TAG_MAX_GRAPHEMES = 64;

const encoder = new TextEncoder();
export const byteOffset = (text: string, index: number) => encoder.encode(text.slice(0, index)).length;

export function findFacetCandidates(text: string): FacetCandidate[] {
  const links: FacetCandidate[] = findUrls(text).map((match) => ({
    start: match.start, end: match.end, kind: 'link',
    value: match.hasProtocol ? match.url : `https://${match.url}`,
  }));
  const insideLink = (start: number, end: number) => links.some((link) => start < link.end && end > link.start);
  const mentions: FacetCandidate[] = [...text.matchAll(MENTION)]
    .map((match) => ({ start: match.index, end: match.index + match[0].length, kind: 'mention' as const, value: match[1]!.toLowerCase() }))
    .filter((mention) => !insideLink(mention.start, mention.end));
  const tags: FacetCandidate[] = [...text.matchAll(TAG)]
    .map((match) => ({ start: match.index, end: match.index + match[0].length, kind: 'tag' as const, value: match[1]! }))
    .filter((tag) => !/^\d+$/.test(tag.value) && countGraphemes(tag.value) <= TAG_MAX_GRAPHEMES && !insideLink(tag.start, tag.end));
  return [...links, ...mentions, ...tags].sort((a, b) => a.start - b.start);
}

/** Facets for the candidates; a mention whose handle did not resolve stays plain text. */
export function toFacets(text: string, candidates: FacetCandidate[], dids: ReadonlyMap<string, string>): Facet[] {
  const facets: Facet[] = [];
  for (const candidate of candidates) {
    let feature: FacetFeature | undefined;
    if (candidate.kind === 'link') feature = { $type: 'app.bsky.richtext.facet#link', uri: candidate.value };
    else if (candidate.kind === 'tag') feature = { $type: 'app.bsky.richtext.facet#tag', tag: candidate.value };
    else {
      const did = dids.get(candidate.value);
      if (did) feature = { $type: 'app.bsky.richtext.facet#mention', did };
    }
    if (!feature) continue;
    facets.push({ index: { byteStart: byteOffset(text, candidate.start), byteEnd: byteOffset(text, candidate.end) }, features: [feature] });
  }
  return facets;
}
