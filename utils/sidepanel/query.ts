import type { MentionRow, SiarDatabase, Tone } from '../db';
import { firstStep, indexOnly, keptBy, rowMatches, type IndexConstraint, type IndexName, type QueryPlan } from './filters';
import { asPromise, constraintRange, keyRange, LOWEST, newestKeys, newestValues, readStore, valuesAt, type HitKey } from './idb';
import { firstPageByKeys } from './keyed';
import { connection } from './observe';
import type { searchTest as SearchTest } from './search';
import type { VolumePoint } from './volume';

// Runs a QueryPlan. Index reads only, except the rows of the first screen and, for a free-text search,
// the rows inside the range the indexes already narrowed. The list's reads go to IndexedDB directly,
// and their liveQuery observes the plan's ranges (observe.ts); the reports' and charts' reads stay with
// Dexie, which observes what they read.

/**
 * The search's row test. Imported on the first search: the stemmer's word list behind it (search.ts) is
 * then evaluated only by an officer who searches, not before the panel's first screen.
 */
async function textTest(plan: QueryPlan): Promise<ReturnType<typeof SearchTest>> {
  return (await import('./search')).searchTest(plan.text, plan.terms);
}

/** Rows read per round trip when rows must be read (text search, export). */
const CHUNK = 1000;

function hitRange(db: SiarDatabase, watchId: number, from: number, to: number) {
  const { index, lower, upper } = constraintRange({ index: 'watchHits', value: watchId }, from, to);
  return db.watchHits.where(index).between(lower, upper, true, false);
}

/** Ids in one mention index range, through Dexie (so a liveQuery around it observes them). */
async function idsOf(db: SiarDatabase, c: IndexConstraint, from: number, to: number): Promise<Set<number>> {
  const { index, lower, upper } = constraintRange(c, from, to);
  return new Set((await db.mentions.where(index).between(lower, upper, true, false).primaryKeys()) as number[]);
}

const mentionIndex = (idb: IDBDatabase, index: Exclude<IndexName, 'watchHits'>) => readStore(idb, 'mentions').index(index);
const rowsAt = (idb: IDBDatabase, ids: readonly number[]) => valuesAt<MentionRow>(idb, 'mentions', ids);

/**
 * Ids in one constraint's index range, oldest first, `chunk` keys per read. Forwards, because a forward
 * read is one getAllKeys call in every browser (a backward one is a cursor step per key outside Chromium).
 * Chunks, because IndexedDB serves a database's requests largely in order: one 100,000-key read would hold
 * the next filter's first page back by its whole length, a chunk only by its own. Undefined once cancelled.
 */
async function rangeIds(
  idb: IDBDatabase,
  c: IndexConstraint,
  from: number,
  to: number,
  cancelled: () => boolean,
  chunk: number,
): Promise<number[] | undefined> {
  const out: number[] = [];
  if (!(from < to)) return out;
  const count = Number.isFinite(chunk) ? chunk : undefined;
  if (c.index === 'watchHits') {
    const bounds = constraintRange(c, from, to);
    let lower = bounds.lower;
    for (let open = false; ; open = true) {
      const range = IDBKeyRange.bound(lower, bounds.upper, open, true);
      const keys = (await asPromise(readStore(idb, 'watchHits').getAllKeys(range, count))) as HitKey[];
      for (const key of keys) out.push(key[2]);
      if (keys.length < chunk) return out;
      if (cancelled()) return undefined;
      lower = keys.at(-1)!;
    }
  }
  // A mention index key is [value, publishedAt] and ties are ordered by id, which getAllKeys does not give
  // back: the next chunk starts AT the last publishedAt and skips the ids the previous read returned
  // (that read holds every tied id up to its end, because it began at or before the tie).
  let lower = from;
  let size = chunk;
  let seen = new Set<number>();
  for (;;) {
    const ids = (await asPromise(mentionIndex(idb, c.index).getAllKeys(keyRange(c, lower, to), Number.isFinite(size) ? size : undefined))) as number[];
    let fresh = 0;
    for (const id of ids)
      if (!seen.has(id)) {
        out.push(id);
        fresh += 1;
      }
    if (ids.length < size) return out;
    if (cancelled()) return undefined;
    // More ties at one publishedAt than a chunk holds: read a bigger one from the same start.
    if (fresh === 0) {
      size *= 2;
      continue;
    }
    const [last] = await rowsAt(idb, [ids.at(-1)!]);
    if (!last) {
      // Deleted meanwhile: read the rest in one go (the liveQuery re-runs on the deletion anyway).
      const rest = (await asPromise(mentionIndex(idb, c.index).getAllKeys(keyRange(c, lower, to)))) as number[];
      const have = new Set(out);
      return [...out, ...rest.filter((id) => !have.has(id))];
    }
    lower = last.publishedAt;
    seen = new Set(ids);
  }
}

