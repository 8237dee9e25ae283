import { parseTweet, X_DEFAULT_LIMIT } from '../twitter';
import { isBlank, type Rule } from './types';

// Weighted length from twitter-text itself: CJK and emoji weigh 2, every URL 23, per X's v3 config.
export const xRule: Rule = {
  splittable: true,
  measure(text, opts) {
    const limit = opts?.limit ?? X_DEFAULT_LIMIT;
    const parsed = parseTweet(text, opts?.limit);
    const length = parsed.weightedLength;
    if (isBlank(text)) return { length, limit, ok: false, detail: 'empty' };
    if (parsed.valid) return { length, limit, ok: true };
    // twitter-text is also invalid for characters X rejects (U+FFFE, U+FEFF, U+FFFF).
    return { length, limit, ok: false, detail: length > limit ? 'length' : 'invalid-characters' };
  },
};
