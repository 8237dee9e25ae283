import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { SWAP_HOST, SWAP_PAGES, createSwapSite } from '../fakes/swap-site';
import { PopupPage } from './pages/popup';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { tabIdOf } from './support/worker';

// Issue 13.2 (and 22.4): the page cannot swap the link the officer shares.
let siar: SiarBrowser;
let fakes: FakeServer;
beforeAll(async () => {
  fakes = await startFakeServer([createSwapSite()]);
  siar = await launchSiar({ hostRules: fakes.hostRules() });
});
afterAll(async () => {
  await siar.close();
  await fakes.close();
});

describe('shared link', () => {
  it.each(Object.entries(SWAP_PAGES))('%s: shares the tab address and says which link it refused', async (path, { declared }) => {
    const address = `https://${SWAP_HOST}${path}`;
    const tab = await siar.context.newPage();
    await tab.goto(address);
    const popup = await PopupPage.forTab(siar, await tabIdOf(siar.worker, address));
    expect(await popup.byTestId('page-url').textContent()).toBe(address);
    expect(await popup.text()).toBe(`Pemkot gelar vaksinasi massal\n${address}`);
    const notice = popup.byTestId('link-notice');
    const shown = (await notice.count()) ? await notice.textContent() : null;
    expect(shown).toBe(declared ? message('id', 'composerLinkIgnored').replace('$DECLARED$', declared).replace('$URL$', address) : null);
    await popup.page.close();
    await tab.close();
    expect(siar.errors).toEqual([]);
  });
});
