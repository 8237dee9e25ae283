import type { AnyFeed } from 'feedsmith';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { parseFeedDate } from './dates';
import { clip, plainText, stripTags } from './text';
import type { RawItem } from './types';

// Turns feedsmith's four shapes into RawItems. Everything from the feed is untrusted: text goes through
// stripTags, links are resolved and must be http(s) (a `javascript:` link must never reach the UI).

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
  outlet?: string;
  /** The outlet's own address where an aggregator names it (RSS `<source url>`, Google News). */
  outletUrl?: string;
  language?: string;
}

export interface FeedMeta {
  title: string;
  link?: string;
  language?: string;
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

function atomText(text: { value?: string; type?: string } | undefined): [string | undefined, boolean] {
  return [text?.value, text?.type === 'html' || text?.type === 'xhtml'];
}

function atomLink(links: Array<{ href?: string; rel?: string; type?: string }> | undefined): string | undefined {
  const alternates = (links ?? []).filter((link) => !link.rel || link.rel === 'alternate');
  return (alternates.find((link) => !link.type || link.type.includes('html')) ?? alternates[0])?.href;
}

function isUrlLike(value: string | undefined): boolean {
  return !!value && /^https?:\/\//i.test(value.trim());
}

function pick(parsed: AnyFeed): { meta: FeedMeta; entries: Picked[] } {
  switch (parsed.format) {
    case 'rss': {
      const feed = parsed.feed;
      const meta = { title: stripTags(feed.title), link: feed.link ?? atomLink(feed.atom?.links), language: feed.language ?? feed.dc?.languages?.[0] };
      const entries = (feed.items ?? []).map((item): Picked => ({
        id: item.guid?.value,
        // RSS guids are permalinks unless isPermaLink="false".
        link: item.link ?? (item.guid?.isPermaLink !== false && isUrlLike(item.guid?.value) ? item.guid?.value : undefined) ?? atomLink(item.atom?.links),
        title: item.title ?? item.dc?.titles?.[0],
        titleIsHtml: true,
        summary: item.description ?? item.content?.encoded ?? item.dc?.descriptions?.[0],
        summaryIsHtml: true,
        author: item.authors?.[0]?.name ?? item.dc?.creators?.[0] ?? item.authors?.[0]?.email,
        date: item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.published ?? item.atom?.updated,
        outlet: item.source?.title,
        outletUrl: item.source?.url,
        language: item.dc?.languages?.[0],
      }));
      return { meta, entries };
    }
    case 'atom': {
      const feed = parsed.feed;
      const meta = { title: stripTags(feed.title?.value), link: atomLink(feed.links), language: feed.xml?.lang };
      const entries = (feed.entries ?? []).map((entry): Picked => {
        const [title, titleIsHtml] = atomText(entry.title);
        const [summary, summaryIsHtml] = atomText(entry.summary ?? entry.content);
        return {
          id: entry.id, link: atomLink(entry.links), title, titleIsHtml, summary, summaryIsHtml,
          author: entry.authors?.[0]?.name ?? entry.dc?.creators?.[0],
          date: entry.published ?? entry.updated ?? entry.dc?.dates?.[0],
          outlet: entry.source?.title?.value, language: entry.xml?.lang,
        };
      });
      return { meta, entries };
    }
    case 'rdf': {
      const feed = parsed.feed;
      const meta = { title: stripTags(feed.title), link: feed.link, language: feed.dc?.languages?.[0] };
      const entries = (feed.items ?? []).map((item): Picked => ({
        id: item.rdf?.about, link: item.link, title: item.title, titleIsHtml: true,
        summary: item.description ?? item.content?.encoded ?? item.dc?.descriptions?.[0], summaryIsHtml: true,
        author: item.dc?.creators?.[0], date: item.dc?.dates?.[0] ?? item.dcterms?.issued?.[0],
        outlet: item.dc?.publishers?.[0], language: item.dc?.languages?.[0],
      }));
      return { meta, entries };
    }
    case 'json': {
      const feed = parsed.feed;
      const meta = { title: plainText(feed.title), link: feed.home_page_url, language: feed.language };
      const entries = (feed.items ?? []).map((item): Picked => {
        const summaryIsHtml = !item.summary && !item.content_text;
        return {
          id: item.id, link: item.url ?? item.external_url, title: item.title, titleIsHtml: false,
          summary: item.summary ?? item.content_text ?? item.content_html, summaryIsHtml,
          author: item.authors?.[0]?.name ?? feed.authors?.[0]?.name,
          date: item.date_published ?? item.date_modified, language: item.language,
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

/** Maps a parsed feed to RawItems in document order. `baseUrl` is where the feed was fetched from. */
export function mapFeed(parsed: AnyFeed, baseUrl?: string): Mapped {
  const { meta, entries } = pick(parsed);
  const feedBase = absoluteHttpUrl(asString(meta.link), baseUrl) ?? absoluteHttpUrl(baseUrl);
  const items: RawItem[] = [];
  let skipped = 0;
  for (const entry of entries) {
    const ownUrl = absoluteHttpUrl(asString(entry.link), feedBase) ?? (isUrlLike(asString(entry.id)) ? absoluteHttpUrl(asString(entry.id)) : undefined);
    const title = clip(clean(entry.title, entry.titleIsHtml), MAX_TITLE_CHARS);
    const summary = clip(clean(entry.summary, entry.summaryIsHtml), MAX_SUMMARY_CHARS);
    // A link-less entry (some agency announcement feeds) points at the feed's site; without that, or
    // without any text, there is nothing an officer could open or read.
    const url = ownUrl ?? feedBase;
    if (!url || (!ownUrl && !title && !summary)) {
      skipped++;
      continue;
    }
    const rawDate = asString(entry.date) ?? '';
    const publishedAt = parseFeedDate(rawDate);
    const id = asString(entry.id)?.trim();
    const item: RawItem = {
      guid: id || ownUrl || `h:${shortHash(`${title}\n${rawDate}`)}`,
      url,
      title,
      summary,
      outlet: clip(stripTags(asString(entry.outlet)) || meta.title || new URL(url).hostname, 200),
    };
    const author = clip(stripTags(asString(entry.author)), 200);
    if (author) item.author = author;
    const outletUrl = absoluteHttpUrl(asString(entry.outletUrl));
    if (outletUrl) item.outletUrl = outletUrl;
    if (publishedAt !== undefined) item.publishedAt = publishedAt;
    const language = asString(entry.language) ?? asString(meta.language);
    if (language && /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/.test(language.trim())) item.language = language.trim().toLowerCase().replace('_', '-');
    items.push(item);
  }
  return { meta, items, skipped };
}
