import type { MentionRow, SiarDatabase, WatchHitRow, WatchRow } from '../db';
import type { RawItem, SourceKind } from '../sources/types';
import { compileWatches, type Matcher } from './matcher';
import { canonicalizeUrl, dedupeItems, storyKey } from './story';
import { detectTone } from './tone';
import { keptByOfficer, type Retention } from './retention';
import type { Adjustment } from './tone-model';

// Fetched items → stored mentions: match against every watch at once, drop what is already stored
// (by guid or canonical URL, looked up in bulk), then write mentions and their watch hits together.

export interface IngestSource {
  kind: SourceKind;
  id?: number;
}

export interface IngestResult {
  added: MentionRow[];
  /** Items that matched a watch but were stored before (or twice in this batch). */
  duplicates: number;
}

let cached: { key: string; matcher: Matcher } | undefined;

/** One compiled matcher per set of watch versions; recompiling 500 watches per source would dominate a tick. */
export function matcherFor(watches: readonly WatchRow[]): Matcher {
  const key = watches.map((w) => `${w.id}:${w.updatedAt}`).join(',');
  if (cached?.key !== key) {
    cached = { key, matcher: compileWatches(watches.map((w) => ({ id: w.id!, query: w.query, aliases: w.aliases, languages: w.languages }))) };
  }
  return cached.matcher;
}

const httpOnly = (url: string) => (/^https?:\/\//i.test(url) ? url : '');

/** A stable id for the item: feed guids that are not URLs are only unique within their own feed. */
export function mentionGuid(item: RawItem, source: IngestSource): string {
  const guid = item.guid || item.url;
  if (source.kind !== 'rss' || /^[a-z][a-z0-9+.-]*:/i.test(guid)) return `${source.kind}:${guid}`;
  return `rss:${source.id ?? 0}:${guid}`;
}

export function toMention(
  item: RawItem & { guid: string; canonicalUrl: string },
  source: IngestSource,
  keywords: string[],
  watchIds: number[],
  now: number,
  toneAdjust?: Adjustment,
): MentionRow {
  // A date in the future would pin the item to the top of every list.
  const publishedAt = Math.min(item.publishedAt ?? now, now);
  const tone = detectTone(`${item.title}. ${item.summary}`, { adjust: toneAdjust });
  const row: MentionRow = {
    guid: item.guid,
    url: httpOnly(item.url),
    canonicalUrl: item.canonicalUrl,
    title: item.title,
    summary: item.summary,
    source: source.kind,
    outlet: item.outlet,
    publishedAt,
    fetchedAt: now,
    watchIds,
    keywords,
    storyKey: storyKey(item.title),
    tone: tone.tone,
    toneWords: tone.reasons,
    state: 'unread',
    starred: 0,
    response: { status: 'baru' },
  };
  if (source.id !== undefined) row.sourceId = source.id;
  if (item.author) row.author = item.author;
  return row;
}

/** Matches, dedupes and stores one source's items. Safe to run for several sources at once. */
export async function ingestItems(
  database: SiarDatabase,
  items: readonly RawItem[],
  source: IngestSource,
  watches: readonly WatchRow[],
  now: number,
  options: { notBefore?: number; toneAdjust?: Adjustment } = {},
): Promise<IngestResult> {
  if (items.length === 0 || watches.length === 0) return { added: [], duplicates: 0 };
  const matcher = matcherFor(watches);
  const matched: { item: RawItem & { guid: string }; watchIds: number[]; keywords: string[] }[] = [];
  for (const item of items) {
    // Older than retention: it would be pruned at once and then stored again on every full fetch.
    if (options.notBefore !== undefined && item.publishedAt !== undefined && item.publishedAt < options.notBefore) continue;
    const hits = matcher.match({
      title: item.title,
      summary: item.summary,
      url: item.url,
      language: item.language,
      source: source.kind,
      ...(item.outletUrl ? { outletUrl: item.outletUrl } : {}),
    });
    if (hits.length === 0) continue;
    matched.push({
      item: { ...item, guid: mentionGuid(item, source) },
      watchIds: hits.map((hit) => hit.watchId),
      keywords: [...new Set(hits.flatMap((hit) => hit.keywords))],
    });
  }
  if (matched.length === 0) return { added: [], duplicates: 0 };

  return database.transaction('rw', database.mentions, database.watchHits, async () => {
    // Looked up inside the write transaction, so two sources delivering one article cannot both add it.
    const guids = matched.map((m) => m.item.guid);
    const urls = [...new Set(matched.map((m) => canonicalizeUrl(m.item.url)).filter(Boolean))];
    const [knownGuids, knownUrls] = await Promise.all([
      database.mentions.where('guid').anyOf(guids).keys(),
      urls.length ? database.mentions.where('canonicalUrl').anyOf(urls).keys() : Promise.resolve([]),
    ]);
    const byGuid = new Map(matched.map((m) => [m.item.guid, m]));
    const { fresh, duplicates } = dedupeItems(
      matched.map((m) => m.item),
      {
        guids: new Set(knownGuids.map(String)),
        canonicalUrls: new Set(knownUrls.map(String)),
      },
    );
    const rows = fresh.map((item) => {
      const match = byGuid.get(item.guid)!;
      return toMention(item, source, match.keywords, match.watchIds, now, options.toneAdjust);
    });
    if (rows.length === 0) return { added: [], duplicates: duplicates.length };
    const ids = await database.mentions.bulkAdd(rows, { allKeys: true });
    const hits: WatchHitRow[] = [];
    rows.forEach((row, i) => {
      row.id = ids[i]!;
      for (const watchId of row.watchIds) hits.push({ watchId, publishedAt: row.publishedAt, mentionId: row.id });
    });
    await database.watchHits.bulkPut(hits);
    return { added: rows, duplicates: duplicates.length };
  });
}

/**
 * Deletes mentions past the retention age, then the oldest beyond the count limit, `batch` at a time
 * so a tick never holds a long transaction. What the officer starred, annotated or triaged is kept
 * (`keptByOfficer`). Returns how many were deleted.
 */
export async function pruneMentions(database: SiarDatabase, retention: Retention, now: number, batch = 2000, maxBatches = 5): Promise<number> {
  const cutoff = now - retention.days * 86_400_000;
  let deleted = 0;
  for (let round = 0; round < maxBatches; round++) {
    const removed = await database.transaction('rw', database.mentions, database.watchHits, async () => {
      const total = await database.mentions.count();
      const excess = Math.max(0, total - retention.maxCount);
      const old = database.mentions
        .where('publishedAt')
        .below(cutoff)
        .filter((m) => !keptByOfficer(m))
        .limit(batch);
      let ids = (await old.primaryKeys()) as number[];
      if (ids.length < batch && excess > ids.length) {
        const skip = new Set(ids);
        const oldest = await database.mentions
          .orderBy('publishedAt')
          .filter((m) => !keptByOfficer(m) && !skip.has(m.id!))
          .limit(Math.min(batch - ids.length, excess - ids.length))
          .primaryKeys();
        ids = [...ids, ...(oldest as number[])];
      }
      if (ids.length === 0) return 0;
      await database.mentions.bulkDelete(ids);
      await database.watchHits.where('mentionId').anyOf(ids).delete();
      return ids.length;
    });
    deleted += removed;
    if (removed < batch) break;
  }
  return deleted;
}
