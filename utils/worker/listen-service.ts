import { browser } from '#imports';
import { db, type MentionRow, type SourceRow } from '../db';
import { t } from '../i18n';
import { pruneMentions } from '../monitor/ingest';
import { inQuietHours } from '../monitor/quiet-hours';
import { cachedAdjustment } from '../monitor/tone-adjust';
import { SOURCES } from '../sources/registry';
import type { XrpcGet } from '../sources/types';
import { pollDueSources, type PollDeps, type PollSummary } from '../sources/scheduler';
import { SETTINGS, readSetting } from '../settings';
import type { Accounts } from '../networks/accounts';
import { LockedError, loadAccounts } from '../secrets/store';
import { refreshBadge } from './badge';
import { WATCH_NOTIFICATION_PREFIX } from './notify';
import { networks } from './queue-service';

// The worker's listening loop: the one-minute alarm (and the refresh button) run a tick that polls due
// sources, stores new mentions, updates the badge, notifies per watch and prunes old mentions.

const sameOrigin = (a: unknown, b: string | undefined) => {
  try {
    return typeof a === 'string' && b !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
};

/** A token goes only to the host it was issued by, never to an instance the officer merely follows. */
async function credentials(row: SourceRow): Promise<Record<string, unknown> | undefined> {
  // While the passphrase lock is on, searches that need a token wait (their health says so).
  const accounts = await loadAccounts().catch((error: unknown) => {
    if (error instanceof LockedError) return {} as Accounts;
    throw error;
  });
  if (row.kind === 'x' && accounts.x?.bearerToken) return { bearerToken: accounts.x.bearerToken };
  // Bluesky search goes through the publishing adapter's session, so its refresh (and the stored
  // rotated tokens) are shared: a stored access JWT alone lapses about two hours after sign-in.
  const bluesky = accounts.bluesky;
  if (row.kind === 'bluesky' && bluesky && sameOrigin(row.config.service ?? 'https://bsky.social', bluesky.service)) {
    const xrpcGet: XrpcGet = (nsid, params, signal) => networks.bluesky.get(bluesky, nsid, params, signal);
    return { xrpcGet };
  }
  if (row.kind === 'mastodon' && accounts.mastodon && sameOrigin(row.config.instance, accounts.mastodon.instance)) {
    return { accessToken: accounts.mastodon.accessToken };
  }
  return undefined;
}

const pollDeps: PollDeps = {
  database: db,
  sources: SOURCES,
  credentials,
  now: () => Date.now(),
  oldestKept: async () => Date.now() - (await readSetting(SETTINGS.preferences)).retention.days * 86_400_000,
  toneAdjust: async () => cachedAdjustment(await readSetting(SETTINGS.toneLearning)),
  onIngested: () => refreshBadge(),
};

/** One notification per watch per tick, and none during quiet hours. */
async function notify(added: MentionRow[]) {
  const preferences = await readSetting(SETTINGS.preferences);
  if (inQuietHours(preferences.quietHours, Date.now(), preferences.timeZone)) return;
  const watches = await db.watches.bulkGet([...new Set(added.flatMap((m) => m.watchIds))]);
  for (const watch of watches) {
    if (!watch?.notify) continue;
    const mentions = added.filter((m) => m.watchIds.includes(watch.id!));
    await browser.notifications.create(`${WATCH_NOTIFICATION_PREFIX}${watch.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('notifyNewMentions', [String(mentions.length), watch.name]),
      // Notifications render plain text, so feed titles cannot inject markup here.
      message: mentions.slice(0, 3).map((m) => m.title).join('\n').slice(0, 300),
    });
  }
}

async function afterTick(summary: PollSummary) {
  if (summary.added.length > 0) await notify(summary.added);
  const { retention } = await readSetting(SETTINGS.preferences);
  if (await pruneMentions(db, retention, Date.now()) > 0 || summary.polled > 0) await refreshBadge();
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
