import { findFacetCandidates, type FacetCandidate } from '../text/bluesky-facets';

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

// Where the facets go is composer logic (the splitter must not cut them): utils/text/bluesky-facets.ts.
export { findFacetCandidates, type FacetCandidate };

const encoder = new TextEncoder();
export const byteOffset = (text: string, index: number) => encoder.encode(text.slice(0, index)).length;

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
