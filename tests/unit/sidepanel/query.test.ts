import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SiarDatabase, type MentionRow, type Tone } from '../../../utils/db';
import { firstStep, keptBy, narrows, planQuery, rowMatches, type MentionFilter } from '../../../utils/sidepanel/filters';
import { searchTest } from '../../../utils/sidepanel/search';
import { firstPageByKeys } from '../../../utils/sidepanel/keyed';
import { firstPage, matchingIds, mentionsBetween, storyOutletCounts, volumePoints } from '../../../utils/sidepanel/query';
import { readFirstScreen } from '../../../utils/sidepanel/rawread';

const db = new SiarDatabase('sidepanel-query-test');
afterAll(() => db.delete());

const TONES: Tone[] = ['positive', 'neutral', 'negative'];
const STATES = ['unread', 'read', 'archived'] as const;
const SOURCES = ['rss', 'x', 'googlenews'];
const WORDS = ['banjir', 'Pajak', 'café', 'jalan', 'rusak', 'Jakarta'];

function row(i: number, pick: (n: number) => number): MentionRow {
  return {
    id: i + 1,
    guid: `g${i}`,
    url: `https://e.id/${i}`,
    canonicalUrl: `https://e.id/${i}`,
    title: `${WORDS[pick(6)]} ${WORDS[pick(6)]}`,
    summary: WORDS[pick(6)]!,
    source: SOURCES[pick(3)]!,
    outlet: `o${pick(4)}`,
    publishedAt: 1_000 + pick(40) * 1000,
    fetchedAt: 0,
    watchIds: [1, 2, 3].filter(() => pick(2) === 1),
    keywords: [],
    storyKey: `s${pick(5)}`,
    tone: TONES[pick(3)]!,
    state: STATES[pick(3)]!,
    starred: pick(4) === 0 ? 1 : 0,
    response: { status: 'baru' },
  };
}

async function store(rows: MentionRow[]) {
  await db.transaction('rw', db.mentions, db.watchHits, async () => {
    await db.mentions.clear();
    await db.watchHits.clear();
    await db.mentions.bulkPut(rows);
    await db.watchHits.bulkPut(rows.flatMap((r) => r.watchIds.map((watchId) => ({ watchId, publishedAt: r.publishedAt, mentionId: r.id! }))));
  });
}

/** The reference answer: every row checked one by one, newest first (ties: higher id first). */
const expected = (rows: MentionRow[], filter: MentionFilter) => {
  const plan = planQuery(filter);
  const text = searchTest(plan.text, plan.terms);
  return rows
    .filter((r) => rowMatches(r, plan, text))
    .sort((a, b) => b.publishedAt - a.publishedAt || b.id! - a.id!)
    .map((r) => r.id!);
};

