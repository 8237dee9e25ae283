import { NETWORK_ORIGINS } from '../networks/hosts';
import type { NetworkId } from '../networks/ids';

/** "mastodon.go.id", "https://mastodon.go.id/@humas" → "https://mastodon.go.id"; anything else → undefined. */
export function instanceOrigin(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 500) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    // Tokens must never travel in clear text, and an instance needs a real domain name.
    if (url.protocol !== 'https:' || !url.hostname.includes('.') || url.username || url.password) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

/** The host permissions a network's adapter needs for this account (Mastodon and other PDSes vary). */
export function originsFor(network: NetworkId, fields: { instance?: string; service?: string } = {}): string[] {
  const own = network === 'mastodon' ? fields.instance : network === 'bluesky' ? fields.service : undefined;
  const origin = own ? instanceOrigin(own) : undefined;
  return [...new Set([...NETWORK_ORIGINS[network], ...(origin ? [`${origin}/*`] : [])])];
}
