import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRow } from '../../utils/db';
import { NETWORK_IDS, type NetworkId } from '../../utils/networks/ids';
import { createImagesFake, PAGE_HOST } from '../fakes/images';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { PopupPage } from './pages/popup';
import { fault, PUBLISH_PATH, rateLimited } from './support/faults';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { ACCOUNTS, acceptedTexts, createNetworkFakes, HOSTS, makeDueNow, pumpNow } from './support/networks';
import { readTable, storageSet, tabIdOf, waitFor, workerErrors } from './support/worker';

// What the officer sees when networks refuse, and what survives a browser closed mid-send.

const PAGE = `https://${PAGE_HOST}/page.html`;
let siar: SiarBrowser;
let server: FakeServer;
const fakes = createNetworkFakes();
const publishes = (network: NetworkId) =>
  server.log.filter((r) => r.method === 'POST' && HOSTS[network].includes(r.host) && r.path.includes(PUBLISH_PATH[network])).length;
/** Networks ticked for a page without an image: all but Instagram. */
const TICKED = NETWORK_IDS.filter((n) => n !== 'instagram');
const jakartaTime = (ms: number) =>
  new Intl.DateTimeFormat('id', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

beforeAll(async () => {
  server = await startFakeServer([createImagesFake(), ...Object.values(fakes)]);
  siar = await launchSiar({ hostRules: server.hostRules() });
});
afterAll(async () => {
  await siar?.close();
  await server?.close();
});

describe('publish results under faults', () => {
  it('says why each network did not take the post, and retry re-sends only those', async () => {
    // Facebook's page token has expired; the others meet one fault each, Threads none.
    await storageSet(siar.worker, { accounts: { ...ACCOUNTS, facebook: { ...ACCOUNTS.facebook, token: 'EAA-expired-token' } } });
    const reset = rateLimited('x', 900).headers!['x-rate-limit-reset']!;
    server.inject({ ...fault('x', 'rate-limit', 0), response: rateLimited('x', 900) });
    server.inject({
      host: 'api.linkedin.com',
      pathIncludes: '/rest/posts',
      response: {
        status: 422,
        headers: { 'content-type': 'application/json' },
        body: { status: 422, message: 'Content is a duplicate of urn:li:share:1', code: 'DUPLICATE_POST' },
      },
    });
    server.inject({
      host: HOSTS.mastodon[0]!,
      pathIncludes: '/api/v1/statuses',
      response: { status: 422, headers: { 'content-type': 'application/json' }, body: { error: 'Validation failed: Text character limit of 500 exceeded' } },
    });
    server.inject(fault('telegram', 'network-down', 0));
    server.inject(fault('bluesky', 'malformed', 0));

    const tab = await siar.context.newPage();
    await tab.goto(PAGE);
    const popup = await PopupPage.forTab(siar, await tabIdOf(siar.worker, PAGE));
    await popup.setText('Layanan KTP elektronik buka Sabtu pukul 08.00 sampai 12.00');
    await popup.publish();
    const expected: Record<NetworkId, [string, string]> = {
      x: ['pending', message('id', 'errorRateLimited').replace('$TIME$', jakartaTime(Number(reset) * 1000))],
      facebook: ['needs-auth', message('id', 'errorAuth')],
      linkedin: ['failed', message('id', 'errorDuplicate')],
      mastodon: ['failed', message('id', 'errorTooLong')],
      telegram: ['pending', message('id', 'errorNetwork')],
      bluesky: ['failed', message('id', 'errorBadResponse')],
      threads: ['sent', ''],
      instagram: ['', ''],
    };
    // The page has no image, so Instagram (image posts only) is not ticked by default.
    expect(await popup.byTestId('target-instagram').isChecked()).toBe(false);
    for (const network of TICKED) {
      const [state, sentence] = expected[network];
      // `pending` is also the state before the first attempt, so wait for state and sentence together.
      await expect
        .poll(
          async () => {
            const result = popup.result(network);
            return [await result.getAttribute('data-state'), (await result.textContent())?.includes(sentence)];
          },
          { timeout: 30_000 },
        )
        .toEqual([state, true]);
    }
    expect(await popup.result('threads').getByRole('link').getAttribute('href')).toContain(fakes.threads.posts[0]!.id);

    // Waiting ones go when due (the rate limit's reset is moved to now); the expired token is not tried again.
    const moved = await makeDueNow(siar.worker);
    expect(moved).toHaveLength(2);
    await pumpNow(siar.worker);
    await expect.poll(() => popup.result('x').getAttribute('data-state')).toBe('sent');
    await expect.poll(() => popup.result('telegram').getAttribute('data-state')).toBe('sent');
    expect(publishes('facebook')).toBe(1);
    expect(await popup.result('threads').getByRole('button').count()).toBe(0);

    // Reconnected, the officer retries the four that failed; only those are sent again.
    await storageSet(siar.worker, { accounts: ACCOUNTS });
    for (const network of ['facebook', 'linkedin', 'mastodon', 'bluesky'] as const) {
      await popup
        .result(network)
        .getByRole('button', { name: message('id', 'retry') })
        .click();
    }
    for (const network of TICKED) await expect.poll(() => popup.result(network).getAttribute('data-state'), { timeout: 30_000 }).toBe('sent');
    expect(Object.fromEntries(NETWORK_IDS.map((n) => [n, publishes(n)]))).toEqual({
      x: 2,
      facebook: 2,
      linkedin: 2,
      mastodon: 2,
      telegram: 2,
      bluesky: 2,
      threads: 1,
      instagram: 0,
    });
    expect(Object.values(acceptedTexts(fakes)).map((texts) => texts.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    await popup.page.close();
    await tab.close();
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });

  it('waits while the browser is offline and sends when it is back online', async () => {
    const before = acceptedTexts(fakes);
    const requests = server.log.length;
    const page = await siar.openPage('options.html');
    await siar.context.setOffline(true);
    const text = 'Pemadaman listrik terjadwal di Semarang Utara besok pukul 09.00';
    await page.evaluate((payload) => chrome.runtime.sendMessage({ type: 'publish', payload }), {
      text,
      variants: {},
      pageUrl: PAGE,
      pageTitle: 'Info',
      targets: ['x', 'telegram'],
    });
    const waiting = await waitFor(
      () => readTable<DeliveryRow>(siar.worker, 'deliveries'),
      (all) => all.filter((d) => d.lastError?.messageKey === 'errorNetwork' && d.state === 'pending').length === 2,
    );
    const offline = waiting.filter((d) => d.state === 'pending');
    expect(offline.map((d) => [d.network, d.lastError?.messageKey])).toEqual([
      ['x', 'errorNetwork'],
      ['telegram', 'errorNetwork'],
    ]);
    expect(offline.every((d) => d.nextAttemptAt > Date.now())).toBe(true);
    expect(server.log.length).toBe(requests);

    await siar.context.setOffline(false);
    // Chromium's network emulation does not fire `online` in a service worker, so the test fires the
    // event the browser sends when the connection returns; the worker's own listener does the rest.
    await siar.worker.evaluate(() => self.dispatchEvent(new Event('online')));
    const sent = await waitFor(
      () => readTable<DeliveryRow>(siar.worker, 'deliveries'),
      (all) => offline.every((d) => all.find((r) => r.id === d.id)?.state === 'sent'),
    );
    expect(offline.map((d) => sent.find((r) => r.id === d.id)?.state)).toEqual(['sent', 'sent']);
    const accepted = acceptedTexts(fakes);
    expect([accepted.x.length - before.x.length, accepted.telegram.length - before.telegram.length]).toEqual([1, 1]);
    await page.close();
  });

  it('after the browser closes mid-send, posts once everywhere and explains the two it cannot check', async () => {
    const before = acceptedTexts(fakes);
    // Every network makes the post but answers late: the browser is gone before any answer arrives.
    // Instagram is not in this post (the page has no image); its resume after a stop between container
    // and publish is instagram.e2e.ts, and fault-run.e2e.ts stops the worker mid-send with it included.
    for (const network of TICKED) server.inject(fault(network, 'late-answer', 8000));
    const page = await siar.openPage('options.html');
    const text = 'Siaran pers: jadwal vaksinasi keliling pekan ini';
    await page.evaluate((payload) => chrome.runtime.sendMessage({ type: 'publish', payload }), {
      text,
      variants: {},
      pageUrl: PAGE,
      pageTitle: 'Jadwal',
      targets: TICKED,
    });
    const made = await waitFor(
      async () => acceptedTexts(fakes),
      (now) => TICKED.every((n) => now[n].length === before[n].length + 1),
      20_000,
    );
    expect(TICKED.filter((n) => made[n].length !== before[n].length + 1)).toEqual([]);
    const rows = await readTable<DeliveryRow>(siar.worker, 'deliveries');
    const mine = (all: DeliveryRow[]) => all.filter((d) => d.postId === Math.max(...all.map((r) => r.postId)));
    expect(mine(rows).map((d) => d.state)).toEqual(TICKED.map(() => 'sending'));
    const { userDataDir } = siar;
    await siar.close({ keepProfile: true });

    siar = await launchSiar({ hostRules: server.hostRules(), userDataDir });
    const after = await waitFor(
      async () => mine(await readTable<DeliveryRow>(siar.worker, 'deliveries')),
      (all) => all.every((d) => d.state === 'sent' || d.state === 'failed'),
      30_000,
    );
    const states = Object.fromEntries(after.map((d) => [d.network, d.state === 'sent' ? 'sent' : d.lastError?.messageKey]));
    // Mastodon resends with the same Idempotency-Key; X, Facebook, Bluesky and Threads find the post;
    // Telegram and LinkedIn have no way to look, so the officer is asked to check before retrying.
    expect(states).toEqual({
      x: 'sent',
      facebook: 'sent',
      mastodon: 'sent',
      bluesky: 'sent',
      threads: 'sent',
      telegram: 'errorInterrupted',
      linkedin: 'errorInterrupted',
    });
    const accepted = acceptedTexts(fakes);
    for (const network of TICKED) expect({ [network]: accepted[network].filter((t) => t.includes('vaksinasi keliling')).length }).toEqual({ [network]: 1 });
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});
