import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRow } from '../../utils/db';
import type { NetworkId } from '../../utils/networks/ids';
import { probeImage } from '../../utils/media/jpeg';
import { IMAGE_LIMITS } from '../../utils/networks/image-limits';
import { BLUESKY_ACCOUNT, BLUESKY_THUMB_MAX_BYTES, createBlueskyFake } from '../fakes/bluesky';
import { createFacebookFake, FACEBOOK_ACCOUNT, FB_CDN_HOST } from '../fakes/facebook';
import { mediaFrom } from '../fakes/instagram';
import { createThreadsFake, THREADS_ACCOUNT } from '../fakes/threads';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { createImagesFake, IMAGE_PAGES, IMAGE_URL, PAGE_IMAGES } from '../fakes/images';
import { createLinkedinFake, LINKEDIN_ACCOUNT, LINKEDIN_MAX_PIXELS } from '../fakes/linkedin';
import { createMastodonFake, MASTODON_ACCOUNT } from '../fakes/mastodon';
import { MASTODON_MEDIA_CONFIG } from '../fakes/mastodon-oauth';
import { createXFake, X_CREDENTIALS, X_IMAGE_MAX_BYTES } from '../fakes/x';
import { PopupPage } from './pages/popup';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { readTable, storageSet, tabIdOf, workerErrors } from './support/worker';

// The page image fitted to each network in Chromium, the real extension: WebP, a 1.4 MB PNG, AVIF and
// SVG og:images posted from the popup to X (OAuth 2), Bluesky, Mastodon and LinkedIn, and what each
// fake received read back by header probe. The first test measures what the service worker decodes.

const NETWORKS: NetworkId[] = ['x', 'bluesky', 'mastodon', 'linkedin'];
/** This instance allows 1,000,000-byte images, so the 1.4 MB PNG has to be converted for it too. */
const MASTODON_IMAGE_LIMIT = 1_000_000;

let server: FakeServer;
let siar: SiarBrowser;
const x = createXFake();
const bluesky = createBlueskyFake();
const mastodon = createMastodonFake();
const linkedin = createLinkedinFake();
const images = createImagesFake();
const facebook = createFacebookFake();
const threads = createThreadsFake({ fetchMedia: mediaFrom([images, facebook]) });
mastodon.oauth.mediaConfig = { ...MASTODON_MEDIA_CONFIG, image_size_limit: MASTODON_IMAGE_LIMIT };

/** The four networks this file posts to, X through OAuth 2 (a token valid for an hour). */
const FOUR = () => ({
  x: {
    auth: 'oauth2',
    clientId: X_CREDENTIALS.clientId,
    accessToken: X_CREDENTIALS.bearer,
    refreshToken: X_CREDENTIALS.refreshToken,
    expiresAt: Date.now() + 3_600_000,
    username: 'humasjateng',
  },
  bluesky: BLUESKY_ACCOUNT,
  mastodon: MASTODON_ACCOUNT,
  linkedin: LINKEDIN_ACCOUNT,
});

beforeAll(async () => {
  server = await startFakeServer([x, bluesky, mastodon, linkedin, images, facebook, threads]);
  siar = await launchSiar({ hostRules: server.hostRules() });
  await storageSet(siar.worker, { accounts: FOUR() });
});

/** Publishes `pageUrl` to Threads alone and waits until that delivery is sent. */
async function publishToThreads(pageUrl: string) {
  const page = await siar.context.newPage();
  await page.goto(pageUrl);
  const popup = await PopupPage.forTab(siar, await tabIdOf(siar.worker, pageUrl));
  for (const network of [...NETWORKS, 'facebook'] as NetworkId[]) if (await popup.byTestId(`target-${network}`).count()) await popup.setTarget(network, false);
  await popup.setText('Jam layanan kantor pelayanan publik diperpanjang');
  await popup.publish();
  await expect.poll(() => popup.result('threads').getAttribute('data-state'), { timeout: 40_000 }).toBe('sent');
  return { page, popup };
}
afterAll(async () => {
  await siar?.close();
  await server?.close();
});