export async function rowsByIds(db: SiarDatabase, ids: readonly number[]): Promise<MentionRow[]> {
  const rows = await db.mentions.bulkGet([...ids]);
  return rows.filter((row): row is MentionRow => row !== undefined);
}

/**
 * Keys per read of the full id list: small enough that a superseded read frees IndexedDB within a few
 * milliseconds (5,000 keys took 20–35 ms in Chromium with 100,000 mentions, 1,000 keys 4–7 ms).
 */
export const KEY_CHUNK = 1000;

/** Every matching id, newest first: the list the virtualized view scrolls through. Empty once cancelled. */
export async function matchingIds(db: SiarDatabase, plan: QueryPlan, cancelled: () => boolean = () => false, chunk = KEY_CHUNK): Promise<number[]> {
  const idb = await connection(db);
  const driver = await rangeIds(idb, plan.driver, plan.from, plan.to, cancelled, chunk);
  if (!driver) return [];
  let ids = driver.toReversed();
  if (plan.others.length > 0) {
    // One after another, not in parallel: a cancelled read then leaves at most one chunk in flight.
    const sets: Set<number>[] = [];
    for (const c of plan.others) {
      const got = await rangeIds(idb, c, plan.from, plan.to, cancelled, chunk);
      if (!got) return [];
      sets.push(new Set(got));
    }
    ids = ids.filter((id) => plan.others.every((c, i) => sets[i]!.has(id) !== Boolean(c.exclude)));
  }
  if (plan.terms.length === 0) return ids;
  const text = await textTest(plan);
  const kept: number[] = [];
  for (let at = 0; at < ids.length && !cancelled(); at += CHUNK) {
    for (const row of await rowsAt(idb, ids.slice(at, at + CHUNK))) {
      if (rowMatches(row, plan, text)) kept.push(row.id!);
    }
  }
  return kept;
}

/** Rows of a narrowed list read at most before the first page is looked for by index instead (few match). */
const WITHIN_MOST = 2000;

/** Constraints beside the driver from which the first page is found by keys (see keyed.ts). */
const KEYED_FROM = 3;

/** Index entries to read next for `missing` matches: 1.5× what the share matched so far predicts. */
function nextStep(limit: number, missing: number, read: number, matched: number): number {
  return Math.min(CHUNK, Math.max(limit, Math.ceil((missing * read * 1.5) / Math.max(matched, 1))));
}

/**
 * Ids newest first that hold every match of a plan (the previous filter's full list, when the new one
 * only narrows it, see narrows()), and rows of them already read (the ones that filter had on screen).
 */
export interface Narrowed {
  ids: readonly number[];
  rows: ReadonlyMap<number, MentionRow>;
}

/** The rows of `ids` in order: those in `known` as they are, the others read. */
async function rowsReusing(idb: IDBDatabase, ids: readonly number[], known: ReadonlyMap<number, MentionRow>): Promise<MentionRow[]> {
  const missing = ids.filter((id) => !known.has(id));
  const read = new Map((missing.length > 0 ? await rowsAt(idb, missing) : []).map((row): [number, MentionRow] => [row.id!, row]));
  return ids.map((id) => known.get(id) ?? read.get(id)).filter((row) => row !== undefined);
}

/**
 * The first `limit` matches, read by index, for the first screen (before the full id list is known), or
 * from `within`'s list where given.
 */
