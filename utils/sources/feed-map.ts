import type { AnyFeed } from 'feedsmith';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { parseFeedDate, parseRfc3339, WIB_OFFSET_MINUTES } from './dates';
import { clip, plainText, stripTags } from '../text/html';
import type { RawItem } from './types';

// Turns feedsmith's four shapes into RawItems. Everything from the feed is untrusted: text goes through
// stripTags, links are resolved and must be http(s) (a `javascript:` link must never reach the UI).
// Spec sections cited: RSS 2.0 (https://www.rssboard.org/rss-specification), RSS 1.0
// (https://web.resource.org/rss/1.0/spec), Atom (RFC 4287), JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).

export const MAX_TITLE_CHARS = 500;
export const MAX_SUMMARY_CHARS = 1000;

/** Fields picked from one entry before cleaning. `html` tells whether title/summary are markup. */
interface Picked {
  id?: string;
  link?: string;
  title?: string;
  titleIsHtml: boolean;
  summary?: string;
  summaryIsHtml: boolean;
  author?: string;
  date?: string;
  /** JSON Feed dates are RFC 3339 only (§items `date_published`). */
  strictDate?: boolean;
  outlet?: string;
  /** The outlet's own address where an aggregator names it (RSS `<source url>`, Google News). */
  outletUrl?: string;
  language?: string;
  /** The entry's xml:base (XML Base §3), relative to the root's. */
  base?: string;
}

export interface FeedMeta {
  title: string;
  link?: string;
  language?: string;
  /** The root element's xml:base. */
  base?: string;
}

/** Absolute http(s) URL, or undefined. */
export function absoluteHttpUrl(raw: string | undefined, base?: string): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  try {
    const url = base ? new URL(value, base) : new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function shortHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, 32);
}

/** RFC 4287 §3.1.1 / §4.1.3.1: "html", "xhtml", or a MIME type such as text/html are markup; "text" is not. */
function atomText(text: { value?: string; type?: string } | undefined): [string | undefined, boolean] {
  const type = text?.type?.toLowerCase() ?? 'text';
  return [text?.value, type === 'html' || type === 'xhtml' || type.includes('html')];
}

type MediaText = { value?: string; type?: string } | undefined;
interface MediaLike {
  description?: MediaText;
  groups?: Array<{ description?: MediaText }>;
  contents?: Array<{ description?: MediaText }>;
}

/** Media RSS §5 `media:description` (item level, in a media:group, or on a media:content), for feeds such as YouTube's that carry nothing else. */
function mediaDescription(media: MediaLike | undefined): [string | undefined, boolean] {
  const found =
    media?.description ??
    media?.groups?.find((group) => group.description)?.description ??
    media?.contents?.find((content) => content.description)?.description;
  return [found?.value, found?.type === 'html'];
}

/** The entry's own text, else its media description (fault 8: YouTube keeps text only there). */
function withMedia(summary: [string | undefined, boolean], media: MediaLike | undefined): [string | undefined, boolean] {
  return summary[0]?.trim() ? summary : mediaDescription(media);
}

/**
 * The alternate link (RFC 4287 §4.2.7.2). An empty href is a same-document reference that resolves to
 * the base (RFC 3986 §5.2; feedsmith drops the empty attribute), so it comes back as "".
 */
function atomLink(links: Array<{ href?: string; rel?: string; type?: string }> | undefined): string | undefined {
  const alternates = (links ?? []).filter((link) => !link.rel || link.rel === 'alternate');
  const chosen = alternates.find((link) => !link.type || link.type.includes('html')) ?? alternates[0];
  return chosen ? (chosen.href ?? '') : undefined;
}

/** A link resolved against its base; "" is the base itself. */
function resolveLink(raw: string | undefined, base: string | undefined): string | undefined {
  return raw === '' ? absoluteHttpUrl(base) : absoluteHttpUrl(raw, base);
}

function isUrlLike(value: string | undefined): boolean {
  return !!value && /^https?:\/\//i.test(value.trim());
}

