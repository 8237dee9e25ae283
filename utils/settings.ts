import { browser } from '#imports';
// zod/mini: settings are read by the popup, where full zod would cost 20 KB gzip.
import * as z from 'zod/mini';
import { accountDraftsSchema, accountSummariesSchema } from './networks/public';
import { accountsSchema } from './networks/accounts';
import { NETWORK_IDS, networkIdSchema } from './networks/ids';
import { str, stringId } from './zod-helpers';

/**
 * A value kept in storage.local under one key, with the schema every read and write must pass.
 * `version` (1 when absent) goes up when the schema changes so that an older stored value no longer
 * fits; `migrations[n]` turns a version-n value into version n + 1, so the officer's value is carried
 * over instead of being replaced by the default. Stored versions live under `settingVersions`.
 */
export interface Setting<T> {
  key: string;
  schema: z.ZodMiniType<T>;
  fallback: () => T;
  version?: number;
  migrations?: Record<number, (value: unknown) => unknown>;
}

const define = <T>(key: string, schema: z.ZodMiniType<T>, fallback: () => NoInfer<T>, change?: Pick<Setting<T>, 'version' | 'migrations'>): Setting<T> => ({
  key,
  schema,
  fallback,
  ...change,
});

/** The key holding each setting's stored version; a key it does not name was written at version 1. */
export const VERSIONS_KEY = 'settingVersions';
const versionsSchema = z.record(str(64), z.int().check(z.minimum(1)));

const name = z.string().check(z.minLength(1), z.maxLength(80));
const clock = z.string().check(z.regex(/^\d\d:\d\d$/));

export const profileSchema = z.object({
  name: z.string().check(z.trim(), z.maxLength(120)),
  unit: z.string().check(z.trim(), z.maxLength(200)),
});

export const presetsSchema = z.object({
  hashtags: z.array(z.object({ id: stringId, label: name, tags: str(500) })).check(z.maxLength(200)),
  signatures: z.array(z.object({ id: stringId, label: name, text: str(500) })).check(z.maxLength(200)),
  utm: z.partialRecord(networkIdSchema, z.object({ source: str(100), medium: str(100), campaign: str(100) })),
});

export const preferencesSchema = z.object({
  timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
  mastodonShareInstance: z.optional(z.url({ protocol: /^https$/ }).check(z.maxLength(500))),
  quietHours: z.object({ enabled: z.boolean(), from: clock, to: clock }),
  retention: z.object({
    days: z.int().check(z.minimum(1), z.maximum(3650)),
    maxCount: z.int().check(z.minimum(100), z.maximum(2_000_000)),
  }),
  /** CSV field separator; absent means `;`, what Excel with Indonesian regional settings expects. */
  csvSeparator: z.optional(z.enum([';', ','])),
});

export const draftSchema = z.object({
  text: str(70_000),
  variants: z.partialRecord(networkIdSchema, str(70_000)),
  targets: z.array(networkIdSchema).check(z.maxLength(NETWORK_IDS.length)),
  imageAlt: str(1500),
  updatedAt: z.number(),
  /** The officer's text before a quote replaced it or they started over: restorable, never silently lost. */
  replaced: z.optional(str(70_000)),
});
export type StoredDraft = z.infer<typeof draftSchema>;
/** Drafts kept per page URL; the oldest are dropped beyond this many. */
export const MAX_DRAFTS = 50;

/** What the campaign sources list shows about one source (the same fields as a feed source's health). */
export const campaignHealthSchema = z.object({
  lastSuccessAt: z.optional(z.number()),
  lastErrorAt: z.optional(z.number()),
  lastError: z.optional(
    z.object({
      code: str(40),
      messageKey: str(80),
      detail: z.optional(str(500)),
      retryAt: z.optional(z.number()),
      field: z.optional(str(80)),
    }),
  ),
  failures: z.int().check(z.minimum(0)),
  /** One line per kit or item that was skipped at the last read ("Kit 3 (hut-ri-81): link: …"). */
  problems: z.array(str(300)).check(z.maxLength(20)),
  /** Kits the last full read gave. */
  kits: z.int().check(z.minimum(0)),
});

/** A campaign source (issue 19.2): a Siar kit file or an RSS/Atom feed the worker polls with conditional GET. */
export const campaignSourceSchema = z.object({
  /** Global id (a UUID): kits are keyed `<id>:<kit id>`, so two sources may reuse a kit id. */
  id: stringId,
  url: z.url({ protocol: /^https?$/ }).check(z.maxLength(2000)),
  name: str(200),
  addedAt: z.number(),
  intervalMin: z.int().check(z.minimum(1), z.maximum(1440)),
  nextDueAt: z.number(),
  etag: z.optional(str(1000)),
  lastModified: z.optional(str(200)),
  health: campaignHealthSchema,
});
export type CampaignSource = z.infer<typeof campaignSourceSchema>;

// The sealed accounts (utils/secrets/): settings.ts owns the stored shapes, secrets/ reads and writes them.
const base64 = (max: number) => z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/), z.maxLength(max));

