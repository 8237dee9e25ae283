// Known names masked before tone scoring: programmes, institutions, positions and places name things,
// they do not judge them ("Makan Bergizi Gratis" is not praise, "Bank Mandiri" is not independence).
// One source of names: the matcher's alias data (data/government-names.json via aliases.ts).
import { DEFAULT_ALIASES, GOVERNMENT_NAMES } from './aliases';
import { normaliseTerm } from './normalise';
import { NEGATIVE_WORDS, POSITIVE_WORDS } from './tone-words';

/**
 * Every spelling of every government name, position, programme and province, except alias groups that
 * are topics with a tone of their own: a group with a member on the tone word list ("pungli", "hoaks",
 * "ott", "jalan rusak") stays visible to the model.
 */
export function defaultNamePhrases(): string[] {
  const names = new Set(GOVERNMENT_NAMES);
  const toned = new Set([...POSITIVE_WORDS, ...NEGATIVE_WORDS].map((w) => normaliseTerm(w).join(' ')));
  return DEFAULT_ALIASES.filter((group) => group.every((p) => names.has(p)) && !group.some((p) => toned.has(normaliseTerm(p).join(' ')))).flat();
}