export async function firstPage(db: SiarDatabase, plan: QueryPlan, limit: number, within?: Narrowed): Promise<MentionRow[]> {
  if (!(plan.from < plan.to)) return [];
  const idb = await connection(db);
  const { driver, from, to } = plan;
  const out: MentionRow[] = [];
  let read = 0;
  const text = plan.terms.length > 0 ? await textTest(plan) : undefined;
  const take = (rows: MentionRow[]) => {
    read += rows.length;
    for (const row of rows) if (out.length < limit && rowMatches(row, plan, text)) out.push(row);
  };
  if (within) {
    // What the added constraints keep is not known: three rows per match first, then as observed.
    let at = 0;
    for (let step = limit * 3; out.length < limit && at < within.ids.length; step = nextStep(limit, limit - out.length, read, out.length)) {
      if (read >= WITHIN_MOST) return firstPage(db, plan, limit);
      const ids = within.ids.slice(at, at + step);
      at += ids.length;
      take(await rowsReusing(idb, ids, within.rows));
    }
    return out;
  }
  if (driver.index !== 'watchHits' && indexOnly(plan)) return newestValues<MentionRow>(mentionIndex(idb, driver.index), keyRange(driver, from, to), limit);
  // With three constraints or more beside the driver, few rows match (1 in 80 or fewer): their keys cost
  // less to read than the rows. With fewer, reading the rows outright took fewer round trips.
  if (plan.terms.length === 0 && keptBy(plan) >= KEYED_FROM) return firstPageByKeys(idb, plan, limit);
  if (driver.index === 'watchHits') {
    const watchId = Number(driver.value);
    // Each read continues below the last hit's full key; offset() would be a cursor step per skipped key.
    let upper: HitKey = [watchId, to, LOWEST];
    for (let step = firstStep(plan, limit, CHUNK); out.length < limit; step = nextStep(limit, limit - out.length, read, out.length)) {
      const keys = await newestKeys<HitKey>(readStore(idb, 'watchHits'), IDBKeyRange.bound([watchId, from, LOWEST], upper, false, true), step);
      take(
        await rowsAt(
          idb,
          keys.map((k) => k[2]),
        ),
      );
      if (keys.length < step) break;
      upper = keys.at(-1)!;
    }
    return out;
  }
  // Rows in growing getAll reads rather than a cursor step per row. Ties on publishedAt are ordered by id,
  // which the bound cannot name: each read starts AT the last publishedAt and skips the ids read before.
  let upperAt = to;
  let inclusive = false;
  let seen = new Set<number>();
  for (let step = firstStep(plan, limit, CHUNK); out.length < limit;) {
    const rows = await newestValues<MentionRow>(mentionIndex(idb, driver.index), keyRange(driver, from, upperAt, inclusive), step);
    const fresh = rows.filter((row) => !seen.has(row.id!));
    take(fresh);
    if (rows.length < step) break;
    if (fresh.length === 0) {
      step *= 2;
      continue;
    }
    upperAt = rows.at(-1)!.publishedAt;
    inclusive = true;
    seen = new Set(rows.map((row) => row.id!));
    step = nextStep(limit, limit - out.length, read, out.length);
  }
  return out;
}

/** Rows read per story at most; a story carried by hundreds of outlets still reads as "many". */
const STORY_ROWS = 5000;

/** For each story key, how many different outlets carry the story. */
export async function storyOutletCounts(db: SiarDatabase, keys: readonly string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(keys.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  // One getAll per story, all sent at once: anyOf() walks a cursor that jumps key to key, a round trip per
  // row, and such a walk kept IndexedDB busy for seconds while the next filter's first page waited.
  const perKey = Math.ceil(STORY_ROWS / wanted.length);
  const rows = await db.transaction('r', db.mentions, () =>
    Promise.all(wanted.map((key) => db.mentions.where('storyKey').equals(key).limit(perKey).toArray())),
  );
  return new Map(wanted.map((key, i) => [key, new Set(rows[i]!.map((row) => row.outlet)).size]));
}

/** All rows of `ids` in order, read in chunks (exports). */
export async function rowsInOrder(db: SiarDatabase, ids: readonly number[]): Promise<MentionRow[]> {
  const out: MentionRow[] = [];
  for (let at = 0; at < ids.length; at += CHUNK) out.push(...(await rowsByIds(db, ids.slice(at, at + CHUNK))));
  return out;
}

/** Publication times and tones for the volume chart, from the indexes only. */
export async function volumePoints(db: SiarDatabase, watchId: number | undefined, from: number, to: number): Promise<VolumePoint[]> {
  const tones: Tone[] = ['positive', 'neutral', 'negative'];
  if (watchId === undefined) {
    const perTone = await Promise.all(tones.map((tone) => db.mentions.where('[tone+publishedAt]').between([tone, from], [tone, to], true, false).keys()));
    return perTone.flatMap((keys, i) => keys.map((k) => ({ t: (k as unknown as [string, number])[1], tone: tones[i]! })));
  }
  const [hits, positive, negative] = await Promise.all([
    hitRange(db, watchId, from, to).primaryKeys(),
    idsOf(db, { index: '[tone+publishedAt]', value: 'positive' }, from, to),
    idsOf(db, { index: '[tone+publishedAt]', value: 'negative' }, from, to),
  ]);
  return hits.map(([, t, id]: HitKey) => ({ t, tone: positive.has(id) ? 'positive' : negative.has(id) ? 'negative' : 'neutral' }));
}

/** Mentions published in [from, to), optionally of one watch (the clipping report). */
export async function mentionsBetween(db: SiarDatabase, from: number, to: number, watchId?: number): Promise<MentionRow[]> {
  if (watchId === undefined) return db.mentions.where('publishedAt').between(from, to, true, false).toArray();
  const keys = await hitRange(db, watchId, from, to).primaryKeys();
  return rowsByIds(
    db,
    keys.map((k: HitKey) => k[2]),
  );
}
