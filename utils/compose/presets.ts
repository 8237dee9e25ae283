import { extractHashtagsWithIndices } from '../text/twitter';

const LEADING_HASH = /^[#＃]+/;
const HASHTAG_LINE = /^\s*([#＃][\p{L}\p{N}_]+\s*)+$/u;

function normaliseTag(tag: string): string {
  return tag.trim().replace(LEADING_HASH, '').replace(/\s+/g, '');
}

function tagKey(tag: string): string {
  return tag.toLocaleLowerCase('id');
}

/**
 * Appends the agency's hashtags on their own line, skipping any already in the text (case-insensitive)
 * and repeated ones. When the last line is already hashtags, the new ones join it, so applying twice
 * changes nothing.
 */
export function applyHashtags(text: string, tags: readonly string[]): string {
  const present = new Set(extractHashtagsWithIndices(text).map(({ hashtag }) => tagKey(hashtag)));
  const additions: string[] = [];
  for (const tag of tags.map(normaliseTag)) {
    if (!tag || present.has(tagKey(tag))) continue;
    present.add(tagKey(tag));
    additions.push(`#${tag}`);
  }
  if (additions.length === 0) return text;
  const body = text.trimEnd();
  const line = additions.join(' ');
  if (!body) return line;
  const lastLine = body.slice(body.lastIndexOf('\n') + 1);
  return HASHTAG_LINE.test(lastLine) ? `${body} ${line}` : `${body}\n${line}`;
}

/** Adds the signature (e.g. "— Humas Kemenkeu") on its own line unless the text already ends with it. */
export function applySignature(text: string, signature: string): string {
  const cleanSignature = signature.trim();
  if (!cleanSignature) return text;
  const body = text.trimEnd();
  if (body.endsWith(cleanSignature)) return text;
  return body ? `${body}\n${cleanSignature}` : cleanSignature;
}
