import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionRow, SourceRow } from '../../utils/db';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { X_CREDENTIALS, createXFake } from '../fakes/x';
import { X_APP_BEARER } from '../fakes/x-search';
import { ListeningPage } from './pages/listening';
import { OptionsPage } from './pages/options';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { readTable, waitFor, workerErrors } from './support/worker';

// X search under pay-per-use billing, in Chromium against the recent-search fake: a watch's X search asks
// for X's smallest page once an hour, the options page shows the month's reads and each search's ceiling,
// and the officer's monthly cap stops X searches with their own sentence before any further request.

let fakes: FakeServer;
let siar: SiarBrowser;
const x = createXFake({ authorizeHost: true });

beforeAll(async () => {
  fakes = await startFakeServer([x]);
  siar = await launchSiar({ hostRules: fakes.hostRules() });
  x.oauth2.redirectUri = `https://${siar.extensionId}.chromiumapp.org/`;
});
afterAll(async () => {
  await siar?.close();
  await fakes?.close();
});

const idr = (text: string) => text.replace(/\s/g, ' ');

describe('X search cost', () => {
  it('searches with the app-only token at 10 results an hour, counts the reads, and stops at the cap', async () => {
    const options = await OptionsPage.openIn(siar, 'options.html');
    await options.fillAccount('x', { clientId: X_CREDENTIALS.clientId, bearerToken: X_APP_BEARER });
    await options.connect('x');
    await expect.poll(() => options.account('x').getAttribute('data-connected'), { timeout: 20_000 }).toBe('true');

    const view = await ListeningPage.openIn(siar, 'options.html');
    await view.addWatch({ name: 'Banjir rob', query: 'banjir', searches: ['x'] });
    const [source] = await waitFor(
      () => readTable<SourceRow>(siar.worker, 'sources'),
      (rows) => rows.some((s) => s.kind === 'x'),
    );
    expect(source).toMatchObject({ kind: 'x', intervalMin: 60 });

    // The ceiling: 720 hourly polls × (10 posts × US$0.005 + 10 authors × US$0.010) = US$108.
    const ceiling = view.byTestId('x-cost-search');
    await expect.poll(() => ceiling.getAttribute('data-ceiling-usd')).toBe('108');
    expect(idr(await ceiling.innerText())).toContain('Banjir rob: paling banyak US$108,00');
    // Prices keep their third decimal, as X publishes them.
    expect(idr(await view.byTestId('x-cost').innerText())).toContain('(US$0,005)');

    await view.byTestId('listen-now').click();
    const stored = await waitFor(
      () => readTable<MentionRow>(siar.worker, 'mentions'),
      (rows) => rows.filter((m) => m.source === 'x').length === 10,
    );
    expect(stored.every((m) => m.author?.startsWith('@warga'))).toBe(true);
    // The watch's first poll and the refresh may both run; a later one asks only for newer posts.
    expect(x.search.searches[0]!.get('max_results')).toBe('10');
    expect(x.search.searches.slice(1).every((q) => q.get('since_id') === x.search.posts.at(-1)!.id)).toBe(true);
    expect(x.search.billed).toEqual({ posts: 10, users: 10 });
    await view.page.reload();
    await expect
      .poll(async () => idr(await view.byTestId('x-cost-month').innerText()))
      .toBe(idr(message('id', 'xCostMonth').replace('$POSTS$', '10').replace('$USERS$', '10').replace('$COST$', 'US$0,15')));

    // A cap already spent: the retry stops before asking X, with the cap's own sentence.
    await view.byTestId('x-cost-cap').fill('0,1');
    await view.byTestId('x-cost-save').click();
    await expect.poll(() => view.byTestId('x-cost-status').innerText()).toBe(message('id', 'xCostSaved'));
    const searchesBefore = x.search.searches.length;
    const item = view.byTestId('source-item').filter({ hasText: message('id', 'sourceKindX') });
    await item.getByTestId('source-retry').click();
    await expect.poll(() => item.getByTestId('source-error').innerText(), { timeout: 20_000 }).toBe(message('id', 'errorXSearchCapReached'));
    expect(x.search.searches).toHaveLength(searchesBefore);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });
});
