import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MentionRow, SourceRow } from '../../utils/db';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { SidePanelPage } from './pages/sidepanel';
import { EXTENSION_DIR, launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { HOUR, MINUTE, mention, seed, watch } from './support/mentions';
import { readTable, storageGet, storageSet, waitFor, workerErrors } from './support/worker';
import { HOSTILE_URLS, XSS_PAYLOADS } from './support/xss-payloads';

let siar: SiarBrowser;
beforeAll(async () => {
  siar = await launchSiar();
});
afterAll(async () => {
  await siar.close();
});

const WATCHES = [watch(1, 'Banjir Jakarta', '#1f77b4'), watch(2, 'Pajak Daerah', '#d62728')];
const now = Date.now();
/** Six mentions, newest first by id; two outlets carry story "banjir-1". */
const MENTIONS: MentionRow[] = [
  mention(1, {
    title: 'BANJIR melanda Jakarta Utara',
    summary: 'Banjir setinggi 1 meter di Jakarta.',
    keywords: ['banjir', 'jakarta'],
    publishedAt: now - 5 * MINUTE,
    storyKey: 'banjir-1',
    outlet: 'Kompas',
    author: 'Rina',
    tone: 'negative',
  }),
  mention(2, {
    title: 'Banjir Jakarta surut, warga kembali',
    summary: 'Air mulai surut.',
    keywords: ['banjir'],
    publishedAt: now - 2 * HOUR,
    storyKey: 'banjir-1',
    outlet: 'Detik',
    source: 'googlenews',
    tone: 'positive',
  }),
  mention(3, {
    title: 'Pemkot umumkan pajak daerah baru',
    summary: 'Pajak kendaraan naik.',
    keywords: ['pajak'],
    watchIds: [2],
    publishedAt: now - 3 * HOUR,
    outlet: 'Antara',
    source: 'x',
  }),
  mention(4, {
    title: 'Kafe di Jakarta bayar pajak',
    summary: 'Pemilik café mengeluh pajaknya.',
    keywords: ['café'],
    watchIds: [1, 2],
    publishedAt: now - 26 * HOUR,
    outlet: 'Tempo',
  }),
  mention(5, {
    title: 'Rapat koordinasi banjir',
    summary: 'Koordinasi lintas dinas.',
    keywords: ['banjir'],
    publishedAt: now - 50 * HOUR,
    state: 'read',
    outlet: 'Kompas',
  }),
  mention(6, {
    title: 'Arsip lama soal pajak',
    summary: 'Sudah diarsipkan.',
    keywords: ['pajak'],
    watchIds: [2],
    publishedAt: now - 80 * HOUR,
    state: 'archived',
    outlet: 'Tempo',
  }),
];

async function openPanel(data = { mentions: MENTIONS, watches: WATCHES }) {
  const panel = await SidePanelPage.openIn(siar, 'sidepanel.html');
  await seed(panel.page, data);
  // Rows written behind Dexie's back are not announced to liveQuery: reload to read them.
  await panel.page.reload();
  await panel.ready();
  return panel;
}

async function noErrors() {
  expect(siar.errors).toEqual([]);
  expect(await workerErrors(siar.worker)).toEqual([]);
}

describe('side panel', () => {
  beforeEach(() => {
    siar.errors.length = 0;
  });

  it('runs two classic scripts: the first starts the first read, the second is the panel', () => {
    // Extension requests are slow, each one delaying the first screen (npm run bench): the page asks for
    // its first rows before anything else, and the panel itself is one script rather than a module graph.
    const html = readFileSync(join(EXTENSION_DIR, 'sidepanel.html'), 'utf8');
    expect([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!.trim())).toEqual(['src="/sidepanel-start.js"', 'src="/sidepanel-app.js" defer']);
  });

  it('shows seeded mentions newest first with highlights, time, tone, watch colour and story size', async () => {
    const panel = await openPanel();
    // The inbox leaves out the archived mention 6.
    expect(await panel.visibleIds()).toEqual([1, 2, 3, 4, 5]);
    expect(await panel.count()).toBe(5);
    const first = panel.item(1);
    expect(await first.locator('.mention-title mark').allTextContents()).toEqual(['BANJIR', 'Jakarta']);
    expect(await first.locator('time').textContent()).toBe('5 menit yang lalu');
    expect(await first.getByTestId('story-count').textContent()).toContain('2 media');
    expect(await first.getByTestId('mention-tone').textContent()).toContain(message('id', 'toneNegative'));
    expect(
      await first
        .locator('.watch-dot')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(31, 119, 180)');
    expect(await first.locator('a.mention-title').getAttribute('href')).toBe('https://berita.example.id/artikel/1');
    // Accent-insensitive: the keyword "café" marks "Kafe"? No: it marks "café" in the summary only.
    expect(await panel.item(4).locator('.mention-summary mark').allTextContents()).toEqual(['café']);
    await panel.page.close();
    await noErrors();
  });

  it('search and every filter change mention-count, read from the indexes', async () => {
    const panel = await openPanel();
    await panel.search('PAJAK');
    await expect.poll(() => panel.count()).toBe(2);
    expect(await panel.visibleIds()).toEqual([3, 4]);
    expect(await panel.item(4).locator('.mention-summary mark').allTextContents()).toEqual(['café', 'pajak']);
    await panel.search('cafe pemilik');
    await expect.poll(() => panel.count()).toBe(1);
    await panel.search('');
    await expect.poll(() => panel.count()).toBe(5);

    await panel.watch(2);
    await expect.poll(() => panel.visibleIds()).toEqual([3, 4]);
    await panel.state('all');
    await expect.poll(() => panel.visibleIds()).toEqual([3, 4, 6]);
    await panel.state('archived');
    await expect.poll(() => panel.count()).toBe(1);
    await panel.watch(undefined);
    await panel.state('read');
    await expect.poll(() => panel.visibleIds()).toEqual([5]);
    await panel.state('inbox');
    await panel.tone('positive');
    await expect.poll(() => panel.visibleIds()).toEqual([2]);
    await panel.tone('');
    await panel.source('x');
    await expect.poll(() => panel.visibleIds()).toEqual([3]);
    await panel.source('');
    await panel.byTestId('starred-filter').check();
    await expect.poll(() => panel.count()).toBe(0);
    expect(await panel.byTestId('mention-empty').textContent()).toBe(message('id', 'panelNoMatches'));
    await panel.byTestId('starred-filter').uncheck();

    await panel.byTestId('date-from').fill('2030-01-02');
    await panel.byTestId('date-to').fill('2030-01-01');
    expect(await panel.byTestId('filter-problem').textContent()).toBe(message('id', 'panelBadRange'));
    await panel.page.close();
    await noErrors();
  });

  it('triage (keyboard, buttons, response, tone correction, bulk) persists across reopening', async () => {
    const panel = await openPanel();
    await panel.activate(1);
    await panel.press('s');
    await expect.poll(() => panel.item(1).getByTestId('mention-star').getAttribute('aria-pressed')).toBe('true');
    await panel.press('j');
    await panel.page.locator('[data-testid="mention-detail"][data-mention-id="2"]').waitFor();
    await panel.press('e');
    await expect.poll(() => panel.visibleIds()).toEqual([1, 3, 4, 5]);

    await panel.activate(1);
    await panel.byTestId('response-status').selectOption('perlu-klarifikasi');
    await panel.byTestId('response-note').fill('Tunggu data BPBD');
    await panel.byTestId('response-note-save').click();
    await panel.byTestId('tone-correct').selectOption('neutral');
    await expect.poll(() => panel.byTestId('tone-hint').textContent()).toBe(message('id', 'panelToneCorrected'));

    // Bulk: select two rows with x, then mark them read.
    await panel.activate(3);
    await panel.press('x');
    await panel.press('j');
    await panel.press('x');
    expect(await panel.byTestId('bulk-actions').locator('span').first().textContent()).toBe('2 dipilih');
    await panel.byTestId('bulk-read').click();
    await expect.poll(() => panel.item(4).getAttribute('class')).toContain('state-read');
    // A bulk response status over a row with a note: the status changes, the officer's note stays.
    await panel.activate(1);
    await panel.press('x');
    await panel.byTestId('bulk-status').selectOption('ditanggapi');
    await expect.poll(async () => (await readTable<MentionRow>(siar.worker, 'mentions')).find((row) => row.id === 1)?.response.status).toBe('ditanggapi');
    await panel.page.close();

    const rows = new Map((await readTable<MentionRow>(siar.worker, 'mentions')).map((row) => [row.id, row]));
    expect(rows.get(1)).toMatchObject({ starred: 1, tone: 'neutral', toneCorrected: true, response: { status: 'ditanggapi', note: 'Tunggu data BPBD' } });
    expect(rows.get(2)?.state).toBe('archived');
    expect([rows.get(3)?.state, rows.get(4)?.state]).toEqual(['read', 'read']);

    const again = await SidePanelPage.openIn(siar, 'sidepanel.html');
    expect(await again.visibleIds()).toEqual([1, 3, 4, 5]);
    expect(await again.item(1).getByTestId('mention-star').getAttribute('aria-pressed')).toBe('true');
    expect(await again.item(1).getByTestId('mention-tone').textContent()).toBe(`${message('id', 'toneNeutral')} ✓`);
    await again.activate(1);
    expect(await again.byTestId('response-status').inputValue()).toBe('ditanggapi');
    expect(await again.byTestId('response-note').inputValue()).toBe('Tunggu data BPBD');
    await again.page.close();
    await noErrors();
  });

  it('"Tanggapi" on a news mention opens a reply template with nothing ticked and the article to read', async () => {
    const panel = await openPanel();
    // Headless Chromium hides the toolbar popup from tests; refusing it makes Siar open the same composer as a window.
    await siar.worker.evaluate(() => {
      (chrome.action as unknown as { openPopup(): Promise<void> }).openPopup = () => Promise.reject(new Error('no popup in test'));
    });
    await panel.activate(3);
    const opened = siar.context.waitForEvent('page');
    await panel.byTestId('mention-respond').click();
    const page = await opened;
    expect(page.url()).toContain('/popup.html?window=1');
    const composer = new PopupPage(page);
    await composer.ready();
    expect(await composer.text()).toBe(message('id', 'respondTemplate'));
    expect(await composer.byTestId('respond-header').innerText()).toContain('Pemkot umumkan pajak daerah baru');
    expect(await composer.byTestId('respond-hint').textContent()).toBe(message('id', 'composerRespondNoReplyHint'));
    expect(await composer.alerts()).not.toContain(message('id', 'composerLimitedPage'));
    expect(await composer.page.locator('[data-testid^="target-"]:checked').count()).toBe(0);
    await page.close();
    await panel.page.close();
    await noErrors();
  });

  it('exports exactly the filtered mentions as CSV (BOM, formula-safe) and JSON', async () => {
    const hostile = mention(7, {
      title: '=HYPERLINK("https://evil.example","klik")',
      summary: '+62 811, "kutipan"',
      watchIds: [2],
      publishedAt: now - 90 * HOUR,
      outlet: '@warga',
    });
    const panel = await openPanel({ mentions: [...MENTIONS, hostile], watches: WATCHES });
    await panel.watch(2);
    await panel.state('all');
    await expect.poll(() => panel.visibleIds()).toEqual([3, 4, 6, 7]);

    const csvDownload = panel.page.waitForEvent('download');
    await panel.byTestId('export-csv').click();
    const csv = readFileSync((await (await csvDownload).path())!, 'utf8');
    // Issue 14.10: `;` and a header row in the UI language.
    expect(csv.startsWith('\uFEFF"ID";"Waktu terbit (WIB)";"Media";')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines.slice(1).map((line) => Number(line.split(';')[0]!.replaceAll('"', '')))).toEqual([3, 4, 6, 7]);
    expect(lines[4]).toContain(`"'@warga"`);
    expect(lines[4]).toContain(`"'=HYPERLINK(""https://evil.example"",""klik"")"`);
    expect(lines[4]).toContain(`"'+62 811, ""kutipan"""`);

    const jsonDownload = panel.page.waitForEvent('download');
    await panel.byTestId('export-json').click();
    const json = JSON.parse(readFileSync((await (await jsonDownload).path())!, 'utf8')) as { id: number }[];
    expect(json.map((row) => row.id)).toEqual([3, 4, 6, 7]);
    await panel.page.close();
    await noErrors();
  });

  it('says which words weighed in the tone hint; a correction teaches the worker and the options page forgets it', async () => {
    await storageSet(siar.worker, { toneLearning: { corrections: 0, updatedAt: 0, weights: {} } });
    const panel = await openPanel({
      mentions: [mention(1, { title: 'Pelayanan lambat, warga kecewa', tone: 'negative', toneWords: ['kecewa', 'lambat'] })],
      watches: WATCHES,
    });
    await panel.activate(1);
    expect(await panel.byTestId('tone-why').textContent()).toBe(message('id', 'panelToneWhy').replace('$WORDS$', 'kecewa, lambat'));
    expect(await panel.byTestId('tone-hint').textContent()).toBe(message('id', 'panelToneHint'));

    await panel.byTestId('tone-correct').selectOption('positive');
    await expect.poll(() => panel.byTestId('tone-hint').textContent()).toBe(message('id', 'panelToneCorrected'));
    expect(await panel.byTestId('tone-why').count()).toBe(0);
    const learnt = await waitFor(
      () => storageGet(siar.worker, ['toneLearning']),
      (v) => (v.toneLearning as { corrections?: number } | undefined)?.corrections === 1,
    );
    expect(Object.keys((learnt.toneLearning as { weights: object }).weights)).toEqual(expect.arrayContaining(['kecewa', 'lambat']));
    await panel.page.close();

    const options = await OptionsPage.openIn(siar, 'options.html');
    await options.ready();
    await expect.poll(() => options.byTestId('tone-learning-count').textContent()).toBe(message('id', 'toneLearningHint').replace('$COUNT$', '1'));
    await options.byTestId('tone-forget').click();
    expect(await options.byTestId('tone-forgotten').textContent()).toBe(message('id', 'toneForgotten'));
    expect((await storageGet(siar.worker, ['toneLearning'])).toneLearning).toMatchObject({ corrections: 0, weights: {} });
    await options.page.close();
    // The corrected mention keeps the officer's tone.
    expect((await readTable<MentionRow>(siar.worker, 'mentions')).find((row) => row.id === 1)).toMatchObject({ tone: 'positive', toneCorrected: true });
    await noErrors();
  });

  it('renders the daily clipping report (printable page and CSV) for one day', async () => {
    const day = Date.parse('2026-03-10T00:00:00+07:00');
    const panel = await openPanel({
      watches: WATCHES,
      mentions: [
        mention(11, { title: 'Wali kota tinjau banjir', publishedAt: day + 9 * HOUR, outlet: 'Kompas', storyKey: 's1', tone: 'negative' }),
        mention(12, { title: 'Wali kota tinjau lokasi banjir', publishedAt: day + 10 * HOUR, outlet: 'Detik', storyKey: 's1' }),
        mention(13, { title: 'Berita yang diarsipkan', publishedAt: day + 11 * HOUR, state: 'archived' }),
        mention(14, { title: 'Pajak daerah dibahas', publishedAt: day + 8 * HOUR, outlet: 'Antara', tone: 'positive' }),
        mention(15, { title: 'Kemarin', publishedAt: day - HOUR }),
      ],
    });
    // The panel opens the report on its default period, the last 24 hours (issue 14.11).
    expect(await panel.byTestId('report-link').getAttribute('href')).toBe('/report.html');
    await panel.page.close();
    const report = await siar.openPage('report.html?date=2026-03-10');
    await report.locator('[data-testid="clipping-report"][data-ready="true"]').waitFor();
    expect(await report.locator('h1').textContent()).toBe('Kliping Media Harian');
    const cells = await report.getByTestId('report-row').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)));
    expect(cells.map((c) => [c[2], c[4], c[5]])).toEqual([
      ['Antara', 'Positif', 'https://berita.example.id/artikel/14'],
      ['Kompas', 'Negatif', 'https://berita.example.id/artikel/11'],
      ['Detik', 'Netral', 'https://berita.example.id/artikel/12'],
    ]);
    expect(await report.locator('.report-headline').allTextContents()).toEqual([
      'Pajak daerah dibahas',
      'Wali kota tinjau banjir',
      'Wali kota tinjau lokasi banjir',
    ]);
    const download = report.waitForEvent('download');
    await report.getByTestId('report-export-csv').click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.slice(1).split('\r\n')[0]).toBe('"Pantauan / cerita";"Waktu (WIB)";"Media";"Judul";"Cuplikan";"Nada";"Tautan"');
    expect(csv).toContain('"Antara";"Pajak daerah dibahas";');
    expect(csv).toContain('"Positif";"https://berita.example.id/artikel/14"');
    await report.goto(siar.url('report.html?date=2026-02-31'));
    expect(await report.getByTestId('report-problem').textContent()).toBe(message('id', 'reportBadPeriod'));
    await report.close();
    await noErrors();
  });

  it('shows failing sources with the reason and retries them', async () => {
    const failedAt = Date.now() - MINUTE;
    const source: SourceRow = {
      id: 1,
      kind: 'rss',
      name: 'Feed Pemda',
      config: { url: 'https://127.0.0.1:9/feed.xml' },
      state: {},
      intervalMin: 30,
      nextDueAt: Date.now() + HOUR,
      health: { failures: 2, lastErrorAt: failedAt, lastError: { code: 'transient', messageKey: 'sourceErrorNetwork' } },
    };
    const panel = await openPanel({ mentions: MENTIONS, watches: WATCHES, sources: [source] } as Parameters<typeof openPanel>[0]);
    const expected = message('id', 'panelSourceFailing').replace('$NAME$', 'Feed Pemda').replace('$REASON$', message('id', 'sourceErrorNetwork'));
    expect(await panel.byTestId('source-failing').locator('span').textContent()).toBe(expected);
    expect(await panel.byTestId('source-failing').getAttribute('role')).toBe('alert');
    await panel.byTestId('source-retry').click();
    const after = await waitFor(
      () => readTable<SourceRow>(siar.worker, 'sources'),
      (rows) => (rows[0]?.health.lastErrorAt ?? 0) > failedAt,
    );
    expect(after[0]?.health.lastErrorAt).toBeGreaterThan(failedAt);
    await panel.page.close();
  });

  it('charts volume per watch by tone and marks a spike above mean + 3σ', async () => {
    const hourStart = Math.floor(Date.now() / HOUR) * HOUR;
    const history = Array.from({ length: 14 * 24 }, (_v, h) => h)
      .filter((h) => h % 2 === 0)
      .map((h, i) => mention(100 + i, { publishedAt: hourStart - (h + 1) * HOUR + 1000, tone: i % 3 === 0 ? 'negative' : 'neutral' }));
    const spike = Array.from({ length: 6 }, (_v, k) => mention(1000 + k, { publishedAt: hourStart + (k + 1) * 100, tone: 'negative' }));
    const panel = await openPanel({ mentions: [...history, ...spike], watches: WATCHES });
    await panel.watch(1);
    await panel.page.locator('.chart-section summary').click();
    await panel.page.locator('[data-testid="chart-box"] canvas').waitFor();
    expect(Number(await panel.byTestId('chart-box').getAttribute('data-buckets'))).toBe(48);
    expect(await panel.byTestId('spike-notice').textContent()).toContain('Lonjakan sebutan: 6');
    await panel.page.getByRole('radio', { name: message('id', 'panelByDay') }).click();
    await expect.poll(() => panel.byTestId('chart-box').getAttribute('data-buckets')).toBe('30');
    await panel.page.close();
    await noErrors();
  });

  it(`renders ${XSS_PAYLOADS.length} XSS payloads as inert text and links only to http(s)`, async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(100);
    const n = XSS_PAYLOADS.length;
    const at = (i: number) => XSS_PAYLOADS[i % n]!;
    const day = Date.parse('2026-03-11T00:00:00+07:00');
    const hostile = XSS_PAYLOADS.map((payload, i) =>
      mention(i + 1, {
        title: payload,
        summary: `${at(i + 1)} script alert ${at(i + 7)}`,
        outlet: at(i + 2),
        author: at(i + 3),
        url: i < HOSTILE_URLS.length * 4 ? HOSTILE_URLS[i % HOSTILE_URLS.length]! : `https://berita.example.id/${encodeURIComponent(payload)}`,
        keywords: ['script', 'alert', payload.slice(0, 12)],
        publishedAt: day + i * MINUTE,
      }),
    );
    const dialogs: string[] = [];
    const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    siar.context.on('page', (page) => page.on('dialog', onDialog));
    const panel = await openPanel({ mentions: hostile, watches: WATCHES });
    panel.page.on('dialog', onDialog);
    const title = await panel.page.title();
    await panel.search('script');
    await panel.settled();

    // The list is virtualized: scroll through all of it so every row is rendered at least once.
    const hrefs = new Set<string>();
    const seen = new Set<number>();
    const scroller = panel.byTestId('mention-list');
    for (let top = 0; seen.size < n && top < n * 200; top += 400) {
      await scroller.evaluate((el, y) => {
        el.scrollTop = y;
      }, top);
      await panel.page.waitForTimeout(30);
      for (const id of await panel.items().evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-mention-id'))))) seen.add(id);
      for (const href of await panel.page.locator('a[href]').evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''))) hrefs.add(href);
    }
    expect(seen.size).toBe(await panel.count());
    // Open a few detail views too (summary shown in full there).
    await scroller.evaluate((el) => {
      el.scrollTop = 0;
    });
    // The virtualizer re-renders after the scroll event: wait until the rows on screen stop changing.
    let top: number[] = [];
    await expect
      .poll(async () => {
        const visible = (await panel.visibleIds()).slice(0, 4);
        const stable = visible.join() === top.join();
        top = visible;
        return stable && visible.length === 4;
      })
      .toBe(true);
    for (const id of top) await panel.activate(id);
    expect(await panel.item(top[0]!).locator('.mention-title').textContent()).toBe(XSS_PAYLOADS[top[0]! - 1]);

    const report = await siar.openPage('report.html?date=2026-03-11');
    report.on('dialog', onDialog);
    await report.locator('[data-testid="clipping-report"][data-ready="true"]').waitFor();
    expect(await report.getByTestId('report-row').count()).toBe(n);
    for (const href of await report.locator('a[href]').evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''))) hrefs.add(href);
    await report.waitForTimeout(300);

    for (const page of [panel.page, report]) {
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      // Where untrusted text is shown, only Siar's own elements may exist: no element a payload could inject.
      const injected = [
        'script',
        'iframe',
        'object',
        'embed',
        'svg',
        'img',
        'form',
        'details',
        'marquee',
        'style',
        'meta',
        'base',
        'video',
        'audio',
        'textarea',
        'select',
      ]
        .flatMap((tag) => ['[data-testid="mention-list"]', '.mention-detail .detail-summary', 'table'].map((scope) => `${scope} ${tag}`))
        .join(', ');
      expect(await page.locator(injected).count()).toBe(0);
    }
    expect(await panel.page.title()).toBe(title);
    expect(await report.title()).toBe('Kliping Media Harian');
    expect(dialogs).toEqual([]);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|\/report\.html(\?|$))/);
    expect([...hrefs].some((href) => href.startsWith('https://berita.example.id/'))).toBe(true);
    await report.close();
    await panel.page.close();
    await noErrors();
  });
});
