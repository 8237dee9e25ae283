import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRow } from '../../utils/db';
import { probeImage } from '../../utils/media/jpeg';
import { createFacebookFake, FACEBOOK_ACCOUNT, FB_CDN_HOST } from '../fakes/facebook';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { createImagesFake, IG_JPEG_URL, PAGE_HOST } from '../fakes/images';
import { createInstagramFake, INSTAGRAM_ACCOUNT, mediaFrom } from '../fakes/instagram';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { loadedAccounts, readTable, storageSet, tabIdOf, waitFor, workerErrors } from './support/worker';

// Instagram end to end: connecting with a pasted long-lived token (renewed near its end), publishing a
// page whose image must be cropped and converted to JPEG in the browser, and a worker stopped between
// the container and media_publish that resumes the same container without posting twice.

const BANNER_PAGE = `https://${PAGE_HOST}/spanduk.html`;
let server: FakeServer;
let siar: SiarBrowser;
const facebook = createFacebookFake();
const images = createImagesFake();
const instagram = createInstagramFake({ fetchMedia: mediaFrom([facebook, images]) });

beforeAll(async () => {
  server = await startFakeServer([facebook, images, instagram]);
  siar = await launchSiar({ hostRules: server.hostRules() });
});
afterAll(async () => {
  await siar?.close();
  await server?.close();
});

const deliveries = () => readTable<DeliveryRow>(siar.worker, 'deliveries');

describe('instagram', () => {
  it('connect form names the permissions; a wrong token is refused; a token near its end is renewed', async () => {
    const options = await OptionsPage.openIn(siar, 'options.html');
    const help = await options.byTestId('account-instagram-help').textContent();
    expect(help).toContain('instagram_business_basic');
    expect(help).toContain('instagram_business_content_publish');
    await options.fillAccount('instagram', { userId: INSTAGRAM_ACCOUNT.userId, token: 'IG-salah' });
    await options.connect('instagram');
    await expect.poll(() => options.accountMessage('instagram'), { timeout: 20_000 }).toBe(message('id', 'accountRejected'));
    const soon = new Date(Date.now() + 4 * 86_400_000);
    const date = [soon.getFullYear(), String(soon.getMonth() + 1).padStart(2, '0'), String(soon.getDate()).padStart(2, '0')].join('-');
    await options.fillAccount('instagram', { userId: INSTAGRAM_ACCOUNT.userId, token: INSTAGRAM_ACCOUNT.token, expiresAt: date });
    await options.connect('instagram');
    await expect.poll(() => options.accountStatus('instagram'), { timeout: 20_000 }).toBe(message('id', 'accountConnectedAs').replace('$NAME$', '@humasprov'));
    await options.byTestId('account-instagram-test').click();
    await expect.poll(() => options.accountMessage('instagram'), { timeout: 20_000 }).toBe(message('id', 'accountTestOk').replace('$NAME$', '@humasprov'));
    // developers.facebook.com/docs/instagram-platform/reference/refresh_access_token: 60 days more.
    await expect.poll(async () => (await loadedAccounts(siar.worker)).instagram?.token, { timeout: 20_000 }).toBe('IGfake-renewed-1');
    expect(instagram.refreshes).toBe(1);
    await options.page.close();
    expect(await workerErrors(siar.worker)).toEqual([]);
  });

  it('publishes a page whose PNG banner is cropped and converted to JPEG, hosted unpublished on the Facebook Page', async () => {
    await storageSet(siar.worker, { accounts: { instagram: INSTAGRAM_ACCOUNT, facebook: FACEBOOK_ACCOUNT } });
    const tab = await siar.context.newPage();
    await tab.goto(BANNER_PAGE);
    const popup = await PopupPage.forTab(siar, await tabIdOf(siar.worker, BANNER_PAGE));
    await popup.setTarget('facebook', false);
    await popup.setText('Jam layanan baru kantor pelayanan publik #PelayananPrima');
    await expect.poll(() => popup.count('instagram')).toBeGreaterThan(0);
    await popup.publish();
    await expect.poll(() => popup.result('instagram').getAttribute('data-state'), { timeout: 30_000 }).toBe('sent');
    expect(instagram.media).toHaveLength(1);
    expect(instagram.media[0]!.caption).toBe(`Jam layanan baru kantor pelayanan publik #PelayananPrima\n\n${PAGE_HOST.replace(/^www\./, '')}/spanduk.html`);
    expect(new URL(instagram.containers[0]!.imageUrl).hostname).toBe(FB_CDN_HOST);
    // 900×300 (3:1) cropped to 1.91:1 and re-encoded: a 573×300 JPEG; nothing appeared on the Page's feed.
    expect(facebook.unpublished.map((p) => probeImage(p.bytes))).toEqual([expect.objectContaining({ type: 'jpg', width: 573, height: 300 })]);
    expect(facebook.posts).toEqual([]);
    await popup.page.close();
    await tab.close();
  });

  it('a worker stopped between container and media_publish resumes that container: one post, no duplicate', async () => {
    await storageSet(siar.worker, { accounts: { instagram: INSTAGRAM_ACCOUNT } });
    const page = await siar.openPage('options.html');
    const cdp: CDPSession = await siar.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const before = { containers: instagram.containers.length, media: instagram.media.length };
    instagram.processingPolls = 1_000_000; // Meta still processing: the adapter waits on status_code
    await page.evaluate((payload) => chrome.runtime.sendMessage({ type: 'publish', payload }), {
      text: 'Pengumuman: layanan kependudukan buka Sabtu',
      variants: {},
      pageUrl: `https://${PAGE_HOST}/page.html`,
      pageTitle: 'Pengumuman',
      targets: ['instagram'],
      imageUrl: IG_JPEG_URL,
    });
    const saved = await waitFor(deliveries, (all) => all.some((d) => d.network === 'instagram' && d.state === 'sending' && d.checkpoint), 20_000);
    const row = saved.find((d) => d.network === 'instagram' && d.state === 'sending')!;
    expect(row.checkpoint).toBe(instagram.containers.at(-1)!.id);

    const stopped = new Promise<void>((resolve) => {
      const onUpdate = (event: { versions: { runningStatus: string }[] }) => {
        if (event.versions.some((v) => v.runningStatus === 'stopped')) {
          cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
          resolve();
        }
      };
      cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
    });
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    instagram.processingPolls = 0; // processing finished while the worker was gone
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping', payload: {} }));

    const done = await waitFor(deliveries, (all) => all.find((d) => d.id === row.id)?.state === 'sent', 40_000);
    expect(done.find((d) => d.id === row.id)?.state).toBe('sent');
    expect(instagram.containers.length - before.containers).toBe(1);
    expect(instagram.media.length - before.media).toBe(1);
    expect(instagram.media.at(-1)!.containerId).toBe(row.checkpoint);
    await page.close();
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});
