// Which language a post is in, for the networks that tag posts (Bluesky `langs`, Mastodon `language`).
// The page's own <html lang> wins. Without it, the text decides between Indonesian and English, the two
// languages Siar's officers write in: a count of each language's commonest function words is enough for
// that, where a general detector (franc, cld) would weigh tens of kilobytes for 180 languages we never
// need to tell apart.

const INDONESIAN = new Set([
  'yang',
  'dan',
  'di',
  'ke',
  'dari',
  'untuk',
  'dengan',
  'ini',
  'itu',
  'pada',
  'tidak',
  'akan',
  'kami',
  'dalam',
  'adalah',
  'juga',
  'bagi',
  'warga',
  'oleh',
]);
const ENGLISH = new Set(['the', 'and', 'of', 'to', 'for', 'with', 'is', 'are', 'this', 'that', 'on', 'will', 'we', 'in', 'by', 'from', 'our', 'be']);

/**
 * The primary language subtag for a post: the page's BCP 47 tag reduced to its language ("id-ID" → "id"),
 * else "en" when the text reads as English, else "id". Bluesky's `langs` and Mastodon's `language` take
 * such a tag (app.bsky.feed.post lexicon; docs.joinmastodon.org/methods/statuses/#create, ISO 639-1).
 */
export function postLanguage(pageLang: string | undefined, text: string): string {
  const primary = /^([A-Za-z]{2,3})(?:-|$)/.exec(pageLang?.trim() ?? '')?.[1]?.toLowerCase();
  if (primary && primary !== 'und') return primary;
  let id = 0;
  let en = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (INDONESIAN.has(word)) id++;
    if (ENGLISH.has(word)) en++;
  }
  return en > id ? 'en' : 'id';
}
