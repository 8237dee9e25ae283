import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLiveQuery } from '../../../components/common/useLiveQuery';
import type { SiarDatabase } from '../../../utils/db';
import { loadDexie } from '../../../utils/sidepanel/dexie';
import { planQuery, type MentionFilter } from '../../../utils/sidepanel/filters';
import { observePlan } from '../../../utils/sidepanel/observe';
import { firstPage, matchingIds } from '../../../utils/sidepanel/query';
import { row } from './rows';

// The list's reads go to IndexedDB directly and their liveQuery observes the plan's ranges instead of
// the keys read (observe.ts): every write that changes what the filter matches must still reach them.

let db: SiarDatabase;
beforeAll(async () => {
  ({ db } = await loadDexie());
  // The panel imports its search (and the stemmer's word list) on the first search, once; here that
  // one-time load happens before the waits below, which are for the live updates only.
  (await import('../../../utils/sidepanel/search')).searchTest('banjir', ['banjir'])(row(1));
});
afterAll(() => db.delete());

async function store(rows: ReturnType<typeof row>[]) {
  await db.transaction('rw', db.mentions, db.watchHits, async () => {
    await db.mentions.clear();
    await db.watchHits.clear();
    await db.mentions.bulkPut(rows);
    await db.watchHits.bulkPut(rows.flatMap((r) => r.watchIds.map((watchId) => ({ watchId, publishedAt: r.publishedAt, mentionId: r.id! }))));
  });
}

/** Follows a filter's first page and full id list as the panel does; `latest` is what each shows now. */
function follow(filter: MentionFilter) {
  const plan = planQuery(filter);
  const latest: { page?: number[]; ids?: number[] } = {};
  const stops = [
    startLiveQuery({ read: (d) => firstPage(d, plan, 3), observe: (d) => observePlan(d, plan) }).take((o) => {
      if ('value' in o) latest.page = o.value.map((r) => r.id!);
    }),
    startLiveQuery({ read: (d, cancelled) => matchingIds(d, plan, cancelled), observe: (d) => observePlan(d, plan) }).take((o) => {
      if ('value' in o) latest.ids = o.value;
    }),
  ];
  return { latest, stop: () => stops.forEach((stop) => stop()) };
}

describe('live list reads', () => {
  it.each<[string, MentionFilter, (d: SiarDatabase) => Promise<unknown>, number[]]>([
    ['a new mention in range', { state: 'inbox', tone: 'negative', text: '' }, (d) => d.mentions.put(row(9)), [9, 3, 2, 1]],
    ['a mention archived', { state: 'inbox', tone: 'negative', text: '' }, (d) => d.mentions.update(3, { state: 'archived' }), [2, 1]],
    ['a tone corrected into the filter', { state: 'inbox', tone: 'negative', text: '' }, (d) => d.mentions.update(4, { tone: 'negative' }), [4, 3, 2, 1]],
    ['a mention deleted', { state: 'all', text: '' }, (d) => d.mentions.delete(2), [4, 3, 1]],
    ['a title edited into a search', { state: 'all', text: 'banjir' }, (d) => d.mentions.update(1, { title: 'Banjir' }), [4, 1]],
    [
      'a mention joining a watch',
      { state: 'inbox', watchId: 2, text: '' },
      (d) =>
        d.transaction('rw', d.mentions, d.watchHits, async () => {
          await d.mentions.update(2, { watchIds: [1, 2] });
          await d.watchHits.put({ watchId: 2, publishedAt: 2000, mentionId: 2 });
        }),
      [4, 2],
    ],
  ])('%s reaches the first page and the id list', async (_name, filter, write, want) => {
    await store([row(1), row(2), row(3), row(4, { tone: 'neutral', title: 'banjir', watchIds: [1, 2] })]);
    const { latest, stop } = follow(filter);
    await vi.waitFor(() => expect(latest.ids).toBeDefined());
    await write(db);
    await vi.waitFor(() => {
      expect(latest.ids).toEqual(want);
      expect(latest.page).toEqual(want.slice(0, 3));
    });
    stop();
  });

  it('a write made right after following a filter is not missed', async () => {
    await store([row(1), row(2)]);
    const { latest, stop } = follow({ state: 'all', text: '' });
    await db.mentions.put(row(5));
    await vi.waitFor(() => expect(latest.ids).toEqual([5, 2, 1]));
    stop();
  });
});