describe('query plan', () => {
  it.each<[MentionFilter, string, string[]]>([
    [{ state: 'all', text: '' }, 'publishedAt', []],
    [{ state: 'inbox', text: '' }, 'publishedAt', ['[state+publishedAt]']],
    [{ state: 'unread', text: 'banjir' }, '[state+publishedAt]', []],
    [{ state: 'inbox', watchId: 2, text: '' }, 'watchHits', ['[state+publishedAt]']],
    [{ state: 'read', tone: 'negative', text: '' }, '[tone+publishedAt]', ['[state+publishedAt]']],
    [{ state: 'all', source: 'x', tone: 'positive', text: '' }, '[source+publishedAt]', ['[tone+publishedAt]']],
    [{ state: 'archived', starredOnly: true, watchId: 1, text: '' }, 'watchHits', ['[starred+publishedAt]', '[state+publishedAt]']],
  ])('%j is driven by %s, then checks %j by index', (filter, driver, others) => {
    const plan = planQuery(filter);
    expect(plan.driver.index).toBe(driver);
    expect(plan.others.map((c) => c.index)).toEqual(others);
  });

  it.each<[MentionFilter, number, number]>([
    [{ state: 'all', text: '' }, 45, 0],
    [{ state: 'inbox', text: '' }, 60, 0],
    [{ state: 'inbox', watchId: 2, tone: 'negative', text: 'banjir' }, 180, 1],
    [{ state: 'unread', watchId: 2, tone: 'negative', text: '' }, 405, 2],
    [{ state: 'unread', watchId: 2, tone: 'negative', source: 'x', text: '' }, 1000, 3],
  ])('%j: reads %d entries first, %d constraints beside the driver keep rows', (filter, step, kept) => {
    const plan = planQuery(filter);
    expect(firstStep(plan, 30, 1000)).toBe(step);
    expect(keptBy(plan)).toBe(kept);
  });

  it.each<[MentionFilter, MentionFilter, boolean]>([
    [{ state: 'inbox', text: '' }, { state: 'inbox', watchId: 2, text: '' }, true],
    [{ state: 'inbox', watchId: 2, text: '' }, { state: 'inbox', watchId: 2, tone: 'negative', text: '' }, true],
    [{ state: 'inbox', tone: 'negative', text: '' }, { state: 'unread', tone: 'negative', text: '' }, true],
    [{ state: 'inbox', text: '' }, { state: 'archived', text: '' }, false],
    [{ state: 'unread', text: '' }, { state: 'inbox', text: '' }, false],
    [{ state: 'all', text: '' }, { state: 'archived', source: 'x', text: '' }, true],
    [{ state: 'inbox', watchId: 2, text: '' }, { state: 'inbox', text: '' }, false],
    [{ state: 'inbox', watchId: 2, text: '' }, { state: 'inbox', watchId: 3, text: '' }, false],
    [{ state: 'inbox', tone: 'negative', text: '' }, { state: 'inbox', tone: 'positive', text: '' }, false],
    [{ state: 'all', text: 'banjir' }, { state: 'all', text: 'banjir jalan' }, true],
    // a longer word is no narrowing: "meds" finds nothing that "medsos" (or its "media sosial") finds
    [{ state: 'all', text: 'banj' }, { state: 'all', text: 'banjir jalan' }, false],
    [{ state: 'all', text: 'banjir' }, { state: 'all', text: 'banjir OR longsor' }, false],
    [{ state: 'all', text: 'banjir' }, { state: 'all', text: 'banjir -hoaks' }, false],
    [{ state: 'all', text: 'banjir jalan' }, { state: 'all', text: 'banjir' }, false],
    [{ state: 'all', text: '', from: 10, to: 50 }, { state: 'all', text: '', from: 20, to: 40 }, true],
    [{ state: 'all', text: '', from: 20, to: 40 }, { state: 'all', text: '', from: 10, to: 40 }, false],
    [{ state: 'all', text: '' }, { state: 'all', starredOnly: true, text: '' }, true],
  ])('%j then %j: narrows %s', (before, after, narrower) => {
    expect(narrows(planQuery(before), planQuery(after))).toBe(narrower);
  });

  it('keeps at most 8 distinct folded search terms', () => {
    expect(planQuery({ state: 'all', text: 'Café  CAFE banjir a b c d e f g h' }).terms).toEqual(['cafe', 'banjir', 'a', 'b', 'c', 'd', 'e', 'f']);
  });
});

