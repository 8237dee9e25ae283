import { DetectError, MalformedError, ParseError, parseFeed as feedsmithParse } from 'feedsmith';
import { decodeBytes } from './encoding';
import { mapFeed } from './feed-map';
import type { RawItem } from './types';

/** Feeds above this are refused outright: a news feed is rarely over 1 MB, and IndexedDB is on the officer's laptop. */
export const MAX_FEED_BYTES = 10 * 1024 * 1024;
/** Only the newest items are kept: a first poll of a huge archive feed must not flood the inbox. */
export const MAX_FEED_ITEMS = 2000;

export type FeedErrorCode = 'not-a-feed' | 'malformed' | 'too-large' | 'empty';

export interface ParseFeedOptions {
  /** Where the feed was fetched from; relative links resolve against the feed's own link, then this. */
  baseUrl?: string;
  maxBytes?: number;
  maxItems?: number;
}

export type ParseFeedResult =
  | {
    ok: true;
    items: RawItem[];
    title?: string;
    link?: string;
    format: 'rss' | 'atom' | 'rdf' | 'json';
    /** Items left out by the item cap (oldest first). */
    dropped: number;
    /** Entries left out because they had no usable link or text. */
    skipped: number;
  }
  | { ok: false; error: { code: FeedErrorCode; detail: string } };

function fail(code: FeedErrorCode, detail: string): ParseFeedResult {
  return { ok: false, error: { code, detail } };
}

/** Start of the document after BOM, whitespace and XML comments/prolog: is it an HTML page? */
function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').replace(/<\?xml[^>]*\?>|<!--[\s\S]*?-->|\s+/g, ' ').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<head') || head.startsWith('<body');
}

function newestFirst(items: RawItem[], max: number): { items: RawItem[]; dropped: number } {
  if (items.length <= max) return { items, dropped: 0 };
  // Undated items sort after dated ones; ties keep document order (feeds usually list newest first).
  const order = items.map((item, index) => ({ item, index }));
  order.sort((a, b) => (b.item.publishedAt ?? -Infinity) - (a.item.publishedAt ?? -Infinity) || a.index - b.index);
  return { items: order.slice(0, max).map((entry) => entry.item), dropped: items.length - max };
}

/**
 * Parses RSS 0.9x/2.0, Atom, RDF (RSS 1.0) and JSON Feed bytes into plain-text RawItems.
 * Never throws: every failure is a typed result, because a feed is untrusted input.
 */
export function parseFeed(bytes: Uint8Array, contentType?: string | null, options: ParseFeedOptions = {}): ParseFeedResult {
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  try {
    if (bytes.byteLength === 0) return fail('empty', 'The response body is empty.');
    if (bytes.byteLength > maxBytes) return fail('too-large', `${bytes.byteLength} bytes, limit ${maxBytes}.`);
    const text = decodeBytes(bytes, contentType);
    if (!text.trim()) return fail('empty', 'The response body is only whitespace.');
    if (looksLikeHtml(text)) return fail('not-a-feed', 'This is an HTML page, not a feed.');
    const parsed = feedsmithParse(text);
    const mapped = mapFeed(parsed, options.baseUrl);
    const { items, dropped } = newestFirst(mapped.items, options.maxItems ?? MAX_FEED_ITEMS);
    return {
      ok: true,
      items,
      ...(mapped.meta.title ? { title: mapped.meta.title } : {}),
      ...(mapped.meta.link ? { link: mapped.meta.link } : {}),
      format: parsed.format,
      dropped,
      skipped: mapped.skipped,
    };
  } catch (error) {
    if (error instanceof DetectError) return fail('not-a-feed', 'No RSS, Atom, RDF or JSON Feed found.');
    if (error instanceof MalformedError || error instanceof ParseError) return fail('malformed', error.message);
    // Anything else (a parser bug on hostile input, a stack overflow on deep nesting) is still bad content.
    return fail('malformed', `Unexpected ${error instanceof Error ? `${error.name}: ${error.message}` : 'failure'}`.slice(0, 200));
  }
}
