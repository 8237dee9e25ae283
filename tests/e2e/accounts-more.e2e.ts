import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkId } from '../../utils/networks/ids';
import { FACEBOOK_ACCOUNT, createFacebookFake } from '../fakes/facebook';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { createImagesFake, IMAGE_BYTES, IMAGE_URL } from '../fakes/images';
import { LINKEDIN_ACCOUNT, createLinkedinFake } from '../fakes/linkedin';
import { THREADS_ACCOUNT, createThreadsFake } from '../fakes/threads';
import { X_CREDENTIALS, createXFake } from '../fakes/x';
import { X_REQUIRED_SCOPES } from '../fakes/x-oauth2';
import { OptionsPage } from './pages/options';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { loadedAccounts, readTable, storageGet, waitFor, workerErrors } from './support/worker';

// Connecting accounts through the options page: X with OAuth 2.0 + PKCE in the browser's identity
// window, then a post sent with the token it gave; Facebook Page, Threads and LinkedIn with pasted tokens.

let fakes: FakeServer;
let siar: SiarBrowser;
const x = createXFake({ authorizeHost: true });
const threads = createThreadsFake();

beforeAll(async () => {
  fakes = await startFakeServer([x, createFacebookFake(), threads, createLinkedinFake(), createImagesFake()]);
  siar = await launchSiar({ hostRules: fakes.hostRules() });
  x.oauth2.redirectUri = `https://${siar.extensionId}.chromiumapp.org/`;
});
afterAll(async () => {
  await siar?.close();
  await fakes?.close();
});

const storedAccounts = async () => (await loadedAccounts(siar.worker)) as Partial<Record<NetworkId, Record<string, unknown>>>;
const connectedAs = (name: string) => message('id', 'accountConnectedAs').replace('$NAME$', name);
const testOk = (name: string) => message('id', 'accountTestOk').replace('$NAME$', name);

