import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionRow, SourceRow } from '../../utils/db';
import { BROKEN_HOST, CUT_OFF_HOST, FEED_SITES, feedUrl, HANGING_HOST, NOT_A_FEED_HOST, opmlOf } from '../fakes/feeds';
import type { FakeServer } from '../fakes/https-server';
import type { ListeningPage } from './pages/listening';
import type { SiarBrowser } from './support/launch';
import { closeListening, launchListening, type ListeningRig } from './support/listening';
import { message } from './support/locales';
import { readTable, waitFor, workerErrors } from './support/worker';

// The listening engine in Chromium: feeds at their real hostnames (routed to a local HTTPS server that
// serves the fixture files with ETags), a Google News search and a Reddit search, all polled by the
// worker's tick and stored in IndexedDB, with the watch created through the options page.

const [antara, detik, kompas, kominfo] = FEED_SITES as [
  (typeof FEED_SITES)[number],
  (typeof FEED_SITES)[number],
  (typeof FEED_SITES)[number],
  (typeof FEED_SITES)[number],
];
const QUERY = 'hujan OR banjir OR pelayanan OR "e-ktp" OR libur OR digital OR dpr';

describe('listening', () => {
  let siar: SiarBrowser;
  let server: FakeServer;
  let view: ListeningPage;
  let sites: ListeningRig['sites'];
  let rig: ListeningRig;
  const mentions = () => readTable<MentionRow>(siar.worker, 'mentions');
  const sources = () => readTable<SourceRow>(siar.worker, 'sources');
  const badge = () => siar.worker.evaluate(() => chrome.action.getBadgeText({}));

  beforeAll(async () => {
    rig = await launchListening();
    ({ siar, server, view, sites } = rig);
  });
  afterAll(() => closeListening(rig));

  it('shows a query syntax error inline, with its position, and saves nothing', async () => {
    await view.addWatch({ name: 'Banjir', query: 'banjir (demak' });
    const expected = message('id', 'watchQueryErrorAt').replace('$POSITION$', '8').replace('$MESSAGE$', message('id', 'queryUnclosedParen'));
    await expect.poll(() => view.queryError().innerText()).toBe(expected);
    expect(await readTable(siar.worker, 'watches')).toEqual([]);
  });

  it('adds feeds, refuses a non-web address, and creates the watch with its searches', async () => {
    await view.page.reload();
    await view.ready();
    for (const site of [antara, detik, kompas]) await view.addFeed(feedUrl(site));
    await view.addFeed(`https://${BROKEN_HOST}/rss`);
    await view.addFeed(`https://${NOT_A_FEED_HOST}/feed`);
    await view.addFeed(`https://${CUT_OFF_HOST}/rss`);
    await view.addFeed('javascript:alert(1)');
    await expect.poll(() => view.byTestId('source-form-error').innerText()).toBe(message('id', 'sourceInvalidUrl'));
    await expect.poll(async () => (await sources()).length).toBe(6);

    await view.addWatch({ name: 'Layanan publik', query: QUERY, searches: ['googlenews', 'reddit'] });
    await expect.poll(() => view.watchNames()).toEqual(['Layanan publik']);
    const rows = await sources();
    expect(
      rows
        .filter((s) => s.watchId !== undefined)
        .map((s) => s.kind)
        .sort(),
    ).toEqual(['googlenews', 'reddit']);
  });

  it('stores each mention exactly once across polls and uses 304 on the second poll', async () => {
    expect(await view.refresh()).toMatch(/\d/);
    const first = await waitFor(mentions, (rows) => rows.some((m) => m.source === 'reddit') && rows.some((m) => m.source === 'googlenews'));
    expect(new Set(first.map((m) => m.source))).toEqual(new Set(['rss', 'googlenews', 'reddit']));
    expect(first.every((m) => m.state === 'unread' && m.starred === 0 && m.response.status === 'baru')).toBe(true);
    expect(new Set(first.map((m) => m.guid)).size).toBe(first.length);
    // The search went out with the watch's query.
    const googleQuery = server.log.find((r) => r.host === 'news.google.com')?.query ?? '';
    expect(new URLSearchParams(googleQuery).get('q')).toContain('banjir');

    const answeredBefore = sites.answers.length;
    expect(await view.refresh()).toBe(message('id', 'listenDone').replace('$COUNT$', '0'));
    expect(await view.refresh()).toBe(message('id', 'listenDone').replace('$COUNT$', '0'));
    const later = sites.answers.slice(answeredBefore);
    for (const site of [antara, detik, kompas]) {
      const answers = later.filter((a) => a.host === site.host);
      expect(answers.length).toBeGreaterThanOrEqual(2);
      expect(answers.every((a) => a.status === 304 && a.ifNoneMatch)).toBe(true);
    }
    expect(later.filter((a) => a.host === 'news.google.com').every((a) => a.status === 304)).toBe(true);
    const after = await mentions();
    expect(after.map((m) => m.id).sort()).toEqual(first.map((m) => m.id).sort());
  });

  it('shows a failing source its own sentence while the others keep working', async () => {
    await expect.poll(() => view.source(BROKEN_HOST).getByTestId('source-error').innerText()).toBe(message('id', 'sourceErrorNetwork'));
    await expect.poll(() => view.source(NOT_A_FEED_HOST).getByTestId('source-error').innerText()).toBe(message('id', 'sourceErrorFeed'));
    for (const site of [antara, detik, kompas]) {
      await expect.poll(() => view.source(site.host).getByTestId('source-error').count()).toBe(0);
      expect(await view.source(site.host).getByTestId('source-ok').innerText()).not.toBe(message('id', 'sourceNever'));
    }
    // A feed cut off in transit still delivers its whole items, and its health says it was cut off.
    await expect.poll(() => view.source(CUT_OFF_HOST).getByTestId('source-warning').innerText()).toBe(message('id', 'sourceWarningTruncated'));
    expect(await view.source(CUT_OFF_HOST).getByTestId('source-error').count()).toBe(0);
    const broken = (await sources()).find((s) => String(s.config.url).includes(BROKEN_HOST));
    expect(broken?.health.failures).toBeGreaterThanOrEqual(1);
    expect(broken?.nextDueAt).toBeGreaterThan(Date.now());
  });

  it('notified once for the watch, not once per mention', async () => {
    const shown = await siar.worker.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(shown).filter((id) => id.startsWith('siar-watch-'))).toEqual(['siar-watch-1']);
  });

  it('keeps the toolbar badge at the unread count, also after triage', async () => {
    const unread = (await mentions()).filter((m) => m.state === 'unread');
    await expect.poll(badge).toBe(String(unread.length));
    const reply = await view.page.evaluate(
      (ids) => chrome.runtime.sendMessage({ type: 'mentionsUpdate', payload: { ids, patch: { state: 'read' } } }),
      unread.slice(0, 2).map((m) => m.id),
    );
    expect(reply).toEqual({ ok: true, data: { updated: 2 } });
    await expect.poll(badge).toBe(String(unread.length - 2));
  });

  it('imports OPML, and a hanging feed never holds up the others', async () => {
    await view.importOpml(opmlOf([feedUrl(antara), `https://${HANGING_HOST}/rss`, feedUrl(kominfo), 'javascript:alert(1)']));
    const sentence = message('id', 'opmlImported').replace('$ADDED$', '2').replace('$DUPLICATES$', '1').replace('$INVALID$', '1');
    await expect.poll(() => view.byTestId('opml-result').innerText()).toBe(sentence);
    // The import polls the new feeds at once: Kominfo's items arrive while the hanging site has not answered.
    const kominfoRow = await waitFor(sources, (rows) => rows.some((s) => String(s.config.url).includes(kominfo.host) && s.health.lastSuccessAt));
    const kominfoId = kominfoRow.find((s) => String(s.config.url).includes(kominfo.host))?.id;
    await expect.poll(async () => (await mentions()).some((m) => m.sourceId === kominfoId)).toBe(true);
    const hanging = (await sources()).find((s) => String(s.config.url).includes(HANGING_HOST));
    expect(hanging?.health.lastErrorAt).toBeUndefined();
    // After the source deadline (24 s) the hanging site is recorded as not answering.
    await expect.poll(() => view.source(HANGING_HOST).getByTestId('source-error').innerText(), { timeout: 40_000 }).toBe(message('id', 'sourceErrorNetwork'));
  }, 60_000);

  it('logged no error in Siar pages or the worker', async () => {
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});
