import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../../../utils/db';
import { startFirstScreen, takeFirstScreen } from '../../../utils/sidepanel/first-screen';
import { FIRST_PAGE } from '../../../utils/sidepanel/rawread';
import { row } from './rows';

afterAll(() => db.delete());

describe('the side panel first screen read', () => {
  it('answers nothing, and creates nothing, before the database exists', async () => {
    expect(await takeFirstScreen()).toBeUndefined();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(db.name);
  });

  it('is started once by the head script and taken once by the panel script', async () => {
    await db.mentions.bulkPut(Array.from({ length: 40 }, (_v, i) => row(i + 1, { state: i % 4 === 0 ? 'archived' : 'unread' })));
    await db.watches.put({
      id: 1,
      name: 'Banjir',
      colour: '#123456',
      query: 'banjir',
      aliases: [],
      languages: ['id'],
      sources: [],
      notify: false,
      createdAt: 0,
      updatedAt: 0,
    });
    db.close();
    // The two bundles meet at a registered symbol on the page's global object.
    const slot = globalThis as { [key: symbol]: unknown };
    const key = Symbol.for('siar.sidepanel.firstScreen');
    startFirstScreen();
    const inSlot = slot[key];
    startFirstScreen();
    expect(slot[key]).toBe(inSlot);
    const started = takeFirstScreen();
    expect(started).toBe(inSlot);
    expect(slot[key]).toBeUndefined();
    expect(takeFirstScreen()).not.toBe(started);
    const screen = await started;
    // Newest first (publishedAt grows with the id), the archived ones left out of the inbox.
    const want = Array.from({ length: 40 }, (_v, i) => 40 - i)
      .filter((id) => (id - 1) % 4 !== 0)
      .slice(0, FIRST_PAGE);
    expect(screen?.rows.map((r) => r.id)).toEqual(want);
    expect(screen?.watches.map((w) => w.name)).toEqual(['Banjir']);
  });
});
