import { z } from 'zod';
import { watchInputSchema, sourceKindSchema } from '../monitor/protocol';
import { preferencesSchema, presetsSchema, profileSchema } from '../settings';

// The settings file a bureau hands to every officer: one versioned JSON document. docs/settings.schema.json
// is generated from this schema (npm run settings-schema) and a unit test keeps the two identical.

export const SETTINGS_FILE_FORMAT = 'siar-settings';
export const SETTINGS_FILE_VERSION = 1;
/** Far above any real setup (hundreds of watches), far below what would stall the worker. */
export const SETTINGS_FILE_MAX_BYTES = 5 * 1024 * 1024;

const text = (max: number) => z.string().trim().min(1).max(max);
const secret = z.string().trim().min(1).max(5000).optional();
const label = z.string().max(300).optional();
const epochMs = z.number().int().optional();

/** Per network: the fields that say which account, plus (only in an export with secrets) its tokens. */
export const fileAccountsSchema = z.object({
  x: z.object({
    auth: z.enum(['oauth1', 'oauth2']), clientId: text(200).optional(), username: z.string().max(50).optional(),
    bearerToken: secret, appKey: secret, appSecret: secret, accessToken: secret, accessSecret: secret, refreshToken: secret, expiresAt: epochMs,
  }).optional(),
  facebook: z.object({ pageId: text(100), name: label, expiresAt: epochMs, token: secret }).optional(),
  mastodon: z.object({
    instance: z.url({ protocol: /^https$/ }).max(500), name: label, maxChars: z.number().int().min(1).max(100_000).optional(),
    accessToken: secret, clientId: secret, clientSecret: secret,
  }).optional(),
  bluesky: z.object({ service: z.url({ protocol: /^https$/ }).max(500).optional(), handle: text(253), appPassword: secret }).optional(),
  telegram: z.object({ chatId: z.string().trim().regex(/^(@[A-Za-z0-9_]{4,64}|-?\d{1,20})$/), name: label, botToken: secret }).optional(),
  threads: z.object({ userId: text(100), name: label, expiresAt: epochMs, token: secret }).optional(),
  instagram: z.object({ userId: text(100), name: label, expiresAt: epochMs, token: secret }).optional(),
  linkedin: z.object({
    author: z.string().regex(/^urn:li:(person|organization):[A-Za-z0-9_-]+$/), name: label, expiresAt: epochMs, token: secret,
  }).optional(),
});

/** The officer's own sources (feeds, fixed searches); a watch's own searches follow the watch instead. */
export const fileSourceSchema = z.object({
  kind: sourceKindSchema,
  name: text(200),
  config: z.record(z.string().max(64), z.unknown()),
  intervalMin: z.number().int().min(1).max(1440).optional(),
});

const { id: _id, ...watchFields } = watchInputSchema.shape;

export const settingsFileSchema = z.object({
  format: z.literal(SETTINGS_FILE_FORMAT),
  version: z.literal(SETTINGS_FILE_VERSION),
  exportedAt: z.iso.datetime().optional(),
  includesSecrets: z.boolean(),
  profile: profileSchema,
  presets: presetsSchema,
  preferences: preferencesSchema,
  accounts: fileAccountsSchema,
  watches: z.array(z.object(watchFields)).max(1000),
  sources: z.array(fileSourceSchema).max(5000),
});

export type SettingsFile = z.infer<typeof settingsFileSchema>;
