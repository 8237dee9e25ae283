import { threadsEntities } from '../../text/entities';
import { splitGraphemes, utf8Length } from '../../text/graphemes';
import { countDistinctUrls } from '../../text/urls';
import { lengthMeasure, type Rule } from '../../text/rule';

export const THREADS_LIMIT = 500;
export const THREADS_MAX_LINKS = 5;

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

/**
 * Meta's Threads API doc: "Text posts are limited to 500 characters. Emojis are counted as the
 * number of UTF-8 bytes." So a grapheme counts 1, unless it is an emoji, which counts its UTF-8
 * bytes (😀 = 4, 👨‍👩‍👧‍👦 = 25).
 */
export function threadsLength(text: string): number {
  let length = 0;
  for (const grapheme of splitGraphemes(text)) length += EMOJI.test(grapheme) ? utf8Length(grapheme) : 1;
  return length;
}

// Also at most 5 distinct links per post (THREADS_API__LINK_LIMIT_EXCEEDED since Dec 2025).
export const threadsRule: Rule = {
  splittable: true,
  entities: threadsEntities,
  measure(text, opts) {
    const limit = opts?.limit ?? THREADS_LIMIT;
    const length = threadsLength(text);
    const measured = lengthMeasure(text, length, limit);
    if (!measured.ok) return measured;
    if (countDistinctUrls(text) > THREADS_MAX_LINKS) return { length, limit, ok: false, detail: 'links' };
    return measured;
  },
};
