import { applyUtm, type UtmTags } from '../compose/link';
import { LINK_CARRIER } from '../compose/page-link';
import { applySignature } from '../compose/presets';
import type { NetworkId } from '../networks/ids';
import { kitText, missingMandatory } from './draft';
import type { Kit } from './kit';

// A kit opened in the composer (issue 19.3): what the text boxes get, and what to warn about before
// publishing. Pure, so the popup only wires it.

/**
 * The composer's base text and per-network variants for a kit: the kit's text (its variant for a network
 * that has one) with its hashtags, then `signature` (the officer's preset, e.g. "— Humas Diskominfo")
 * on its own line. Networks without a variant of their own use the base text.
 * `utm`: the officer's UTM presets per network. A network that takes the link only from the text
 * (LINK_CARRIER `text`: X, Mastodon, Threads, Telegram) gets the kit's link with its UTM tags on the last
 * line of its own variant, so the composer does not append the bare link (utils/compose/page-link.ts
 * ignores the query when it looks for the page link). Card networks take the page link as it is.
 */
export function kitDraft(
  kit: Pick<Kit, 'text' | 'variants' | 'hashtags'> & { link?: string },
  signature: string,
  utm: Partial<Record<NetworkId, UtmTags>> = {},
): { text: string; variants: Partial<Record<NetworkId, string>> } {
  const variants: Partial<Record<NetworkId, string>> = {};
  for (const network of Object.keys(kit.variants) as NetworkId[]) {
    if (kit.variants[network]) variants[network] = applySignature(kitText(kit, network), signature);
  }
  const text = applySignature(kitText(kit), signature);
  for (const [network, tags] of Object.entries(utm) as [NetworkId, UtmTags][]) {
    if (!kit.link || LINK_CARRIER[network] !== 'text' || !Object.values(tags).some((value) => value?.trim())) continue;
    variants[network] = `${(variants[network] ?? text).trimEnd()}\n${applyUtm(kit.link, tags)}`;
  }
  return { text, variants };
}

/** One network whose post lacks some of the kit's mandatory elements. */
export interface KitWarning {
  network: NetworkId;
  missing: string[];
}

/**
 * For each network about to be posted to, the mandatory elements (hashtag, mention, phrase) its text
 * lacks: the network's variant when it has one, else the base text. Empty when every post carries all.
 */
export function kitWarnings(
  mandatory: readonly string[],
  text: string,
  variants: Partial<Record<NetworkId, string>>,
  targets: readonly NetworkId[],
): KitWarning[] {
  if (mandatory.length === 0) return [];
  return targets.flatMap((network) => {
    const missing = missingMandatory(variants[network] ?? text, mandatory);
    return missing.length ? [{ network, missing }] : [];
  });
}
