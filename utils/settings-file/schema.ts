import { z } from 'zod';
import { NEVER_EXPORTED, PUBLIC_FIELDS } from '../networks/public';
import { watchInputSchema, sourceKindSchema } from '../monitor/protocol';
import { ACCOUNT_SCHEMAS } from '../networks/accounts';
import { NETWORK_IDS, type NetworkId } from '../networks/catalog';
import { preferencesSchema, presetsSchema, profileSchema } from '../settings';

// The settings file a bureau hands to every officer: one versioned JSON document. docs/settings.schema.json
// is generated from this schema by tests/unit/settings-file/json-schema.test.ts, which fails when the two
// differ (`SIAR_WRITE_SCHEMA=1 npx vitest run tests/unit/settings-file/json-schema.test.ts` rewrites it).

export const SETTINGS_FILE_FORMAT = 'siar-settings';
export const SETTINGS_FILE_VERSION = 1;
/** Far above any real setup (hundreds of watches), far below what would stall the worker. */
export const SETTINGS_FILE_MAX_BYTES = 5 * 1024 * 1024;

const text = (max: number) => z.string().trim().min(1).max(max);

type AnySchema = z.core.$ZodType;
type Def = { type: string; shape?: Record<string, AnySchema>; options?: AnySchema[]; discriminator?: string; innerType?: AnySchema; values?: unknown[] };
const defOf = (schema: AnySchema) => schema._zod.def as unknown as Def;
/** A field as the file may give it: a field with a stored default (Bluesky's server) may be left out and is not filled in. */
const asGiven = (schema: AnySchema): AnySchema => (defOf(schema).type === 'default' ? z.optional(defOf(schema).innerType!) : schema);

/**
 * A network's entry in the file, built from its account schema (utils/networks/accounts.ts): the public
 * fields that say which account keep their rules; secrets, present only in an export with secrets, are
 * optional; never-exported fields are refused. X's ways of connecting become one object keyed by `auth`.
 */
function fileAccountSchema(network: NetworkId) {
  const schema: AnySchema = ACCOUNT_SCHEMAS[network];
  const def = defOf(schema);
  const fields: Record<string, AnySchema> = {};
  if (def.type === 'union' && def.discriminator) {
    const shapes = def.options!.map((option) => defOf(option).shape!);
    for (const shape of shapes) {
      for (const [key, value] of Object.entries(shape)) if (!(key in fields)) fields[key] = z.optional(asGiven(value));
    }
    fields[def.discriminator] = z.enum(shapes.map((shape) => String(defOf(shape[def.discriminator!]!).values![0])));
  } else {
    for (const [key, value] of Object.entries(def.shape!)) {
      fields[key] = PUBLIC_FIELDS[network].includes(key) ? asGiven(value) : z.optional(asGiven(value));
    }
  }
  for (const key of NEVER_EXPORTED) delete fields[key];
  return z.object(fields) as unknown as z.ZodType<Record<string, unknown>>;
}

/** Per network: the fields that say which account, plus (only in an export with secrets) its tokens. */
export const fileAccountsSchema = z.object(
  Object.fromEntries(NETWORK_IDS.map((id) => [id, fileAccountSchema(id).optional()])) as Record<NetworkId, z.ZodOptional<z.ZodType<Record<string, unknown>>>>,
);

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
