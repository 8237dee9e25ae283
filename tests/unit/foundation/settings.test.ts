import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS, checkAllSettings, readSetting, writeSetting, type Setting } from '../../../utils/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('returns the default when nothing is stored', async () => {
    await expect(readSetting(SETTINGS.preferences)).resolves.toMatchObject({ timeZone: 'Asia/Jakarta', retention: { days: 90, maxCount: 200_000 } });
  });

  it('round-trips a valid value', async () => {
    await writeSetting(SETTINGS.profile, { name: 'Sari', unit: 'Biro Humas' });
    await expect(readSetting(SETTINGS.profile)).resolves.toEqual({ name: 'Sari', unit: 'Biro Humas' });
  });

  it('refuses to write an invalid value', async () => {
    await expect(writeSetting(SETTINGS.profile, { name: 'x'.repeat(500), unit: '' })).rejects.toThrow(/120/);
    await expect(fakeBrowser.storage.local.get('profile')).resolves.toEqual({});
  });

  it.each([
    ['wrong type', 'presets', { hashtags: 'not-a-list' }],
    ['unknown network in accounts', 'accounts', { x: { auth: 'magic' } }],
    ['telegram chat id with spaces', 'accounts', { telegram: { botToken: '1:a', chatId: 'my channel' } }],
    ['a string instead of an object', 'profile', 'Sari'],
    [
      'retention of zero days',
      'preferences',
      { timeZone: 'Asia/Jakarta', quietHours: { enabled: false, from: '22:00', to: '06:00' }, retention: { days: 0, maxCount: 100 } },
    ],
  ])('falls back to the default on %s, keeps the bad value aside and warns', async (_label, key, bad) => {
    await fakeBrowser.storage.local.set({ [key]: bad });
    const setting = (Object.values(SETTINGS) as Setting<unknown>[]).find((s) => s.key === key)!;
    await expect(readSetting(setting)).resolves.toEqual(setting.fallback());
    const stored = await fakeBrowser.storage.local.get(['quarantine', 'settingsWarnings', key]);
    expect(stored.quarantine).toEqual([expect.objectContaining({ key, value: bad })]);
    expect(stored.settingsWarnings).toEqual([key]);
    expect(stored[key]).toEqual(setting.fallback());
  });

  it('keeps a bad value aside once when several readers find it at the same time', async () => {
    await fakeBrowser.storage.local.set({ presets: { hashtags: 'not-a-list' } });
    await Promise.all([readSetting(SETTINGS.presets), readSetting(SETTINGS.presets), checkAllSettings()]);
    // The same bad value found again (another page read it before the default was written back).
    await fakeBrowser.storage.local.set({ presets: { hashtags: 'not-a-list' } });
    await readSetting(SETTINGS.presets);
    const { quarantine } = await fakeBrowser.storage.local.get('quarantine');
    expect(quarantine).toEqual([expect.objectContaining({ key: 'presets', value: { hashtags: 'not-a-list' } })]);
  });

  it('reports every damaged key once at start-up', async () => {
    await fakeBrowser.storage.local.set({ presets: 1, profile: 2 });
    await expect(checkAllSettings()).resolves.toEqual(['profile', 'presets']);
    await expect(checkAllSettings()).resolves.toEqual(['profile', 'presets']);
  });
});
