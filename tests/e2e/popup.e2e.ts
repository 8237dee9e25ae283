import twitter from 'twitter-text';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { createNewsSite, createShareTargets, NEWS_HOST } from '../fakes/news-site';
import { createXFake, X_CREDENTIALS } from '../fakes/x';
import { PopupPage } from './pages/popup';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { storageSet, tabIdOf, workerErrors } from './support/worker';

const ARTICLE = `https://${NEWS_HOST}/berita/rapat-koordinasi?utm_campaign=x&fbclid=abc`;
const CANONICAL = `https://${NEWS_HOST}/berita/rapat-koordinasi?id=7`;
const graphemes = (text: string) => [...new Intl.Segmenter('id', { granularity: 'grapheme' }).segment(text)].length;

let siar: SiarBrowser;
let fakes: FakeServer;
const xFake = createXFake();

async function openArticle(path = ARTICLE) {
  const page = await siar.context.newPage();
  await page.goto(path);
  return { page, tabId: await tabIdOf(siar.worker, path.split('?')[0]!) };
}

beforeAll(async () => {
  fakes = await startFakeServer([createNewsSite(), createShareTargets(), xFake]);
  siar = await launchSiar({ hostRules: fakes.hostRules() });
});
afterAll(async () => {
  await siar.close();
  await fakes.close();
});