function pick(parsed: AnyFeed): { meta: FeedMeta; entries: Picked[] } {
  switch (parsed.format) {
    case 'rss': {
      const feed = parsed.feed;
      const meta = {
        title: stripTags(feed.title),
        link: feed.link ?? atomLink(feed.atom?.links),
        language: feed.language ?? feed.dc?.languages?.[0],
        base: feed.xml?.base,
      };
      const entries = (feed.items ?? []).map((item): Picked => {
        const [summary, summaryIsHtml] = withMedia([item.description ?? item.content?.encoded ?? item.dc?.descriptions?.[0], true], item.media);
        return {
          id: item.guid?.value,
          // RSS guids are permalinks unless isPermaLink="false".
          link: item.link ?? (item.guid?.isPermaLink !== false && isUrlLike(item.guid?.value) ? item.guid?.value : undefined) ?? atomLink(item.atom?.links),
          title: item.title ?? item.dc?.titles?.[0],
          titleIsHtml: true,
          summary,
          summaryIsHtml,
          author: item.authors?.[0]?.name ?? item.dc?.creators?.[0] ?? item.authors?.[0]?.email,
          date: item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.published ?? item.atom?.updated,
          outlet: item.source?.title,
          outletUrl: item.source?.url,
          language: item.dc?.languages?.[0],
          base: item.xml?.base,
        };
      });
      return { meta, entries };
    }
    case 'atom': {
      const feed = parsed.feed;
      const meta = { title: stripTags(feed.title?.value), link: atomLink(feed.links), language: feed.xml?.lang, base: feed.xml?.base };
      const entries = (feed.entries ?? []).map((entry): Picked => {
        const [title, titleIsHtml] = atomText(entry.title);
        const [summary, summaryIsHtml] = withMedia(atomText(entry.summary ?? entry.content), entry.media);
        return {
          id: entry.id,
          link: atomLink(entry.links),
          title,
          titleIsHtml,
          summary,
          summaryIsHtml,
          author: entry.authors?.[0]?.name ?? entry.dc?.creators?.[0],
          date: entry.published ?? entry.updated ?? entry.dc?.dates?.[0],
          outlet: entry.source?.title?.value,
          language: entry.xml?.lang,
          base: entry.xml?.base,
        };
      });
      return { meta, entries };
    }
    case 'rdf': {
      const feed = parsed.feed;
      const meta = { title: stripTags(feed.title), link: feed.link, language: feed.dc?.languages?.[0], base: feed.xml?.base };
      const entries = (feed.items ?? []).map((item): Picked => ({
        id: item.rdf?.about,
        link: item.link,
        title: item.title,
        titleIsHtml: true,
        summary: item.description ?? item.content?.encoded ?? item.dc?.descriptions?.[0],
        summaryIsHtml: true,
        base: item.xml?.base,
        author: item.dc?.creators?.[0],
        date: item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0],
        outlet: item.dc?.publishers?.[0],
        language: item.dc?.languages?.[0],
      }));
      return { meta, entries };
    }
    case 'json': {
      const feed = parsed.feed;
      const meta = { title: plainText(feed.title), link: feed.home_page_url, language: feed.language };
      const entries = (feed.items ?? []).map((item): Picked => {
        const summaryIsHtml = !item.summary && !item.content_text;
        return {
          id: item.id,
          link: item.url ?? item.external_url,
          title: item.title,
          titleIsHtml: false,
          summary: item.summary ?? item.content_text ?? item.content_html,
          summaryIsHtml,
          author: item.authors?.[0]?.name ?? feed.authors?.[0]?.name,
          date: item.date_published ?? item.date_modified,
          strictDate: true,
          language: item.language,
        };
      });
      return { meta, entries };
    }
  }
}

