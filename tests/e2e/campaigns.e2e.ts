import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRow, KitRow, PostRow } from '../../utils/db';
import type { NetworkId } from '../../utils/networks/ids';
import { CAMPAIGN_URL, createCampaignFeed } from '../fakes/campaign-feed';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { createImagesFake } from '../fakes/images';
import { createNewsSite, NEWS_HOST } from '../fakes/news-site';
import { readXlsx } from '../support/xlsx';
import { parseCsv } from './pages/audit';
import { CampaignSourcesSection, CampaignTab, DisseminationPage } from './pages/campaigns';
import { smallestText } from './pages/fonts';
import { PopupPage } from './pages/popup';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { ACCOUNTS, acceptedTexts, createNetworkFakes } from './support/networks';
import { readTable, storageSet, tabIdOf, waitFor, workerErrors } from './support/worker';

// Joint campaigns end to end (issue 19): a coordinator's kit file on a static host is subscribed in the
// options page, the popup shows the kit, one click opens it in the composer, publishing to three networks
// marks it shared, and the dissemination report lists the three links with times, prints on A4, exports
// CSV and XLSX and gives the chat summary.

const NETWORKS: NetworkId[] = ['x', 'mastodon', 'telegram'];
const HOUR = 3_600_000;
const start = Date.now() - 2 * HOUR;
const KIT = {
  id: 'hut-ri-81',
  updated: new Date(start).toISOString(),
  title: 'HUT RI ke-81',
  period: { start: new Date(start).toISOString(), end: new Date(start + 10 * 24 * HOUR).toISOString() },
  link: 'https://www.komdigi.go.id/berita/hut-ri-81',
  // A real PNG (the news site fake serves Siar's icon), so the composer shows it and the networks get it.
  image: { url: `https://${NEWS_HOST}/img/rapat.png`, alt: 'Logo HUT RI ke-81' },
  text: 'Mari rayakan HUT RI ke-81 bersama seluruh rakyat Indonesia.',
  variants: { x: 'Rayakan HUT RI ke-81!' },
  hashtags: ['HUTRI81'],
  mandatory: ['#HUTRI81'],
};
const BROKEN = { ...KIT, id: 'rusak', link: 'javascript:alert(1)' };
const SHOTS = process.env.SIAR_SHOTS_DIR;

/** The chat summary's words and delay units, as the coordinator reads them in each language. */
const SUMMARY = {
  id: { campaign: 'Kampanye', channels: 'kanal', shared: 'dibagikan', after: 'setelah terbit', h: 'jam', min: 'menit' },
  en: { campaign: 'Campaign', channels: 'channels', shared: 'shared', after: 'after publication', h: 'h', min: 'min' },
};

