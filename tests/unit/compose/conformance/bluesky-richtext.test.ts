// Siar's Bluesky length and facets against @atproto/api's RichText, the code bsky.app itself runs.
import { RichText } from '@atproto/api';
import { describe, expect, it } from 'vitest';
import { findFacetCandidates } from '../../../../utils/text/bluesky-facets';
import { RULES } from '../../../../utils/networks/rules';
import { byteOffset } from '../../../../utils/networks/bluesky-facets';
import { samplePosts } from './corpus';

const CORPUS_SIZE = 2000;
const posts = samplePosts(CORPUS_SIZE);

interface Flat {
  byteStart: number;
  byteEnd: number;
  kind: string;
  value: string;
}

// The one documented difference (utils/text/bluesky-facets.ts): Siar keeps every trailing
// `.,;:!?` and quote mark, and an unbalanced ")", out of a link, where the app drops only one of each.
const LINK_JUNK = /[.,;:!?"'\u2018\u2019\u201C\u201D\u00AB\u00BB]$/u;
function siarStricter(text: string, facet: Flat): Flat {
  if (facet.kind !== 'link') return facet;
  const bytes = new TextEncoder().encode(text);
  let { value, byteEnd } = facet;
  for (;;) {
    const last = value.at(-1) ?? '';
    if (!LINK_JUNK.test(last) && !(last === ')' && !value.includes('('))) break;
    value = value.slice(0, -1);
    byteEnd -= new TextEncoder().encode(last).length;
  }
  expect(new TextDecoder().decode(bytes.slice(facet.byteStart, byteEnd)).replace(/^(?!https?:)/, 'https://')).toBe(value);
  return { ...facet, value, byteEnd };
}

function reference(text: string): Flat[] {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  return (rich.facets ?? []).map((facet) => {
    const feature = facet.features[0] as { $type: string; uri?: string; did?: string; tag?: string };
    const kind = feature.$type.split('#')[1] ?? '';
    const value = feature.uri ?? feature.did?.toLowerCase() ?? feature.tag ?? '';
    return siarStricter(text, { byteStart: facet.index.byteStart, byteEnd: facet.index.byteEnd, kind, value });
  });
}

function ours(text: string): Flat[] {
  return findFacetCandidates(text).map(({ start, end, kind, value }) => ({
    byteStart: byteOffset(text, start),
    byteEnd: byteOffset(text, end),
    kind,
    value,
  }));
}

const byPosition = (a: Flat, b: Flat) => a.byteStart - b.byteStart || a.kind.localeCompare(b.kind);

describe(`Bluesky against @atproto/api RichText on ${CORPUS_SIZE} generated Indonesian posts`, () => {
  it('the corpus exercises every kind of facet and the tricky spots', () => {
    const all = posts.join('\n');
    for (const needle of [/\u00A0@/, /#[A-Za-z]+-[A-Za-z]/, /#[A-Za-z]+'s/, /\/パス/, /#️⃣/, /🧑‍🔧/, /jdih\.kemenkeu/, /\$BBRI/]) expect(all).toMatch(needle);
    const kinds = new Set(posts.flatMap((text) => reference(text).map((facet) => facet.kind)));
    expect([...kinds].sort()).toEqual(['link', 'mention', 'tag']);
  });

  it('grapheme length equals RichText.graphemeLength on every post', () => {
    const differing = posts.filter((text) => RULES.bluesky.measure(text).length !== new RichText({ text }).graphemeLength);
    expect(differing).toEqual([]);
  });

  it('facets (byte ranges, kind, value) equal RichText.detectFacets on every post', () => {
    let compared = 0;
    for (const text of posts) {
      expect({ text, facets: ours(text).sort(byPosition) }).toEqual({ text, facets: reference(text).sort(byPosition) });
      compared += 1;
    }
    expect(compared).toBe(CORPUS_SIZE);
  });
});
