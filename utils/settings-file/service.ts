import { browser } from '#imports';
import { summaryOf } from '../networks/public';
import { db } from '../db';
import type { Handlers } from '../messages';
import type { NetworkId } from '../networks/ids';
import { audited } from '../accounts/service';
import { SiarError } from '../errors';
import type { Accounts } from '../networks/accounts';
import { LockedError, loadAccounts, lockState, unlock, updateAccounts } from '../secrets/store';
import { SETTINGS, readSetting, updateSetting, writeSetting } from '../settings';
import { parseSettingsFile } from './parse';
import { SETTINGS_FILE_VERSION } from './schema';
import { buildSettingsFile, isDestructive, planImport, writeListening, type PlannedImport } from './transfer';

type FileHandlers = Pick<Handlers, 'settingsExport' | 'settingsImportPreview' | 'settingsImportApply'>;

/** Keys an import may change; their old values are put back if any later step fails. */
const IMPORT_KEYS = [
  SETTINGS.profile,
  SETTINGS.presets,
  SETTINGS.preferences,
  SETTINGS.accountDrafts,
  SETTINGS.accountSummaries,
  SETTINGS.accounts,
  SETTINGS.deviceSealedAccounts,
  SETTINGS.sealedAccounts,
].map((setting) => setting.key);

async function validated(text: string) {
  const parsed = parseSettingsFile(text);
  if (!parsed.ok) return parsed;
  const planned = await planImport(parsed.file, db);
  return planned.ok ? { ok: true as const, file: parsed.file, planned: planned.planned } : planned;
}

async function applySettings(file: Parameters<typeof writeListening>[0], { accounts, drafts, plan }: PlannedImport) {
  await writeSetting(SETTINGS.profile, file.profile);
  await writeSetting(SETTINGS.presets, file.presets);
  await writeSetting(SETTINGS.preferences, file.preferences);
  await updateSetting(SETTINGS.accountDrafts, (current) => ({ ...current, ...drafts }));
  if (plan.connect.length === 0) return;
  await updateAccounts((current) => ({ ...current, ...accounts }));
  await updateSetting(SETTINGS.accountSummaries, (current) => ({
    ...current,
    ...Object.fromEntries(plan.connect.map((network: NetworkId) => [network, summaryOf(network, accounts[network]!)])),
  }));
}

export const settingsFileHandlers: FileHandlers = {
  settingsExport: async ({ includeSecrets, passphrase }) => {
    let accounts: Accounts;
    if (!includeSecrets)
      accounts = (await readSetting(SETTINGS.accountPublic)) as Accounts; // no secrets: readable while locked
    else if (!(await lockState()).enabled) accounts = await loadAccounts();
    else if (!passphrase) throw new SiarError('auth', 'exportNeedsPassphrase', 'passphrase needed');
    else accounts = await audited(() => unlock(passphrase));
    const file = await buildSettingsFile({ accounts, drafts: await readSetting(SETTINGS.accountDrafts), database: db }, includeSecrets);
    const day = new Date().toISOString().slice(0, 10);
    return { json: `${JSON.stringify(file, null, 2)}\n`, fileName: `siar-settings-v${SETTINGS_FILE_VERSION}-${day}.json` };
  },
  settingsImportPreview: async ({ text }) => {
    const result = await validated(text);
    return result.ok ? { ok: true as const, plan: result.planned.plan } : result;
  },
  settingsImportApply: async ({ text, confirmedLoss }) => {
    const result = await validated(text);
    if (!result.ok) return result;
    if (isDestructive(result.planned.plan) && !confirmedLoss) return { ok: false as const, problem: { kind: 'unconfirmed-loss', path: '' } };
    if (result.planned.plan.connect.length && !(await lockState()).unlocked) throw new LockedError('import while locked');
    const before = await browser.storage.local.get(IMPORT_KEYS);
    try {
      await applySettings(result.file, result.planned);
      await writeListening(result.file, db);
    } catch (error) {
      // All or nothing: Dexie rolled its own transaction back; storage is restored from the copy.
      await browser.storage.local.remove(IMPORT_KEYS.filter((key) => !(key in before)));
      await browser.storage.local.set(before);
      throw error;
    }
    return { ok: true as const, plan: result.planned.plan };
  },
};
