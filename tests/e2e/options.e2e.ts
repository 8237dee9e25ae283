import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLUESKY_ACCOUNT, createBlueskyFake } from '../fakes/bluesky';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { MASTODON_ACCOUNT, MASTODON_HOST, createMastodonFake } from '../fakes/mastodon';
import { TELEGRAM_ACCOUNT, createTelegramFake } from '../fakes/telegram';
import { OptionsPage } from './pages/options';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { loadedAccounts, readTable, storageGet, waitFor, workerErrors } from './support/worker';

const INSTANCE_LIMIT = 800;
const PASSPHRASE = 'kopi tubruk di balai kota';

let fakes: FakeServer;
let siar: SiarBrowser;
const mastodon = createMastodonFake(INSTANCE_LIMIT);
const bluesky = createBlueskyFake();
const telegram = createTelegramFake();

/** Every secret the fakes hand out: none may appear where the lock or an export promises they are absent. */
const secrets = () => [MASTODON_ACCOUNT.accessToken, BLUESKY_ACCOUNT.appPassword, TELEGRAM_ACCOUNT.botToken, 'bsky-access-', 'bsky-refresh-', 'secret-1'];

async function sendFromPage(options: OptionsPage, type: string, payload: unknown) {
  return options.page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
}

beforeAll(async () => {
  fakes = await startFakeServer([mastodon, bluesky, telegram]);
  // A host that refuses connections at once, standing for a mistyped instance address.
  siar = await launchSiar({ hostRules: [...fakes.hostRules(), 'MAP tidak-ada.example.go.id 127.0.0.1:9'] });
});
afterAll(async () => {
  await siar.close();
  await fakes.close();
});

