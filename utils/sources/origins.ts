import { browser } from '#imports';

// Host permissions for listening sources are optional: each origin is asked for when the officer adds
// a source that needs it. Called first thing in a click handler, while the click still counts as a
// user gesture (Chromium refuses permission prompts without one).

/** Origins a search kind calls; feed sites and Mastodon instances are named by their own address. */
export const SEARCH_ORIGINS: Record<string, (mastodonInstance?: string) => string[]> = {
  googlenews: () => ['https://news.google.com/*'],
  x: () => ['https://api.x.com/*', 'https://api.twitter.com/*'],
  bluesky: () => ['https://bsky.social/*'],
  reddit: () => ['https://www.reddit.com/*'],
  mastodon: (instance = 'https://mastodon.social') => originPattern(instance),
};

export function originPattern(url: string): string[] {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? [`${parsed.origin}/*`] : [];
  } catch {
    return [];
  }
}

/** Undefined when every origin is (or now becomes) granted; otherwise the host that was refused. */
export async function ensureOrigins(origins: string[]): Promise<string | undefined> {
  if (origins.length === 0 || await browser.permissions.contains({ origins })) return undefined;
  if (await browser.permissions.request({ origins })) return undefined;
  return origins[0]?.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

/** The host permissions one listening source uses: its feed's site, or its search kind's API hosts. */
export function sourceOrigins(source: { kind: string; config: Record<string, unknown> }): string[] {
  if (source.kind === 'rss') return typeof source.config.url === 'string' ? originPattern(source.config.url) : [];
  const instance = typeof source.config.instance === 'string' ? source.config.instance : undefined;
  return SEARCH_ORIGINS[source.kind]?.(instance) ?? [];
}

/**
 * Which of `released` origins may be given back: those no listening source and no other connected
 * account still uses (issue 13.11). Patterns compare as written (`https://host/*`).
 */
export function originsToRelease(released: string[], stillUsed: string[]): string[] {
  const used = new Set(stillUsed);
  return released.filter((origin) => !used.has(origin));
}
