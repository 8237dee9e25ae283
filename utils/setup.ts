import type { MessageKey } from './i18n';
import { byNetwork, type NetworkId } from './networks/catalog';

/** The set-up page's steps, in order; each is skippable (Siar is useful with none of them done). */
export const SETUP_STEPS = ['profile', 'timezone', 'lock', 'networks', 'watch', 'done'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/**
 * Indonesia's three legal time zones (Peraturan Presiden No. 41/1987): WIB = UTC+7, WITA = UTC+8,
 * WIT = UTC+9, as the IANA zones Intl understands.
 */
export const INDONESIAN_ZONES = [
  { zone: 'Asia/Jakarta', label: 'WIB' },
  { zone: 'Asia/Makassar', label: 'WITA' },
  { zone: 'Asia/Jayapura', label: 'WIT' },
] as const;

/** WIB/WITA/WIT for Indonesia's zones (headers of exports and reports), the IANA name for any other. */
export function zoneLabel(timeZone: string): string {
  return INDONESIAN_ZONES.find((z) => z.zone === timeZone)?.label ?? timeZone;
}

/**
 * Step-by-step help for each network's credential, in the officer's language. Sources: Telegram
 * https://core.telegram.org/bots/features#botfather; Facebook Page tokens
 * https://developers.facebook.com/docs/pages-api/getting-started; Bluesky app passwords
 * https://bsky.app/settings/app-passwords; X OAuth 2.0 public clients (PKCE)
 * https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/authorization-code; Mastodon
 * https://docs.joinmastodon.org/client/token/; Threads https://developers.facebook.com/docs/threads/get-started;
 * LinkedIn https://learn.microsoft.com/linkedin/shared/authentication/authorization-code-flow.
 */
export const NETWORK_HELP: Record<NetworkId, MessageKey> = byNetwork((_id, meta) => meta.help);

/** A first watch for the agency: its name as an exact phrase (the query language quotes phrases). */
export function agencyQuery(agency: string): string {
  const clean = agency.replace(/["\s]+/g, ' ').trim();
  return clean ? `"${clean}"` : '';
}
