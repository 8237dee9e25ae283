import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionRow, SourceRow } from '../../utils/db';
import { BLUESKY_ACCESS_TTL_MS, BLUESKY_ACCOUNT, createBlueskyFake, type SearchHit } from '../fakes/bluesky';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { ListeningPage } from './pages/listening';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { loadedAccounts, readTable, storageSet, waitFor, workerErrors } from './support/worker';

// Bluesky listening in Chromium against a PDS fake whose access JWTs lapse after two hours: the search
// goes through the officer's session, and keeps going after the fake's clock passes the expiry.

const hit = (rkey: string, text: string, createdAt: string): SearchHit => ({
  uri: `at://did:plc:wargafake000000000000000/app.bsky.feed.post/${rkey}`,
  cid: 'bafyreifake',
  indexedAt: createdAt,
  author: { did: 'did:plc:wargafake000000000000000', handle: 'warga.bsky.social' },
  record: { $type: 'app.bsky.feed.post', text, createdAt, langs: ['id'] },
});

describe('Bluesky listening', () => {
  let siar: SiarBrowser;
  let server: FakeServer;
  let view: ListeningPage;
  const bluesky = createBlueskyFake();
  const mentions = () => readTable<MentionRow>(siar.worker, 'mentions');
  const sources = () => readTable<SourceRow>(siar.worker, 'sources');
  const blueskySource = async () => (await sources()).find((s) => s.kind === 'bluesky');
  let sourceId = 0;
  const row = () => view.page.locator(`[data-testid="source-item"][data-source-id="${sourceId}"]`);

  beforeAll(async () => {
    server = await startFakeServer([bluesky]);
    siar = await launchSiar({ hostRules: server.hostRules() });
    view = await ListeningPage.openIn(siar, 'options.html');
  });
  afterAll(async () => {
    await siar.close();
    await server.close();
  });

  it('without a connected account, the search says it needs one and asks no server', async () => {
    await view.addWatch({ name: 'Vaksin', query: 'vaksin', searches: ['bluesky'] });
    await expect.poll(() => view.watchNames()).toEqual(['Vaksin']);
    sourceId = (await blueskySource())!.id!;
    await view.refresh();
    await expect.poll(async () => (await blueskySource())?.health.lastError?.messageKey).toBe('sourceErrorNeedsBluesky');
    await expect.poll(() => row().getByTestId('source-error').innerText()).toBe(message('id', 'sourceErrorNeedsBluesky'));
    expect(server.log.filter((r) => r.path.includes('searchPosts'))).toEqual([]);
  });

  it('searches through the session, and keeps working after the access JWT expires', async () => {
    await storageSet(siar.worker, { accounts: { bluesky: BLUESKY_ACCOUNT } });
    bluesky.searchable.push(hit('3lcgnw4mnz22c', 'Jadwal vaksin di puskesmas kota', new Date(Date.now() - 3_600_000).toISOString()));
    // The failing source waits out its backoff; its retry button polls it now.
    await view.page.reload();
    await view.ready();
    await row().getByTestId('source-retry').click();
    const first = await waitFor(mentions, (rows) => rows.some((m) => m.source === 'bluesky'), 30_000);
    expect(first.filter((m) => m.source === 'bluesky').map((m) => m.url)).toEqual(['https://bsky.app/profile/warga.bsky.social/post/3lcgnw4mnz22c']);
    const firstSearch = server.log.find((r) => r.path === '/xrpc/app.bsky.feed.searchPosts')!;
    expect(firstSearch.host).toBe('bsky.social');
    expect(firstSearch.authorization).toMatch(/^Bearer bsky-access-\d+$/);
    // The session the worker opened is stored like a publishing one.
    const stored = (await loadedAccounts(siar.worker)) as { bluesky?: { session?: { accessJwt: string } } };
    expect(`Bearer ${stored.bluesky?.session?.accessJwt}`).toBe(firstSearch.authorization);

    // Two hours later (the fake's clock), the stored access JWT is refused; the search refreshes and goes on.
    bluesky.setNow(Date.now() + BLUESKY_ACCESS_TTL_MS + 60_000);
    bluesky.searchable.unshift(hit('3lcgnw4mnz23d', 'Vaksin gratis untuk lansia', new Date(Date.now() - 60_000).toISOString()));
    await row().getByTestId('source-retry').click();
    const later = await waitFor(mentions, (rows) => rows.filter((m) => m.source === 'bluesky').length === 2, 30_000);
    expect(
      later
        .filter((m) => m.source === 'bluesky')
        .map((m) => m.url)
        .sort(),
    ).toEqual(['https://bsky.app/profile/warga.bsky.social/post/3lcgnw4mnz22c', 'https://bsky.app/profile/warga.bsky.social/post/3lcgnw4mnz23d']);
    expect(bluesky.refreshes).toBe(1);
    expect(bluesky.sessionsCreated).toBe(1);
    expect((await blueskySource())?.health.failures).toBe(0);
    const renewed = (await loadedAccounts(siar.worker)) as { bluesky?: { session?: { accessJwt: string } } };
    expect(renewed.bluesky?.session?.accessJwt).not.toBe(stored.bluesky?.session?.accessJwt);
    expect(server.log.filter((r) => r.host === 'public.api.bsky.app')).toEqual([]);
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});
