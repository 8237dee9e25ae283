import { db, type MentionRow, type SourceRow } from '../db';
import { pruneMentions } from '../monitor/ingest';
import { networks } from '../queue/networks';
import { cachedAdjustment } from '../monitor/tone-adjust';
import type { Accounts } from '../networks/accounts';
import { LockedError, loadAccounts } from '../secrets/store';
import { SETTINGS, readSetting } from '../settings';
import { isSourceKind } from '../sources/kinds';
import { SOURCES } from '../sources/registry';
import { pollDueSources, type PollDeps, type PollSummary } from './scheduler';

// The listening loop: the one-minute alarm (and the refresh button) run a tick that polls due sources,
// stores new mentions and prunes old ones. What the browser shows about it (badge, notifications)
// belongs to the worker, which hands it in through setListenHooks at start-up.

/** What the worker does when listening changes what the officer should see. */
export interface ListenHooks {
  /** Mention states or counts changed (new mentions, triage, pruning): the badge is recounted. */
  mentionsChanged(): Promise<void>;
  /** New mentions were stored in one tick: per-watch notifications. */
  newMentions(added: MentionRow[]): Promise<void>;
}

const hooks: ListenHooks = { mentionsChanged: async () => undefined, newMentions: async () => undefined };

/** Called once, synchronously, when the worker starts (utils/worker/start.ts). */
export function setListenHooks(given: ListenHooks): void {
  Object.assign(hooks, given);
}

/** The worker's hooks, for the listening handlers (utils/listen/service.ts). */
export const mentionsChanged = (): Promise<void> => hooks.mentionsChanged();

/** The credentials of `row`'s kind, from the connected accounts (each adapter's `credentials`). */
async function credentials(row: SourceRow): Promise<Record<string, unknown> | undefined> {
  // While the passphrase lock is on, searches that need a token wait (their health says so).
  const accounts = await loadAccounts().catch((error: unknown) => {
    if (error instanceof LockedError) return {} as Accounts;
    throw error;
  });
  if (!isSourceKind(row.kind)) return undefined;
  return SOURCES[row.kind].credentials?.(row.config, {
    accounts,
    blueskyGet: (account, nsid, params, signal) => networks.bluesky.get(account, nsid, params, signal),
  });
}

const pollDeps: PollDeps = {
  database: db,
  sources: SOURCES,
  credentials,
  now: () => Date.now(),
  oldestKept: async () => Date.now() - (await readSetting(SETTINGS.preferences)).retention.days * 86_400_000,
  toneAdjust: async () => cachedAdjustment(await readSetting(SETTINGS.toneLearning)),
  onIngested: () => hooks.mentionsChanged(),
};

async function afterTick(summary: PollSummary) {
  if (summary.added.length > 0) await hooks.newMentions(summary.added);
  const { retention } = await readSetting(SETTINGS.preferences);
  if ((await pruneMentions(db, retention, Date.now())) > 0 || summary.polled > 0) await hooks.mentionsChanged();
}

let running: Promise<PollSummary> | undefined;

/** The alarm's listening work. Overlapping calls share one run. */
export function listenTick(): Promise<PollSummary> {
  running ??= (async () => {
    try {
      const summary = await pollDueSources(pollDeps);
      await afterTick(summary);
      return summary;
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/** The refresh button: every healthy source becomes due (failing ones keep their backoff), then a tick. */
export async function listenNow(): Promise<PollSummary> {
  await running;
  const now = Date.now();
  await db.sources.filter((s) => s.health.failures === 0 && s.nextDueAt > now).modify({ nextDueAt: now });
  return listenTick();
}

/** Polls one source now, whatever its schedule (the sources list's retry button). */
export async function pollSourceNow(id: number): Promise<void> {
  await db.sources.update(id, { nextDueAt: Date.now() });
  const summary = await pollDueSources(pollDeps, [id]);
  await afterTick(summary);
}
