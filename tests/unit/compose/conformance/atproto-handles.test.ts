// Bluesky handle syntax against atproto's interop test files (../shared/conformance/atproto).
import { describe, expect, it } from 'vitest';
import { findFacetCandidates, isValidHandle } from '../../../../utils/text/bluesky-facets';
import { atprotoHandles } from './suites';

const valid = atprotoHandles('valid');
const invalid = atprotoHandles('invalid');

describe('atproto handle syntax interop files', () => {
  it('has both lists', () => {
    expect(valid.length).toBeGreaterThan(50);
    expect(invalid.length).toBeGreaterThan(40);
  });

  it.each(valid)('accepts %j', (handle) => expect(isValidHandle(handle)).toBe(true));
  it.each(invalid)('refuses %j', (handle) => expect(isValidHandle(handle)).toBe(false));

  // A mention becomes a facet only for a valid handle whose TLD is known (or .test, as the app allows).
  it.each(valid.filter((handle) => /\.(test|com|org|app|edu|arpa|uk|in|cn)$/i.test(handle)))('mentions @%s in full', (handle) => {
    const text = `halo @${handle} apa kabar`;
    expect(
      findFacetCandidates(text)
        .filter((c) => c.kind === 'mention')
        .map((c) => text.slice(c.start, c.end)),
    ).toEqual([`@${handle}`]);
  });
});
