import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { createImagesFake, IMAGE_BYTES, IMAGE_URL } from '../fakes/images';
import { createLinkedinFake, LINKEDIN_ACCOUNT } from '../fakes/linkedin';
import { createTelegramFake, TELEGRAM_ACCOUNT } from '../fakes/telegram';
import { OptionsPage } from './pages/options';
import { launchSiar, type SiarBrowser } from './support/launch';
import { readTable, storageSet, waitFor, workerErrors } from './support/worker';

// The page image in Chromium: Telegram refusing the photo falls back to the text with its link preview,
// and LinkedIn's article card carries the image uploaded through the Images API.

let fakes: FakeServer;
let siar: SiarBrowser;
const telegram = createTelegramFake();
const linkedin = createLinkedinFake();

beforeAll(async () => {
  fakes = await startFakeServer([telegram, linkedin, createImagesFake()]);
  siar = await launchSiar({ hostRules: fakes.hostRules() });
  await storageSet(siar.worker, { accounts: { telegram: TELEGRAM_ACCOUNT, linkedin: LINKEDIN_ACCOUNT } });
});
afterAll(async () => {
  await siar?.close();
  await fakes?.close();
});

type Row = { id: number; network: string; state: string };

async function publish(targets: string[], text: string) {
  const options = await OptionsPage.openIn(siar, 'options.html');
  const post = {
    text,
    variants: {},
    pageUrl: 'https://www.example.go.id/berita/layanan',
    pageTitle: 'Layanan perizinan daring',
    description: 'Warga kini dapat mengurus izin dari rumah.',
    imageUrl: IMAGE_URL,
    imageAlt: 'Petugas melayani warga',
    targets,
  };
  const answer = (await options.page.evaluate((p) => chrome.runtime.sendMessage({ type: 'publish', payload: p }), post)) as {
    ok: boolean;
    data: { deliveryIds: number[] };
  };
  expect(answer.ok).toBe(true);
  const ids = answer.data.deliveryIds;
  const rows = await waitFor(
    () => readTable<Row>(siar.worker, 'deliveries'),
    (all) => ids.every((id) => all.some((r) => r.id === id && r.state !== 'pending' && r.state !== 'sending')),
    30_000,
  );
  await options.page.close();
  return rows.filter((r) => ids.includes(r.id));
}

describe('page image per network', () => {
  it('Telegram refusing the photo ("wrong type of the web page content") still posts the text with the link preview', async () => {
    telegram.photoError = 'Bad Request: wrong type of the web page content';
    const rows = await publish(['telegram'], 'Perizinan kini bisa diurus dari rumah');
    expect(rows.map((r) => r.state)).toEqual(['sent']);
    expect(fakes.log.filter((r) => r.path.endsWith('/sendPhoto'))).toHaveLength(1);
    // The text (with the page link the composer adds for Telegram) and the page's link preview.
    expect(telegram.posts).toEqual([
      expect.objectContaining({
        text: expect.stringMatching(/^Perizinan kini bisa diurus dari rumah/),
        linkPreviewUrl: 'https://www.example.go.id/berita/layanan',
      }),
    ]);
    expect(telegram.posts[0]!.photo).toBeUndefined();
  });

  it('LinkedIn posts the article with the page image as its thumbnail', async () => {
    const rows = await publish(['linkedin'], 'Perizinan daring dibuka untuk warga');
    expect(rows.map((r) => r.state)).toEqual(['sent']);
    expect(linkedin.images).toEqual([expect.objectContaining({ owner: LINKEDIN_ACCOUNT.author, bytes: IMAGE_BYTES.length, type: 'image/jpeg' })]);
    expect(linkedin.posts[0]!.body.content?.article).toMatchObject({ source: 'https://www.example.go.id/berita/layanan', thumbnail: linkedin.images[0]!.urn });
    // The token went to LinkedIn's API and upload hosts only.
    const carried = fakes.log.filter((r) => r.authorization === `Bearer ${LINKEDIN_ACCOUNT.token}`).map((r) => r.host);
    expect(new Set(carried)).toEqual(new Set(['api.linkedin.com', 'www.linkedin.com']));
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});
