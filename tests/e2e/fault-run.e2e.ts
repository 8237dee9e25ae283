import type { CDPSession, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow, DeliveryRow, PostRow } from '../../utils/db';
import { NETWORK_IDS } from '../../utils/networks/ids';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { createImagesFake, IG_JPEG_URL } from '../fakes/images';
import { fault, FAULT_KINDS, seeded, type FaultKind } from './support/faults';
import { launchSiar, type SiarBrowser } from './support/launch';
import { ACCOUNTS, acceptedTexts, createNetworkFakes, leakedTokens, makeDueNow, pumpNow, setSendTimeout } from './support/networks';
import { readTable, storageSet, waitFor, workerErrors } from './support/worker';

// Hundreds of faults across the eight networks, two worker stops mid-send, and then the books must
// balance: every post the queue calls sent exists exactly once on its network, none twice, none lost.

/** Posts are published in batches, each meeting freshly injected faults on its first attempt. */
const BATCHES = 8;
const BATCH_POSTS = 6;
const POSTS = BATCHES * BATCH_POSTS;
const FAULTS_PER_NETWORK = 5;
const MIN_FAULTS = 200;
/** Lowered through the browser-test seam so a timeout fault costs seconds, not 25 s. */
const SEND_TIMEOUT_MS = 1500;
const LATE_MS = 2500;

let siar: SiarBrowser;
let server: FakeServer;
let worker: Worker;
let page: Page;
let cdp: CDPSession;
let workerStops = 0;
const fakes = createNetworkFakes();
const marker = (n: number) => `uji-${String(n).padStart(3, '0')}`;

beforeAll(async () => {
  server = await startFakeServer([...Object.values(fakes), createImagesFake()]);
  siar = await launchSiar({ hostRules: server.hostRules() });
  worker = siar.worker;
  await storageSet(worker, { accounts: ACCOUNTS, profile: { name: 'Uji Ketahanan', unit: '' } });
  page = await siar.openPage('options.html');
  cdp = await siar.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
});
afterAll(async () => {
  await siar?.close();
  await server?.close();
});

const send = (type: string, payload: object) => page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
const deliveries = () => readTable<DeliveryRow>(worker, 'deliveries');
const settledNow = async () => (await deliveries()).every((d) => d.state !== 'sending');

