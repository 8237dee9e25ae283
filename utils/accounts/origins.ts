import { networkMeta, type NetworkId } from '../networks/catalog';

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

/**
 * The host permissions a network's adapter needs for this account: the catalog's fixed origins plus the
 * officer's own server when the network has one (Mastodon instance, Bluesky PDS).
 */
export function originsFor(network: NetworkId, fields: Record<string, unknown> = {}): string[] {
  const meta = networkMeta(network);
  const own = meta.server ? fields[meta.server.field] : undefined;
  const origin = typeof own === 'string' && own ? instanceOrigin(own) : undefined;
  return [...new Set([...meta.origins, ...(origin ? [`${origin}/*`] : [])])];
}
