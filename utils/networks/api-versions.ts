// The one table of API versions Siar pins, with each version's published end of life. A unit test
// (tests/unit/networks/api-versions.test.ts) fails once a pinned version is within 60 days of its end,
// so a version bump is planned, never discovered through an officer's failed post.
// Checked 2026-11-30 against the pages named in `source`; docs/api-versions.md has the full notes.

export interface PinnedVersion {
  /** What the adapter sends: a path segment (Graph, Threads) or a header value (LinkedIn). */
  version: string;
  /** Last day the service answers this version (UTC, YYYY-MM-DD); undefined when none is published. */
  endOfLife?: string;
  /** How the end-of-life date was obtained. */
  basis: 'published' | 'policy-minimum' | 'none-published';
  /** The page that says so. */
  source: string;
  /** The day the page was read (YYYY-MM-DD). */
  checked: string;
}

export const API_VERSIONS = {
  /**
   * Graph API for Facebook Pages. The changelog lists v25.0 (introduced 2026-02-18) as available until
   * 2028-07-29; v21.0, pinned before, ends 2027-01-21.
   */
  facebook: {
    version: 'v25.0',
    endOfLife: '2028-07-29',
    basis: 'published',
    source: 'https://developers.facebook.com/docs/graph-api/changelog/versions/',
    checked: '2026-11-30',
  },
  /**
   * Instagram API with Instagram Login (graph.instagram.com) takes the Graph API version in its path and
   * follows Graph's version schedule, so it is pinned to the same v25.0 (available until 2028-07-29).
   */
  instagram: {
    version: 'v25.0',
    endOfLife: '2028-07-29',
    basis: 'published',
    source: 'https://developers.facebook.com/docs/graph-api/changelog/versions/',
    checked: '2026-11-30',
  },
  /**
   * Threads API. Only v1.0 exists and Meta publishes no end for it; the table keeps it so the day Meta
   * does, one line changes.
   */
  threads: {
    version: 'v1.0',
    basis: 'none-published',
    source: 'https://developers.facebook.com/docs/threads/overview',
    checked: '2026-11-30',
  },
  /**
   * LinkedIn Posts/Images API (LinkedIn-Version header, YYYYMM). 202607 (July 2026) is the newest
   * monthly version listed in LinkedIn's changelog; LinkedIn supports each version "for a minimum of one
   * year", and its migrations table sunsets them mid-month a year on (202603 → 2027-03-16). Its end is
   * therefore taken as one year after release, the earliest LinkedIn allows itself. 202410, pinned
   * before, was sunset on 2025-10-15 and now answers 426 NONEXISTENT_VERSION.
   */
  linkedin: {
    version: '202607',
    endOfLife: '2027-07-01',
    basis: 'policy-minimum',
    source: 'https://learn.microsoft.com/en-us/linkedin/marketing/versioning',
    checked: '2026-11-30',
  },
} as const satisfies Record<string, PinnedVersion>;

/** Whole days from `now` (epoch ms) until the end of `entry`'s last day, or undefined without a published end. */
export function daysUntilEndOfLife(entry: PinnedVersion, now: number): number | undefined {
  if (!entry.endOfLife) return undefined;
  const end = Date.parse(`${entry.endOfLife}T23:59:59Z`);
  return Math.floor((end - now) / 86_400_000);
}