/** Stops the service worker mid-send (as Chromium does to idle or crashed workers), then wakes it with a message. */
async function stopWorkerMidSend() {
  const stopped = new Promise<void>((resolve) => {
    const onUpdate = (event: { versions: { runningStatus: string }[] }) => {
      if (event.versions.some((v) => v.runningStatus === 'stopped')) {
        cdp.off('ServiceWorker.workerVersionUpdated', onUpdate);
        resolve();
      }
    };
    cdp.on('ServiceWorker.workerVersionUpdated', onUpdate);
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  workerStops++;
  // The message starts a fresh worker, whose start-up recovers the sends it cut off; Playwright's
  // handle follows the restarted worker. The lowered timeout lived in the old worker's memory.
  await send('ping', {});
  await setSendTimeout(worker, SEND_TIMEOUT_MS);
}

let published = 0;

/** Publishes through the protocol, as the popup does; the worker starts sending at once. */
async function publishBatch(count: number) {
  for (let i = 0; i < count; i++) {
    published++;
    const base = {
      text: `Siaran ${marker(published)}: layanan publik Pemprov buka hingga pukul 16.00`,
      variants: {},
      pageUrl: `https://humas.example.go.id/berita/${published}`,
      pageTitle: `Berita ${published}`,
    };
    expect(await send('publish', { ...base, targets: NETWORK_IDS.filter((n) => n !== 'instagram') })).toMatchObject({ ok: true });
    // Instagram takes image posts only: the same announcement with the agency's JPEG, as its own post.
    expect(await send('publish', { ...base, targets: ['instagram'], imageUrl: IG_JPEG_URL })).toMatchObject({ ok: true });
  }
}

/**
 * One round: aim `perNetwork` faults at the publish requests, publish a batch, make every waiting
 * delivery due, run the queue (stopping the worker mid-send when asked) until nothing is in flight.
 */
async function round(random: () => number, perNetwork: number, batch: number, stopMidway: boolean) {
  for (const network of NETWORK_IDS) {
    for (let i = 0; i < perNetwork; i++) {
      const kind = FAULT_KINDS[Math.floor(random() * FAULT_KINDS.length)]!;
      server.inject(fault(network, kind, LATE_MS));
    }
  }
  await publishBatch(batch);
  const moved = await makeDueNow(worker);
  const rows = await deliveries();
  // The production policy set these times: a rate limit waits for the reset the API named (120 s).
  const rateLimited = moved.filter(({ id }) => rows.find((d) => d.id === id)!.lastError?.code === 'rate-limit');
  const early = rateLimited.filter(({ id, nextAttemptAt }) => nextAttemptAt - rows.find((d) => d.id === id)!.updatedAt < 100_000);
  expect(early).toEqual([]);
  const running = pumpNow(worker).catch(() => undefined);
  if (stopMidway) {
    await waitFor(deliveries, (all) => all.some((d) => d.state === 'sending'), 5000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await stopWorkerMidSend();
  }
  await running;
  await waitFor(settledNow, Boolean, 60_000);
  await pumpNow(worker);
}

/** What the officer does with the failures that ask for it: reconnect, or check the account and retry. */
async function officerFollowsUp(): Promise<{ reconnected: number; checkedAndRetried: number }> {
  const accepted = acceptedTexts(fakes);
  const posts = await readTable<PostRow>(worker, 'posts');
  let reconnected = 0;
  let checkedAndRetried = 0;
  for (const delivery of await deliveries()) {
    const text = posts.find((p) => p.id === delivery.postId)!.text;
    const onNetwork = accepted[delivery.network].some((t) => t.includes(text.split(' ')[1]!));
    if (delivery.state === 'needs-auth') reconnected++;
    else if (delivery.state === 'failed' && delivery.lastError?.code === 'interrupted' && !onNetwork) checkedAndRetried++;
    else continue;
    await send('retryDelivery', { deliveryId: delivery.id });
  }
  return { reconnected, checkedAndRetried };
}

describe('fault-injection run', () => {
  it(`survives ${MIN_FAULTS}+ faults across the networks with no post lost or duplicated`, async () => {
    await setSendTimeout(worker, SEND_TIMEOUT_MS);
    const random = seeded(20_260_801);
    const served = () => server.log.filter((r) => r.fault).length;
    let rounds = 0;
    const followUps = { reconnected: 0, checkedAndRetried: 0 };
    const followUp = async () => {
      const step = await officerFollowsUp();
      followUps.reconnected += step.reconnected;
      followUps.checkedAndRetried += step.checkedAndRetried;
    };
    while (rounds < BATCHES) {
      rounds++;
      await round(random, FAULTS_PER_NETWORK, BATCH_POSTS, rounds === 3 || rounds === 6);
      await followUp();
    }
    const unused = server.clearFaults();
    for (let calm = 0; calm < 6 && !(await deliveries()).every((d) => ['sent', 'failed', 'needs-auth'].includes(d.state)); calm++) {
      await round(random, 0, 0, false);
      await followUp();
    }

    // The books: each delivery against what its network really holds.
    const rows = await deliveries();
    const posts = await readTable<PostRow>(worker, 'posts');
    const audit = await readTable<AuditRow>(worker, 'audit');
    const accepted = acceptedTexts(fakes);
    let duplicates = 0;
    let lost = 0;
    let unsurePosted = 0;
    const states = { sent: 0, failed: 0, 'needs-auth': 0, pending: 0, sending: 0 };
    for (const row of rows) {
      states[row.state]++;
      const tag = marker(Number(posts.find((p) => p.id === row.postId)!.text.match(/uji-(\d+)/)![1]));
      const copies = accepted[row.network].filter((t) => t.includes(tag)).length;
      if (copies > 1) duplicates++;
      if (row.state === 'sent' && copies !== 1) lost++;
      if (row.state === 'pending' || row.state === 'sending') lost++;
      // Posted but not recorded as sent is only acceptable where the officer was told to check the account.
      if (row.state !== 'sent' && copies === 1) {
        if (row.lastError?.code === 'interrupted') unsurePosted++;
        else lost++;
      }
    }
    const byKind = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
    for (const request of server.log) if (request.fault) byKind[request.fault as FaultKind]++;
    const byNetwork = Object.fromEntries(
      NETWORK_IDS.map((n) => [n, `${accepted[n].length} on network / ${rows.filter((r) => r.network === n && r.state === 'sent').length} sent`]),
    );
    const failedReasons = rows.filter((r) => r.state === 'failed').map((r) => `${r.network}:${r.lastError?.messageKey}`);
    const figures = {
      posts: POSTS,
      deliveries: rows.length,
      rounds,
      faultsInjected: served(),
      faultsUnused: unused,
      byKind,
      workerStops,
      retries: audit.filter((a) => a.event === 'attempt-pending').length,
      recovered: audit.filter((a) => a.event === 'recovered').length,
      officerRetries: followUps,
      sent: states.sent,
      failed: states.failed,
      needsAuth: states['needs-auth'],
      failedButPostedOfficerTold: unsurePosted,
      duplicates,
      lost,
      byNetwork,
      failedReasons,
    };
    // The brief asks for these figures in the test output.
    // oxlint-disable-next-line no-console
    console.log(`fault run figures\n${JSON.stringify(figures, null, 2)}`);

    expect(served()).toBeGreaterThanOrEqual(MIN_FAULTS);
    expect(workerStops).toBe(2);
    expect(figures.recovered).toBeGreaterThan(0);
    expect(duplicates).toBe(0);
    expect(lost).toBe(0);
    expect(states.pending + states.sending).toBe(0);
    expect(rows.filter((r) => r.lastError?.messageKey === 'errorDuplicate')).toEqual([]);
    expect(leakedTokens(server.log)).toEqual([]);
    expect(await workerErrors(worker)).toEqual([]);
    expect(siar.errors).toEqual([]);
  }, 600_000);
});
