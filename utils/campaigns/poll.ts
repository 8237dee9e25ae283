import { ContentError, type ErrorInfo } from '../errors';
import { applyOutcome, MINUTE, type PollOutcome } from '../sources/backoff';
import { httpGet } from '../sources/http';
import { sourceErrorKey } from '../listen/store';
import type { CampaignSource } from '../settings';
import { readCampaignSource } from './from-feed';
import { MAX_KIT_FILE_BYTES, type Kit } from './kit';

// Polling one campaign source: the same conditional GET, typed errors, size cap and backoff as the
// listening feeds (utils/sources/http.ts, utils/sources/backoff.ts), with the kit reader instead of the
// mention ingest.

const ACCEPT = 'application/json, application/feed+json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export interface CampaignPoll {
  /** The source with its new health, next due time and (after a full read) validators. */
  source: CampaignSource;
  /** The kits read; undefined on 304 Not Modified or on failure. */
  kits?: Kit[];
}

/** The `detail` of a ContentError raised for a file above MAX_KIT_FILE_BYTES (utils/sources/http.ts). */
const TOO_LARGE = /^too-large/;

/**
 * GETs a campaign source (If-None-Match / If-Modified-Since from its last answer) and reads its kits.
 * A document that is neither a kit file nor a feed, or is larger than MAX_KIT_FILE_BYTES, is a failure
 * in the source's health; a bad kit or item is one line in `health.problems` and the others load.
 * Never throws (an abort by the caller is recorded as a transient failure).
 * The caller stores `kits` before it keeps the returned validators, so a 304 never hides unsaved kits.
 */
export async function pollCampaignSource(source: CampaignSource, signal: AbortSignal, now: number): Promise<CampaignPoll> {
  const headers: Record<string, string> = { Accept: ACCEPT };
  if (source.etag) headers['If-None-Match'] = source.etag;
  if (source.lastModified) headers['If-Modified-Since'] = source.lastModified;
  let outcome: PollOutcome = { ok: true };
  let kits: Kit[] | undefined;
  let problems = source.health.problems;
  let validators: Pick<CampaignSource, 'etag' | 'lastModified'> = { etag: source.etag, lastModified: source.lastModified };
  try {
    const response = await httpGet(source.url, { headers, signal, now, maxBytes: MAX_KIT_FILE_BYTES });
    if (response.status === 304) {
      outcome = { ok: true, unchanged: true };
    } else {
      const read = readCampaignSource(response.body, response.headers.get('content-type'), response.url, now);
      if (read.fatal) throw new ContentError('feed', read.fatal);
      kits = read.kits;
      problems = read.problems.slice(0, 20).map((line) => line.slice(0, 300));
      validators = { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined };
    }
  } catch (error) {
    outcome = { ok: false, error };
  }
  const { health, nextDueAt } = applyOutcome(
    { intervalMs: source.intervalMin * MINUTE, health: { ...source.health, lastError: source.health.lastError as ErrorInfo | undefined } },
    outcome,
    now,
  );
  const lastError = health.lastError && {
    ...health.lastError,
    messageKey: TOO_LARGE.test(health.lastError.detail ?? '') ? 'campaignErrorTooLarge' : sourceErrorKey(health.lastError),
    ...(health.lastError.detail ? { detail: health.lastError.detail.slice(0, 500) } : {}),
  };
  const { etag: _etag, lastModified: _lastModified, ...rest } = source;
  return {
    source: {
      ...rest,
      nextDueAt,
      ...(validators.etag ? { etag: validators.etag.slice(0, 1000) } : {}),
      ...(validators.lastModified ? { lastModified: validators.lastModified.slice(0, 200) } : {}),
      health: {
        failures: health.failures,
        problems,
        kits: kits?.length ?? source.health.kits,
        ...(health.lastSuccessAt !== undefined ? { lastSuccessAt: health.lastSuccessAt } : {}),
        ...(health.lastErrorAt !== undefined ? { lastErrorAt: health.lastErrorAt } : {}),
        ...(lastError ? { lastError } : {}),
      },
    },
    ...(kits ? { kits } : {}),
  };
}

/** A new campaign source for `url`, due now. `id`: a UUID (global, see CampaignSource.id). */
export function newCampaignSource(id: string, url: string, name: string, now: number): CampaignSource {
  return { id, url, name, addedAt: now, intervalMin: 30, nextDueAt: now, health: { failures: 0, problems: [], kits: 0 } };
}
