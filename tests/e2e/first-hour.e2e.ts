import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRow, DeliveryRow, WatchRow } from '../../utils/db';
import { createImagesFake } from '../fakes/images';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { createNewsSite, createShareTargets, NEWS_HOST } from '../fakes/news-site';
import { smallestText } from './pages/fonts';
import { PopupPage } from './pages/popup';
import { SetupPage } from './pages/setup';
import { PANEL_SIZE, SidePanelPage } from './pages/sidepanel';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { mention, seed } from './support/mentions';
import { ACCOUNTS, createNetworkFakes } from './support/networks';
import { readTable, storageGet, storageSet, tabIdOf, waitFor, workerErrors } from './support/worker';

// The officer's first hour (issue 14): set-up on install, drafts never lost to a selection, the page
// link on every post, "Tanggapi" as a reply, the popup at its real size, readable type everywhere.

const ARTICLE = `https://${NEWS_HOST}/berita/rapat-koordinasi`;
const CANONICAL = `https://${NEWS_HOST}/berita/rapat-koordinasi?id=7`;
const TITLE = 'Rapat Koordinasi Humas Se-Jawa Tengah';
const LONG_SELECTION = 'Informasi publik harus sampai ke warga pada hari yang sama, '.repeat(6).trim();

let siar: SiarBrowser;
let server: FakeServer;
const fakes = createNetworkFakes();
let setupAtInstall: Promise<string>;

async function articleTab(): Promise<number> {
  const page = await siar.context.newPage();
  await page.goto(ARTICLE);
  return tabIdOf(siar.worker, ARTICLE);
}

/** The quote "Kutip ke medsos" leaves for the composer (what the context-menu handler stores). */
function pendingQuote(tabId: number, selection: string) {
  return siar.worker.evaluate(
    ({ id, text, url }) =>
      chrome.storage.session.set({
        pendingQuote: { selection: text, pageUrl: url, pageTitle: 'x', tabId: id, at: Date.now() },
      }),
    { id: tabId, text: selection, url: ARTICLE },
  );
}

async function savedDraft(): Promise<{ text: string; replaced?: string } | undefined> {
  const { drafts } = (await storageGet(siar.worker, ['drafts'])) as { drafts?: Record<string, { text: string; replaced?: string }> };
  return drafts?.[CANONICAL];
}

beforeAll(async () => {
  server = await startFakeServer([createNewsSite(), createShareTargets(), createImagesFake(), ...Object.values(fakes)]);
  siar = await launchSiar({ hostRules: server.hostRules() });
  const opened = siar.context.pages().find((page) => page.url().includes('/setup.html'));
  setupAtInstall = opened
    ? Promise.resolve(opened.url())
    : siar.context.waitForEvent('page', { predicate: (page) => page.url().includes('/setup.html'), timeout: 10_000 }).then((page) => page.url());
});
afterAll(async () => {
  await siar?.close();
  await server?.close();
});