interface Received {
  type?: string;
  width?: number;
  height?: number;
  bytes: number;
}

/** What each fake holds last: the bytes it stored, probed from their header. */
function lastReceived(): Record<NetworkId, Received | undefined> {
  const probe = (bytes: Buffer | undefined): Received | undefined => {
    if (!bytes) return undefined;
    const found = probeImage(bytes);
    return { type: found?.type, width: found?.width, height: found?.height, bytes: bytes.length };
  };
  const media = x.media.at(-1);
  return {
    x: probe(media ? Buffer.concat(media.content) : undefined),
    bluesky: probe(bluesky.blobs.at(-1)?.bytes),
    mastodon: probe(mastodon.media.at(-1)?.content),
    linkedin: probe(linkedin.images.at(-1)?.content),
  } as Record<NetworkId, Received | undefined>;
}

/** Opens the popup on `pageUrl`, publishes to the four networks and waits until each delivery is sent. */
async function publishFrom(pageUrl: string) {
  const before = { x: x.media.length, bluesky: bluesky.blobs.length, mastodon: mastodon.media.length, linkedin: linkedin.images.length };
  const page = await siar.context.newPage();
  await page.goto(pageUrl);
  const popup = await PopupPage.forTab(siar, await tabIdOf(siar.worker, pageUrl));
  await popup.setText(`Jam layanan kantor pelayanan publik diperpanjang ${new URL(pageUrl).pathname}`);
  await popup.publish();
  for (const network of NETWORKS) {
    await expect.poll(() => popup.result(network).getAttribute('data-state'), { timeout: 40_000 }).toBe('sent');
  }
  const added = {
    x: x.media.length > before.x,
    bluesky: bluesky.blobs.length > before.bluesky,
    mastodon: mastodon.media.length > before.mastodon,
    linkedin: linkedin.images.length > before.linkedin,
  } as Record<NetworkId, boolean>;
  return { page, popup, added, received: lastReceived() };
}

describe("what Chromium's extension service worker decodes", () => {
  it('decodes in the service worker: JPEG, PNG, GIF, BMP, WebP and AVIF yes; SVG and HEIC no', async () => {
    const urls = {
      jpeg: IMAGE_URL,
      png: PAGE_IMAGES.bigPng,
      gif: PAGE_IMAGES.gif,
      bmp: PAGE_IMAGES.bmp,
      webp: PAGE_IMAGES.webp,
      avif: PAGE_IMAGES.avif,
      heic: PAGE_IMAGES.heic,
      svg: PAGE_IMAGES.svg,
    };
    const decoded = await siar.worker.evaluate(async (all) => {
      const out: Record<string, string> = {};
      for (const [name, url] of Object.entries(all)) {
        const response = await fetch(url);
        const blob = await response.blob();
        try {
          const bitmap = await createImageBitmap(blob);
          out[name] = `${bitmap.width}x${bitmap.height}`;
          bitmap.close();
        } catch (error) {
          out[name] = `error: ${(error as Error).name}`;
        }
      }
      return out;
    }, urls);
    expect(decoded).toMatchObject({ jpeg: '120x80', png: '800x600', gif: '1x1', bmp: '64x48', webp: '1200x630', avif: '1200x630' });
    expect(decoded.svg).toMatch(/^error/);
    expect(decoded.heic).toMatch(/^error/);
  });
});

