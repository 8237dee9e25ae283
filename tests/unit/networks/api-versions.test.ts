import { describe, expect, it } from 'vitest';
import { ApiVersionError } from '../../../utils/networks/errors';
import { API_VERSIONS, daysUntilEndOfLife, type PinnedVersion } from '../../../utils/networks/api-versions';
import { GRAPH_VERSION } from '../../../utils/networks/facebook';
import { linkedin, LINKEDIN_VERSION } from '../../../utils/networks/linkedin';
import { graphServes } from '../../fakes/facebook';
import { linkedinServes } from '../../fakes/linkedin';
import { ACCOUNTS, post, signal, useFakes } from './harness';

// Each pinned API version must be at least 60 days from its published end, measured from today's clock,
// so this test turns red two months before an officer's post would.

const WARNING_DAYS = 60;
const entries = Object.entries(API_VERSIONS) as [string, PinnedVersion][];
const dated = entries.filter(([, entry]) => entry.basis !== 'none-published');
const undated = entries.filter(([, entry]) => entry.basis === 'none-published');

describe('pinned API versions', () => {
  it.each(dated)('%s is more than 60 days from its end of life today', (_network, entry) => {
    const days = daysUntilEndOfLife(entry, Date.now());
    expect(days, `${entry.version} ends ${entry.endOfLife}: move to a newer version (see ${entry.source})`).toBeGreaterThan(WARNING_DAYS);
  });

  it.each(undated)('%s has no published end, and says so', (_network, entry) => {
    expect(entry.endOfLife).toBeUndefined();
    expect(daysUntilEndOfLife(entry, Date.now())).toBeUndefined();
  });

  it.each(entries)('%s names the page and the day it was read', (_network, entry) => {
    expect(entry.source).toMatch(/^https:\/\//);
    expect(entry.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each(dated)('%s has a YYYY-MM-DD end of life', (_network, entry) => {
    expect(entry.endOfLife).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    // v21.0 is "available until January 21, 2027" (Graph changelog): inside the window on 2026-11-30.
    [{ version: 'v21.0', endOfLife: '2027-01-21', basis: 'published', source: 'https://x', checked: '2026-11-30' }, Date.UTC(2026, 10, 30), 52],
    [{ version: 'v25.0', endOfLife: '2028-07-29', basis: 'published', source: 'https://x', checked: '2026-11-30' }, Date.UTC(2026, 10, 30), 607],
    [{ version: '202410', endOfLife: '2025-10-15', basis: 'published', source: 'https://x', checked: '2026-11-30' }, Date.UTC(2026, 10, 30), -411],
  ] as [PinnedVersion, number, number][])('counts the days left for %o', (entry, now, days) => {
    expect(daysUntilEndOfLife(entry, now)).toBe(days);
  });

  it('the adapters send the pinned versions', () => {
    expect(GRAPH_VERSION).toBe(API_VERSIONS.facebook.version);
    expect(LINKEDIN_VERSION).toBe(API_VERSIONS.linkedin.version);
  });
});

describe('the fakes serve versions as the services do today', () => {
  it.each([
    ['202410', false],
    ['202511', false],
    ['202601', true],
    ['202607', true],
    ['209901', false],
    ['2024-10', false],
  ])('LinkedIn serves %s on 2026-11-30: %s', (version, served) => {
    expect(linkedinServes(version, Date.UTC(2026, 10, 30))).toBe(served);
  });

  it.each([
    ['v25.0', 'v25.0'],
    ['v20.0', 'v21.0'],
    ['v99.0', undefined],
  ])('Graph answers a call to %s with %s on 2026-11-30', (asked, served) => {
    expect(graphServes(asked, Date.UTC(2026, 10, 30))).toBe(served);
  });
});

describe('LinkedIn 426', () => {
  const env = useFakes();

  it('a sunset LinkedIn-Version is refused by the fake with 426 NONEXISTENT_VERSION', async () => {
    const response = await fetch('https://api.linkedin.com/rest/posts', {
      method: 'POST',
      headers: { authorization: `Bearer ${ACCOUNTS.linkedin.token}`, 'linkedin-version': '202410', 'x-restli-protocol-version': '2.0.0' },
      body: '{}',
    });
    expect(response.status).toBe(426);
    expect(await response.json()).toMatchObject({ code: 'NONEXISTENT_VERSION' });
    expect(env.linkedin.posts).toHaveLength(0);
  });

  it('becomes "Siar needs an update", not a content or sign-in error', async () => {
    env.fail('api.linkedin.com', {
      status: 426,
      headers: { 'content-type': 'application/json' },
      body: { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 202410 is not active' },
    });
    const error = await linkedin.publish(post(), ACCOUNTS.linkedin, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiVersionError);
    expect(error).toMatchObject({ messageKey: 'errorApiVersion' });
  });

  it('the pinned version posts against the strict fake', async () => {
    await expect(linkedin.publish(post(), ACCOUNTS.linkedin, signal())).resolves.toMatchObject({ remoteId: expect.stringMatching(/^urn:li:share:/) });
  });
});