/** The accounts while the passphrase lock is on: only this ciphertext is in storage.local. */
export const sealedSchema = z.object({
  v: z.literal(1),
  iterations: z.int().check(z.minimum(600_000), z.maximum(10_000_000)),
  salt: base64(64),
  iv: base64(64),
  data: base64(2_000_000),
});

/** The accounts while the lock is off: sealed with the device key (utils/secrets/device-key.ts). */
export const deviceSealedSchema = z.object({ v: z.literal(1), iv: base64(64), data: base64(2_000_000) });

// Tone corrections learnt on this device (utils/monitor/tone-adjust.ts learns them; stored here).
const delta = z.number().check(z.minimum(-50), z.maximum(50));

/** What storage.local keeps (settings key `toneLearning`): corrections learnt and the deltas. */
export const toneLearningSchema = z.object({
  corrections: z.int().check(z.minimum(0)),
  /** When it last changed (ms since epoch), so readers can cache the unpacked map. */
  updatedAt: z.number(),
  weights: z.record(str(300), z.tuple([delta, delta, delta])),
});
export type ToneLearning = z.infer<typeof toneLearningSchema>;

export const emptyLearning = (): ToneLearning => ({ corrections: 0, updatedAt: 0, weights: {} });

/** `version`: the setting version the value was stored at, when that is not 1. */
const quarantineSchema = z.array(z.object({ key: z.string(), at: z.number(), value: z.unknown(), version: z.optional(z.int()) })).check(z.maxLength(100));

export const SETTINGS = {
  profile: define('profile', profileSchema, () => ({ name: '', unit: '' })),
  /** Written only by Siar before 0.2 (plain text); read once to seal it, then kept empty. */
  accounts: define('accounts', accountsSchema, () => ({})),
  /** The accounts sealed with the device key while the lock is off (utils/secrets/device-key.ts). */
  deviceSealedAccounts: define('deviceSealedAccounts', z.nullable(deviceSealedSchema), () => null),
  /** The device key where the browser has no private file system to keep it in (not shreddable). */
  deviceKeyFallback: define('deviceKeyFallback', z.nullable(str(100)), () => null),
  /** Wrong passphrases in a row and when the last was typed (utils/secrets/attempts.ts). */
  lockFailures: define('lockFailures', z.object({ count: z.int().check(z.minimum(0)), lastAt: z.number() }), () => ({ count: 0, lastAt: 0 })),
  /** The non-secret fields of each account (utils/networks/public.ts), so exports without secrets work while locked. */
  accountPublic: define('accountPublic', accountDraftsSchema, () => ({})),
  /** Networks whose secrets an earlier Siar wrote in plain text: they may still be on disk; regenerate them. */
  exposedSecrets: define('exposedSecrets', z.array(networkIdSchema).check(z.maxLength(NETWORK_IDS.length)), () => []),
  /** Names and expiry of connected accounts, without secrets: what pages see, also while locked. */
  accountSummaries: define('accountSummaries', accountSummariesSchema, () => ({})),
  /** Non-secret fields from an imported setup that prefill the connect forms. */
  accountDrafts: define('accountDrafts', accountDraftsSchema, () => ({})),
  /** Present only while the passphrase lock is on; `accounts` is then empty (utils/secrets/store.ts). */
  sealedAccounts: define('sealedAccounts', z.nullable(sealedSchema), () => null),
  presets: define('presets', presetsSchema, () => ({ hashtags: [], signatures: [], utm: {} })),
  preferences: define('preferences', preferencesSchema, () => ({
    timeZone: 'Asia/Jakarta',
    quietHours: { enabled: false, from: '22:00', to: '06:00' },
    retention: { days: 90, maxCount: 200_000 },
  })),
  /** What this device learnt from the officer's tone corrections (utils/monitor/tone-adjust.ts). */
  toneLearning: define('toneLearning', toneLearningSchema, emptyLearning),
  /** The officer's monthly ceiling for X search in US dollars; null means none (utils/sources/x-budget.ts). */
  xSearchBudget: define('xSearchBudget', z.object({ monthlyCapUsd: z.nullable(z.number().check(z.minimum(0), z.maximum(100_000))) }), () => ({
    monthlyCapUsd: 10,
  })),
  /** Posts and users X search returned in the current billing month ("2026-11"), i.e. what X charges for. */
  xSearchUsage: define(
    'xSearchUsage',
    z.object({
      month: str(7),
      posts: z.int().check(z.minimum(0)),
      users: z.int().check(z.minimum(0)),
    }),
    () => ({ month: '', posts: 0, users: 0 }),
  ),
  drafts: define('drafts', z.record(str(4000), draftSchema), () => ({})),
  /** Campaign kit sources (issue 19); their kits live in the `kits` table of utils/db.ts. */
  campaignSources: define('campaignSources', z.array(campaignSourceSchema).check(z.maxLength(50)), () => []),
  /** Keys whose stored value failed validation and was replaced by its default; shown until dismissed. */
  settingsWarnings: define('settingsWarnings', z.array(str(64)).check(z.maxLength(50)), () => []),
  /** Bad values kept aside (not destroyed) so an admin can recover them. */
  quarantine: define('quarantine', quarantineSchema, () => []),
} as const;