describe('X with OAuth 2.0 and PKCE', () => {
  it.each([
    ['denies consent', 'deny', 'oauthCancelled'],
    ['answers with another state', 'wrong-state', 'oauthMismatch'],
  ] as const)('shows one sentence and stores nothing when X %s', async (_label, consent, key) => {
    x.oauth2.consent = consent;
    try {
      const options = await OptionsPage.openIn(siar, 'options.html');
      await options.fillAccount('x', { clientId: X_CREDENTIALS.clientId });
      await options.connect('x');
      await expect.poll(() => options.accountMessage('x'), { timeout: 20_000 }).toBe(message('id', key));
      expect(await options.alerts()).toEqual([message('id', key)]);
      expect(await options.account('x').getAttribute('data-connected')).toBe('false');
      expect(await storedAccounts()).toEqual({});
      expect((await storageGet(siar.worker, ['accountSummaries'])).accountSummaries ?? {}).toEqual({});
      // The worker forgot the flow: its verifier cannot be used by a later answer.
      expect(await siar.worker.evaluate(() => chrome.storage.session.get('siarOAuthPending'))).toEqual({});
      expect(x.oauth2.issued).toEqual([]);
      await options.page.close();
    } finally {
      x.oauth2.consent = 'approve';
    }
  });

  it('signs in through the identity window, shows the account, and publishes with an image with the new bearer token', async () => {
    const before = x.oauth2.authorizations.length;
    const options = await OptionsPage.openIn(siar, 'options.html');
    expect(await options.byTestId('account-x-mode-oauth2').isChecked()).toBe(true);
    // The form says which kind of X app works: a public client, PKCE, no secret.
    expect(await options.byTestId('account-x-clientId-hint').innerText()).toBe(message('id', 'fieldClientIdHint'));
    await options.fillAccount('x', { clientId: X_CREDENTIALS.clientId });
    await options.connect('x');
    await expect.poll(() => options.accountStatus('x'), { timeout: 20_000 }).toBe(connectedAs('@humasprov'));
    expect(await options.accountMessage('x')).toBe(testOk('@humasprov'));

    // One authorize request, as X documents it, answered by one code exchange.
    const [query] = x.oauth2.authorizations.slice(before);
    expect(x.oauth2.authorizations).toHaveLength(before + 1);
    expect(Object.fromEntries(query!)).toMatchObject({
      response_type: 'code',
      client_id: X_CREDENTIALS.clientId,
      redirect_uri: `https://${siar.extensionId}.chromiumapp.org/`,
      code_challenge_method: 'S256',
    });
    expect(query!.get('scope')!.split(' ')).toEqual(expect.arrayContaining(X_REQUIRED_SCOPES));
    expect(x.oauth2.issued).toHaveLength(1);
    const [accessToken] = x.oauth2.issued;
    const usersMe = fakes.log.filter((r) => r.host === 'api.x.com' && r.path === '/2/users/me');
    expect(usersMe.map((r) => r.authorization)).toEqual([`Bearer ${accessToken}`]);

    const { x: stored } = await storedAccounts();
    expect(stored).toMatchObject({ auth: 'oauth2', clientId: X_CREDENTIALS.clientId, accessToken, refreshToken: 'fake-oauth2-code-refresh-1' });
    expect(stored!.expiresAt).toBeGreaterThan(Date.now());
    // The two-hour access token renews itself with the refresh token: no expiry to warn the officer about.
    expect(await options.byTestId('expiry-warnings').count()).toBe(0);
    expect(await options.account('x').innerText()).not.toContain(message('id', 'accountExpires').split('$DATE$')[0]!);
    const html = await options.page.content();
    expect(html).not.toContain(accessToken);
    expect(html).not.toContain('fake-oauth2-code-refresh-1');

    const post = {
      text: 'Layanan KTP keliling hadir di Alun-alun hari Sabtu',
      variants: {},
      pageUrl: 'https://jatengprov.go.id/ktp',
      pageTitle: 'KTP',
      imageUrl: IMAGE_URL,
      imageAlt: 'Petugas melayani warga',
      targets: ['x'],
    };
    const published = (await options.page.evaluate((p) => chrome.runtime.sendMessage({ type: 'publish', payload: p }), post)) as {
      ok: boolean;
      data: { deliveryIds: number[] };
    };
    expect(published.ok).toBe(true);
    const [deliveryId] = published.data.deliveryIds;
    type Row = { id: number; state: string };
    const rows = await waitFor(
      () => readTable<Row>(siar.worker, 'deliveries'),
      (all) => all.some((r) => r.id === deliveryId && r.state === 'sent'),
      30_000,
    );
    expect(rows.find((r) => r.id === deliveryId)?.state).toBe('sent');
    // The token carries media.write, so X's v2 upload takes the page image (a 403 there loops on "sign in again").
    expect(x.oauth2.granted.get(accessToken!)).toContain('media.write');
    expect(x.media).toEqual([expect.objectContaining({ bytes: IMAGE_BYTES.length, finalized: true, altText: 'Petugas melayani warga' })]);
    // X takes links only from the text, so the page link is appended (issue 14.2).
    expect(x.tweets).toEqual([expect.objectContaining({ text: `${post.text}\n${post.pageUrl}`, auth: 'bearer', mediaIds: [x.media[0]!.id] })]);
    const tweetCalls = fakes.log.filter((r) => r.host === 'api.x.com' && r.method === 'POST' && r.path === '/2/tweets');
    expect(tweetCalls.map((r) => r.authorization)).toEqual([`Bearer ${accessToken}`]);

    await options.page.close();
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});

/** A date `days` from today as the date input takes it, and the end of that day as Siar stores it. */
function dayFromNow(days: number) {
  const day = new Date(Date.now() + days * 86_400_000);
  const text = [day.getFullYear(), String(day.getMonth() + 1).padStart(2, '0'), String(day.getDate()).padStart(2, '0')].join('-');
  return { text, end: new Date(`${text}T23:59:59`).getTime() };
}

describe('pasted tokens', () => {
  it.each([
    ['facebook', 'networkFacebook', { pageId: FACEBOOK_ACCOUNT.pageId }, FACEBOOK_ACCOUNT.token, 'Humas Provinsi', 3],
    ['linkedin', 'networkLinkedin', { author: LINKEDIN_ACCOUNT.author }, LINKEDIN_ACCOUNT.token, 'Dinas Kominfo Provinsi', 6],
  ] as const)('connects %s, tests it, refuses a wrong token and warns of an expiry within 7 days', async (network, nameKey, ids, token, name, days) => {
    const options = await OptionsPage.openIn(siar, 'options.html');
    await options.fillAccount(network, { ...ids, token: `${token}-salah` });
    await options.connect(network);
    await expect.poll(() => options.accountMessage(network), { timeout: 20_000 }).toBe(message('id', 'accountRejected'));
    expect(await options.account(network).getAttribute('data-connected')).toBe('false');
    expect((await storedAccounts())[network]).toBeUndefined();

    const expiry = dayFromNow(days);
    await options.fillAccount(network, { ...ids, token, expiresAt: expiry.text });
    await options.connect(network);
    await expect.poll(() => options.accountStatus(network), { timeout: 20_000 }).toBe(connectedAs(name));
    expect(await options.account(network).getAttribute('data-connected')).toBe('true');
    expect((await storedAccounts())[network]).toEqual({ ...ids, token, expiresAt: expiry.end });
    expect(await options.page.content()).not.toContain(token);

    await options.byTestId(`account-${network}-test`).click();
    await expect.poll(() => options.accountMessage(network), { timeout: 20_000 }).toBe(testOk(name));
    const date = new Intl.DateTimeFormat('id', { dateStyle: 'long' }).format(expiry.end);
    const warning = message('id', 'expiryWarning').replace('$NETWORK$', message('id', nameKey)).replace('$DATE$', date);
    await expect.poll(() => options.byTestId('expiry-warnings').locator('li').allInnerTexts()).toContain(warning);
    expect(await options.account(network).innerText()).toContain(message('id', 'accountExpires').replace('$DATE$', date));
    await options.page.close();
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });

  it('connects threads and, when its long-lived token ends within a week, renews it with th_refresh_token instead of asking for a new paste', async () => {
    const options = await OptionsPage.openIn(siar, 'options.html');
    const ids = { userId: THREADS_ACCOUNT.userId };
    await options.fillAccount('threads', { ...ids, token: `${THREADS_ACCOUNT.token}-salah` });
    await options.connect('threads');
    await expect.poll(() => options.accountMessage('threads'), { timeout: 20_000 }).toBe(message('id', 'accountRejected'));
    expect((await storedAccounts()).threads).toBeUndefined();

    await options.fillAccount('threads', { ...ids, token: THREADS_ACCOUNT.token, expiresAt: dayFromNow(5).text });
    await options.connect('threads');
    await expect.poll(() => options.accountStatus('threads'), { timeout: 20_000 }).toBe(connectedAs('@humasprov'));
    await options.byTestId('account-threads-test').click();
    await expect.poll(() => options.accountMessage('threads'), { timeout: 20_000 }).toBe(testOk('@humasprov'));
    // developers.facebook.com/docs/threads/get-started/long-lived-tokens: a renewed token lasts 60 days more.
    await expect.poll(async () => (await storedAccounts()).threads?.token, { timeout: 20_000 }).toBe('THfake-renewed-1');
    expect(threads.refreshes).toBe(1);
    expect((await storedAccounts()).threads!.expiresAt as number).toBeGreaterThan(Date.now() + 50 * 86_400_000);
    expect(await options.page.content()).not.toContain('THfake-renewed-1');
    await options.page.close();
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});
