import { browser } from '#imports';
import type { Handlers } from '../messages';
import { SETTINGS, checkAllSettings, writeSetting } from '../settings';

/** The worker's answer to every message of utils/messages.ts. */
export const handlers: Handlers = {
  ping: async () => ({ version: browser.runtime.getManifest().version }),
  settingsStatus: async () => ({ warnings: await checkAllSettings() }),
  dismissSettingsWarnings: async () => {
    await writeSetting(SETTINGS.settingsWarnings, []);
    return { ok: true as const };
  },
};
