import type { Page } from 'playwright-core';
import { ExtensionPage } from './base';
import { PopupPage } from './popup';

/** The campaign sources section of the options page. */
export class CampaignSourcesSection extends ExtensionPage {
  async ready() {
    await this.byTestId('campaign-sources').waitFor();
  }

  async add(url: string) {
    await this.byTestId('campaign-source-url').fill(url);
    await this.byTestId('campaign-source-add').click();
    await this.item(url).waitFor();
  }

  item(url: string) {
    return this.page.getByTestId('campaign-source-item').filter({ hasText: url });
  }

  async health(url: string) {
    return this.item(url).getByTestId('campaign-source-health').innerText();
  }

  async problems(url: string) {
    return this.item(url).getByTestId('campaign-source-problems').locator('li').allInnerTexts();
  }
}

/** The popup's Kampanye tab on top of the composer. */
export class CampaignTab {
  constructor(readonly popup: PopupPage) {}

  async open() {
    await this.popup.byTestId('tab-campaigns').click();
    await this.popup.page.locator('[data-testid="kit-list"], [data-testid="kits-empty"]').first().waitFor();
  }

  kit(key: string) {
    return this.popup.page.locator(`[data-testid="kit-item"][data-kit-id="${key}"]`);
  }

  async share(key: string) {
    await this.kit(key).getByTestId('kit-share').click();
    await this.popup.byTestId('kit-banner').waitFor();
  }

  /** Per network the kit went to: its share state and link. */
  async shares(key: string): Promise<Record<string, { state: string | null; href: string | null }>> {
    const items = this.kit(key).getByTestId('kit-shares').locator('li');
    const result: Record<string, { state: string | null; href: string | null }> = {};
    for (const item of await items.all()) {
      const network = (await item.getAttribute('data-testid'))!.replace('kit-share-', '');
      result[network] = {
        state: await item.getAttribute('data-state'),
        href: await item
          .getByRole('link')
          .getAttribute('href')
          .catch(() => null),
      };
    }
    return result;
  }
}

/** The dissemination report page ("Laporan Diseminasi"). */
export class DisseminationPage extends ExtensionPage {
  async ready() {
    await this.page.locator('[data-testid="dissemination-report"][data-ready="true"]').waitFor();
  }

  /** Waits until the table shows `count` rows (the report reads the database after the filters settle). */
  async rows(count: number): Promise<string[][]> {
    await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid="report-row"]').length === n, count);
    return this.page.getByTestId('report-row').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
  }

  summary() {
    return this.byTestId('report-summary-text').inputValue();
  }

  /** The page as Chromium prints it: A4 from the page's own @page rule. */
  pdf(): Promise<Buffer> {
    return this.page.pdf({ preferCSSPageSize: true, printBackground: true });
  }

  /** Whether an element shows under print media (the filters and the summary box must not). */
  async visibleInPrint(page: Page, selector: string): Promise<boolean> {
    await page.emulateMedia({ media: 'print' });
    const shown = await page
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetParent !== null);
    await page.emulateMedia({ media: 'screen' });
    return shown;
  }
}
