import names from './data/government-names.json';

// Built-in alias groups (data/government-names.json, sources in data/README.md): names and
// abbreviations Indonesian news and citizens use for government bodies, positions and programmes.
// Any member of a group in a query matches every member. A watch adds its own groups.

/** The categories of data/government-names.json, for code that needs only some (e.g. provinces). */
export type AliasCategory = keyof typeof names.groups;

/** Alias groups of one category, each a list of lower-case spellings. */
export function aliasGroups(category: AliasCategory): readonly (readonly string[])[] {
  return names.groups[category];
}

/** Every built-in alias group, all categories. */
export const DEFAULT_ALIASES: readonly (readonly string[])[] = Object.values(names.groups).flat();

/**
 * Every spelling of every government name, programme and position in the built-in groups (lower case,
 * longest first), for code that must recognise or mask names in text (e.g. before scoring tone). The
 * spelling-variant category (Soeharto/Suharto, praktik/praktek) is left out: those are ordinary words.
 */
export const GOVERNMENT_NAMES: readonly string[] = [
  ...new Set(
    Object.entries(names.groups)
      .filter(([category]) => category !== 'spelling')
      .flatMap(([, groups]) => groups.flat()),
  ),
].sort((a, b) => b.length - a.length || a.localeCompare(b));

/** Date the built-in groups were last reviewed (ISO date). */
export const ALIASES_UPDATED: string = names.updated;