describe('the page image fits every network', () => {
  it('a WebP og:image: kept where WebP is taken (X, Bluesky, this Mastodon), converted to JPEG for LinkedIn', async () => {
    const { page, popup, added, received } = await publishFrom(IMAGE_PAGES.webp);
    expect(added).toEqual({ x: true, bluesky: true, mastodon: true, linkedin: true });
    expect(received.x).toMatchObject({ type: 'webp', width: 1200, height: 630 });
    expect(received.bluesky).toMatchObject({ type: 'webp', width: 1200, height: 630 });
    expect(received.mastodon).toMatchObject({ type: 'webp', width: 1200, height: 630 });
    expect(received.linkedin).toMatchObject({ type: 'jpg', width: 1200, height: 630 });
    expect(received.linkedin!.width! * received.linkedin!.height!).toBeLessThan(LINKEDIN_MAX_PIXELS);
    expect(linkedin.posts.at(-1)!.body.content?.article).toMatchObject({ thumbnail: linkedin.images.at(-1)!.urn });
    for (const network of NETWORKS) expect(await popup.notice(network).count()).toBe(0);
    await page.close();
  });

  it('a 1.4 MB PNG og:image: a JPEG within 1,000,000 bytes for the Bluesky thumb and this Mastodon, the PNG itself for X and LinkedIn', async () => {
    const { page, added, received } = await publishFrom(IMAGE_PAGES.bigPng);
    expect(added).toEqual({ x: true, bluesky: true, mastodon: true, linkedin: true });
    expect(received.x).toMatchObject({ type: 'png', width: 800, height: 600 });
    expect(received.x!.bytes).toBeLessThanOrEqual(X_IMAGE_MAX_BYTES);
    expect(received.linkedin).toMatchObject({ type: 'png', width: 800, height: 600 });
    expect(received.bluesky).toMatchObject({ type: 'jpg' });
    expect(received.bluesky!.bytes).toBeLessThanOrEqual(BLUESKY_THUMB_MAX_BYTES);
    expect(bluesky.posts.at(-1)!.record).toMatchObject({ embed: { external: { thumb: { mimeType: 'image/jpeg' } } } });
    expect(received.mastodon).toMatchObject({ type: 'jpg' });
    expect(received.mastodon!.bytes).toBeLessThanOrEqual(MASTODON_IMAGE_LIMIT);
    // Shrunk in proportion, never enlarged.
    for (const got of [received.bluesky!, received.mastodon!]) {
      expect(got.width!).toBeLessThanOrEqual(800);
      expect(Math.abs(got.width! / got.height! - 800 / 600)).toBeLessThan(0.02);
    }
    await page.close();
  });

  it('a 5.76 MB PNG og:image: converted for X (over 5 MB) and stepped down in quality or size until within 1,000,000 bytes for Bluesky and Mastodon', async () => {
    const { page, received } = await publishFrom(IMAGE_PAGES.hugePng);
    expect(received.x).toMatchObject({ type: 'jpg', width: 1600, height: 1200 });
    expect(received.x!.bytes).toBeLessThanOrEqual(X_IMAGE_MAX_BYTES);
    expect(received.linkedin).toMatchObject({ type: 'png', width: 1600, height: 1200 });
    for (const got of [received.bluesky!, received.mastodon!]) {
      expect(got).toMatchObject({ type: 'jpg' });
      expect(got.bytes).toBeLessThanOrEqual(1_000_000);
      expect(got.width!).toBeLessThanOrEqual(1600);
      expect(Math.abs(got.width! / got.height! - 4 / 3)).toBeLessThan(0.02);
    }
    await page.close();
  });

  it('an AVIF og:image (Chromium decodes it): JPEG for X, Bluesky and LinkedIn, kept for a Mastodon that lists image/avif', async () => {
    const { page, received } = await publishFrom(IMAGE_PAGES.avif);
    expect(received.x).toMatchObject({ type: 'jpg', width: 1200, height: 630 });
    expect(received.x!.bytes).toBeLessThanOrEqual(IMAGE_LIMITS.x.maxBytes);
    expect(received.bluesky).toMatchObject({ type: 'jpg', width: 1200, height: 630 });
    expect(received.linkedin).toMatchObject({ type: 'jpg', width: 1200, height: 630 });
    expect(received.mastodon).toMatchObject({ type: 'avif', width: 1200, height: 630 });
    await page.close();
  });

  it('an SVG og:image: every post still goes out, without the image, and each result says so in one sentence', async () => {
    const { page, popup, added } = await publishFrom(IMAGE_PAGES.svg);
    expect(added).toEqual({ x: false, bluesky: false, mastodon: false, linkedin: false });
    expect(x.tweets.at(-1)?.mediaIds).toBeUndefined();
    expect((bluesky.posts.at(-1)!.record as { embed?: { external?: { thumb?: unknown } } }).embed?.external?.thumb).toBeUndefined();
    expect(mastodon.posts.at(-1)?.mediaIds).toEqual([]);
    expect(linkedin.posts.at(-1)!.body.content?.article?.thumbnail).toBeUndefined();
    const sentence = message('id', 'imageNoticeFormat');
    for (const network of NETWORKS) await expect.poll(() => popup.notice(network).textContent()).toBe(sentence);
    const rows = await readTable<DeliveryRow>(siar.worker, 'deliveries');
    expect(
      rows
        .filter((row) => row.notice)
        .map((row) => [row.network, row.state, row.notice!.messageKey])
        .sort(),
    ).toEqual(NETWORKS.map((network) => [network, 'sent', 'imageNoticeFormat']).sort());
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
    await page.close();
  });
});

