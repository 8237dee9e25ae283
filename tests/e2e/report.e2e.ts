import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportPage } from './pages/report';
import { launchSiar, type SiarBrowser } from './support/launch';
import { label } from './support/locales';
import { HOUR, mention, seed, watch } from './support/mentions';
import { storageSet } from './support/worker';

// Issue 14.11: "Kliping Media Harian" — period picker (default the last 24 hours) kept in the URL,
// header with agency, preparer and period, tone totals and a chart, an excerpt per item, grouped by
// watch and story, printable on A4.
const id = label('id');
const NOW = Date.now();
const LONG = 'Pemerintah kota menyiapkan posko pengungsian di tiga kecamatan setelah hujan deras sejak sore. '.repeat(6);

let siar: SiarBrowser;
beforeAll(async () => {
  siar = await launchSiar();
  await storageSet(siar.worker, { profile: { name: 'Sari Wulandari', unit: 'Dinas Komunikasi dan Informatika Kota Semarang' } });
});
afterAll(async () => {
  await siar.close();
});

/** Counts the page objects of a PDF (PDF 32000-1 §7.7.3.3: each page is a dictionary of /Type /Page). */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;

describe('clipping report', () => {
  it('defaults to the last 24 hours, keeps a chosen period in the URL, groups by watch and story, and prints on A4', async () => {
    const recent = [
      mention(1, { title: 'Banjir rendam tiga kecamatan', outlet: 'Kompas', storyKey: 'banjir', publishedAt: NOW - 3 * HOUR, tone: 'negative', summary: LONG }),
      mention(2, { title: 'Tiga kecamatan terendam banjir', outlet: 'Detik', storyKey: 'banjir', publishedAt: NOW - 2 * HOUR, tone: 'negative' }),
      mention(3, { title: 'Wali kota resmikan taman', outlet: 'Antara', storyKey: 'taman', publishedAt: NOW - 5 * HOUR, tone: 'positive', watchIds: [2] }),
      mention(4, { title: 'Jadwal layanan KTP', outlet: 'Tribun', storyKey: 'ktp', publishedAt: NOW - HOUR, tone: 'neutral', watchIds: [2] }),
    ];
    const older = Array.from({ length: 40 }, (_, i) =>
      mention(100 + i, {
        title: `Liputan lama nomor ${i}`,
        storyKey: `lama-${i % 10}`,
        outlet: `Media ${i}`,
        publishedAt: NOW - 30 * HOUR - i * 10 * 60_000,
        summary: LONG,
      }),
    );
    const start = await siar.openPage('report.html');
    await seed(start, { watches: [watch(1, 'Banjir', '#1f77b4'), watch(2, 'Layanan kota', '#ff7f0e')], mentions: [...recent, ...older] });
    await start.close();

    const report = await ReportPage.open(siar);
    expect(await report.heading()).toBe(id('reportTitle'));
    expect(await report.byTestId('report-agency').textContent()).toBe('Dinas Komunikasi dan Informatika Kota Semarang');
    expect(await report.byTestId('report-preparer').textContent()).toBe('Sari Wulandari');
    expect(await report.byTestId('report-period').textContent()).toMatch(/ WIB$/);
    // Default period: the 24 hours before opening, so only the four recent mentions.
    expect(await report.rows()).toHaveLength(4);
    expect(await report.byTestId('report-summary-text').textContent()).toBe(id('reportSummary', ['4', '1', '1', '2']));
    expect(await report.page.locator('[data-testid="report-chart"] [data-tone]').count()).toBe(3);
    expect(await report.page.locator('[data-testid="report-group"] h2').allTextContents()).toEqual(['Banjir · 2 berita', 'Layanan kota · 2 berita']);
    // One story carried by two outlets is one block, oldest first.
    const banjir = report.page.locator('[data-testid="report-group"]').first().getByTestId('report-story');
    expect(await banjir.count()).toBe(1);
    expect(await banjir.locator('.report-headline').allTextContents()).toEqual(['Banjir rendam tiga kecamatan', 'Tiga kecamatan terendam banjir']);
    const excerpt = (await report.byTestId('report-excerpt').first().textContent())!;
    expect(excerpt.endsWith('…') && excerpt.length <= 241 && LONG.startsWith(excerpt.slice(0, -1))).toBe(true);

    // A chosen period goes into the URL and survives a reload (a bookmark shows the same clipping).
    await report.setPeriod('from', '2026-01-01T00:00');
    expect(report.query().get('from')).toBe('2026-01-01T00:00');
    await report.page.reload();
    await report.ready();
    expect(await report.byTestId('report-from').inputValue()).toBe('2026-01-01T00:00');
    expect(await report.rows()).toHaveLength(4 + 40);

    // Print: the controls are hidden, nothing is wider than A4's printable width, and 44 items with
    // excerpts fill a sane number of pages.
    await report.page.emulateMedia({ media: 'print' });
    expect(await report.byTestId('report-export-xlsx').isVisible()).toBe(false);
    const pdf = await report.printedPdf();
    // SIAR_SHOTS=<folder> keeps the printed PDF for a person to look at.
    if (process.env.SIAR_SHOTS) writeFileSync(join(process.env.SIAR_SHOTS, 'report-print-id.pdf'), pdf);
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(12);
    await report.page.emulateMedia({ media: 'print' });
    await report.page.setViewportSize({ width: 703, height: 1000 }); // 186 mm: A4 less the 12 mm side margins, at 96 px/in
    expect(await report.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(703);
    await report.page.close();
    console.warn(`report: 44 items print on ${pages} A4 pages`);

    // A reversed period in the URL gets one sentence and the default period, not an empty page.
    const bad = await ReportPage.open(siar, '?from=2026-03-10T10:00&to=2026-03-10T09:00');
    expect(await bad.byTestId('report-problem').textContent()).toBe(id('reportBadPeriod'));
    expect(await bad.rows()).toHaveLength(4);
    await bad.page.close();
    expect(siar.errors).toEqual([]);
  }, 300_000);
});
