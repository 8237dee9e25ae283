import type { MentionRow, SiarDatabase, Tone } from '../db';
import { indexOnly, rowMatches, type IndexConstraint, type QueryPlan } from './filters';
import type { VolumePoint } from './volume';

// Runs a QueryPlan against Dexie. Index reads only, except the rows of the first screen and, for a
// free-text search, the rows inside the range the indexes already narrowed.

/** Rows read per round trip when rows must be read (text search, export). */
const CHUNK = 1000;
const LOWEST = -Infinity;

type HitKey = [number, number, number];

/** Walks an index backwards (Dexie's Collection.reverse, not Array#reverse). */
// oxlint-disable-next-line unicorn/no-array-reverse
const newestFirst = <C extends { reverse(): C }>(collection: C): C => collection.reverse();

function mentionRange(db: SiarDatabase, c: IndexConstraint, from: number, to: number) {
  if (c.index === 'publishedAt' || c.value === undefined) return db.mentions.where('publishedAt').between(from, to, true, false);
  return db.mentions.where(c.index).between([c.value, from], [c.value, to], true, false);
}

function hitRange(db: SiarDatabase, watchId: number, from: number, to: number) {
  // The upper bound [w, to, -∞] excluded leaves out every hit published exactly at `to`.
  return db.watchHits.where('[watchId+publishedAt+mentionId]').between([watchId, from, LOWEST], [watchId, to, LOWEST], true, false);
}

/**
 * Ids in the driver's range, newest first. Read forwards and flipped here: a forward read is one
 * getAllKeys call, a backward one is a cursor step per key (about ten times slower for 100,000 keys).
 */
async function driverIds(db: SiarDatabase, plan: QueryPlan): Promise<number[]> {
  const { driver, from, to } = plan;
  if (driver.index === 'watchHits') {
    const keys = await hitRange(db, Number(driver.value), from, to).primaryKeys();
    return keys.map((k) => k[2]).toReversed();
  }
  return ((await mentionRange(db, driver, from, to).primaryKeys()) as number[]).toReversed();
}

/** Ids in one constraint's index range (its `exclude` flag is applied by the caller). */
async function idSet(db: SiarDatabase, c: IndexConstraint, from: number, to: number): Promise<Set<number>> {
  if (c.index === 'watchHits') return new Set((await hitRange(db, Number(c.value), from, to).primaryKeys()).map((k) => k[2]));
  return new Set((await mentionRange(db, c, from, to).primaryKeys()) as number[]);
}

export async function rowsByIds(db: SiarDatabase, ids: readonly number[]): Promise<MentionRow[]> {
  const rows = await db.mentions.bulkGet([...ids]);
  return rows.filter((row): row is MentionRow => row !== undefined);
}

/** Every matching id, newest first: the list the virtualized view scrolls through. */
export async function matchingIds(db: SiarDatabase, plan: QueryPlan, cancelled: () => boolean = () => false): Promise<number[]> {
  let ids = await driverIds(db, plan);
  if (plan.others.length > 0) {
    const sets = await Promise.all(plan.others.map((c) => idSet(db, c, plan.from, plan.to)));
    ids = ids.filter((id) => plan.others.every((c, i) => sets[i]!.has(id) !== Boolean(c.exclude)));
  }
  if (plan.terms.length === 0) return ids;
  const kept: number[] = [];
  for (let at = 0; at < ids.length && !cancelled(); at += CHUNK) {
    for (const row of await rowsByIds(db, ids.slice(at, at + CHUNK))) {
      if (rowMatches(row, plan)) kept.push(row.id!);
    }
  }
  return kept;
}

/**
 * The count from index counts alone when the filter allows: one index range, or (the inbox) all mentions
 * in the date range minus one excluded range. Undefined otherwise; the caller then counts the id list.
 */