describe('composer', () => {
  beforeEach(() => storageSet(siar.worker, { drafts: {} }));

  it('prefills the draft from canonical and Open Graph tags with tracking stripped, and counts per network', async () => {
    const { tabId } = await openArticle();
    const popup = await PopupPage.forTab(siar, tabId);
    const text = await popup.text();
    expect(text).toBe(`Rapat Koordinasi Humas Se-Jawa Tengah\n${CANONICAL}`);
    expect(await popup.byTestId('page-url').textContent()).toBe(CANONICAL);
    expect(await popup.count('x')).toBe(twitter.parseTweet(text).weightedLength);
    expect(await popup.count('bluesky')).toBe(graphemes(text));
    expect(await popup.count('mastodon')).toBe(graphemes('Rapat Koordinasi Humas Se-Jawa Tengah\n') + 23);
    await expect.poll(() => popup.page.locator('.image-row img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(128);

    const typed = 'Gubernur meresmikan layanan 🇮🇩 👨‍👩‍👧‍👦 https://jatengprov.go.id/layanan #PelayananPublik';
    await popup.setText(typed);
    // The page link is not in the text: X and Telegram get it appended (counted), Bluesky as a card.
    const sent = `${typed}\n${CANONICAL}`;
    expect(await popup.count('x')).toBe(twitter.parseTweet(sent).weightedLength);
    expect(await popup.count('bluesky')).toBe(graphemes(typed));
    // Telegram counts code points (core.telegram.org/bots/api#sendmessage): the flag is 2, the family 7.
    expect(await popup.count('telegram')).toBe([...sent].length);
    expect(await popup.isOver('x')).toBe(false);

    await popup.setText('Kabar baik. '.repeat(30));
    expect(await popup.isOver('x')).toBe(true);
    expect(await popup.isOver('linkedin')).toBe(false);
    await popup.page.close();
    expect(siar.errors).toEqual([]);
  });

  it('opens every share link with the right parameters', async () => {
    await storageSet(siar.worker, {
      preferences: { timeZone: 'Asia/Jakarta', quietHours: { enabled: false, from: '22:00', to: '06:00' }, retention: { days: 90, maxCount: 200000 } },
    });
    const { tabId } = await openArticle();
    const popup = await PopupPage.forTab(siar, tabId);
    await popup.setText('Rapat koordinasi hari ini');
    const title = 'Rapat Koordinasi Humas Se-Jawa Tengah';
    const expected: Record<string, (url: URL) => void> = {
      x: (u) => {
        expect(u.origin + u.pathname).toBe('https://x.com/intent/post');
        expect(u.searchParams.get('text')).toBe('Rapat koordinasi hari ini');
        expect(u.searchParams.get('url')).toBe(CANONICAL);
      },
      facebook: (u) => {
        expect(u.origin + u.pathname).toBe('https://www.facebook.com/sharer/sharer.php');
        expect(u.searchParams.get('u')).toBe(CANONICAL);
      },
      whatsapp: (u) => {
        expect(u.origin + u.pathname).toBe('https://wa.me/');
        expect(u.searchParams.get('text')).toBe(`Rapat koordinasi hari ini ${CANONICAL}`);
      },
      telegram: (u) => {
        expect(u.origin + u.pathname).toBe('https://t.me/share/url');
        expect(u.searchParams.get('url')).toBe(CANONICAL);
        expect(u.searchParams.get('text')).toBe('Rapat koordinasi hari ini');
      },
      linkedin: (u) => {
        expect(u.origin + u.pathname).toBe('https://www.linkedin.com/sharing/share-offsite/');
        expect(u.searchParams.get('url')).toBe(CANONICAL);
      },
      bluesky: (u) => {
        expect(u.origin + u.pathname).toBe('https://bsky.app/intent/compose');
        expect(u.searchParams.get('text')).toContain(CANONICAL);
      },
      threads: (u) => {
        expect(u.hostname).toMatch(/^www\.threads\.(net|com)$/);
        expect(`${u.searchParams.get('text')} ${u.searchParams.get('url') ?? ''}`).toContain(CANONICAL);
      },
    };
    await popup.openShareLinks();
    for (const [name, check] of Object.entries(expected)) {
      const opened = siar.context.waitForEvent('page');
      await popup.byTestId(`intent-${name}`).click();
      const tab = await opened;
      await tab.waitForLoadState('domcontentloaded');
      check(new URL(tab.url()));
      await tab.close();
    }
    const mail = new URL((await popup.intentHref('email'))!);
    expect(mail.protocol).toBe('mailto:');
    expect(decodeURIComponent(mail.search)).toContain(title);
    expect(await popup.byTestId('intent-mastodon').getAttribute('aria-disabled')).toBe('true');
    await popup.page.close();
  });

  it('quotes a selection through "Kutip ke medsos" with its source', async () => {
    const { page, tabId } = await openArticle();
    const selection = await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('kutipan')!);
      getSelection()!.addRange(range);
      return String(getSelection());
    });
    const quoteFromMenu = { menuItemId: 'siar-quote', selectionText: selection, pageUrl: ARTICLE, editable: false };
    // The menu handler stores the quote, then opens the toolbar popup, which takes the quote.
    const popups = await siar.worker.evaluate(
      async ({ id, info }) => {
        const tab = await chrome.tabs.get(id);
        await (self as unknown as { siarTest: { contextMenuClick(info: object, tab: object): Promise<void> } }).siarTest.contextMenuClick(info, tab);
        for (let i = 0; i < 50 && (await chrome.storage.session.get('pendingQuote')).pendingQuote; i += 1) await new Promise((r) => setTimeout(r, 100));
        const contexts = await (chrome.runtime as unknown as { getContexts(f: object): Promise<{ documentUrl?: string }[]> }).getContexts({
          contextTypes: ['POPUP'],
        });
        return { urls: contexts.map((c) => c.documentUrl), left: (await chrome.storage.session.get('pendingQuote')).pendingQuote };
      },
      { id: tabId, info: quoteFromMenu },
    );
    expect(popups.urls.some((url) => url?.includes('/popup.html'))).toBe(true);
    expect(popups.left).toBeUndefined();

    // Headless Chromium hides the toolbar popup from the test, so the same composer is read as a window.
    await siar.worker.evaluate(
      async ({ id, text, url }) => {
        await chrome.storage.session.set({ pendingQuote: { selection: text, pageUrl: url, pageTitle: 'x', tabId: id, at: Date.now() } });
      },
      { id: tabId, text: selection, url: ARTICLE },
    );
    const composer = await PopupPage.openIn(siar, 'popup.html?window=1');
    expect(await composer.text()).toBe(`“${selection}” — Rapat Koordinasi Humas Se-Jawa Tengah\n${CANONICAL}`);
    expect(await composer.alerts()).toContain(message('id', 'composerQuoteNotice'));
    await composer.page.close();
    await page.close();
  });

  it('autosaves the draft per page and restores it on reopen', async () => {
    const { tabId } = await openArticle();
    const first = await PopupPage.forTab(siar, tabId);
    await first.setText('Draf siaran pers yang belum selesai');
    await first.page.waitForTimeout(600);
    await first.page.close();
    const again = await PopupPage.forTab(siar, tabId);
    expect(await again.text()).toBe('Draf siaran pers yang belum selesai');
    expect((await again.alerts()).join(' ')).toContain(message('id', 'composerDraftRestored'));
    await again.page.getByRole('button', { name: message('id', 'composerDiscardDraft') }).click();
    expect(await again.text()).toBe(`Rapat Koordinasi Humas Se-Jawa Tengah\n${CANONICAL}`);
    await again.page.close();
  });

  it.each([['empty text', '   ', 'composerEmpty']])('refuses %s with one clear sentence', async (_label, text, key) => {
    const { appKey, appSecret, accessToken, accessSecret } = X_CREDENTIALS;
    await storageSet(siar.worker, { accounts: { x: { auth: 'oauth1', appKey, appSecret, accessToken, accessSecret, username: 'humasjateng' } } });
    const { tabId } = await openArticle();
    const popup = await PopupPage.forTab(siar, tabId);
    await popup.setText(text);
    await popup.publish();
    await expect.poll(() => popup.byTestId('composer-problem').textContent()).toBe(message('id', key));
    await popup.setTarget('x', false);
    await popup.setText('Teks yang sah');
    await popup.publish();
    await expect.poll(() => popup.byTestId('composer-problem').textContent()).toBe(message('id', 'composerNoTarget'));
    await popup.page.close();
    expect(xFake.tweets).toHaveLength(0);
  });

  it('says so when a page has no title and its image fails to load', async () => {
    const { tabId } = await openArticle(`https://${NEWS_HOST}/tanpa-judul`);
    const popup = await PopupPage.forTab(siar, tabId);
    await expect.poll(() => popup.alerts()).toEqual(expect.arrayContaining([message('id', 'composerNoTitle'), message('id', 'composerImageFailed')]));
    await popup.page.close();
  });

  it('publishes to X, shows the link, and warns next time that the link was already shared', async () => {
    const { tabId } = await openArticle();
    const popup = await PopupPage.forTab(siar, tabId);
    await popup.setText(`Rapat koordinasi Humas se-Jawa Tengah ${CANONICAL}`);
    expect(await popup.byTestId('target-x').isChecked()).toBe(true);
    await popup.publish();
    await expect.poll(() => popup.result('x').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    const link = await popup.result('x').getByRole('link').getAttribute('href');
    expect(link).toBe(`https://x.com/humasjateng/status/${xFake.tweets[0]!.id}`);
    expect(xFake.tweets[0]!.text).toBe(`Rapat koordinasi Humas se-Jawa Tengah ${CANONICAL}`);
    await popup.page.close();

    const again = await PopupPage.forTab(siar, tabId);
    await expect.poll(() => again.byTestId('already-shared').textContent()).toContain('X (Twitter)');
    await again.page.close();
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});
