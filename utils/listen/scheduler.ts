import type { MentionRow, SiarDatabase, SourceRow, WatchRow } from '../db';
import { ContentError } from '../errors';
import { ingestItems } from '../monitor/ingest';
import type { Adjustment } from '../monitor/tone-model';
import { applyOutcome, MINUTE, type PollOutcome } from '../sources/backoff';
import type { Source, SourceKind, SourceState } from '../sources/types';
import { sourceErrorKey } from './store';

// One listening tick: every due source is fetched (a few at a time, each with its own deadline), its
// items are ingested as soon as it answers, and its health and next due time are written back. A
// failing or hanging source only ever affects its own row.

/** Under the 30 s an MV3 worker may spend on one event, so one stuck source cannot outlive the tick. */
export const SOURCE_DEADLINE_MS = 24_000;
export const POLL_CONCURRENCY = 4;

export interface PollDeps {
  database: SiarDatabase;
  sources: Record<SourceKind, Source>;
  /** Credentials for this source, only ever for the host they belong to. */
  credentials(row: SourceRow): Promise<Record<string, unknown> | undefined>;
  now(): number;
  concurrency?: number;
  deadlineMs?: number;
  /** Items published before this are past retention: storing them would only have them pruned again. */
  oldestKept?(): Promise<number>;
  /** What this device learnt from tone corrections, read once per source poll. */
  toneAdjust?(): Promise<Adjustment | undefined>;
  /** Called after each source's new mentions are stored (badge, side panel). */
  onIngested?(added: MentionRow[], row: SourceRow): void | Promise<void>;
}

export interface PollSummary {
  polled: number;
  added: MentionRow[];
}

/** The state a source adapter sees: its cursors plus the validators kept in their own columns. */
function stateOf(row: SourceRow): SourceState {
  const state: SourceState = { ...row.state };
  if (row.etag) state.etag = row.etag;
  if (row.lastModified) state.lastModified = row.lastModified;
  return state;
}

async function pollOne(deps: PollDeps, row: SourceRow, watches: WatchRow[]): Promise<MentionRow[]> {
  const { database } = deps;
  const signal = AbortSignal.timeout(deps.deadlineMs ?? SOURCE_DEADLINE_MS);
  let outcome: PollOutcome = { ok: true };
  let added: MentionRow[] = [];
  let nextState: SourceState | undefined;
  try {
    const source = deps.sources[row.kind as SourceKind];
    if (!source) throw new ContentError('config', `Unknown source kind ${row.kind}.`);
    const now = deps.now();
    const result = await source.fetch(row.config, stateOf(row), signal, { now, credentials: await deps.credentials(row) });
    // The new validators are kept only once the items are stored: otherwise the next poll's 304
    // would hide items that were never saved.
    const notBefore = await deps.oldestKept?.();
    const toneAdjust = await deps.toneAdjust?.();
    added = (await ingestItems(database, result.items, { kind: source.kind, id: row.id }, watches, now, { notBefore, toneAdjust })).added;
    nextState = result.state;
    if (result.truncated) outcome = { ok: true, warning: 'truncated' };
    else if (result.unchanged) outcome = { ok: true, unchanged: true };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const now = deps.now();
  const { health, nextDueAt } = applyOutcome({ intervalMs: row.intervalMin * MINUTE, health: row.health }, outcome, now);
  if (health.lastError) health.lastError = { ...health.lastError, messageKey: sourceErrorKey(health.lastError) };
  const changes: Partial<SourceRow> = { health, nextDueAt };
  if (nextState) {
    const { etag, lastModified, ...rest } = nextState;
    Object.assign(changes, {
      state: rest,
      etag: typeof etag === 'string' ? etag : undefined,
      lastModified: typeof lastModified === 'string' ? lastModified : undefined,
    });
  }
  await database.sources.update(row.id!, changes);
  if (added.length > 0) await deps.onIngested?.(added, row);
  return added;
}

/** Polls every source due now (or the given ids, due or not). Never throws for a source's failure. */
export async function pollDueSources(deps: PollDeps, only?: number[]): Promise<PollSummary> {
  const { database } = deps;
  const due = only
    ? (await database.sources.bulkGet(only)).filter((row): row is SourceRow => row !== undefined)
    : await database.sources.where('nextDueAt').belowOrEqual(deps.now()).toArray();
  if (due.length === 0) return { polled: 0, added: [] };
  const watches = await database.watches.toArray();
  const queue = [...due];
  const added: MentionRow[] = [];
  const lane = async () => {
    for (let row = queue.shift(); row; row = queue.shift()) {
      try {
        added.push(...(await pollOne(deps, row, watches)));
      } catch {
        // Only the bookkeeping write can land here (the database closing); the next tick retries.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? POLL_CONCURRENCY, due.length) }, lane));
  return { polled: due.length, added };
}
