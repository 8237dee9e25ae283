import { createFeedSites } from '../../fakes/feeds';
import { startFakeServer, type FakeServer } from '../../fakes/https-server';
import { ListeningPage } from '../pages/listening';
import { launchSiar, type SiarBrowser } from './launch';
import { storageSet } from './worker';

/**
 * Preferences for tests that read the fixture feeds: those items are dated 2024, so retention keeps ten
 * years (the default 90 days would discard them on arrival), and quiet hours are off so notifications fire.
 */
export function fixtureFeedPreferences(timeZone: string) {
  return { timeZone, quietHours: { enabled: false, from: '22:00', to: '06:00' }, retention: { days: 3650, maxCount: 200_000 } };
}

export interface ListeningRig {
  siar: SiarBrowser;
  server: FakeServer;
  view: ListeningPage;
  sites: ReturnType<typeof createFeedSites>;
}

/**
 * The extension with the fixture feed sites at their real hostnames (local HTTPS fake), WIB preferences
 * that keep the 2024 items, and the options page open on the listening section.
 */
export async function launchListening(): Promise<ListeningRig> {
  const sites = createFeedSites();
  const server = await startFakeServer([sites]);
  const siar = await launchSiar({ hostRules: server.hostRules() });
  await storageSet(siar.worker, { preferences: fixtureFeedPreferences('Asia/Jakarta') });
  const view = await ListeningPage.openIn(siar, 'options.html');
  return { siar, server, view, sites };
}

/** Closes what launchListening opened. */
export async function closeListening(rig: ListeningRig): Promise<void> {
  await rig.siar.close();
  await rig.server.close();
}
