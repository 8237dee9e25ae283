import { browser } from '#imports';
import { isSourceKind, SEARCH_KINDS, SOURCE_CATALOG } from './kinds';

// Host permissions for listening sources are optional: each origin is asked for when the officer adds
// a source that needs it. Called first thing in a click handler, while the click still counts as a
// user gesture (Chromium refuses permission prompts without one).

export { originPattern } from './hosts';

/** Origins a search kind calls for a watch; Mastodon follows hashtags on the officer's own instance. */
export const SEARCH_ORIGINS: Record<string, (mastodonInstance?: string) => string[]> = Object.fromEntries(
  SEARCH_KINDS.map((kind) => [kind, (instance?: string) => SOURCE_CATALOG[kind].origins(instance ? { instance } : {})]),
);

/** Undefined when every origin is (or now becomes) granted; otherwise the host that was refused. */
export async function ensureOrigins(origins: string[]): Promise<string | undefined> {
  if (origins.length === 0 || (await browser.permissions.contains({ origins }))) return undefined;
  if (await browser.permissions.request({ origins })) return undefined;
  return origins[0]?.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

/** The host permissions one listening source uses: its feed's site, its instance, or its search API's hosts. */
export function sourceOrigins(source: { kind: string; config: Record<string, unknown> }): string[] {
  return isSourceKind(source.kind) ? SOURCE_CATALOG[source.kind].origins(source.config) : [];
}

/**
 * Which of `released` origins may be given back: those no listening source and no other connected
 * account still uses (issue 13.11). Patterns compare as written (`https://host/*`).
 */
export function originsToRelease(released: string[], stillUsed: string[]): string[] {
  const used = new Set(stillUsed);
  return released.filter((origin) => !used.has(origin));
}
