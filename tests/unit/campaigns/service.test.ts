import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../utils/db';
import { SETTINGS, readSetting } from '../../../utils/settings';
import { campaignHandlers, campaignTick } from '../../../utils/campaigns/service';
import { startServer, type LocalServer } from '../sources/helpers';

// The worker's campaign messages: a source is added only with an http(s) address and no credentials in
// it, like feed sources, read at once, and its kits listed with where they were shared.

const kit = (id: string) => ({
  id,
  updated: '2026-08-10T08:00:00+07:00',
  title: `Kit ${id}`,
  period: { start: '2026-08-10T00:00:00+07:00' },
  link: `https://www.komdigi.go.id/${id}`,
  text: 'Mari rayakan HUT RI ke-81.',
  mandatory: ['#HUTRI81'],
});
let kits = [kit('a')];
let server: LocalServer;
beforeAll(async () => {
  server = await startServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ siarKits: 1, kits }));
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  fakeBrowser.reset();
  // The badge's title is a UI string; the fake browser has no catalogue.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
  await db.kits.clear();
  kits = [kit('a')];
});

describe('campaign source messages', () => {
  it.each([
    ['a javascript: address', 'javascript:alert(1)'],
    ['an ftp address', 'ftp://kominfo.go.id/kits.json'],
    ['an address with credentials', 'https://user:secret@kominfo.go.id/kits.json'],
    ['no address', '   '],
  ])("refuses %s with the feed sources' sentence and stores nothing", async (_name, url) => {
    await expect(campaignHandlers.campaignSourceSave({ url }, {})).resolves.toEqual({ ok: false, messageKey: 'sourceInvalidUrl' });
    expect(await readSetting(SETTINGS.campaignSources)).toEqual([]);
  });

  it('adds a source once per address, reads it at once, and lists its kit; a later tick adds a new kit only when due', async () => {
    const url = `${server.origin}/kits.json`;
    const first = await campaignHandlers.campaignSourceSave({ url }, {});
    expect(first).toMatchObject({ ok: true, source: { url, health: { kits: 1, failures: 0 } } });
    const again = await campaignHandlers.campaignSourceSave({ url }, {});
    expect(again.ok && first.ok && again.source.id).toBe(first.ok && first.source.id);
    expect(await readSetting(SETTINGS.campaignSources)).toHaveLength(1);

    const listed = await campaignHandlers.campaignKits({}, {});
    expect(listed.kits.map((k) => [k.kitId, k.phase, k.seen, k.shares])).toEqual([['a', 'active', 0, []]]);

    kits = [kit('a'), kit('b')];
    // Not due yet (read a moment ago): nothing is fetched.
    expect(await campaignTick()).toBe(0);
    expect(await campaignTick([first.ok ? first.source.id : ''])).toBe(1);
    await campaignHandlers.campaignKitsSeen({}, {});
    expect((await campaignHandlers.campaignKits({}, {})).kits.every((k) => k.seen === 1)).toBe(true);

    await campaignHandlers.campaignSourceDelete({ id: first.ok ? first.source.id : '' }, {});
    expect(await readSetting(SETTINGS.campaignSources)).toEqual([]);
    // The kits stay: posts and reports refer to them.
    expect((await campaignHandlers.campaignKits({}, {})).kits).toHaveLength(2);
  });
});