export type SettingValue<S> = S extends Setting<infer T> ? T : never;

async function storedVersions(): Promise<Record<string, number>> {
  const parsed = versionsSchema.safeParse((await browser.storage.local.get(VERSIONS_KEY))[VERSIONS_KEY]);
  return parsed.success ? parsed.data : {};
}

/** The stored value carried up to the setting's version; throws when a migration step is missing or fails. */
function migrate(setting: Setting<unknown>, value: unknown, from: number): unknown {
  let current = value;
  for (let version = from; version < (setting.version ?? 1); version += 1) {
    const step = setting.migrations?.[version];
    if (!step) throw new Error(`no migration of ${setting.key} from version ${version}`);
    current = step(current);
  }
  return current;
}

/** Writes the value with the setting's version, so a later read knows no migration is due. */
async function store(setting: Setting<unknown>, value: unknown): Promise<void> {
  const version = setting.version ?? 1;
  const versions = await storedVersions();
  const record = version > 1 || versions[setting.key] !== undefined ? { [VERSIONS_KEY]: { ...versions, [setting.key]: version } } : {};
  await browser.storage.local.set({ [setting.key]: value, ...record });
}

/**
 * Reads a setting. A value stored by an older version is migrated and written back; a value that
 * fails its schema (or its migration) is quarantined as it was stored and the default returned.
 */
export async function readSetting<T>(setting: Setting<T>): Promise<T> {
  const stored = await browser.storage.local.get(setting.key);
  const raw = stored[setting.key];
  if (raw === undefined) return setting.fallback();
  const from = (await storedVersions())[setting.key] ?? 1;
  const due = from < (setting.version ?? 1);
  let value: unknown = raw;
  try {
    if (due) value = migrate(setting as Setting<unknown>, raw, from);
  } catch {
    await quarantine(setting as Setting<unknown>, raw, from);
    return setting.fallback();
  }
  const parsed = setting.schema.safeParse(value);
  if (!parsed.success) {
    await quarantine(setting as Setting<unknown>, raw, from);
    return setting.fallback();
  }
  if (due) await store(setting as Setting<unknown>, parsed.data);
  return parsed.data;
}

/** Validates before writing, so storage only ever holds values its readers accept. */
export async function writeSetting<T>(setting: Setting<T>, value: T): Promise<T> {
  const valid = setting.schema.parse(value);
  await store(setting as Setting<unknown>, valid);
  return valid;
}

export async function updateSetting<T>(setting: Setting<T>, change: (current: T) => T): Promise<T> {
  return writeSetting(setting, change(await readSetting(setting)));
}

/** Keeps the stored value aside as it was (with the version it was stored at), warns, and stores the default. */
async function quarantine(setting: Setting<unknown>, value: unknown, storedVersion: number) {
  const { key } = setting;
  const kept = await safeRead(SETTINGS.quarantine);
  const warnings = await safeRead(SETTINGS.settingsWarnings);
  const versions = await storedVersions();
  const version = setting.version ?? 1;
  // Several pages and the worker may find the same bad value at once: keep it aside only once.
  const raw = JSON.stringify(value);
  const known = kept.some((entry) => entry.key === key && JSON.stringify(entry.value) === raw);
  const entry = { key, at: Date.now(), value, ...(storedVersion > 1 || version > 1 ? { version: storedVersion } : {}) };
  await browser.storage.local.set({
    [SETTINGS.quarantine.key]: known ? kept : [...kept, entry].slice(-100),
    [SETTINGS.settingsWarnings.key]: [...new Set([...warnings, key])].slice(-50),
    [key]: setting.fallback(),
    ...(version > 1 || versions[key] !== undefined ? { [VERSIONS_KEY]: { ...versions, [key]: version } } : {}),
  });
}

/** Reads the bookkeeping keys themselves without recursing into quarantine. */
async function safeRead<T>(setting: Setting<T>): Promise<T> {
  const stored = await browser.storage.local.get(setting.key);
  const parsed = setting.schema.safeParse(stored[setting.key]);
  return parsed.success ? parsed.data : setting.fallback();
}

/** Reads every setting once, so damaged values are found and reported at start-up, not mid-task. */
export async function checkAllSettings(): Promise<string[]> {
  for (const setting of Object.values(SETTINGS) as Setting<unknown>[]) await readSetting(setting);
  return safeRead(SETTINGS.settingsWarnings);
}

/** Calls `listener` with the new value whenever the setting changes in any extension page or the worker. */
export function watchSetting<T>(setting: Setting<T>, listener: (value: T) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(setting.key in changes)) return;
    const parsed = setting.schema.safeParse(changes[setting.key]?.newValue);
    listener(parsed.success ? parsed.data : setting.fallback());
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
