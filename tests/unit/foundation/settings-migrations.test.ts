import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkAllSettings, profileSchema, readSetting, SETTINGS, VERSIONS_KEY, writeSetting, type Setting } from '../../../utils/settings';

// Issue 21.5: a changed schema must carry the officer's stored value over, not reset it to the default.
// The example: the profile was once a bare name (version 1) and is now { name, unit } (version 2).

beforeEach(() => fakeBrowser.reset());

type Profile = { name: string; unit: string };
const nameToProfile = (value: unknown) => ({ name: String(value), unit: '' });
const profileV2 = (migrations: Setting<Profile>['migrations'] = { 1: nameToProfile }): Setting<Profile> => ({ ...SETTINGS.profile, version: 2, migrations });

describe('settings versions and migrations', () => {
  it('migrates a value stored before versions existed, writes it back once and keeps the officer’s text', async () => {
    await fakeBrowser.storage.local.set({ profile: 'Sari Wulandari' });
    const step = vi.fn<(value: unknown) => Profile>(nameToProfile);
    const setting = profileV2({ 1: step });
    await expect(readSetting(setting)).resolves.toEqual({ name: 'Sari Wulandari', unit: '' });
    await expect(fakeBrowser.storage.local.get(['profile', VERSIONS_KEY, 'settingsWarnings'])).resolves.toEqual({
      profile: { name: 'Sari Wulandari', unit: '' },
      [VERSIONS_KEY]: { profile: 2 },
    });
    await readSetting(setting);
    expect(step).toHaveBeenCalledTimes(1);
  });

  it('applies each step in order from the stored version', async () => {
    const setting: Setting<Profile> = {
      ...SETTINGS.profile,
      version: 3,
      migrations: { 1: nameToProfile, 2: (value) => ({ ...(value as Profile), unit: 'Biro Humas' }) },
    };
    await fakeBrowser.storage.local.set({ profile: 'Sari' });
    await expect(readSetting(setting)).resolves.toEqual({ name: 'Sari', unit: 'Biro Humas' });
    await fakeBrowser.storage.local.set({ profile: { name: 'Budi', unit: '' }, [VERSIONS_KEY]: { profile: 2 } });
    await expect(readSetting(setting)).resolves.toEqual({ name: 'Budi', unit: 'Biro Humas' });
  });

  it.each<[string, Setting<Profile>['migrations'], unknown]>([
    [
      'a migration that throws',
      {
        1: () => {
          throw new Error('unreadable');
        },
      },
      'Sari',
    ],
    ['a migrated value the new schema refuses', { 1: (value) => ({ name: value, unit: 42 }) }, 'Sari'],
    ['a missing migration step', {}, 'Sari'],
  ])('%s: the stored value is kept aside as it was, reported, and the default stored at the new version', async (_label, migrations, raw) => {
    await fakeBrowser.storage.local.set({ profile: raw });
    const setting = profileV2(migrations);
    await expect(readSetting(setting)).resolves.toEqual({ name: '', unit: '' });
    const stored = await fakeBrowser.storage.local.get(['quarantine', 'settingsWarnings', 'profile', VERSIONS_KEY]);
    expect(stored.quarantine).toEqual([expect.objectContaining({ key: 'profile', value: raw, version: 1 })]);
    expect(stored.settingsWarnings).toEqual(['profile']);
    expect(stored.profile).toEqual({ name: '', unit: '' });
    // The default is at the new version: the next read neither migrates it nor reports it again.
    expect(stored[VERSIONS_KEY]).toEqual({ profile: 2 });
    await expect(readSetting(setting)).resolves.toEqual({ name: '', unit: '' });
    expect((await fakeBrowser.storage.local.get('quarantine')).quarantine).toHaveLength(1);
  });

  it('writes record the version, so a value written now is never migrated', async () => {
    const step = vi.fn<(value: unknown) => Profile>(nameToProfile);
    const setting = profileV2({ 1: step });
    await writeSetting(setting, { name: 'Sari', unit: 'Diskominfo' });
    await expect(readSetting(setting)).resolves.toEqual({ name: 'Sari', unit: 'Diskominfo' });
    expect(step).not.toHaveBeenCalled();
    await expect(fakeBrowser.storage.local.get(VERSIONS_KEY)).resolves.toEqual({ [VERSIONS_KEY]: { profile: 2 } });
  });

  it('leaves storage as it was for settings still at version 1 (no version record)', async () => {
    await writeSetting(SETTINGS.profile, { name: 'Sari', unit: 'Diskominfo' });
    await checkAllSettings();
    await expect(fakeBrowser.storage.local.get(VERSIONS_KEY)).resolves.toEqual({});
    expect(profileSchema.safeParse((await fakeBrowser.storage.local.get('profile')).profile).success).toBe(true);
  });

  it('keeps a value stored by a newer Siar when it still fits, and quarantines it when it does not', async () => {
    await fakeBrowser.storage.local.set({ profile: { name: 'Sari', unit: '' }, [VERSIONS_KEY]: { profile: 5 } });
    await expect(readSetting(profileV2())).resolves.toEqual({ name: 'Sari', unit: '' });
    await fakeBrowser.storage.local.set({ profile: { fullName: 'Sari' } });
    await expect(readSetting(profileV2())).resolves.toEqual({ name: '', unit: '' });
    expect((await fakeBrowser.storage.local.get('quarantine')).quarantine).toEqual([expect.objectContaining({ value: { fullName: 'Sari' }, version: 5 })]);
  });
});
