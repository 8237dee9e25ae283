// X's counter and URL finder against the official twitter-text conformance suite (validate.yml,
// extract.yml, tlds.yml in ../shared/conformance/twitter-text).
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../../utils/networks/rules';
import { findUrls } from '../../../../utils/text/urls';
import { twitterTextCases } from './suites';

interface Weighted {
  weightedLength: number;
  valid: boolean;
}

// The current config is v3 (emoji sequences weigh 2, twitter-text's `configs.defaults`). Not run:
// `tweets` checks the legacy 140-character limit and `WeightedTweetsCounterTest` the v2 config
// (emoji weighed per code point); neither is what X counts today.
const V3_SECTIONS = ['WeightedTweetsWithDiscountedEmojiCounterTest', 'UnicodeDirectionalMarkerCounterTest'];
const weighted = V3_SECTIONS.flatMap((section) => twitterTextCases<Weighted>('validate.yml', section).map((c) => ({ section, ...c })));

describe('twitter-text validate.yml, v3 config: weighted length and validity', () => {
  it('has the 24 v3 cases', () => expect(weighted).toHaveLength(24));

  it.each(weighted.map((c) => [`${c.section}: ${c.description}`, c]))('%s', (_name, { text, expected }) => {
    const measure = RULES.x.measure(text);
    expect(measure.length).toBe(expected.weightedLength);
    expect(measure.ok).toBe(expected.valid);
  });
});

type UrlExpectation = string[] | { url: string; indices: [number, number] }[];
const URL_SECTIONS = ['urls', 'urls_with_indices', 'urls_with_directional_markers', 'tco_urls_with_params'] as const;
const urlCases = URL_SECTIONS.flatMap((section) => twitterTextCases<UrlExpectation>('extract.yml', section).map((c) => ({ section, ...c })));
const tldCases = (['country', 'generic'] as const).flatMap((section) => twitterTextCases<string[]>('tlds.yml', section));

describe('twitter-text extract.yml: URLs found, with indices where given', () => {
  it('has the URL cases', () => expect(urlCases.length).toBeGreaterThan(100));

  it.each(urlCases.map((c) => [`${c.section}: ${c.description}`, c]))('%s', (_name, { text, expected }) => {
    const found = findUrls(text);
    expect(found.map((match) => match.url)).toEqual(expected.map((item) => (typeof item === 'string' ? item : item.url)));
    const indices = expected.flatMap((item) => (typeof item === 'string' ? [] : [item.indices]));
    expect(found.map(({ start, end }) => [start, end]).slice(0, indices.length)).toEqual(indices);
  });
});

describe('twitter-text tlds.yml: every country and generic TLD ends a URL', () => {
  it('has its 1,574 cases', () => expect(tldCases).toHaveLength(1574));

  it('finds each expected URL', () => {
    const failing = tldCases.filter(({ text, expected }) => JSON.stringify(findUrls(text).map((m) => m.url)) !== JSON.stringify(expected));
    expect(failing.map((c) => c.description)).toEqual([]);
  });
});
