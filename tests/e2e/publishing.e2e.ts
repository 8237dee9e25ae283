import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRow, PostRow } from '../../utils/db';
import { NETWORK_IDS, type NetworkId } from '../../utils/networks/ids';
import { probeImage } from '../../utils/media/jpeg';
import { networkNameKey } from '../../utils/networks/names';
import { FB_CDN_HOST } from '../fakes/facebook';
import { createImagesFake } from '../fakes/images';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { createNewsSite, NEWS_HOST } from '../fakes/news-site';
import { AuditSection, parseCsv } from './pages/audit';
import { PopupPage } from './pages/popup';
import { launchSiar, type SiarBrowser } from './support/launch';
import { label, message } from './support/locales';
import { ACCOUNTS, acceptedTexts, clickNotification, createNetworkFakes, leakedTokens } from './support/networks';
import { readTable, storageSet, tabIdOf, waitFor, workerErrors } from './support/worker';

// Publishing end to end: the popup on a news page, all eight networks' fakes, the audit export.

const ARTICLE = `https://${NEWS_HOST}/berita/rapat-koordinasi`;
const CANONICAL = `https://${NEWS_HOST}/berita/rapat-koordinasi?id=7`;
const TEXT = `Rapat koordinasi Humas se-Jawa Tengah #JatengGayeng bersama @kominfo.bsky.social ${CANONICAL}`;

let siar: SiarBrowser;
let server: FakeServer;
const fakes = createNetworkFakes();

async function popupFor(url: string) {
  const page = await siar.context.newPage();
  await page.goto(url);
  return { page, popup: await PopupPage.forTab(siar, await tabIdOf(siar.worker, url.split('?')[0]!)) };
}

beforeAll(async () => {
  server = await startFakeServer([createNewsSite(), createImagesFake(), ...Object.values(fakes)]);
  siar = await launchSiar({ hostRules: server.hostRules() });
  await storageSet(siar.worker, { accounts: ACCOUNTS, profile: { name: 'Sari Wulandari', unit: 'Diskominfo Jateng' } });
});
afterAll(async () => {
  await siar?.close();
  await server?.close();
});

