import { DetectError, MalformedError, ParseError, parseFeed as feedsmithParse, type AnyFeed } from 'feedsmith';
import { decodeBytes } from './encoding';
import { mapFeed } from './feed-map';
import type { RawItem } from './types';
import { closeCutOffFeed, rootClosed, rootName, withoutRdfTableOfContents } from './xml-repair';

/** Feeds above this are refused outright: a news feed is rarely over 1 MB, and IndexedDB is on the officer's laptop. */
export const MAX_FEED_BYTES = 10 * 1024 * 1024;
/** Only the newest items are kept: a first poll of a huge archive feed must not flood the inbox. */
export const MAX_FEED_ITEMS = 2000;

export type FeedErrorCode = 'not-a-feed' | 'malformed' | 'too-large' | 'empty';

export interface ParseFeedOptions {
  /**
   * The URL the feed was fetched from, after redirects. Relative links resolve against the entry's
   * xml:base, then the root's, then this (RFC 4287 §2, XML Base §4.2, RFC 3986 §5.1.3).
   */
  baseUrl?: string;
  /** Now, in ms since the epoch (default Date.now()): dates more than a day after it are unknown. */
  now?: number;
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
      /** The document was cut off: the items that ended before the cut are read, the source should say so. */
      truncated: boolean;
    }
  | { ok: false; error: { code: FeedErrorCode; detail: string } };

function fail(code: FeedErrorCode, detail: string): ParseFeedResult {
  return { ok: false, error: { code, detail } };
}

/** Start of the document after BOM, whitespace and XML comments/prolog: is it an HTML page? */
function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[^>]*\?>|<!--[\s\S]*?-->|\s+/g, ' ')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<head') || head.startsWith('<body');
}

function newestFirst(items: RawItem[], max: number): { items: RawItem[]; dropped: number } {
  if (items.length <= max) return { items, dropped: 0 };
  // Undated items sort after dated ones; ties keep document order (feeds usually list newest first).
  const order = items.map((item, index) => ({ item, index }));
  order.sort((a, b) => (b.item.publishedAt ?? -Infinity) - (a.item.publishedAt ?? -Infinity) || a.index - b.index);
  return { items: order.slice(0, max).map((entry) => entry.item), dropped: items.length - max };
}

/** A document that starts like JSON but does not parse is a broken (often cut-off) JSON Feed, not "no feed". */
function brokenJson(text: string): string | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('{') && !start.startsWith('[')) return undefined;
  try {
    JSON.parse(start);
    return undefined;
  } catch (error) {
    return `The JSON is broken or cut off: ${error instanceof Error ? error.message : 'unreadable'}`.slice(0, 200);
  }
}

/**
 * feedsmith's reading of an XML or JSON document, with RSS 1.0's item list ignored (every <item> counts)
 * and a cut-off XML document read up to its last complete item.
 */
function readDocument(text: string): { parsed: AnyFeed; truncated: boolean } {
  const root = rootName(text);
  if (!root || text.trimStart().startsWith('{')) return { parsed: feedsmithParse(text), truncated: false };
  const source = /(?:^|:)RDF$/.test(root) ? withoutRdfTableOfContents(text) : text;
  if (rootClosed(source, root)) return { parsed: feedsmithParse(source), truncated: false };
  const closed = closeCutOffFeed(source, root);
  if (closed === undefined) return { parsed: feedsmithParse(source), truncated: true };
  try {
    return { parsed: feedsmithParse(closed), truncated: true };
  } catch {
    // The cut landed somewhere the repair cannot mend (inside CDATA that holds "</item>"): read as sent.
    return { parsed: feedsmithParse(source), truncated: true };
  }
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
    const broken = brokenJson(text);
    if (broken) return fail('malformed', broken);
    const { parsed, truncated } = readDocument(text);
    const mapped = mapFeed(parsed, { documentUrl: options.baseUrl, now: options.now ?? Date.now() });
    const { items, dropped } = newestFirst(mapped.items, options.maxItems ?? MAX_FEED_ITEMS);
    return {
      ok: true,
      items,
      ...(mapped.meta.title ? { title: mapped.meta.title } : {}),
      ...(mapped.meta.link ? { link: mapped.meta.link } : {}),
      format: parsed.format,
      dropped,
      skipped: mapped.skipped,
      truncated,
    };
  } catch (error) {
    if (error instanceof DetectError) return fail('not-a-feed', 'No RSS, Atom, RDF or JSON Feed found.');
    if (error instanceof MalformedError || error instanceof ParseError) return fail('malformed', error.message);
    // Anything else (a parser bug on hostile input, a stack overflow on deep nesting) is still bad content.
    return fail('malformed', `Unexpected ${error instanceof Error ? `${error.name}: ${error.message}` : 'failure'}`.slice(0, 200));
  }
}