describe.each(['id', 'en'] as const)('a joint campaign from kit file to dissemination report (%s)', (lang) => {
  let siar: SiarBrowser;
  let server: FakeServer;
  const fakes = createNetworkFakes();
  const feed = createCampaignFeed([KIT, BROKEN]);
  let key = '';
  const badge = () => siar.worker.evaluate(() => chrome.action.getBadgeText({}));

  beforeAll(async () => {
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    server = await startFakeServer([createNewsSite(), createImagesFake(), feed, ...Object.values(fakes)]);
    siar = await launchSiar({ hostRules: server.hostRules(), lang });
    await storageSet(siar.worker, {
      accounts: Object.fromEntries(NETWORKS.map((network) => [network, ACCOUNTS[network as keyof typeof ACCOUNTS]])),
      profile: { name: 'Sari Wulandari', unit: 'Dinas Komunikasi dan Informatika Provinsi Jawa Tengah' },
      presets: {
        hashtags: [],
        signatures: [{ id: 'ttd', label: 'TTD', text: '— Humas Jateng' }],
        utm: { x: { source: 'x', medium: 'social', campaign: 'hutri81' } },
      },
    });
  });
  afterAll(async () => {
    await siar?.close();
    await server?.close();
  });

  it('subscribes to the kit file: the valid kit loads, the broken one is a health line, the badge lights', async () => {
    const options = await CampaignSourcesSection.openIn(siar, 'options.html#campaigns');
    await options.add(CAMPAIGN_URL);
    await expect.poll(() => options.health(CAMPAIGN_URL)).toContain(message(lang, 'campaignSourceKits').replace('$COUNT$', '1'));
    expect(await options.problems(CAMPAIGN_URL)).toEqual(['Kit 2 (rusak): link: must be an http(s) address']);
    const kits = await readTable<KitRow>(siar.worker, 'kits');
    expect(kits.map((kit) => [kit.kitId, kit.seen])).toEqual([['hut-ri-81', 0]]);
    key = kits[0]!.key;
    expect(await badge()).toBe('1');
    // The next read asks conditionally and the unchanged file adds nothing.
    await options.item(CAMPAIGN_URL).getByTestId('campaign-source-retry').click();
    await waitFor(
      async () => feed.answers.length,
      (n) => n >= 2,
    );
    expect(feed.answers.at(-1)).toMatchObject({ status: 304 });
    expect(await readTable<KitRow>(siar.worker, 'kits')).toHaveLength(1);
    await options.page.close();
  });

  it('shows the kit in the Kampanye tab, warns when the mandatory hashtag is dropped, and marks it shared on three networks', async () => {
    const article = await siar.context.newPage();
    await article.goto(`https://${NEWS_HOST}/berita/rapat-koordinasi`);
    const popup = await PopupPage.forTab(siar, await tabIdOf(siar.worker, `https://${NEWS_HOST}/berita/rapat-koordinasi`));
    await popup.page.setViewportSize({ width: 440, height: 600 });
    const campaigns = new CampaignTab(popup);
    await campaigns.open();
    await expect.poll(() => campaigns.kit(key).getAttribute('data-phase')).toBe('active');
    expect(await campaigns.kit(key).innerText()).toContain('HUT RI ke-81');
    expect(await campaigns.kit(key).getByTestId('kit-not-shared').count()).toBe(1);
    if (SHOTS) await popup.page.screenshot({ path: `${SHOTS}/kampanye-${lang}.png` });
    // Chromium starts extension pages at 75 % text; the tab must stay readable (13 px floor, as every page).
    expect((await smallestText(popup.page))[0]!.px).toBeGreaterThanOrEqual(13);
    // Opening the tab clears the new-kit badge (no unread mentions: empty).
    await expect.poll(badge).toBe('');

    await campaigns.share(key);
    // The kit's text and hashtag with the officer's signature preset; X gets its own variant with the UTM-tagged link.
    expect(await popup.text()).toBe('Mari rayakan HUT RI ke-81 bersama seluruh rakyat Indonesia.\n\n#HUTRI81\n— Humas Jateng');
    for (const network of NETWORKS) expect(await popup.byTestId(`target-${network}`).isChecked()).toBe(true);

    await popup.setText('Mari rayakan HUT RI ke-81 bersama seluruh rakyat Indonesia.\n— Humas Jateng');
    await popup.publish();
    const warning = popup.byTestId('kit-mandatory-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('#HUTRI81');
    if (SHOTS) await popup.page.screenshot({ path: `${SHOTS}/kampanye-warning-${lang}.png` });
    expect(acceptedTexts(fakes).mastodon).toEqual([]);
    expect(await readTable<PostRow>(siar.worker, 'posts')).toEqual([]);

    await popup.setText('Mari rayakan HUT RI ke-81 bersama seluruh rakyat Indonesia.\n\n#HUTRI81\n— Humas Jateng');
    await expect.poll(() => warning.count()).toBe(0);
    await popup.publish();
    for (const network of NETWORKS) {
      await expect.poll(() => popup.result(network).getAttribute('data-state'), { timeout: 30_000 }).toBe('sent');
    }
    const accepted = acceptedTexts(fakes);
    // The kit's image went with the posts (X uploads it as media first).
    expect(fakes.x.media[0]).toMatchObject({ finalized: true, type: 'image/png' });
    expect(accepted.x[0]).toBe(`Rayakan HUT RI ke-81!\n\n#HUTRI81\n— Humas Jateng\n${KIT.link}?utm_source=x&utm_medium=social&utm_campaign=hutri81`);
    expect(accepted.mastodon[0]).toBe(`Mari rayakan HUT RI ke-81 bersama seluruh rakyat Indonesia.\n\n#HUTRI81\n— Humas Jateng\n${KIT.link}`);
    expect(accepted.telegram[0]).toContain(KIT.link);
    const posts = await readTable<PostRow>(siar.worker, 'posts');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ kitId: key, kitUpdatedAt: Date.parse(KIT.updated), pageUrl: KIT.link });

    await campaigns.open();
    const shares = await campaigns.shares(key);
    const deliveries = await readTable<DeliveryRow>(siar.worker, 'deliveries');
    for (const network of NETWORKS) {
      expect(shares[network]).toEqual({ state: 'sent', href: deliveries.find((d) => d.network === network)!.remoteUrl });
    }
    if (SHOTS) await popup.page.screenshot({ path: `${SHOTS}/kampanye-shared-${lang}.png` });
    await popup.page.close();
    await article.close();
  });

  it('reports the three links with times, prints on A4, exports CSV and XLSX, and gives the chat summary', async () => {
    const report = await DisseminationPage.openIn(siar, `dissemination.html?kits=${encodeURIComponent(key)}`);
    const deliveries = (await readTable<DeliveryRow>(siar.worker, 'deliveries'))
      // The report's order: time sent, then post, then network name (two networks can answer in the same millisecond).
      .toSorted((a, b) => a.updatedAt - b.updatedAt || a.postId - b.postId || a.network.localeCompare(b.network));
    const clock = (at: number) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Asia/Jakarta',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .format(at)
        .replace(',', '');
    const name = (network: NetworkId) => message(lang, `network${network[0]!.toUpperCase()}${network.slice(1)}`);
    const rows = await report.rows(3);
    expect(rows.map((cells) => cells.slice(1, 5))).toEqual(deliveries.map((d) => ['HUT RI ke-81', name(d.network), clock(d.updatedAt), d.remoteUrl]));
    expect(await report.byTestId('report-agency').innerText()).toMatch(/Dinas Komunikasi dan Informatika Provinsi Jawa Tengah/i);
    expect(await report.byTestId('report-preparer').innerText()).toContain('Sari Wulandari');
    expect((await smallestText(report.page))[0]!.px).toBeGreaterThanOrEqual(13);

    // Time to first share, written out here from the stored times: "2 jam N menit" / "2 h N min".
    const words = SUMMARY[lang];
    const minutes = Math.floor((deliveries[0]!.updatedAt - start) / 60_000);
    const delay = [Math.floor(minutes / 60) && `${Math.floor(minutes / 60)} ${words.h}`, minutes % 60 && `${minutes % 60} ${words.min}`]
      .filter(Boolean)
      .join(' ');
    expect(await report.summary()).toBe(
      [
        `${words.campaign} HUT RI ke-81: 3/3 ${words.channels} (${words.shared} ${delay} ${words.after})`,
        ...deliveries.map((d) => `- ${name(d.network)}: ${d.remoteUrl}`),
      ].join('\n'),
    );

    // Print: A4 paper from the page's @page rule, filters and the summary box left off the paper.
    const pdf = await report.pdf();
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect([Math.round((Number(box![1]) / 72) * 25.4), Math.round((Number(box![2]) / 72) * 25.4)]).toEqual([210, 297]);
    expect(await report.visibleInPrint(report.page, '[data-testid="report-filters"], .report-filters')).toBe(false);
    expect(await report.visibleInPrint(report.page, '[data-testid="report-summary-text"]')).toBe(false);
    expect(await report.visibleInPrint(report.page, '[data-testid="report-table"]')).toBe(true);

    const csv = await report.download('report-export-csv');
    expect(csv.name).toMatch(/^diseminasi-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    // Indonesian Excel's list separator is `;` (the export module's default).
    const records = parseCsv(csv.bytes.toString('utf8'), ';');
    const seconds = (at: number) => `${clock(at)}:${new Date(at).toISOString().slice(17, 19)}`;
    expect(records.map((r) => [r[message(lang, 'disseminationNetwork')], r[message(lang, 'disseminationTime')], r[message(lang, 'reportLink')]])).toEqual(
      deliveries.map((d) => [name(d.network), seconds(d.updatedAt), d.remoteUrl]),
    );

    const xlsx = await report.download('report-export-xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const book = readXlsx(new Uint8Array(xlsx.bytes));
    // The time is a date cell: days since 1899-12-30 (ECMA-376 Part 1 §18.17.4.1) of the WIB wall clock (UTC+7).
    const wib = (serial: string) => Math.round((Number(serial) - 25569) * 86_400_000) - 7 * HOUR;
    expect(
      book
        .rows()
        .slice(1)
        .map((r) => [r[1], wib(r[2]!), r[3]]),
    ).toEqual(deliveries.map((d) => [name(d.network), Math.floor(d.updatedAt / 1000) * 1000, d.remoteUrl]));

    if (SHOTS) {
      await report.page.setViewportSize({ width: 1000, height: 1100 });
      await report.page.screenshot({ path: `${SHOTS}/laporan-${lang}.png`, fullPage: true });
      writeFileSync(`${SHOTS}/laporan-${lang}.pdf`, pdf);
      // What goes on paper: print media at A4 width (210 mm at 96 dpi).
      await report.page.setViewportSize({ width: 794, height: 1123 });
      await report.page.emulateMedia({ media: 'print' });
      await report.page.screenshot({ path: `${SHOTS}/laporan-print-${lang}.png`, fullPage: true });
      await report.page.emulateMedia({ media: 'screen' });
    }
    await report.page.close();
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});
