import { lengthMeasure, type Rule } from '../../text/rule';

// Instagram caption rules, from the IG User Media reference ("caption … Maximum 2200 characters,
// 30 hashtags, and 20 @ tags": https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media#creating).
export const INSTAGRAM_LIMIT = 2200;
export const INSTAGRAM_MAX_HASHTAGS = 30;
export const INSTAGRAM_MAX_MENTIONS = 20;

// A tag starts after a non-word character; `&#39;` entities and `a#b` inside words are not tags.
const HASHTAG = /(?<![\p{L}\p{N}_&#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu;
// Instagram usernames: letters, digits, `.` and `_`, at most 30 (help.instagram.com/370452623149242);
// an address like humas@example.go.id is not a mention, hence the look-behind.
const MENTION = /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9._]{1,30}(?![A-Za-z0-9_])/gu;

/** Every `#tag` in a caption as Instagram counts it (each occurrence). */
export const countHashtags = (text: string) => text.match(HASHTAG)?.length ?? 0;
/** Every `@username` in a caption as Instagram counts it (each occurrence, e-mail addresses excluded). */
export const countMentions = (text: string) => text.match(MENTION)?.length ?? 0;

/**
 * Length in UTF-16 code units (an emoji may count 2: the safe side of Meta's unspecified count) against
 * 2,200, then the hashtag and mention caps. Instagram has no threads, so a long caption is not split.
 */
export const instagramRule: Rule = {
  splittable: false,
  measure(text, opts) {
    const base = lengthMeasure(text, text.length, opts?.limit ?? INSTAGRAM_LIMIT);
    if (!base.ok) return base;
    if (countHashtags(text) > INSTAGRAM_MAX_HASHTAGS) return { ...base, ok: false, detail: 'hashtags' };
    if (countMentions(text) > INSTAGRAM_MAX_MENTIONS) return { ...base, ok: false, detail: 'mentions' };
    return base;
  },
};