function asString(value: unknown): string | undefined {
  // feedsmith types say string, but odd feeds yield numbers or objects; never trust the shape.
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function clean(value: unknown, html: boolean): string {
  const text = asString(value);
  return html ? stripTags(text) : plainText(text);
}

export interface Mapped {
  meta: FeedMeta;
  items: RawItem[];
  /** Entries dropped because they had no usable http(s) link (or no link and no text). */
  skipped: number;
}

export interface MapOptions {
  /** The URL the feed was fetched from, after redirects. */
  documentUrl?: string;
  /** For the future-date rule of parseFeedDate. */
  now?: number;
}

/** An absolute URL for use as a base (any scheme XML Base allows, but only one that parses). */
function baseOf(raw: string | undefined, parent: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return parent;
  try {
    return new URL(value, parent).href;
  } catch {
    return parent;
  }
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).hostname : '';
  } catch {
    return '';
  }
}

/**
 * Maps a parsed feed to RawItems in document order.
 * - Links resolve against the entry's xml:base, then the root's, then the document URL (RFC 4287 §2,
 *   XML Base §4.2, RFC 3986 §5.1); the channel link is only a base when the document URL is unknown.
 * - An entry with no link of its own points at the feed's site (`siteOnly`), so it can be opened; its
 *   identity is its guid/id, else its own link, else a hash of feed + title + date — never the site link.
 * - A date without a zone is read in WIB when the feed is Indonesian (language `id`, or a `.id` host).
 */
export function mapFeed(parsed: AnyFeed, options: MapOptions = {}): Mapped {
  const { meta, entries } = pick(parsed);
  const documentUrl = absoluteHttpUrl(options.documentUrl);
  const siteLink = resolveLink(asString(meta.link), documentUrl);
  const rootBase = baseOf(asString(meta.base), documentUrl ?? siteLink);
  const site = siteLink ?? documentUrl;
  const feedKey = documentUrl ?? site ?? meta.title;
  const indonesianHost = [documentUrl, siteLink].some((url) => /\.id$/i.test(hostOf(url)));
  const items: RawItem[] = [];
  let skipped = 0;
  for (const entry of entries) {
    const base = baseOf(asString(entry.base), rootBase);
    const ownUrl = resolveLink(asString(entry.link), base) ?? (isUrlLike(asString(entry.id)) ? absoluteHttpUrl(asString(entry.id)) : undefined);
    const title = clip(clean(entry.title, entry.titleIsHtml), MAX_TITLE_CHARS);
    const summary = clip(clean(entry.summary, entry.summaryIsHtml), MAX_SUMMARY_CHARS);
    const url = ownUrl ?? site;
    if (!url || (!ownUrl && !title && !summary)) {
      skipped++;
      continue;
    }
    const language = asString(entry.language) ?? asString(meta.language);
    const indonesian = indonesianHost || /^id(?:[-_]|$)/i.test(language?.trim() ?? '');
    const rawDate = asString(entry.date) ?? '';
    const dateOptions = { now: options.now, zonelessOffset: indonesian ? WIB_OFFSET_MINUTES : 0 };
    const publishedAt = entry.strictDate ? parseRfc3339(rawDate, dateOptions) : parseFeedDate(rawDate, dateOptions);
    const id = asString(entry.id)?.trim();
    const item: RawItem = {
      guid: id || ownUrl || `h:${shortHash(`${feedKey}\n${title}\n${rawDate}`)}`,
      url,
      title,
      summary,
      outlet: clip(stripTags(asString(entry.outlet)) || meta.title || new URL(url).hostname, 200),
    };
    if (!ownUrl) item.siteOnly = true;
    const author = clip(stripTags(asString(entry.author)), 200);
    if (author) item.author = author;
    const outletUrl = absoluteHttpUrl(asString(entry.outletUrl));
    if (outletUrl) item.outletUrl = outletUrl;
    if (publishedAt !== undefined) item.publishedAt = publishedAt;
    if (language && /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/.test(language.trim())) item.language = language.trim().toLowerCase().replace('_', '-');
    items.push(item);
  }
  return { meta, items, skipped };
}
