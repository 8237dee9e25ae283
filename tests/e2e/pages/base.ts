import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { SiarBrowser } from '../support/launch';

/** Common ground of the page objects: an extension page opened in the test browser. */
export abstract class ExtensionPage {
  constructor(readonly page: Page) {}

  static async openIn<T extends ExtensionPage>(this: new (page: Page) => T, siar: SiarBrowser, path: string): Promise<T> {
    const page = await siar.openPage(path);
    const object = new this(page);
    await object.ready();
    return object;
  }

  abstract ready(): Promise<void>;

  heading() {
    return this.page.locator('h1').first().textContent();
  }

  /** Text of every visible alert or status notice (what the officer must read). */
  async alerts(): Promise<string[]> {
    return this.page.locator('[role="alert"], [role="status"]').allInnerTexts();
  }

  byTestId(id: string) {
    return this.page.getByTestId(id);
  }

  /** Clicks the control `testId` and returns the file the browser downloaded: its suggested name and bytes. */
  async download(testId: string): Promise<{ name: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.byTestId(testId).click();
    const file = await download;
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  }
}
