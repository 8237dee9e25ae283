import type { SiarDatabase, SourceRow } from '../db';
import type { ErrorInfo } from '../errors';
import type { MessageKey } from '../i18n';
import type { SourceView } from '../monitor/protocol';
import { exportOpml, feedRisk, importOpml } from '../sources/opml';
import { SOURCES } from '../sources/registry';
import type { SourceConfig, SourceKind } from '../sources/types';
import { newSourceRow } from './watches';

// The officer's own sources (feeds, fixed searches, hashtags): validated by each source's schema,
// stored once per address, imported from and exported to OPML.

export interface SaveSourceInput {
  id?: number;
  kind: SourceKind;
  name?: string;
  config: SourceConfig;
  intervalMin?: number;
}

export type SaveSourceResult = { ok: true; source: SourceView } | { ok: false; messageKey: MessageKey; field?: string };

/** X's billing answers keep their own sentence in the sources list too (utils/networks/x-billing.ts). */
const X_BILLING_KEYS = new Set<MessageKey>(['errorXCreditsDepleted', 'errorXUsageCap', 'errorXDailyLimit', 'errorXSearchCapReached']);

/** The one sentence the sources list shows for a failure, worded for a source rather than a post. */
export function sourceErrorKey(info: ErrorInfo): MessageKey {
  switch (info.code) {
    case 'auth':
      return 'sourceErrorAuth';
    case 'rate-limit':
      return X_BILLING_KEYS.has(info.messageKey) ? info.messageKey : 'sourceErrorRateLimited';
    case 'transient':
      return 'sourceErrorNetwork';
    case 'content':
      if (info.field === 'feed') return 'sourceErrorFeed';
      if (info.field === 'url') return 'sourceErrorNotFound';
      if (info.field === 'needs-bluesky-account') return 'sourceErrorNeedsBluesky';
      if (info.field === 'reddit-unavailable') return 'sourceErrorRedditUnavailable';
      return 'sourceErrorResponse';
    default:
      return 'errorInternal';
  }
}

export function toSourceView(row: SourceRow): SourceView {
  const view: SourceView = {
    id: row.id!,
    kind: row.kind as SourceKind,
    name: row.name,
    config: row.config,
    intervalMin: row.intervalMin,
    nextDueAt: row.nextDueAt,
    health: row.health,
  };
  if (row.watchId !== undefined) view.watchId = row.watchId;
  return view;
}

export async function saveSource(database: SiarDatabase, input: SaveSourceInput, now: number): Promise<SaveSourceResult> {
  const parsed = SOURCES[input.kind].configSchema.safeParse(input.config);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    return { ok: false, messageKey: input.kind === 'rss' && field === 'url' ? 'sourceInvalidUrl' : 'sourceInvalidConfig', field };
  }
  const config = parsed.data as SourceConfig;
  const name = input.name?.trim() || (SOURCES[input.kind].defaultName?.(config) ?? input.kind);
  const row = await database.transaction('rw', database.sources, async () => {
    const existing =
      input.id === undefined
        ? input.kind === 'rss'
          ? await database.sources.filter((s) => s.kind === 'rss' && s.config.url === config.url && s.watchId === undefined).first()
          : undefined
        : await database.sources.get(input.id);
    if (!existing) {
      const created = newSourceRow(input.kind, name, config, now, input.intervalMin);
      created.id = await database.sources.add(created);
      return created;
    }
    const changed = existing.kind !== input.kind || JSON.stringify(existing.config) !== JSON.stringify(config);
    const updated: SourceRow = {
      ...existing,
      kind: input.kind,
      name,
      config,
      intervalMin: input.intervalMin ?? existing.intervalMin,
      // A different address or query starts over: old validators and cursors belong to the old one.
      ...(changed ? { state: {}, etag: undefined, lastModified: undefined, nextDueAt: now } : {}),
    };
    await database.sources.put(updated);
    return updated;
  });
  return { ok: true, source: toSourceView(row) };
}

export async function listSources(database: SiarDatabase): Promise<SourceView[]> {
  return (await database.sources.toArray()).map(toSourceView);
}

export async function deleteSource(database: SiarDatabase, id: number): Promise<void> {
  await database.sources.delete(id);
}

/** Makes a source due now; the next tick (or the caller) polls it. */
export async function makeDue(database: SiarDatabase, id: number, now: number): Promise<boolean> {
  return (await database.sources.update(id, { nextDueAt: now })) > 0;
}

export type OpmlImportResult = { ok: true; added: number; duplicates: number; invalid: number } | { ok: false; messageKey: MessageKey; risky?: string[] };

/**
 * Adds an OPML file's feeds as sources. Refuses more than MAX_OPML_FEEDS, and feeds with credentials or
 * private IP literals (`feedRisk`) unless `allowRisky` (the officer confirmed the listed addresses).
 */
export async function importOpmlSources(database: SiarDatabase, text: string, now: number, allowRisky = false): Promise<OpmlImportResult> {
  const parsed = importOpml(text);
  if (!parsed.ok) return { ok: false, messageKey: parsed.tooMany ? 'opmlTooMany' : 'opmlUnreadable' };
  // Shown without the credentials themselves: the officer recognises the host.
  const risky = parsed.feeds
    .filter((feed) => feedRisk(feed.url))
    .map((feed) => {
      const url = new URL(feed.url);
      return url.host + url.pathname;
    });
  if (risky.length && !allowRisky) return { ok: false, messageKey: 'opmlRiskyFeeds', risky };
  return database.transaction('rw', database.sources, async () => {
    const known = new Set((await database.sources.where('kind').equals('rss').toArray()).map((s) => s.config.url));
    const fresh = parsed.feeds.filter((feed) => !known.has(feed.url));
    await database.sources.bulkAdd(fresh.map((feed) => newSourceRow('rss', feed.title, { url: feed.url }, now)));
    return { ok: true as const, added: fresh.length, duplicates: parsed.duplicates + parsed.feeds.length - fresh.length, invalid: parsed.invalid };
  });
}

export async function exportOpmlSources(database: SiarDatabase, now: number): Promise<string> {
  const feeds = (await database.sources.where('kind').equals('rss').toArray())
    .filter((s) => typeof s.config.url === 'string')
    .map((s) => ({ title: s.name, url: s.config.url as string }));
  return exportOpml(feeds, { now });
}