describe('a decompression bomb as the page image', () => {
  it('a 48 KB PNG declaring 20000 × 20000 is never decoded: the worker lives, every post goes out, the networks that would need it converted say so', async () => {
    const { page, popup, added } = await publishFrom(IMAGE_PAGES.bomb);
    // X and Bluesky take a 48 KB PNG as it is (no pixel limit of theirs applies; the network decides);
    // Mastodon (image_matrix_limit) and LinkedIn (36,152,320 pixels) would need a converted copy.
    expect(added).toEqual({ x: true, bluesky: true, mastodon: false, linkedin: false });
    const sentence = message('id', 'imageNoticeTooLarge');
    for (const network of ['mastodon', 'linkedin'] as const) await expect.poll(() => popup.notice(network).textContent()).toBe(sentence);
    // The same worker still answers: it was not killed by a 1.5 GiB allocation.
    expect(await siar.worker.evaluate(() => chrome.runtime.id)).toBeTruthy();
    expect(await workerErrors(siar.worker)).toEqual([]);
    await page.close();
  });
});

describe('Threads: JPEG or PNG by URL', () => {
  it('without a Facebook Page, a WebP page image: the Threads post goes as text with its link, and says why', async () => {
    await storageSet(siar.worker, { accounts: { ...FOUR(), threads: THREADS_ACCOUNT } });
    const { page, popup } = await publishToThreads(IMAGE_PAGES.webp);
    expect(threads.posts.at(-1)).toMatchObject({ imageUrl: undefined, text: expect.stringContaining(IMAGE_PAGES.webp) });
    await expect.poll(() => popup.notice('threads').textContent()).toBe(message('id', 'imageNoticeNoHost'));
    await page.close();
  });

  it('with the Facebook Page connected, a WebP page image is converted, hosted unpublished on the Page, and Threads fetches that JPEG', async () => {
    await storageSet(siar.worker, { accounts: { ...FOUR(), threads: THREADS_ACCOUNT, facebook: FACEBOOK_ACCOUNT } });
    const { page, popup } = await publishToThreads(IMAGE_PAGES.webp);
    const sent = threads.posts.at(-1)!;
    expect(new URL(sent.imageUrl!).host).toBe(FB_CDN_HOST);
    expect(facebook.unpublished).toHaveLength(1);
    expect(facebook.posts).toEqual([]);
    const fetched = threads.fetched.at(-1)!;
    expect(fetched.url).toBe(sent.imageUrl);
    expect(probeImage(fetched.bytes)).toMatchObject({ type: 'jpg', width: 1200, height: 630 });
    expect(await popup.notice('threads').count()).toBe(0);
    await page.close();
  });

  it('a PNG page image Threads takes goes by its own URL: nothing converted, nothing hosted', async () => {
    const before = facebook.unpublished.length;
    const { page, popup } = await publishToThreads('https://www.example.go.id/spanduk.html');
    expect(threads.posts.at(-1)?.imageUrl).toBe('https://www.example.go.id/img/spanduk.png');
    expect(facebook.unpublished).toHaveLength(before);
    expect(await popup.notice('threads').count()).toBe(0);
    await page.close();
  });
});
