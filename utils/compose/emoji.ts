/**
 * Fully-qualified emoji, found as whole sequences (ZWJ sequences, skin tones, flags, keycaps, tags).
 *
 * Where the engine has the regular-expression `v` flag (Chrome 112+, Firefox 116+, Node 20), the
 * Unicode property of strings `RGI_Emoji` is exactly the set of fully-qualified emoji the engine's
 * Unicode version recommends (UTS #51 §ED-27, "RGI emoji set"). Firefox 115 ESR has no `v` flag, so
 * there a sequence built from emoji-presentation characters (or text-default ones followed by U+FE0F)
 * stands in; it never matches a bare text-style symbol such as "©", which twitter-text weighs 1.
 */

const FALLBACK_ELEMENT = String.raw`(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)\p{Emoji_Modifier}?\uFE0F?`;
const FALLBACK = String.raw`\p{Regional_Indicator}{2}|[#*0-9]\uFE0F\u20E3|${FALLBACK_ELEMENT}(?:[\u{E0020}-\u{E007E}]+\u{E007F})?(?:\u200D${FALLBACK_ELEMENT})*`;

function emojiPattern(): RegExp {
  try {
    return new RegExp(String.raw`\p{RGI_Emoji}`, 'gv');
  } catch {
    return new RegExp(FALLBACK, 'gu');
  }
}

const EMOJI = emojiPattern();
const NON_ASCII = /[^\p{ASCII}]/u;

export interface EmojiMatch {
  emoji: string;
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
}

/** The pattern used where the `v` flag is missing; exported so tests can run it on any engine. */
export const FALLBACK_EMOJI = new RegExp(FALLBACK, 'gu');

/**
 * Every fully-qualified emoji sequence in the text, in order; ASCII-only text returns [] at once.
 * `pattern` (a global regex) is for tests of the fallback.
 */
export function findEmoji(text: string, pattern: RegExp = EMOJI): EmojiMatch[] {
  if (!NON_ASCII.test(text)) return [];
  return Array.from(text.matchAll(pattern), (match) => ({ emoji: match[0], start: match.index, end: match.index + match[0].length }));
}
