/**
 * Fully-qualified emoji, found as whole sequences (ZWJ sequences, skin tones, flags, keycaps, tags).
 *
 * Candidates come from a structural pattern: emoji-presentation characters (or text-default ones
 * followed by U+FE0F), with an optional skin tone, tag characters or ZWJ-joined further elements;
 * regional-indicator pairs; keycaps. It never matches a bare text-style symbol such as "©", which
 * twitter-text weighs 1. Where the engine has the regular-expression `v` flag (Chrome 112+, Firefox
 * 116+, Node 20), a candidate must also be in the Unicode property of strings `RGI_Emoji`, the set of
 * fully-qualified emoji the engine's Unicode version recommends (UTS #51, "RGI emoji set"). That check
 * runs once per distinct candidate: matching RGI_Emoji over running text costs about 4 µs a character.
 * Firefox 115 ESR has no `v` flag and keeps every candidate.
 */

const ELEMENT = String.raw`(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)\p{Emoji_Modifier}?\uFE0F?`;
const CANDIDATE = new RegExp(
  String.raw`\p{Regional_Indicator}{2}|[#*0-9]\uFE0F\u20E3|${ELEMENT}(?:[\u{E0020}-\u{E007E}]+\u{E007F})?(?:\u200D${ELEMENT})*`,
  'gu',
);
const NON_ASCII = /[^\p{ASCII}]/u;

function rgiPattern(): RegExp | undefined {
  try {
    return new RegExp(String.raw`^\p{RGI_Emoji}$`, 'v');
  } catch {
    return undefined;
  }
}

const RGI = rgiPattern();
const isRgi = new Map<string, boolean>();

function fullyQualified(candidate: string): boolean {
  if (!RGI) return true;
  let verdict = isRgi.get(candidate);
  if (verdict === undefined) {
    verdict = RGI.test(candidate);
    isRgi.set(candidate, verdict);
  }
  return verdict;
}

export interface EmojiMatch {
  emoji: string;
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
}

/**
 * Every fully-qualified emoji sequence in the text, in order; ASCII-only text returns [] at once.
 * `withRgiCheck: false` gives what an engine without the `v` flag finds (for tests).
 */
export function findEmoji(text: string, withRgiCheck = true): EmojiMatch[] {
  if (!NON_ASCII.test(text)) return [];
  return Array.from(text.matchAll(CANDIDATE), (match) => ({ emoji: match[0], start: match.index, end: match.index + match[0].length })).filter(
    ({ emoji }) => !withRgiCheck || fullyQualified(emoji),
  );
}
