// zod/mini: part of the message protocol, which every page bundle includes.
import * as z from 'zod/mini';
import { networkIdSchema } from '../networks/ids';
import { campaignSourceSchema } from '../settings';
import { ok, str } from '../zod-helpers';

// The campaign part of utils/messages.ts (issue 19): campaign sources in the options page, kits in the
// popup's Kampanye tab. messages.ts spreads it into `protocol`.

const shareSchema = z.object({
  network: networkIdSchema,
  state: z.enum(['pending', 'sending', 'sent', 'failed', 'needs-auth']),
  at: z.optional(z.number()),
  url: z.optional(z.string()),
});

const kitViewSchema = z.object({
  key: z.string(),
  kitId: z.string(),
  sourceId: z.string(),
  updatedAt: z.number(),
  title: z.string(),
  start: z.number(),
  end: z.optional(z.number()),
  link: z.string(),
  image: z.optional(z.object({ url: z.string(), alt: z.string() })),
  text: z.string(),
  variants: z.partialRecord(networkIdSchema, z.string()),
  hashtags: z.array(z.string()),
  mandatory: z.array(z.string()),
  firstSeenAt: z.number(),
  seen: z.union([z.literal(0), z.literal(1)]),
  phase: z.enum(['upcoming', 'active', 'ended']),
  shares: z.array(shareSchema),
});
export type KitView = z.infer<typeof kitViewSchema>;

export const campaignProtocol = {
  campaignSourceList: { request: z.object({}), response: z.object({ sources: z.array(campaignSourceSchema) }) },
  /** Adds a source by URL (http/https only) and reads it at once; the same URL twice is one source. */
  campaignSourceSave: {
    request: z.object({ url: str(2000), name: z.optional(str(200)) }),
    response: z.union([z.object({ ok: z.literal(true), source: campaignSourceSchema }), z.object({ ok: z.literal(false), messageKey: z.string() })]),
  },
  /** Removes the source; its kits stay, because posts and reports refer to them. */
  campaignSourceDelete: { request: z.object({ id: str(64) }), response: ok },
  /** Reads one source now, whatever its schedule. */
  campaignSourceRetry: { request: z.object({ id: str(64) }), response: z.object({ source: z.optional(campaignSourceSchema) }) },
  /** Every kit (newest version) with its phase and where it was shared, newest start first. */
  campaignKits: { request: z.object({}), response: z.object({ kits: z.array(kitViewSchema), now: z.number() }) },
  /** The officer opened the Kampanye tab: the new-kits badge clears. */
  campaignKitsSeen: { request: z.object({}), response: ok },
};
