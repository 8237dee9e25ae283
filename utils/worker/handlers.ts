import { browser } from '#imports';
import { accountHandlers } from '../accounts/service';
import { campaignHandlers } from '../campaigns/service';
import { popupHandlers } from '../compose/service';
import { listenHandlers } from '../listen/service';
import type { Handlers } from '../messages';
import { auditHandlers } from '../queue/audit-service';
import { queueHandlers } from '../queue/service';
import { SETTINGS, checkAllSettings, writeSetting } from '../settings';
import { settingsFileHandlers } from '../settings-file/service';
import { panelHandlers } from '../sidepanel/service';

/** The worker's own answers: whether it runs, and the stored settings' health. */
const workerHandlers: Pick<Handlers, 'ping' | 'settingsStatus' | 'dismissSettingsWarnings'> = {
  ping: async () => ({ version: browser.runtime.getManifest().version }),
  settingsStatus: async () => ({ warnings: await checkAllSettings() }),
  dismissSettingsWarnings: async () => {
    await writeSetting(SETTINGS.settingsWarnings, []);
    return { ok: true as const };
  },
};

/**
 * The handler registry: every message of utils/messages.ts, answered by the service module of its
 * domain. `Handlers` makes a message without an answer a type error.
 */
export const handlers: Handlers = {
  ...workerHandlers,
  ...accountHandlers,
  ...settingsFileHandlers,
  ...popupHandlers,
  ...queueHandlers,
  ...auditHandlers,
  ...listenHandlers,
  ...panelHandlers,
  ...campaignHandlers,
};
