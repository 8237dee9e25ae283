import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionRow, WatchRow } from '../../utils/db';
import { FEED_SITES, feedUrl } from '../fakes/feeds';
import type { ListeningPage } from './pages/listening';
import { SidePanelPage } from './pages/sidepanel';
import type { SiarBrowser } from './support/launch';
import { closeListening, launchListening, type ListeningRig } from './support/listening';
import { message } from './support/locales';
import { readTable, waitFor, workerErrors } from './support/worker';

// Matching that understands Indonesian news (issue 16), end to end: feeds and a Google News search at
// their real hostnames (local HTTPS fakes serving tests/fixtures/feeds), watches created in the options
// page, items matched by the worker, and the side panel's search box reading the same aliases.

const kompas = FEED_SITES.find((s) => s.host === 'nasional.kompas.com')!;

describe('Indonesian-aware matching', () => {
  let siar: SiarBrowser;
  let view: ListeningPage;
  let rig: ListeningRig;
  const mentions = () => readTable<MentionRow>(siar.worker, 'mentions');
  const watchId = async (name: string) => (await readTable<WatchRow>(siar.worker, 'watches')).find((w) => w.name === name)!.id!;

  beforeAll(async () => {
    rig = await launchListening();
    ({ siar, view } = rig);
  });
  afterAll(() => closeListening(rig));

  it('shows the query help with the Indonesian operators', async () => {
    await view.byTestId('watch-add').click();
    const help = view.byTestId('watch-query-help');
    await help.locator('summary').click();
    await expect.poll(() => help.innerText()).toContain(message('id', 'queryHelpOperators'));
    expect(await help.innerText()).toContain(message('id', 'queryHelpFamily'));
    await view.page.reload();
    await view.ready();
  });

  it('a watch on an abbreviation stores the mentions that spell it out, and site: finds an outlet through Google News', async () => {
    await view.addFeed(feedUrl(kompas));
    await view.addWatch({ name: 'Medsos', query: 'medsos' });
    await view.addWatch({ name: 'Banjir Kompas', query: 'banjir site:kompas.com', searches: ['googlenews'] });
    await expect.poll(async () => (await view.watchNames()).sort()).toEqual(['Banjir Kompas', 'Medsos']);
    expect(await view.refresh()).toMatch(/\d/);
    const medsos = await watchId('Medsos');
    const banjir = await watchId('Banjir Kompas');
    const rows = await waitFor(mentions, (all) => all.some((m) => m.watchIds.includes(medsos)) && all.some((m) => m.watchIds.includes(banjir)));
    const spelledOut = rows.filter((m) => m.watchIds.includes(medsos));
    // The feed says "media sosial"; nothing in it says "medsos".
    expect(spelledOut.length).toBeGreaterThan(0);
    for (const m of spelledOut) expect(`${m.title} ${m.summary}`.toLowerCase()).toMatch(/media sosial|medsos|sosmed/);
    expect(spelledOut.some((m) => !/medsos/i.test(`${m.title} ${m.summary}`))).toBe(true);
    // Every Google News link is news.google.com; the Kompas story is found through its <source url>.
    const viaGoogle = rows.filter((m) => m.watchIds.includes(banjir));
    expect(viaGoogle.map((m) => m.outlet)).toEqual(['Kompas.com']);
    expect(new URL(viaGoogle[0]!.url).host).toBe('news.google.com');
  });

  it("the side panel's search for the abbreviation finds the watch's mentions, and only those", async () => {
    const medsos = await watchId('Medsos');
    const all = await mentions();
    const ofWatch = all
      .filter((m) => m.watchIds.includes(medsos))
      .map((m) => m.id!)
      .sort((a, b) => a - b);
    expect(all.length).toBeGreaterThan(ofWatch.length);
    const panel = await SidePanelPage.openIn(siar, 'sidepanel.html');
    await panel.ready();
    await panel.search('medsos');
    await expect.poll(() => panel.count()).toBe(ofWatch.length);
    expect((await panel.visibleIds()).sort((a, b) => a - b)).toEqual(ofWatch);
    // The same search in the exact form finds nothing: the feed never writes "medsos".
    await panel.search('=medsos');
    await expect.poll(() => panel.count()).toBe(0);
    await panel.page.close();
  });

  it('logged no error in Siar pages or the worker', async () => {
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});