describe('first run', () => {
  it('opens the set-up page on install; every step saves or is skipped; Siar stays useful with no account', async () => {
    expect(await setupAtInstall).toBe(siar.url('setup.html'));
    const setup = await SetupPage.openIn(siar, 'setup.html');
    expect(await setup.step('profile').locator('h2').textContent()).toBe(message('id', 'setupStepProfile'));
    await setup.byTestId('setup-name').fill('Sari Wulandari');
    await setup.byTestId('setup-agency').fill('Diskominfo Jateng');
    await setup.saveAndContinue();
    await setup.step('timezone').waitFor();
    await setup.byTestId('setup-zone-WITA').check();
    await setup.saveAndContinue();
    await setup.step('lock').waitFor();
    expect(await setup.byTestId('lock-state').textContent()).toBe(message('id', 'lockStateOff'));
    await setup.skip();
    await setup.step('networks').waitFor();
    await setup.byTestId('setup-network-telegram').getByRole('button').first().click();
    expect(await setup.byTestId('setup-help-telegram').textContent()).toContain('@BotFather');
    await setup.byTestId('account-telegram').waitFor();
    await setup.byTestId('setup-network-x').getByRole('button').first().click();
    expect(await setup.byTestId('setup-help-x').textContent()).toContain(`https://${siar.extensionId}.chromiumapp.org/`);
    await setup.skip();
    await setup.step('watch').waitFor();
    expect(await setup.byTestId('setup-watch-query').inputValue()).toBe('"Diskominfo Jateng"');
    expect(await setup.byTestId('setup-watch-googlenews').isChecked()).toBe(true);
    await setup.saveAndContinue();
    await setup.step('done').waitFor();

    const stored = (await storageGet(siar.worker, ['profile', 'preferences'])) as { profile: unknown; preferences: { timeZone: string } };
    expect(stored.profile).toEqual({ name: 'Sari Wulandari', unit: 'Diskominfo Jateng' });
    expect(stored.preferences.timeZone).toBe('Asia/Makassar');
    const watches = await waitFor(
      () => readTable<WatchRow>(siar.worker, 'watches'),
      (rows) => rows.length === 1,
    );
    expect(watches.map((w) => ({ name: w.name, query: w.query, sources: w.sources }))).toEqual([
      { name: 'Diskominfo Jateng', query: '"Diskominfo Jateng"', sources: ['googlenews'] },
    ]);

    // Skipping every step from the start leaves nothing half-saved and reaches the end.
    const again = await SetupPage.openIn(siar, 'setup.html');
    for (const step of ['profile', 'timezone', 'lock', 'networks', 'watch'] as const) {
      await again.step(step).waitFor();
      await again.skip();
    }
    await again.step('done').waitFor();
    await again.page.close();
    await setup.page.close();
    await storageSet(siar.worker, {
      preferences: { timeZone: 'Asia/Jakarta', quietHours: { enabled: false, from: '22:00', to: '06:00' }, retention: { days: 90, maxCount: 200000 } },
    });
  });
});

