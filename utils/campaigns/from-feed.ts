import { parseFeed as feedsmithParse } from 'feedsmith';
import { webUrl } from '../compose/page';
import { parseFeedDate, parseRfc3339 } from '../sources/dates';
import { decodeBytes } from '../sources/encoding';
import { clip, plainText, stripTags } from '../text/html';
import { MAX_KIT_FILE_BYTES, MAX_KIT_TEXT, parseKitFile, readKits, type KitRead } from './kit';

// A campaign source is either a Siar kit file (JSON) or an ordinary RSS/Atom/JSON feed whose items become
// kits (issue 19.1): title → title, link → link, description → base text, categories → hashtags, an image
// enclosure (or Media RSS image) → image. feedsmith reads the feed; the mapping is ours.

type Loose = Record<string, unknown> | undefined;
const str = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string') return (value as { value: string }).value;
  return undefined;
};
const list = (value: unknown): Loose[] => (Array.isArray(value) ? (value as Loose[]) : []);

/** "HUT RI ke-81" → "HUTRIke81": a category becomes one hashtag word (letters, digits, _), or nothing. */
export function categoryToHashtag(category: string): string | undefined {
  const tag = category
    .normalize('NFKC')
    .replace(/^#/, '')
    .replace(/[^\p{L}\p{N}_]+/gu, '');
  return tag && tag.length <= 100 ? tag : undefined;
}

function imageOf(entry: Record<string, unknown>, base?: string): { url: string; alt: string } | undefined {
  const enclosures = [
    ...list(entry.enclosures),
    ...list(entry.links)
      .filter((link) => str(link?.rel) === 'enclosure')
      .map((link) => ({ url: link?.href, type: link?.type })),
  ];
  for (const enclosure of enclosures) {
    const url = webUrl(str(enclosure?.url), base);
    if (url && /^image\//i.test(str(enclosure?.type) ?? '')) return { url, alt: '' };
  }
  const media = (entry.media ?? {}) as { contents?: Loose[]; thumbnails?: Loose[] };
  for (const content of list(media.contents)) {
    const url = webUrl(str(content?.url), base);
    if (url && (str(content?.medium) === 'image' || /^image\//i.test(str(content?.type) ?? ''))) {
      return { url, alt: plainText(str(content?.description) ?? str((content?.description as Loose)?.value) ?? '') };
    }
  }
  const jsonImage = webUrl(str(entry.image), base);
  return jsonImage ? { url: jsonImage, alt: '' } : undefined;
}

function linkOf(entry: Record<string, unknown>, base?: string): string | undefined {
  const direct = webUrl(str(entry.link) ?? str(entry.url), base);
  if (direct) return direct;
  const alternate = list(entry.links).find((link) => !str(link?.rel) || str(link?.rel) === 'alternate');
  return webUrl(str(alternate?.href), base);
}

/**
 * Reads a campaign source's bytes: a Siar kit file, or a feed whose items become kits.
 * `documentUrl`: where the bytes came from (after redirects), the base for relative links.
 * `now`: ms since the epoch, for feed items without a date (their kit starts now).
 * Never throws: an unreadable document gives `fatal`, a bad item one line in `problems`.
 */
export function readCampaignSource(bytes: Uint8Array, contentType: string | null | undefined, documentUrl: string, now: number): KitRead & { fatal?: string } {
  if (bytes.byteLength > MAX_KIT_FILE_BYTES) return { kits: [], problems: [], fatal: `The campaign file is larger than ${MAX_KIT_FILE_BYTES / 1024} KB.` };
  const text = decodeBytes(bytes, contentType);
  if (/^\s*\{[\s\S]*"siarKits"/.test(text.slice(0, 4096))) return parseKitFile(text);
  let parsed: ReturnType<typeof feedsmithParse>;
  try {
    parsed = feedsmithParse(text);
  } catch {
    return { kits: [], problems: [], fatal: 'This address gives neither a Siar kit file nor an RSS/Atom feed.' };
  }
  const feed = parsed.feed as { items?: Loose[]; entries?: Loose[] };
  const entries = list(feed.items ?? feed.entries);
  const items = entries.map((raw) => {
    const entry = raw ?? {};
    const link = linkOf(entry, documentUrl);
    const title = plainText(stripTags(str(entry.title) ?? ''));
    const description = str(entry.description) ?? str(entry.summary) ?? str(entry.content_text) ?? stripTags(str(entry.content_html) ?? '');
    const body = clip(plainText(stripTags(description ?? '')), MAX_KIT_TEXT) || title;
    const dated = parseFeedDate(str(entry.pubDate) ?? str(entry.date_published)) ?? parseRfc3339(str(entry.updated) ?? str(entry.published)) ?? now;
    const tags = list(entry.categories)
      .map((category) => categoryToHashtag(str(category?.name) ?? str(category?.term) ?? ''))
      .concat((Array.isArray(entry.tags) ? (entry.tags as unknown[]) : []).map((tag) => categoryToHashtag(String(tag))));
    const image = imageOf(entry, documentUrl);
    return {
      id: str(entry.guid) ?? str(entry.id) ?? link ?? title,
      updated: new Date(dated).toISOString(),
      title: title || body.slice(0, 120),
      period: { start: new Date(dated).toISOString() },
      link: link ?? '',
      ...(image ? { image: { url: image.url, alt: image.alt || title } } : {}),
      text: body,
      hashtags: [...new Set(tags.filter((tag): tag is string => !!tag))].slice(0, 30),
    };
  });
  return readKits(items);
}
