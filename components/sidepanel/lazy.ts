import type { send as sendNow } from '../../utils/messages';
import type { SETTINGS, SettingValue } from '../../utils/settings';

// The message protocol and the settings carry zod and every schema of the extension. The side panel's
// first screen needs neither, so they are imported (evaluated) on first use, not before the first rows.

export const send: typeof sendNow = async (type, payload) => (await import('../../utils/messages')).send(type, payload);

export async function readPreferences(): Promise<SettingValue<typeof SETTINGS.preferences>> {
  const settings = await import('../../utils/settings');
  return settings.readSetting(settings.SETTINGS.preferences);
}