describe('the popup at 440 × 600', () => {
  beforeEach(() => storageSet(siar.worker, { drafts: {}, accounts: {}, deviceSealedAccounts: null }));

  it('with no account: Publish and "share without an account" in view, how to connect, the reason as text, focus in the text', async () => {
    const popup = await PopupPage.atPopupSize(siar, `popup.html?tabId=${await articleTab()}`);
    expect(await popup.inView('publish')).toBe(true);
    expect(await popup.inView('share-toggle')).toBe(true);
    // The text box keeps its five rows (a squeezed one-line box is no place to write).
    expect((await popup.byTestId('composer-text').boundingBox())!.height).toBeGreaterThan(90);
    expect(await popup.byTestId('publish').isDisabled()).toBe(true);
    expect(await popup.byTestId('publish-reason').textContent()).toBe(message('id', 'composerPublishNeedsAccount'));
    expect(await popup.byTestId('connect-link').getAttribute('href')).toBe('/setup.html');
    expect(await popup.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('composer-text');
    // A disabled network says why in text, not only in a tooltip.
    expect(await popup.byTestId('target-x').locator('..').innerText()).toContain(message('id', 'composerNotConnected'));
    await popup.openShareLinks();
    expect(await popup.inView('intent-x')).toBe(true);
    expect(await popup.inView('publish')).toBe(true);
    expect(await popup.byTestId('intent-mastodon-reason').textContent()).toBe(message('id', 'intentMastodonMissing'));
    await popup.page.close();
  });

  it('with notices (restored draft, quote offer, shortened quote) Publish stays in view; Ctrl+Enter publishes', async () => {
    await storageSet(siar.worker, { accounts: { x: ACCOUNTS.x } });
    const tabId = await articleTab();
    const first = await PopupPage.atPopupSize(siar, `popup.html?tabId=${tabId}`);
    await first.setText('Draf pertama untuk Ctrl+Enter');
    await waitFor(savedDraft, (draft) => draft?.text === 'Draf pertama untuk Ctrl+Enter');
    await first.page.close();
    await pendingQuote(tabId, LONG_SELECTION);
    const popup = await PopupPage.atPopupSize(siar, 'popup.html?window=1');
    await popup.byTestId('quote-offer').waitFor();
    await popup.byTestId('quote-cut').waitFor();
    expect((await popup.byTestId('composer-text').boundingBox())!.height).toBeGreaterThan(90);
    expect(await popup.inView('publish')).toBe(true);
    expect(await popup.inView('share-toggle')).toBe(true);

    const before = fakes.x.tweets.length;
    await popup.byTestId('composer-text').press('Control+Enter');
    await expect.poll(() => popup.result('x').getAttribute('data-state'), { timeout: 20_000 }).toBe('sent');
    expect(fakes.x.tweets.slice(before).map((tweet) => tweet.text)).toEqual([`Draf pertama untuk Ctrl+Enter\n${CANONICAL}`]);
    await popup.page.close();
  });
});

describe('no lost words', () => {
  beforeEach(() => storageSet(siar.worker, { drafts: {}, accounts: {}, deviceSealedAccounts: null }));

  it('a selection never replaces a typed draft: it is offered beside it, and a replaced draft is restorable', async () => {
    const tabId = await articleTab();
    const typing = await PopupPage.atPopupSize(siar, `popup.html?tabId=${tabId}`);
    await typing.setText('Draf saya: rapat koordinasi berjalan lancar.');
    await waitFor(savedDraft, (draft) => draft?.text === 'Draf saya: rapat koordinasi berjalan lancar.');
    await typing.page.close();

    // Select text on the page and open Siar: the draft is still there, the quote is offered.
    await pendingQuote(tabId, LONG_SELECTION);
    const offered = await PopupPage.atPopupSize(siar, 'popup.html?window=1');
    expect(await offered.text()).toBe('Draf saya: rapat koordinasi berjalan lancar.');
    expect(await offered.byTestId('quote-offer').innerText()).toContain(message('id', 'composerQuoteBesideDraft'));
    // The quote was shortened: it says how much was kept, and the whole selection is one click away.
    const cut = await offered.byTestId('quote-cut').innerText();
    expect(cut).toMatch(/Kutipan dipendekkan: \d+ dari 359 karakter dipakai\./);
    await offered.byTestId('quote-replace').click();
    expect(await offered.text()).toMatch(new RegExp(`^“Informasi publik[^”]+…” — ${TITLE}\\n${CANONICAL.replace(/[?.]/g, '\\$&')}$`));
    await offered.byTestId('quote-full').click();
    expect(await offered.text()).toBe(`“${LONG_SELECTION}” — ${TITLE}\n${CANONICAL}`);
    await offered.byTestId('replaced-kept').waitFor();
    await waitFor(savedDraft, (draft) => draft?.replaced === 'Draf saya: rapat koordinasi berjalan lancar.');
    await offered.page.close();

    // Closed and opened again: the replaced draft is still one click away.
    const reopened = await PopupPage.atPopupSize(siar, `popup.html?tabId=${tabId}`);
    await reopened.byTestId('restore-text').click();
    expect(await reopened.text()).toBe('Draf saya: rapat koordinasi berjalan lancar.');
    await waitFor(savedDraft, (draft) => draft?.text === 'Draf saya: rapat koordinasi berjalan lancar.' && draft.replaced === undefined);
    await reopened.page.close();

    // Insert keeps the draft and puts the quote above it.
    await pendingQuote(tabId, 'Informasi publik harus sampai ke warga pada hari yang sama.');
    const inserting = await PopupPage.atPopupSize(siar, 'popup.html?window=1');
    await inserting.byTestId('quote-insert').click();
    expect(await inserting.text()).toBe(
      `“Informasi publik harus sampai ke warga pada hari yang sama.” — ${TITLE}\n\nDraf saya: rapat koordinasi berjalan lancar.`,
    );
    await inserting.page.close();
    expect(siar.errors).toEqual([]);
  });
});

describe('the article link on every post', () => {
  it('appends it where the post takes links only from its text (with the page image: Telegram and Facebook captions), sends a card elsewhere, and says so', async () => {
    await storageSet(siar.worker, {
      drafts: {},
      accounts: { x: ACCOUNTS.x, telegram: ACCOUNTS.telegram, mastodon: ACCOUNTS.mastodon, facebook: ACCOUNTS.facebook, bluesky: ACCOUNTS.bluesky },
    });
    const popup = await PopupPage.atPopupSize(siar, `popup.html?tabId=${await articleTab()}`);
    const text = 'Rapat koordinasi Humas se-Jawa Tengah hari ini, tautannya saya hapus';
    await popup.setText(text);
    expect({
      x: await popup.linkState('x'),
      telegram: await popup.linkState('telegram'),
      mastodon: await popup.linkState('mastodon'),
      facebook: await popup.linkState('facebook'),
      bluesky: await popup.linkState('bluesky'),
    }).toEqual({ x: 'appended', telegram: 'appended', mastodon: 'appended', facebook: 'appended', bluesky: 'card' });
    expect(await popup.byTestId('link-telegram').textContent()).toBe(message('id', 'composerLinkAppended'));
    const counts = {
      telegram: fakes.telegram.posts.length,
      mastodon: fakes.mastodon.posts.length,
      facebook: fakes.facebook.posts.length,
      bluesky: fakes.bluesky.posts.length,
      x: fakes.x.tweets.length,
    };
    await popup.publish();
    for (const network of ['x', 'telegram', 'mastodon', 'facebook', 'bluesky'] as const) {
      await expect.poll(() => popup.result(network).getAttribute('data-state'), { timeout: 30_000 }).toBe('sent');
    }
    const withLink = `${text}\n${CANONICAL}`;
    // Telegram got the page image with the text as its caption: a caption has no link preview of its own.
    const telegram = fakes.telegram.posts.slice(counts.telegram)[0]!;
    expect(telegram.caption ?? telegram.text).toBe(withLink);
    expect(fakes.mastodon.posts.slice(counts.mastodon).map((p) => p.status)).toEqual([withLink]);
    expect(fakes.x.tweets.slice(counts.x).map((t) => t.text)).toEqual([withLink]);
    // Facebook got the page image as a photo post, whose caption is the only place for the link.
    expect(fakes.facebook.posts.slice(counts.facebook).map((p) => p.message)).toEqual([withLink]);
    const record = fakes.bluesky.posts.slice(counts.bluesky)[0]!.record as { text: string; embed: { external: { uri: string } } };
    expect([record.text, record.embed.external.uri]).toEqual([text, CANONICAL]);
    await popup.page.close();
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});

describe('"Tanggapi" replies', () => {
  const X_POST = '1888000000000000001';
  const MASTODON_POST = 'https://mastodon.social/users/warga/statuses/4242';
  const BLUESKY_POST = 'at://did:plc:wargafake000000000000000/app.bsky.feed.post/3kwarga';
  const MENTIONS = [
    mention(1, {
      source: 'x',
      guid: `x:${X_POST}`,
      author: '@warga_kesal',
      outlet: 'X',
      url: `https://x.com/warga_kesal/status/${X_POST}`,
      title: 'Jalan di Pati rusak parah, Pemprov diam saja',
      tone: 'negative',
    }),
    mention(2, {
      source: 'mastodon',
      guid: `mastodon:${MASTODON_POST}`,
      author: '@warga@mastodon.social',
      outlet: 'Mastodon (mastodon.social)',
      url: 'https://mastodon.social/@warga/4242',
      title: 'Layanan KTP lambat',
      tone: 'negative',
    }),
    mention(3, {
      source: 'bluesky',
      guid: `bluesky:${BLUESKY_POST}`,
      author: '@warga.bsky.social',
      outlet: 'Bluesky',
      url: 'https://bsky.app/profile/warga.bsky.social/post/3kwarga',
      title: 'Banjir belum surut',
      tone: 'negative',
    }),
  ];

  it('answers an X, Mastodon or Bluesky mention as a reply to that post, with nothing pre-ticked', async () => {
    await storageSet(siar.worker, {
      drafts: {},
      accounts: { x: ACCOUNTS.x, mastodon: ACCOUNTS.mastodon, bluesky: ACCOUNTS.bluesky, telegram: ACCOUNTS.telegram },
    });
    fakes.x.others.add(X_POST);
    fakes.mastodon.remote.set(MASTODON_POST, 'Layanan KTP lambat');
    fakes.bluesky.others.set(BLUESKY_POST, {
      uri: BLUESKY_POST,
      cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm',
      record: { $type: 'app.bsky.feed.post', text: 'Banjir belum surut', createdAt: new Date().toISOString() },
    });
    const panel = await SidePanelPage.openIn(siar, 'sidepanel.html');
    await seed(panel.page, { mentions: MENTIONS, watches: [] });
    await panel.page.reload();
    await panel.ready();
    // Headless Chromium hides the toolbar popup from tests; refusing it makes Siar open the same composer as a window.
    await siar.worker.evaluate(() => {
      (chrome.action as unknown as { openPopup(): Promise<void> }).openPopup = () => Promise.reject(new Error('no popup in test'));
    });

    for (const [id, network, author] of [
      [1, 'x', '@warga_kesal'],
      [2, 'mastodon', '@warga@mastodon.social'],
      [3, 'bluesky', '@warga.bsky.social'],
    ] as const) {
      await panel.activate(id);
      const opened = siar.context.waitForEvent('page');
      await panel.byTestId('mention-respond').click();
      const page = await opened;
      await page.setViewportSize({ width: 440, height: 600 });
      const composer = new PopupPage(page);
      await composer.ready();
      expect(await composer.text()).toBe(`${author} ${message('id', 'respondTemplate')}`);
      expect(await page.locator('[data-testid^="target-"]:checked').count()).toBe(0);
      expect(await composer.alerts()).not.toContain(message('id', 'composerLimitedPage'));
      expect(await composer.byTestId(`reply-${network}`).isVisible()).toBe(true);
      expect(await composer.inView('publish')).toBe(true);
      await composer.setTarget(network, true);
      await composer.publish();
      await expect.poll(() => composer.result(network).getAttribute('data-state'), { timeout: 20_000 }).not.toMatch(/pending|sending/);
      expect([network, await composer.result(network).getAttribute('data-state')]).toEqual([network, 'sent']);
      await page.close();
    }
    const reply = `${message('id', 'respondTemplate')}`;
    expect(fakes.x.tweets.at(-1)).toMatchObject({ text: `@warga_kesal ${reply}`, replyTo: X_POST });
    const status = fakes.mastodon.posts.at(-1)!;
    expect(status.status).toBe(`@warga@mastodon.social ${reply}`);
    expect(status.inReplyTo).toMatch(/^12\d+$/);
    const record = fakes.bluesky.posts.at(-1)!.record as {
      text: string;
      reply: { parent: { uri: string; cid: string }; root: { uri: string } };
      embed?: unknown;
    };
    expect(record.reply).toEqual({
      root: { uri: BLUESKY_POST, cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm' },
      parent: { uri: BLUESKY_POST, cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm' },
    });
    expect(record.embed).toBeUndefined();
    await panel.page.close();
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});

describe('readable type', () => {
  it('every page computes its body text and controls to at least 13 px', async () => {
    const pages = ['popup.html?window=1', 'setup.html', 'options.html', 'sidepanel.html', 'report.html'];
    const smallest: Record<string, number> = {};
    for (const path of pages) {
      const page = await siar.openPage(path);
      await page.locator('#app > *').first().waitFor();
      if (path === 'sidepanel.html') {
        await seed(page, { mentions: [mention(1, { tone: 'negative' })], watches: [] });
        await page.reload();
        await page
          .getByTestId('mention-item')
          .first()
          .click({ position: { x: 200, y: 30 } });
        await page.getByTestId('mention-detail').waitFor();
      }
      const found = await smallestText(page);
      smallest[path] = found[0]?.px ?? 0;
      await page.close();
    }
    expect(smallest).toEqual(Object.fromEntries(pages.map((path) => [path, expect.any(Number)])));
    expect(Object.entries(smallest).filter(([, px]) => px < 13)).toEqual([]);
  });
});

describe('scheduled posts', () => {
  it('lists time, networks and text; the time can be moved and the post cancelled; the audit log keeps the times; then "New post"', async () => {
    await storageSet(siar.worker, { drafts: {}, accounts: { x: ACCOUNTS.x }, accountSummaries: {} });
    const popup = await PopupPage.atPopupSize(siar, `popup.html?tabId=${await articleTab()}`);
    await popup.setText('Jadwal rapat koordinasi besok');
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(Date.now() + 24 * 3600_000);
    await popup.byTestId('schedule-at').fill(`${tomorrow}T10:00`);
    await popup.publish();
    await popup.byTestId('new-post').waitFor();
    expect(await popup.inView('new-post')).toBe(true);
    await popup.byTestId('new-post').click();
    expect(await popup.text()).toBe(`${TITLE}\n${CANONICAL}`);
    expect(await popup.byTestId('publish').isEnabled()).toBe(true);

    const item = popup.byTestId('scheduled-item');
    await popup.byTestId('scheduled-list').locator('summary').click();
    expect(await item.count()).toBe(1);
    expect(await item.innerText()).toContain('10.00 WIB · X');
    expect(await item.innerText()).toContain('Jadwal rapat koordinasi besok');
    await item.getByTestId('scheduled-time-input').fill(`${tomorrow}T11:30`);
    await item.getByTestId('scheduled-move').click();
    await expect.poll(() => popup.byTestId('scheduled-time').textContent()).toContain('11.30 WIB');
    const postId = Number(await item.getAttribute('data-post-id'));
    const moved = await readTable<DeliveryRow>(siar.worker, 'deliveries');
    const eleven = Date.parse(`${tomorrow}T11:30:00+07:00`);
    expect(moved.filter((d) => d.postId === postId).map((d) => [d.network, d.state, d.nextAttemptAt])).toEqual([['x', 'pending', eleven]]);

    await item.getByTestId('scheduled-cancel').click();
    await expect.poll(() => popup.byTestId('scheduled-list').count()).toBe(0);
    const audit = await readTable<AuditRow>(siar.worker, 'audit');
    expect(audit.filter((row) => row.postId === postId && row.scheduledAt !== undefined).map((row) => [row.event, row.scheduledAt])).toEqual([
      ['scheduled', Date.parse(`${tomorrow}T10:00:00+07:00`)],
      ['rescheduled', eleven],
      ['cancelled', eleven],
    ]);
    const deliveries = await readTable<DeliveryRow>(siar.worker, 'deliveries');
    expect(deliveries.filter((d) => d.postId === postId).map((d) => [d.state, d.lastError?.messageKey])).toEqual([['failed', 'scheduleCancelled']]);
    await popup.page.close();

    // The audit log shows the scheduled time as a sentence in the officer's zone.
    const options = await siar.openPage('options.html');
    await options.getByTestId('audit-scheduled-at').first().waitFor();
    expect(await options.getByTestId('audit-scheduled-at').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^untuk .*11\.30$/)]));
    await options.close();
  });
});

describe('the side panel at 360 × 650', () => {
  it('folds the filters into one row, opens the detail over the list, and has "Perbarui sekarang" and settings in reach', async () => {
    const panel = await SidePanelPage.atPanelSize(siar);
    await seed(panel.page, { mentions: [1, 2, 3, 4, 5, 6].map((id) => mention(id, { watchIds: [] })), watches: [] });
    await panel.page.reload();
    await panel.ready();
    expect(await panel.scrollsSideways()).toBe(false);
    expect(await panel.inView('panel-refresh')).toBe(true);
    expect(await panel.inView('panel-settings')).toBe(true);
    expect(await panel.byTestId('watch-filter').isVisible()).toBe(false);
    const searchRow = await panel.byTestId('mention-search').boundingBox();
    const toggle = await panel.byTestId('filters-toggle').boundingBox();
    expect(Math.abs(searchRow!.y - toggle!.y)).toBeLessThan(searchRow!.height);
    await panel.byTestId('filters-toggle').click();
    expect(await panel.byTestId('watch-filter').isVisible()).toBe(true);
    await panel.byTestId('filters-toggle').click();

    await panel.activate(2);
    const detail = (await panel.byTestId('mention-detail').boundingBox())!;
    const list = (await panel.byTestId('mention-list').boundingBox())!;
    expect(detail.y + detail.height).toBeLessThanOrEqual(PANEL_SIZE.height + 1);
    // Over the list, not below it: the detail covers part of the list's box.
    expect(detail.y).toBeLessThan(list.y + list.height);
    expect(await panel.inView('mention-respond')).toBe(true);
    await panel.byTestId('detail-close').click();
    expect(await panel.byTestId('mention-detail').count()).toBe(0);

    const refreshed = panel.byTestId('panel-refresh-note');
    await panel.byTestId('panel-refresh').click();
    await refreshed.waitFor();
    expect(await refreshed.textContent()).toMatch(/^Diperbarui: \d+ sumber diperiksa, \d+ sebutan baru\.$/);
    await panel.page.close();
  });
});
