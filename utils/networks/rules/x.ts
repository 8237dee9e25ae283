import { findEmoji } from '../../text/emoji';
import { xEntities } from '../../text/entities';
import { parseTweet, X_DEFAULT_LIMIT } from '../../text/twitter';
import { isBlank, type Rule } from '../../text/rule';

// twemoji-parser (inside twitter-text 3.1) knows this emoji, so twitter-text weighs it 2.
const TWO_WEIGHT_EMOJI = '😀';
const EMOJI_WEIGHT = 2;
const weighsTwo = new Map<string, boolean>();

function overWeighedEmoji(text: string): { start: number; end: number }[] {
  return findEmoji(text).filter(({ emoji }) => {
    let fine = weighsTwo.get(emoji);
    if (fine === undefined) {
      fine = parseTweet(emoji).weightedLength === EMOJI_WEIGHT;
      weighsTwo.set(emoji, fine);
    }
    return !fine;
  });
}

/**
 * The text with every fully-qualified emoji that twitter-text over-weighs replaced by one it weighs 2.
 *
 * X's "Counting characters" page (docs.x.com/fundamentals/counting-characters) says every emoji counts
 * 2 "regardless of complexity", ZWJ sequences included. twitter-text 3.1 only knows the emoji of its
 * twemoji-parser (Unicode 13), so newer sequences fall back to per-code-point weights:
 * 🧑‍🔧, 🐦‍🔥, ❤️‍🔥 and 🙂‍↔️ weigh 5 and 🫱🏻‍🫲🏼 weighs 9. Emoji twitter-text already weighs 2 are left as
 * they are, so every case of its conformance suite still holds (see tests/unit/compose/conformance).
 */
export function xCountableText(text: string): string {
  let countable = '';
  let cursor = 0;
  for (const { start, end } of overWeighedEmoji(text)) {
    countable += text.slice(cursor, start) + TWO_WEIGHT_EMOJI;
    cursor = end;
  }
  return cursor === 0 ? text : countable + text.slice(cursor);
}

/**
 * X's weighted length: twitter-text's v3 config (CJK 2, URLs 23, NFC) with every emoji weighing 2.
 * `valid` is twitter-text's, so characters X rejects (U+FFFE, U+FEFF, U+FFFF) still fail.
 */
export const xRule: Rule = {
  splittable: true,
  entities: xEntities,
  measure(text, opts) {
    const limit = opts?.limit ?? X_DEFAULT_LIMIT;
    const parsed = parseTweet(xCountableText(text), opts?.limit);
    const length = parsed.weightedLength;
    if (isBlank(text)) return { length, limit, ok: false, detail: 'empty' };
    if (parsed.valid) return { length, limit, ok: true };
    return { length, limit, ok: false, detail: length > limit ? 'length' : 'invalid-characters' };
  },
};
