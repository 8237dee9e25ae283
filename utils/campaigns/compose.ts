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
 */
export function kitDraft(kit: Pick<Kit, 'text' | 'variants' | 'hashtags'>, signature: string): { text: string; variants: Partial<Record<NetworkId, string>> } {
  const variants: Partial<Record<NetworkId, string>> = {};
  for (const network of Object.keys(kit.variants) as NetworkId[]) {
    if (kit.variants[network]) variants[network] = applySignature(kitText(kit, network), signature);
  }
  return { text: applySignature(kitText(kit), signature), variants };
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
export function kitWarnings(mandatory: readonly string[], text: string, variants: Partial<Record<NetworkId, string>>, targets: readonly NetworkId[]): KitWarning[] {
  if (mandatory.length === 0) return [];
  return targets.flatMap((network) => {
    const missing = missingMandatory(variants[network] ?? text, mandatory);
    return missing.length ? [{ network, missing }] : [];
  });
}
