import type { SiarDatabase, SourceRow, WatchRow } from '../db';
import type { MessageKey } from '../i18n';
import type { WatchInput, WatchView } from '../monitor/protocol';
import { parseQuery, type QueryError } from '../monitor/query';
import { watchHashtags, watchSearchTerms } from '../monitor/search-terms';
import { DEFAULT_INTERVAL_MIN_BY_KIND, DEFAULT_INTERVAL_MS, MINUTE } from '../sources/backoff';
import { isSourceKind } from '../sources/kinds';
import { SOURCES } from '../sources/registry';
import type { SourceConfig, SourceKind } from '../sources/types';

// Watches and the search sources that follow them: a watch listing "googlenews" gets its own Google
// News search row whose query is the watch's query, kept in step on every save.

export type SaveWatchResult = { ok: true; watch: WatchView } | { ok: false; queryError?: QueryError; messageKey?: MessageKey };

export function toWatchView(row: WatchRow): WatchView {
  return {
    id: row.id!,
    name: row.name,
    colour: row.colour,
    query: row.query,
    aliases: row.aliases,
    languages: row.languages,
    sources: row.sources as WatchView['sources'],
    notify: row.notify,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function cleanAliases(groups: string[][]): string[][] {
  return groups.map((group) => [...new Set(group.map((a) => a.trim()).filter(Boolean))]).filter((group) => group.length > 1);
}

export async function saveWatch(database: SiarDatabase, input: WatchInput, now: number, mastodonInstance?: string): Promise<SaveWatchResult> {
  const name = input.name.trim();
  if (!name) return { ok: false, messageKey: 'watchNameRequired' };
  const parsed = parseQuery(input.query);
  if (!parsed.ok) return { ok: false, queryError: parsed.error };
  const fields = {
    name,
    colour: input.colour.toLowerCase(),
    query: input.query.trim(),
    aliases: cleanAliases(input.aliases),
    languages: [...new Set(input.languages)],
    sources: [...new Set(input.sources)],
    notify: input.notify,
    updatedAt: now,
  };
  const watch = await database.transaction('rw', database.watches, database.sources, async () => {
    const existing = input.id === undefined ? undefined : await database.watches.get(input.id);
    let row: WatchRow;
    if (existing) {
      row = { ...existing, ...fields };
      await database.watches.put(row);
    } else {
      row = { ...fields, createdAt: now };
      row.id = await database.watches.add(row);
    }
    await syncWatchSources(database, row, now, mastodonInstance);
    const matchingChanged =
      !existing || existing.query !== row.query || JSON.stringify([existing.aliases, existing.languages]) !== JSON.stringify([row.aliases, row.languages]);
    // Feeds answer 304 until they publish again; forgetting their validators lets the next poll
    // re-read the items already published and match them against the new or changed watch.
    if (matchingChanged) await database.sources.filter((s) => s.kind === 'rss').modify({ etag: undefined, lastModified: undefined });
    return row;
  });
  return { ok: true, watch: toWatchView(watch) };
}

/** Removes the watch, its search sources and its hit index. Stored mentions stay (they are records). */
export async function deleteWatch(database: SiarDatabase, id: number): Promise<void> {
  await database.transaction('rw', database.watches, database.sources, database.watchHits, async () => {
    await database.watches.delete(id);
    await database.sources.filter((s) => s.watchId === id).delete();
    await database.watchHits.where('[watchId+publishedAt+mentionId]').between([id, -Infinity, -Infinity], [id, Infinity, Infinity]).delete();
  });
}

interface DerivedSource {
  key: string;
  kind: SourceKind;
  config: SourceConfig;
}

/** The search rows a watch needs: each ticked kind's own `searchConfigs` for the watch's query. */
export function derivedSources(watch: Pick<WatchRow, 'query' | 'sources'>, mastodonInstance?: string): DerivedSource[] {
  const terms = watchSearchTerms(watch.query);
  if (!terms) return [];
  const search = { terms, hashtags: watchHashtags(watch.query), ...(mastodonInstance ? { mastodonInstance } : {}) };
  return watch.sources.filter(isSourceKind).flatMap((kind) => (SOURCES[kind].searchConfigs?.(search) ?? []).map(({ key, config }) => ({ key, kind, config })));
}

export function newSourceRow(
  kind: SourceKind,
  name: string,
  config: SourceConfig,
  now: number,
  intervalMin = DEFAULT_INTERVAL_MIN_BY_KIND[kind] ?? DEFAULT_INTERVAL_MS / MINUTE,
): SourceRow {
  return { kind, name, config, state: {}, intervalMin, nextDueAt: now, health: { failures: 0 } };
}

/** Brings the watch's search rows in line with its query and chosen kinds; a changed query polls afresh. */
export async function syncWatchSources(database: SiarDatabase, watch: WatchRow, now: number, mastodonInstance?: string): Promise<void> {
  const wanted = new Map(derivedSources(watch, mastodonInstance).map((d) => [d.key, d]));
  const current = await database.sources.filter((s) => s.watchId === watch.id).toArray();
  for (const row of current) {
    const want = row.derivedKey === undefined ? undefined : wanted.get(row.derivedKey);
    if (!want) {
      await database.sources.delete(row.id!);
      continue;
    }
    wanted.delete(want.key);
    const changed = JSON.stringify(row.config) !== JSON.stringify(want.config);
    const renamed = row.name !== watch.name;
    if (changed) {
      await database.sources.update(row.id!, { config: want.config, state: {}, etag: undefined, lastModified: undefined, nextDueAt: now, name: watch.name });
    } else if (renamed) {
      await database.sources.update(row.id!, { name: watch.name });
    }
  }
  for (const want of wanted.values()) {
    await database.sources.add({ ...newSourceRow(want.kind, watch.name, want.config, now), watchId: watch.id, derivedKey: want.key });
  }
}
