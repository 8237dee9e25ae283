import type { SiarBrowser } from '../support/launch';
import { ExtensionPage } from './base';

/** The clipping report page ("Kliping Media Harian", components/report/ClippingReport.tsx). */
export class ReportPage extends ExtensionPage {
  /** Opens report.html with `query` (e.g. `?from=…&to=…`) in a tab of `size`. */
  static async open(siar: SiarBrowser, query = '', size = { width: 1100, height: 900 }) {
    const page = await siar.context.newPage();
    await page.setViewportSize(size);
    await page.goto(siar.url(`report.html${query}`));
    const report = new ReportPage(page);
    await report.ready();
    return report;
  }

  async ready() {
    await this.page.locator('[data-testid="clipping-report"][data-ready="true"]').waitFor();
  }

  /** The query string the page keeps in its URL. */
  query(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  /** Sets one end of the period through its datetime-local field (`YYYY-MM-DDTHH:mm`). */
  async setPeriod(end: 'from' | 'to', value: string) {
    await this.byTestId(`report-${end}`).fill(value);
    await this.byTestId(`report-${end}`).dispatchEvent('change');
    await this.page.waitForFunction(([name, v]) => new URL(location.href).searchParams.get(name) === v, [end, value] as const);
    await this.ready();
  }

  /** Text of each row's cells, top to bottom. */
  rows(): Promise<string[][]> {
    return this.byTestId('report-row').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  }

  /** Pages of an A4 PDF of the page as printed (print media), the way "Cetak" would lay it out. */
  async printedPdf(): Promise<Buffer> {
    await this.page.emulateMedia({ media: 'print' });
    const pdf = await this.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await this.page.emulateMedia({ media: 'screen' });
    return pdf;
  }
}
