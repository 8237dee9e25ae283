import { db } from '../db';
import { createNetworks } from '../networks/registry';
import type { QueueDeps } from '../queue/deliver';
import { runDueDeliveries } from '../queue/deliver';
import { recoverInterrupted } from '../queue/recover';
import { SETTINGS, readSetting, updateSetting } from '../settings';

// Rotated credentials (X OAuth 2, Bluesky session) replace the stored account at once: the old
// refresh values stop working the moment new ones are issued.
const networks = createNetworks({
  onAccountRefreshed: async (id, account) => {
    await updateSetting(SETTINGS.accounts, (accounts) => ({ ...accounts, [id]: account }));
  },
});

export const queueDeps: QueueDeps = {
  database: db,
  networks: networks as QueueDeps['networks'],
  accounts: () => readSetting(SETTINGS.accounts),
  actor: async () => {
    const profile = await readSetting(SETTINGS.profile);
    return [profile.name, profile.unit].filter(Boolean).join(' — ') || 'Siar';
  },
};

let running: Promise<void> | undefined;

/** Recovers cut-off sends, then sends everything due. Overlapping calls share one run. */
export function pumpQueue(options: { startup?: boolean } = {}): Promise<void> {
  running ??= (async () => {
    try {
      await recoverInterrupted(queueDeps, { all: options.startup });
      while ((await runDueDeliveries(queueDeps)) > 0) { /* sends that became due meanwhile */ }
    } finally {
      running = undefined;
    }
  })();
  return running;
}