describe('publishing to all eight networks', () => {
  it('sends one valid post to each, links every result, reports it, and exports it in the audit CSV', async () => {
    const { page, popup } = await popupFor(ARTICLE);
    await popup.setText(TEXT);
    for (const network of NETWORK_IDS) expect(await popup.byTestId(`target-${network}`).isChecked()).toBe(true);
    await popup.publish();
    for (const network of NETWORK_IDS) {
      await expect.poll(() => popup.result(network).getAttribute('data-state'), { timeout: 30_000 }).toBe('sent');
    }

    // Exactly one post per network, each as its API documents it.
    const accepted = acceptedTexts(fakes);
    expect(Object.fromEntries(NETWORK_IDS.map((n) => [n, accepted[n].length]))).toEqual(Object.fromEntries(NETWORK_IDS.map((n) => [n, 1])));
    expect(fakes.x.tweets[0]).toMatchObject({ text: TEXT, auth: 'oauth1' });
    expect(fakes.x.media[0]).toMatchObject({ finalized: true, type: 'image/png' });
    const record = fakes.bluesky.posts[0]!.record as { facets: { features: { $type: string }[] }[] };
    expect(record.facets.flatMap((f) => f.features.map((x) => x.$type)).sort()).toEqual([
      'app.bsky.richtext.facet#link',
      'app.bsky.richtext.facet#mention',
      'app.bsky.richtext.facet#tag',
    ]);
    const deliveries = await readTable<DeliveryRow>(siar.worker, 'deliveries');
    const statuses = server.log.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses');
    expect(statuses.map((r) => r.headers['idempotency-key'])).toEqual([deliveries.find((d) => d.network === 'mastodon')!.idempotencyKey]);
    expect(fakes.linkedin.posts[0]!.body.commentary).toContain('JatengGayeng');
    expect(fakes.telegram.posts[0]!.caption ?? fakes.telegram.posts[0]!.text).toContain(CANONICAL);

    // Each result links to the post the network made.
    const remoteIds: Record<NetworkId, string> = {
      x: fakes.x.tweets[0]!.id,
      facebook: fakes.facebook.posts[0]!.id.split('_')[1]!,
      mastodon: fakes.mastodon.posts[0]!.id,
      bluesky: fakes.bluesky.posts[0]!.uri.split('/').pop()!,
      telegram: String(fakes.telegram.posts[0]!.message_id),
      threads: fakes.threads.posts[0]!.id,
      linkedin: fakes.linkedin.posts[0]!.urn,
      instagram: fakes.instagram.media[0]!.id.slice(-6),
    };
    const links: Partial<Record<NetworkId, string>> = {};
    for (const network of NETWORK_IDS) {
      links[network] = (await popup.result(network).getByRole('link').getAttribute('href'))!;
      expect(links[network]).toContain(remoteIds[network]);
      expect(deliveries.find((d) => d.network === network)).toMatchObject({ state: 'sent', attempts: 1, remoteUrl: links[network] });
    }
    expect(leakedTokens(server.log)).toEqual([]);

    // Instagram takes JPEGs only: the page's PNG was converted in the browser, stored unpublished on the
    // connected Facebook Page, and that copy's address went to Instagram; the Page's feed got one post.
    const [container] = fakes.instagram.containers;
    expect(fakes.instagram.containers).toHaveLength(1);
    expect(new URL(container!.imageUrl).hostname).toBe(FB_CDN_HOST);
    expect(fakes.facebook.unpublished.map((photo) => probeImage(photo.bytes))).toEqual([expect.objectContaining({ type: 'jpg', width: 128, height: 128 })]);
    expect(fakes.facebook.posts).toHaveLength(1);
    expect(fakes.instagram.media[0]).toMatchObject({ caption: TEXT, containerId: container!.id });
    await popup.page.close();
    await page.close();

    // One notification reports the finished post; clicking it opens the audit section.
    const [post] = await readTable<PostRow>(siar.worker, 'posts');
    const shown = await waitFor(
      () => siar.worker.evaluate(() => chrome.notifications.getAll()),
      (all) => `siar-post-${post!.id}` in all,
    );
    expect(Object.keys(shown)).toEqual([`siar-post-${post!.id}`]);
    const opened = siar.context.waitForEvent('page');
    await clickNotification(siar.worker, `siar-post-${post!.id}`);
    const optionsPage = await opened;
    expect(optionsPage.url()).toBe(siar.url('options.html#audit'));
    const audit = AuditSection.on(optionsPage);
    await audit.ready();
    await expect.poll(() => audit.rows().count()).toBe(NETWORK_IDS.length + 1);
    expect(await audit.rows().first().textContent()).toContain('Sari Wulandari');

    const csv = await audit.exportCsv();
    expect(csv.name).toMatch(/^siar-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    // Headers and values in the UI language (issue 14.10), read from the shipped catalogue.
    const id = label('id');
    const rows = parseCsv(csv.text);
    const sent = rows.filter((row) => row[id('exportColEvent')] === id('auditEventSent'));
    const networkOf = new Map(NETWORK_IDS.map((network) => [id(networkNameKey(network)), network]));
    expect(sent.map((row) => networkOf.get(row[id('exportColNetwork')]!)).sort()).toEqual([...NETWORK_IDS].sort());
    for (const row of sent) {
      expect(row[id('exportColPostLink')]).toBe(links[networkOf.get(row[id('exportColNetwork')]!)!]);
      expect(row[id('exportColActor')]).toBe('Sari Wulandari — Diskominfo Jateng');
      expect(row[id('exportColTime', 'WIB')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(row[id('exportColResult')]).toBe(id('auditResultOk'));
    }
    expect(csv.text).not.toContain(ACCOUNTS.telegram.botToken);
    await optionsPage.close();
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });

  it("fires a scheduled post through its alarm at the officer's wall-clock time (WITA)", async () => {
    await storageSet(siar.worker, {
      preferences: { timeZone: 'Asia/Makassar', quietHours: { enabled: false, from: '22:00', to: '06:00' }, retention: { days: 90, maxCount: 200000 } },
    });
    // Only the due alarm may send it: the one-minute safety tick is switched off for this test.
    await siar.worker.evaluate(() => chrome.alarms.clear('siar-tick'));
    const { page, popup } = await popupFor(ARTICLE);
    expect(await popup.page.locator('label.schedule').textContent()).toContain('WITA');
    for (const network of NETWORK_IDS) if (network !== 'telegram') await popup.setTarget(network, false);
    await popup.setText('Siaran terjadwal: pelayanan publik dibuka pukul 08.00');
    // The next whole minute at least 30 s away, written as a Makassar (UTC+8) wall time.
    const fireAt = Math.ceil((Date.now() + 30_000) / 60_000) * 60_000;
    const wita = new Date(fireAt + 8 * 3_600_000).toISOString().slice(0, 16);
    await popup.byTestId('schedule-at').fill(wita);
    await popup.publish();
    await expect.poll(() => popup.alerts()).toContain(message('id', 'composerScheduled').replace('$TIME$', `${wita.slice(11, 13)}.${wita.slice(14, 16)}`));

    const [scheduled] = (await readTable<DeliveryRow>(siar.worker, 'deliveries')).filter((d) => d.network === 'telegram' && d.state === 'pending');
    expect(scheduled!.nextAttemptAt).toBe(fireAt);
    const alarm = await siar.worker.evaluate(() => chrome.alarms.get('siar-due'));
    expect(alarm?.scheduledTime).toBe(fireAt);
    const before = fakes.telegram.posts.length;

    const done = await waitFor(
      () => readTable<DeliveryRow>(siar.worker, 'deliveries'),
      (rows) => rows.find((d) => d.id === scheduled!.id)?.state === 'sent',
      100_000,
    );
    expect(done.find((d) => d.id === scheduled!.id)?.state).toBe('sent');
    expect(fakes.telegram.posts).toHaveLength(before + 1);
    const request = server.log.findLast((r) => r.host === 'api.telegram.org' && /send(Message|Photo)$/.test(r.path));
    expect(request!.at).toBeGreaterThanOrEqual(fireAt);
    await siar.worker.evaluate(() => chrome.alarms.create('siar-tick', { periodInMinutes: 1 }));
    await popup.page.close();
    await page.close();
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  }, 150_000);
});
