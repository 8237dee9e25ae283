import { blueskyEntities } from '../../text/entities';
import { countGraphemes, utf8Length } from '../../text/graphemes';
import { lengthMeasure, type Rule } from '../../text/rule';

export const BLUESKY_GRAPHEME_LIMIT = 300;
export const BLUESKY_BYTE_LIMIT = 3000;

// Graphemes (app.bsky.feed.post maxGraphemes 300) and UTF-8 bytes (maxLength 3000); URLs count in full.
export const blueskyRule: Rule = {
  splittable: true,
  entities: blueskyEntities,
  measure(text, opts) {
    const limit = opts?.limit ?? BLUESKY_GRAPHEME_LIMIT;
    const length = countGraphemes(text);
    const measured = lengthMeasure(text, length, limit);
    if (!measured.ok) return measured;
    if (utf8Length(text) > BLUESKY_BYTE_LIMIT) return { length, limit, ok: false, detail: 'bytes' };
    return measured;
  },
};
