// What may be known about a connected account without its secrets: shown in pages, kept readable while
// the passphrase lock is on, and written to exports unless the officer asks to include secrets.
// zod/mini: part of the options page bundle and of settings.ts.
import * as z from 'zod/mini';
import type { Accounts } from './accounts';
import { byNetwork } from './catalog';
import { NETWORK_IDS, networkIdSchema, type NetworkId } from './ids';
import { str } from '../zod-helpers';

/** Rotating session tokens (Bluesky's) are never exported: the app password makes a new one. */
export const NEVER_EXPORTED: ReadonlySet<string> = new Set(['session']);

export const accountSummarySchema = z.object({
  name: z.optional(str(300)),
  expiresAt: z.optional(z.number()),
  instance: z.optional(str(500)),
  checkedAt: z.optional(z.number()),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;
export const accountSummariesSchema = z.partialRecord(networkIdSchema, accountSummarySchema);
export type AccountSummaries = z.infer<typeof accountSummariesSchema>;

/** Non-secret fields that prefill a network's connect form (from an imported bureau setup). */
export const accountDraftsSchema = z.partialRecord(networkIdSchema, z.record(str(40), z.union([str(500), z.number()])));
export type AccountDrafts = z.infer<typeof accountDraftsSchema>;

/**
 * An allowlist, not a denylist (each catalog entry's `publicFields`): a field added to an account schema
 * later stays out of pages and exports until someone decides it is not a secret.
 */
export const PUBLIC_FIELDS = byNetwork((_id, meta) => meta.publicFields);

export function publicPart(network: NetworkId, account: object): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(account)) {
    if (PUBLIC_FIELDS[network].includes(key) && (typeof value === 'string' || typeof value === 'number')) out[key] = value;
  }
  return out;
}

/** The summary as far as the stored account itself tells it (verify adds the display name). */
export function summaryOf(network: NetworkId, account: NonNullable<Accounts[NetworkId]>, previous?: AccountSummary): AccountSummary {
  const known = account as { name?: string; username?: string; handle?: string; expiresAt?: number; instance?: string; refreshToken?: string };
  return {
    name: previous?.name ?? known.name ?? known.username ?? known.handle,
    // An X OAuth 2 access token with a refresh token renews itself: nothing lapses for the officer.
    expiresAt: known.refreshToken ? undefined : (known.expiresAt ?? previous?.expiresAt),
    instance: known.instance,
    checkedAt: previous?.checkedAt,
  };
}

/** Networks whose token lapses within `withinMs` (or already has), soonest first. */
export function expiringSoon(summaries: AccountSummaries, now: number, withinMs = 7 * 86_400_000) {
  return NETWORK_IDS.flatMap((network) => {
    const expiresAt = summaries[network]?.expiresAt;
    return expiresAt !== undefined && expiresAt - now <= withinMs ? [{ network, expiresAt, lapsed: expiresAt <= now }] : [];
  }).sort((a, b) => a.expiresAt - b.expiresAt);
}