describe('index paths agree with checking every row', () => {
  beforeEach(() => db.mentions.clear());

  const filterArb = fc.record({
    watchId: fc.option(fc.constantFrom(1, 2, 3), { nil: undefined }),
    source: fc.option(fc.constantFrom(...SOURCES), { nil: undefined }),
    state: fc.constantFrom('inbox', 'all', 'unread', 'read', 'archived') as fc.Arbitrary<MentionFilter['state']>,
    tone: fc.option(fc.constantFrom(...TONES), { nil: undefined }),
    starredOnly: fc.option(fc.constant(true), { nil: undefined }),
    from: fc.option(fc.integer({ min: 0, max: 42_000 }), { nil: undefined }),
    to: fc.option(fc.integer({ min: 0, max: 42_000 }), { nil: undefined }),
    text: fc.constantFrom('', 'banjir', 'CAFE', 'jalan rusak', 'tidak-ada'),
  });

  it('matchingIds and firstPage for random data and filters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(1000), { minLength: 1, maxLength: 400 }), filterArb, async (seeds, filter) => {
        let k = 0;
        const pick = (n: number) => (seeds[k++ % seeds.length]! + k) % n;
        const rows = Array.from({ length: 60 }, (_v, i) => row(i, pick));
        await store(rows);
        const want = expected(rows, filter);
        const plan = planQuery(filter);
        expect(await matchingIds(db, plan)).toEqual(want);
        // Tiny chunks: many continuations, most of them across ties on publishedAt (40 values for 60 rows).
        expect(await matchingIds(db, plan, undefined, 2)).toEqual(want);
        expect((await firstPage(db, plan, 7)).map((r) => r.id)).toEqual(want.slice(0, 7));
        expect((await firstPage(db, plan, 2)).map((r) => r.id)).toEqual(want.slice(0, 2));
        // The key-intersection path on the same filter without its text (it serves index-only plans).
        const indexOnlyFilter = { ...filter, text: '' };
        const wantByIndex = expected(rows, indexOnlyFilter);
        expect((await firstPageByKeys(db.backendDB(), planQuery(indexOnlyFilter), 7)).map((r) => r.id)).toEqual(wantByIndex.slice(0, 7));
        expect((await firstPageByKeys(db.backendDB(), planQuery(indexOnlyFilter), 1)).map((r) => r.id)).toEqual(wantByIndex.slice(0, 1));
        // Read from a broader filter's full list (a filter change that only narrows): the same answer,
        // also when a listed mention has been deleted since (id 999).
        for (const broader of [
          { state: 'all', text: '' },
          { ...filter, tone: undefined, watchId: undefined },
          { ...filter, state: 'inbox' },
        ] as MentionFilter[]) {
          if (!narrows(planQuery(broader), plan)) continue;
          const list = [999, ...expected(rows, broader)];
          // Rows already read are used as they are: a few of them, or none.
          const known = new Map(rows.filter((r) => r.id! % 3 === 0).map((r): [number, MentionRow] => [r.id!, r]));
          expect((await firstPage(db, plan, 7, { ids: list, rows: known })).map((r) => r.id)).toEqual(want.slice(0, 7));
          expect((await firstPage(db, plan, 7, { ids: list, rows: new Map() })).map((r) => r.id)).toEqual(want.slice(0, 7));
        }
        // The first screen's raw read may decline (the general query then runs); when it answers, it agrees.
        const screen = await readFirstScreen(db.backendDB(), plan, 7);
        expect(screen?.rows.map((r) => r.id) ?? want.slice(0, 7)).toEqual(want.slice(0, 7));
      }),
      { numRuns: 50 },
    );
  }, 60_000);

  it('takes rows the previous filter had read from memory, and reads only the others', async () => {
    const rows = Array.from({ length: 10 }, (_v, i) => row(i, () => 0));
    await store(rows);
    const list = expected(rows, { state: 'all', text: '' });
    const shownBefore = new Map(rows.slice(5).map((r): [number, MentionRow] => [r.id!, { ...r, title: 'dari layar' }]));
    const page = await firstPage(db, planQuery({ state: 'all', text: '' }), 10, { ids: list, rows: shownBefore });
    expect(page.map((r) => r.id)).toEqual(list);
    expect(page.map((r) => r.title === 'dari layar')).toEqual(list.map((id) => id > 5));
  });

  it('finds a rare match by index when a narrowed list holds too few in its first rows', async () => {
    const rows = Array.from({ length: 3000 }, (_v, i) => ({ ...row(i, () => 0), tone: i < 3 ? ('negative' as const) : ('neutral' as const) }));
    await store(rows);
    const all = expected(rows, { state: 'all', text: '' });
    const plan = planQuery({ state: 'all', tone: 'negative', text: '' });
    expect((await firstPage(db, plan, 30, { ids: all, rows: new Map() })).map((r) => r.id)).toEqual(
      expected(rows, { state: 'all', tone: 'negative', text: '' }),
    );
  });

  it('stops a text scan when cancelled', async () => {
    await store(Array.from({ length: 3000 }, (_v, i) => row(i, () => 0)));
    expect(await matchingIds(db, planQuery({ state: 'all', text: 'banjir' }), () => true)).toEqual([]);
  });

  it('counts distinct outlets per story, and reads a day or a watch for reports and charts', async () => {
    const base = row(0, () => 0);
    await store([
      { ...base, id: 1, guid: 'g1', storyKey: 'a', outlet: 'Kompas', watchIds: [1], publishedAt: 10, tone: 'negative' },
      { ...base, id: 2, guid: 'g2', storyKey: 'a', outlet: 'Detik', watchIds: [2], publishedAt: 20, tone: 'positive' },
      { ...base, id: 3, guid: 'g3', storyKey: 'a', outlet: 'Kompas', watchIds: [1], publishedAt: 30, tone: 'neutral' },
      { ...base, id: 4, guid: 'g4', storyKey: 'b', outlet: 'Tempo', watchIds: [1], publishedAt: 40, tone: 'negative' },
    ]);
    expect(Object.fromEntries(await storyOutletCounts(db, ['a', 'b', '']))).toEqual({ a: 2, b: 1 });
    expect((await mentionsBetween(db, 15, 40)).map((r) => r.id)).toEqual([2, 3]);
    expect((await mentionsBetween(db, 0, 100, 1)).map((r) => r.id)).toEqual([1, 3, 4]);
    expect(await volumePoints(db, 1, 0, 100)).toEqual([
      { t: 10, tone: 'negative' },
      { t: 30, tone: 'neutral' },
      { t: 40, tone: 'negative' },
    ]);
    expect((await volumePoints(db, undefined, 0, 35)).sort((a, b) => a.t - b.t)).toEqual([
      { t: 10, tone: 'negative' },
      { t: 20, tone: 'positive' },
      { t: 30, tone: 'neutral' },
    ]);
  });
});
