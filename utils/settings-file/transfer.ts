import { originsFor } from '../accounts/origins';
import { NEVER_EXPORTED, publicPart, type AccountDrafts } from '../networks/public';
import type { SiarDatabase, SourceRow, WatchRow } from '../db';
import { countPrunable } from '../monitor/retention';
import { syncWatchSources, newSourceRow } from '../listen/watches';
import { accountsSchema, type Accounts } from '../networks/accounts';
import { NETWORK_IDS, type NetworkId } from '../networks/ids';
import { SETTINGS, readSetting } from '../settings';
import { SOURCES } from '../sources/registry';
import type { SourceConfig, SourceKind } from '../sources/types';
import type { FileProblem } from './parse';
import { SETTINGS_FILE_FORMAT, SETTINGS_FILE_VERSION, type SettingsFile } from './schema';

// Export and import of the settings file. Import is two steps: a preview of what would change, then
// apply, which writes everything or (on any failure) puts storage back as it was.

export interface ExportSources {
  accounts: Accounts;
  drafts: AccountDrafts;
  database: SiarDatabase;
}

export async function buildSettingsFile({ accounts, drafts, database }: ExportSources, includeSecrets: boolean, now = Date.now()): Promise<SettingsFile> {
  const fileAccounts: Record<string, unknown> = {};
  for (const network of NETWORK_IDS) {
    const account = accounts[network];
    if (account) {
      fileAccounts[network] = includeSecrets
        ? Object.fromEntries(Object.entries(account).filter(([key, value]) => !NEVER_EXPORTED.has(key) && value !== undefined))
        : publicPart(network, account);
    } else if (drafts[network]) {
      fileAccounts[network] = drafts[network];
    }
  }
  const watches = await database.watches.orderBy('name').toArray();
  const sources = (await database.sources.toArray()).filter((row) => row.watchId === undefined);
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: new Date(now).toISOString(),
    includesSecrets: includeSecrets,
    profile: await readSetting(SETTINGS.profile),
    presets: await readSetting(SETTINGS.presets),
    preferences: await readSetting(SETTINGS.preferences),
    accounts: fileAccounts as SettingsFile['accounts'],
    watches: watches.map(({ name, colour, query, aliases, languages, sources: kinds, notify }) => ({
      name,
      colour,
      query,
      aliases,
      languages,
      sources: kinds as SettingsFile['watches'][number]['sources'],
      notify,
    })),
    sources: sources.map((row) => ({ kind: row.kind as SourceKind, name: row.name, config: row.config, intervalMin: row.intervalMin })),
  };
}

export interface ImportPlan {
  profile: boolean;
  presets: boolean;
  preferences: boolean;
  /** Networks whose full account (with secrets) the file brings; they replace what is connected. */
  connect: NetworkId[];
  /** Networks the file names without secrets: their forms are prefilled, the officer adds the token. */
  prefill: NetworkId[];
  /** Host permissions the connected accounts need; the page asks for them on the officer's click. */
  origins: string[];
  watchesAdded: string[];
  watchesUpdated: string[];
  sourcesAdded: number;
  sourcesUpdated: number;
  /** Connected accounts the file's accounts would replace (their tokens are overwritten). */
  replaces: NetworkId[];
  /** Mentions the file's retention would delete at the next tick (issue 13.4), and its limits. */
  deletes: { old: number; excess: number; days: number; maxCount: number };
  /** Every host the file points Siar at (account servers, share instance, feeds), so none slips in unseen (13.5). */
  hosts: string[];
}

/** True when applying the plan loses something: it must be confirmed on its own, apart from "apply". */
export const isDestructive = (plan: Pick<ImportPlan, 'replaces' | 'deletes'>) => plan.replaces.length > 0 || plan.deletes.old + plan.deletes.excess > 0;

function hostOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.host : undefined;
  } catch {
    return undefined;
  }
}

/** The hosts of URL-valued fields the file sets: account servers, the share instance, feed addresses. */
function hostsIn(file: SettingsFile): string[] {
  const values = [
    ...Object.values(file.accounts).flatMap((entry) => Object.values((entry ?? {}) as Record<string, unknown>)),
    file.preferences.mastodonShareInstance,
    ...file.sources.flatMap((source) => Object.values(source.config as Record<string, unknown>)),
  ];
  return [...new Set(values.map(hostOf).filter((host): host is string => host !== undefined))].sort();
}

