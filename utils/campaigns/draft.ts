import type { NetworkId } from '../networks/ids';
import type { Kit } from './kit';

/** Folds case and the `#`, so `#HUTRI81` in a post satisfies a mandatory `#hutri81`. */
const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase('id');

function containsElement(text: string, element: string): boolean {
  const needle = fold(element.trim());
  if (!needle) return true;
  const haystack = fold(text);
  // Word-bounded, so a mandatory `#HUTRI` is not satisfied by `#HUTRI81`, nor `@kominfo` by `@kominfojatim`.
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const after = haystack.slice(at + needle.length, at + needle.length + 1);
    const before = at === 0 ? '' : haystack.slice(at - 1, at);
    if (!/[\p{L}\p{N}_]/u.test(after) && (!/^[#@]/.test(needle) ? !/[\p{L}\p{N}_#@]/u.test(before) : true)) return true;
    from = at + 1;
  }
}

/**
 * The kit's mandatory elements (a hashtag, a mention, a phrase) that `text` lacks, in the kit's order.
 * Matching ignores case and is word-bounded. Used to warn before publishing (issue 19.3).
 */
export function missingMandatory(text: string, mandatory: readonly string[]): string[] {
  return mandatory.filter((element) => !containsElement(text, element));
}

/**
 * The text a kit offers for `network`: its variant for that network, else the base text, followed by the
 * kit's hashtags that the text does not already carry (`#Tag` each, one line). The link is not added here:
 * the composer attaches the kit's link with its usual per-network rules.
 */
export function kitText(kit: Pick<Kit, 'text' | 'variants' | 'hashtags'>, network?: NetworkId): string {
  const base = (network && kit.variants[network]) || kit.text;
  const tags = kit.hashtags.filter((tag) => !containsElement(base, `#${tag}`)).map((tag) => `#${tag}`);
  return tags.length ? `${base.trimEnd()}\n\n${tags.join(' ')}` : base;
}
