import { ExtensionPage } from './base';

export interface WatchForm {
  name: string;
  query: string;
  searches?: ('googlenews' | 'x' | 'bluesky' | 'reddit' | 'mastodon')[];
  notify?: boolean;
}

/** The listening section of the options page: watches, sources, OPML and the refresh button. */
export class ListeningPage extends ExtensionPage {
  async ready() {
    await this.page.locator('main.options section.listening').waitFor();
  }

  /** Opens the editor with `watch-add`, fills it and saves. */
  async addWatch(form: WatchForm) {
    await this.byTestId('watch-add').click();
    await this.fillWatch(form);
  }

  async fillWatch({ name, query, searches = [], notify = true }: WatchForm) {
    const editor = this.byTestId('watch-editor');
    await editor.getByTestId('watch-name').fill(name);
    await editor.getByTestId('watch-query').fill(query);
    for (const kind of searches) await editor.getByTestId(`watch-search-${kind}`).check();
    await editor.getByTestId('watch-notify').setChecked(notify);
    await editor.getByTestId('watch-save').click();
  }

  queryError() {
    return this.byTestId('watch-query-error');
  }

  watchNames() {
    return this.byTestId('watch-item').locator('strong').allInnerTexts();
  }

  async addFeed(url: string) {
    await this.byTestId('source-kind').selectOption('rss');
    await this.byTestId('source-url').fill(url);
    await this.byTestId('source-add').click();
  }

  /** The row of the source whose address contains `text`. */
  source(text: string) {
    return this.byTestId('source-item').filter({ hasText: text });
  }

  async importOpml(text: string) {
    await this.byTestId('opml-import').setInputFiles({ name: 'feeds.opml', mimeType: 'text/x-opml', buffer: Buffer.from(text) });
  }

  /** Clicks "refresh" and waits for its result sentence; returns it. */
  async refresh() {
    await this.byTestId('listen-now').click();
    return this.byTestId('listen-status').innerText();
  }
}