export async function fastCount(db: SiarDatabase, plan: QueryPlan): Promise<number | undefined> {
  const { driver, others, from, to } = plan;
  if (plan.terms.length > 0) return undefined;
  if (driver.index === 'watchHits') return others.length === 0 ? hitRange(db, Number(driver.value), from, to).count() : undefined;
  if (others.length === 0) return mentionRange(db, driver, from, to).count();
  const [only] = others;
  if (others.length > 1 || !only?.exclude || driver.index !== 'publishedAt' || only.index === 'watchHits') return undefined;
  const [all, excluded] = await Promise.all([mentionRange(db, driver, from, to).count(), mentionRange(db, only, from, to).count()]);
  return all - excluded;
}

/** The first `limit` matches, read by index, for the first screen (before the full id list is known). */
export async function firstPage(db: SiarDatabase, plan: QueryPlan, limit: number): Promise<MentionRow[]> {
  const { driver, from, to } = plan;
  if (driver.index !== 'watchHits') {
    const range = newestFirst(mentionRange(db, driver, from, to));
    return indexOnly(plan) ? range.limit(limit).toArray() : range.filter((row) => rowMatches(row, plan)).limit(limit).toArray();
  }
  const out: MentionRow[] = [];
  const hits = newestFirst(hitRange(db, Number(driver.value), from, to));
  // Small steps first: an unfiltered watch fills the screen from its first read.
  for (let offset = 0, step = limit; out.length < limit; offset += step, step = CHUNK) {
    const keys = await hits.clone().offset(offset).limit(step).primaryKeys();
    if (keys.length === 0) break;
    for (const row of await rowsByIds(db, keys.map((k: HitKey) => k[2]))) {
      if (out.length < limit && rowMatches(row, plan)) out.push(row);
    }
  }
  return out;
}

/** For each story key, how many different outlets carry the story. */
export async function storyOutletCounts(db: SiarDatabase, keys: readonly string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(keys.filter(Boolean))];
  const outlets = new Map<string, Set<string>>();
  if (wanted.length === 0) return new Map();
  await db.mentions.where('storyKey').anyOf(wanted).limit(5000).each((row) => {
    const set = outlets.get(row.storyKey) ?? new Set<string>();
    set.add(row.outlet);
    outlets.set(row.storyKey, set);
  });
  return new Map([...outlets].map(([key, set]) => [key, set.size]));
}

/** All rows of `ids` in order, read in chunks (exports). */
export async function rowsInOrder(db: SiarDatabase, ids: readonly number[]): Promise<MentionRow[]> {
  const out: MentionRow[] = [];
  for (let at = 0; at < ids.length; at += CHUNK) out.push(...await rowsByIds(db, ids.slice(at, at + CHUNK)));
  return out;
}

/** Publication times and tones for the volume chart, from the indexes only. */
export async function volumePoints(db: SiarDatabase, watchId: number | undefined, from: number, to: number): Promise<VolumePoint[]> {
  const tones: Tone[] = ['positive', 'neutral', 'negative'];
  if (watchId === undefined) {
    const perTone = await Promise.all(tones.map((tone) =>
      db.mentions.where('[tone+publishedAt]').between([tone, from], [tone, to], true, false).keys()));
    return perTone.flatMap((keys, i) => keys.map((k) => ({ t: (k as unknown as [string, number])[1], tone: tones[i]! })));
  }
  const [hits, positive, negative] = await Promise.all([
    hitRange(db, watchId, from, to).primaryKeys(),
    idSet(db, { index: '[tone+publishedAt]', value: 'positive' }, from, to),
    idSet(db, { index: '[tone+publishedAt]', value: 'negative' }, from, to),
  ]);
  return hits.map(([, t, id]: HitKey) => ({ t, tone: positive.has(id) ? 'positive' : negative.has(id) ? 'negative' : 'neutral' }));
}

/** Mentions published in [from, to), optionally of one watch (the clipping report). */
export async function mentionsBetween(db: SiarDatabase, from: number, to: number, watchId?: number): Promise<MentionRow[]> {
  if (watchId === undefined) return db.mentions.where('publishedAt').between(from, to, true, false).toArray();
  const keys = await hitRange(db, watchId, from, to).primaryKeys();
  return rowsByIds(db, keys.map((k: HitKey) => k[2]));
}