describe('accounts', () => {
  it.each([
    ['a wrong bot token', 'telegram', { botToken: '7000000001:AAWrongToken_xxxxxxxxxxxxxxxxxxxxxxxxx', chatId: '@humasprov' }, 'accountRejected'],
    ['a bot that is not a channel admin', 'telegram', { ...TELEGRAM_ACCOUNT }, 'errorTelegramNotAdmin'],
    ['a wrong app password', 'bluesky', { handle: BLUESKY_ACCOUNT.handle, appPassword: 'salah-salah-salah-salah' }, 'accountRejected'],
    ['an address that is no Mastodon server', 'mastodon', { instance: 'tidak-ada.example.go.id' }, 'errorMastodonInstance'],
    ['a channel name with spaces', 'telegram', { botToken: TELEGRAM_ACCOUNT.botToken, chatId: 'kanal humas' }, 'accountFieldInvalid'],
  ] as const)('refuses %s with the right sentence and stores nothing', async (_label, network, values, key) => {
    telegram.membership = key === 'errorTelegramNotAdmin' ? { status: 'member' } : { status: 'administrator', can_post_messages: true };
    const options = await OptionsPage.openIn(siar, 'options.html');
    await options.fillAccount(network, values);
    await options.connect(network);
    const expected = key === 'accountFieldInvalid' ? message('id', key).replace('$FIELD$', message('id', 'fieldChatId')) : message('id', key);
    await expect.poll(() => options.accountMessage(network), { timeout: 20_000 }).toBe(expected);
    expect(await options.account(network).getAttribute('data-connected')).toBe('false');
    expect(await loadedAccounts(siar.worker)).toEqual({});
    await options.page.close();
  });

  it('connects Mastodon through OAuth, Bluesky with an app password and Telegram with a bot token', async () => {
    telegram.membership = { status: 'administrator', can_post_messages: true };
    const options = await OptionsPage.openIn(siar, 'options.html');
    await options.fillAccount('mastodon', { instance: MASTODON_HOST });
    await options.connect('mastodon');
    await expect.poll(() => options.accountStatus('mastodon'), { timeout: 20_000 }).toContain(`@humas@${MASTODON_HOST}`);
    await options.fillAccount('bluesky', { handle: `@${BLUESKY_ACCOUNT.handle}`, appPassword: BLUESKY_ACCOUNT.appPassword });
    await options.connect('bluesky');
    await expect.poll(() => options.accountStatus('bluesky'), { timeout: 20_000 }).toContain(`@${BLUESKY_ACCOUNT.handle}`);
    await options.fillAccount('telegram', TELEGRAM_ACCOUNT);
    await options.connect('telegram');
    await expect.poll(() => options.accountStatus('telegram'), { timeout: 20_000 }).toContain('Humas Provinsi');

    // The app registration and token exchange really happened, with the instance's own limit read.
    // Exactly the scopes Siar's calls need on a 4.3+ server (the fake checks them per method, so the
    // connection test's verify_credentials only passes with `profile`).
    const scopes = 'write:statuses write:media profile read:statuses read:search';
    expect(mastodon.oauth.apps).toEqual([expect.objectContaining({ redirectUri: `https://${siar.extensionId}.chromiumapp.org/`, scopes })]);
    expect(mastodon.oauth.tokenScopes.get(MASTODON_ACCOUNT.accessToken)).toEqual(scopes.split(' '));
    const accounts = await loadedAccounts(siar.worker);
    expect(accounts).toMatchObject({
      mastodon: { instance: `https://${MASTODON_HOST}`, accessToken: MASTODON_ACCOUNT.accessToken, maxChars: INSTANCE_LIMIT },
      bluesky: { handle: BLUESKY_ACCOUNT.handle, appPassword: BLUESKY_ACCOUNT.appPassword },
      telegram: TELEGRAM_ACCOUNT,
    });

    await options.byTestId('account-telegram-test').click();
    await expect.poll(() => options.accountMessage('telegram')).toBe(message('id', 'accountTestOk').replace('$NAME$', 'Humas Provinsi'));
    // The page only ever sees summaries: no secret in what it rendered.
    const html = await options.page.content();
    for (const secret of secrets()) expect(html).not.toContain(secret);
    await options.page.close();
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});

describe('settings file', () => {
  let exported = '';

  it('exports without secrets by default, and with them only when ticked and confirmed', async () => {
    const options = await OptionsPage.openIn(siar, 'options.html');
    await options.byTestId('profile-name').fill('Sari Wulandari');
    await options.byTestId('profile-unit').fill('Biro Humas Provinsi');
    await options.byTestId('profile-save').click();
    await options.byTestId('preset-hashtag-add').click();
    await options.byTestId('preset-hashtag-label-0').fill('Kampanye');
    await options.byTestId('preset-hashtag-tags-0').fill('#JatengGayeng #Humas pakai spasi!');
    await options.byTestId('preset-save').click();
    expect(await options.byTestId('preset-status').textContent()).toBe(message('id', 'presetFixFirst'));
    await options.byTestId('preset-hashtag-tags-0').fill('#JatengGayeng #Humas');
    await options.byTestId('preset-save').click();
    await expect.poll(() => options.byTestId('preset-status').textContent()).toBe(message('id', 'presetSaved'));
    const watch = await sendFromPage(options, 'watchSave', {
      name: 'Banjir',
      colour: '#1e88e5',
      query: 'banjir semarang',
      aliases: [],
      languages: ['id'],
      sources: ['googlenews'],
      notify: false,
    });
    expect(watch).toMatchObject({ ok: true });

    exported = await options.exportSettings();
    for (const secret of secrets()) expect(exported).not.toContain(secret);
    expect(JSON.parse(exported)).toMatchObject({
      version: 1,
      includesSecrets: false,
      profile: { name: 'Sari Wulandari', unit: 'Biro Humas Provinsi' },
      accounts: { mastodon: { instance: `https://${MASTODON_HOST}` }, telegram: { chatId: '@humasprov' }, bluesky: { handle: BLUESKY_ACCOUNT.handle } },
      watches: [expect.objectContaining({ name: 'Banjir', query: 'banjir semarang' })],
    });
    const withSecrets = await options.exportSettings({ includeSecrets: true });
    expect(JSON.parse(withSecrets)).toMatchObject({ includesSecrets: true, accounts: { telegram: TELEGRAM_ACCOUNT } });
    await options.page.close();
    expect(siar.errors).toEqual([]);
  });

  it('imports into a fresh profile after a preview, and refuses a broken file without changing anything', async () => {
    const fresh = await launchSiar({ hostRules: fakes.hostRules() });
    try {
      const options = await OptionsPage.openIn(fresh, 'options.html');
      const broken = JSON.stringify({ ...JSON.parse(exported), version: 2 });
      await options.chooseImport('lama.json', broken);
      await expect
        .poll(() => options.byTestId('transfer-notice').textContent())
        .toBe(`${message('id', 'importBadVersion').replace('$EXPECTED$', '1')} ${message('id', 'importUnchanged')}`);
      const badPath = JSON.stringify({ ...JSON.parse(exported), presets: { hashtags: [{ id: 'a', label: 'x', tags: 5 }], signatures: [], utm: {} } });
      await options.chooseImport('rusak.json', badPath);
      await expect.poll(() => options.byTestId('transfer-notice').textContent()).toContain('presets.hashtags[0].tags');
      expect(await storageGet(fresh.worker, ['profile', 'presets'])).toEqual({});

      await options.chooseImport('biro.json', exported);
      await expect.poll(() => options.byTestId('import-preview').textContent()).toContain(message('id', 'importChangeProfile'));
      await options.byTestId('import-apply').click();
      await expect.poll(() => options.byTestId('transfer-notice').textContent()).toBe(message('id', 'importApplied'));
      const stored = await storageGet(fresh.worker, ['profile', 'presets', 'accountDrafts']);
      expect(stored.profile).toEqual({ name: 'Sari Wulandari', unit: 'Biro Humas Provinsi' });
      expect(stored.presets).toMatchObject({ hashtags: [{ label: 'Kampanye', tags: '#JatengGayeng #Humas' }] });
      expect(await loadedAccounts(fresh.worker)).toEqual({});
      expect(stored.accountDrafts).toMatchObject({ telegram: { chatId: '@humasprov' }, mastodon: { instance: `https://${MASTODON_HOST}` } });
      expect(await readTable<{ name: string }>(fresh.worker, 'watches')).toEqual([expect.objectContaining({ name: 'Banjir' })]);
      // The officer only adds the token: the channel is already filled in from the bureau's file.
      await expect.poll(() => options.byTestId('account-telegram-chatId').inputValue()).toBe('@humasprov');
      // Exporting again from the new profile gives the same setup.
      const again = JSON.parse(await options.exportSettings());
      const { exportedAt: _a, ...first } = JSON.parse(exported);
      const { exportedAt: _b, ...second } = again;
      expect(second).toEqual(first);
      await options.page.close();
      expect(fresh.errors).toEqual([]);
      expect(await workerErrors(fresh.worker)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

describe('passphrase lock', () => {
  it('keeps only ciphertext in storage.local, holds posts while locked and sends them after unlocking', async () => {
    const options = await OptionsPage.openIn(siar, 'options.html');
    await options.setPassphraseFields('pendek');
    await options.byTestId('lock-enable').click();
    expect(await options.byTestId('lock-problem').textContent()).toBe(message('id', 'lockTooShort').replace('$MIN$', '10'));
    await options.setPassphraseFields(PASSPHRASE);
    await options.byTestId('lock-enable').click();
    await expect.poll(() => options.byTestId('lock-section').getAttribute('data-state'), { timeout: 20_000 }).toBe('lockStateUnlocked');

    const everything = JSON.stringify(await siar.worker.evaluate(() => chrome.storage.local.get(null)));
    for (const secret of secrets()) expect(everything).not.toContain(secret);
    expect(everything).toContain('sealedAccounts');

    await options.byTestId('lock-now').click();
    await expect.poll(() => options.byTestId('lock-section').getAttribute('data-state')).toBe('lockStateLocked');
    const post = {
      text: 'Siaran pers: jadwal layanan publik',
      variants: {},
      pageUrl: 'https://jatengprov.go.id/siaran',
      pageTitle: 'Siaran',
      targets: ['telegram'],
    };
    const published = (await sendFromPage(options, 'publish', post)) as { ok: true; data: { deliveryIds: number[] } };
    const [deliveryId] = published.data.deliveryIds;
    type Row = { id: number; state: string; lastError?: { messageKey: string } };
    const held = await waitFor(
      () => readTable<Row>(siar.worker, 'deliveries'),
      (rows) => rows.some((r) => r.id === deliveryId && r.state === 'needs-auth'),
    );
    expect(held.find((r) => r.id === deliveryId)).toMatchObject({ state: 'needs-auth', lastError: { messageKey: 'errorLocked' } });
    expect(telegram.posts).toHaveLength(0);

    await options.setPassphraseFields('frasa yang keliru sekali');
    await options.byTestId('lock-unlock').click();
    await expect.poll(() => options.byTestId('lock-problem').textContent(), { timeout: 20_000 }).toBe(message('id', 'lockWrongPassphrase'));
    await options.setPassphraseFields(PASSPHRASE);
    await options.byTestId('lock-unlock').click();
    const sent = await waitFor(
      () => readTable<Row>(siar.worker, 'deliveries'),
      (rows) => rows.some((r) => r.id === deliveryId && r.state === 'sent'),
      30_000,
    );
    expect(sent.find((r) => r.id === deliveryId)?.state).toBe('sent');
    // Telegram takes links only from the text, so the page link is appended to it.
    expect(telegram.posts.map((p) => p.text)).toEqual([`${post.text}\n${post.pageUrl}`]);
    await options.page.close();
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});

describe.each(['id', 'en'] as const)('options page in %s', (lang) => {
  it('shows every settings section in the officer language with no console error', async () => {
    const browser = await launchSiar({ lang, hostRules: fakes.hostRules() });
    try {
      const options = await OptionsPage.openIn(browser, 'options.html');
      for (const [testId, key] of [
        ['accounts-section', 'accountsTitle'],
        ['lock-section', 'lockTitle'],
        ['presets-section', 'presetsTitle'],
        ['profile-section', 'profileTitle'],
        ['transfer-section', 'transferTitle'],
      ] as const) {
        expect(await options.byTestId(testId).locator('h2').textContent()).toBe(message(lang, key));
      }
      expect(await options.account('x').locator('h3').textContent()).toBe(message(lang, 'networkX'));
      expect(browser.errors).toEqual([]);
      expect(await workerErrors(browser.worker)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