export interface PlannedImport {
  plan: ImportPlan;
  accounts: Partial<Accounts>;
  drafts: AccountDrafts;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sourceKey = (kind: string, config: Record<string, unknown>, name: string) => (kind === 'rss' ? `rss|${String(config.url)}` : `${kind}|${name}`);

/** Checks what the schema alone cannot (each source kind's own config, full accounts) and lists the changes. */
export async function planImport(
  file: SettingsFile,
  database: SiarDatabase,
  now = Date.now(),
): Promise<{ ok: true; planned: PlannedImport } | { ok: false; problem: FileProblem }> {
  for (const [index, source] of file.sources.entries()) {
    const config = SOURCES[source.kind].configSchema.safeParse(source.config);
    if (!config.success) {
      const field = config.error.issues[0]?.path.map(String).join('.') ?? '';
      return { ok: false, problem: { kind: 'invalid', path: `sources[${index}].config${field ? `.${field}` : ''}` } };
    }
  }
  const accounts: Partial<Accounts> = {};
  const drafts: AccountDrafts = {};
  for (const network of NETWORK_IDS) {
    const entry = file.accounts[network];
    if (!entry) continue;
    const full = accountsSchema.safeParse({ [network]: entry });
    if (file.includesSecrets && full.success && full.data[network]) Object.assign(accounts, { [network]: full.data[network] });
    else drafts[network] = publicPart(network, entry);
  }
  const existingWatches = new Map((await database.watches.toArray()).map((row) => [row.name, row]));
  const existingSources = new Map(
    (await database.sources.toArray()).filter((row) => row.watchId === undefined).map((row) => [sourceKey(row.kind, row.config, row.name), row]),
  );
  const changedWatch = (row: WatchRow, watch: SettingsFile['watches'][number]) =>
    !same(
      [row.colour, row.query, row.aliases, row.languages, row.sources, row.notify],
      [watch.colour, watch.query, watch.aliases, watch.languages, watch.sources, watch.notify],
    );
  const changedSource = (row: SourceRow, source: SettingsFile['sources'][number]) =>
    !same([row.config, row.name, row.intervalMin], [source.config, source.name, source.intervalMin ?? row.intervalMin]);
  const connected = await readSetting(SETTINGS.accountSummaries);
  const plan: ImportPlan = {
    profile: !same(await readSetting(SETTINGS.profile), file.profile),
    presets: !same(await readSetting(SETTINGS.presets), file.presets),
    preferences: !same(await readSetting(SETTINGS.preferences), file.preferences),
    connect: NETWORK_IDS.filter((network) => accounts[network]),
    prefill: NETWORK_IDS.filter((network) => drafts[network]),
    origins: NETWORK_IDS.flatMap((network) => (accounts[network] ? originsFor(network, accounts[network] as Record<string, unknown>) : [])),
    watchesAdded: file.watches.filter((watch) => !existingWatches.has(watch.name)).map((watch) => watch.name),
    watchesUpdated: file.watches
      .filter((watch) => {
        const row = existingWatches.get(watch.name);
        return row !== undefined && changedWatch(row, watch);
      })
      .map((watch) => watch.name),
    sourcesAdded: file.sources.filter((s) => !existingSources.has(sourceKey(s.kind, s.config, s.name))).length,
    sourcesUpdated: file.sources.filter((s) => {
      const row = existingSources.get(sourceKey(s.kind, s.config, s.name));
      return row !== undefined && changedSource(row, s);
    }).length,
    replaces: NETWORK_IDS.filter((network) => accounts[network] && connected[network]),
    deletes: { ...(await countPrunable(database, file.preferences.retention, now)), ...file.preferences.retention },
    hosts: hostsIn(file),
  };
  return { ok: true, planned: { plan, accounts, drafts } };
}

/** Watches are matched by name and sources by address (feeds) or kind and name; nothing is deleted. */
export async function writeListening(file: SettingsFile, database: SiarDatabase, now = Date.now()): Promise<void> {
  await database.transaction('rw', database.watches, database.sources, async () => {
    for (const watch of file.watches) {
      const existing = await database.watches.where('name').equals(watch.name).first();
      const row: WatchRow = existing ? { ...existing, ...watch, updatedAt: now } : { ...watch, createdAt: now, updatedAt: now };
      row.id = await database.watches.put(row);
      await syncWatchSources(database, row, now);
    }
    const own = (await database.sources.toArray()).filter((row) => row.watchId === undefined);
    for (const source of file.sources) {
      const config = SOURCES[source.kind].configSchema.parse(source.config) as SourceConfig;
      const key = sourceKey(source.kind, config, source.name);
      const existing = own.find((row) => sourceKey(row.kind, row.config, row.name) === key);
      if (existing) await database.sources.put({ ...existing, name: source.name, config, intervalMin: source.intervalMin ?? existing.intervalMin });
      else await database.sources.add(newSourceRow(source.kind, source.name, config, now, source.intervalMin));
    }
  });
}
