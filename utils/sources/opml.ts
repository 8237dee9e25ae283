import { parseOpml } from 'feedsmith';
import { MAX_OPML_FEEDS } from './kinds';
import { isIpLiteral, privateHostOf } from '../net/private-host';
import { decodeBytes } from './encoding';
import { absoluteHttpUrl } from './feed-map';
import { clip, plainText } from '../text/html';

// OPML is how officers move feed lists between readers. Import is lenient about structure (folders
// are flattened) and strict about URLs (only http/https, each once); export writes OPML 2.0 by hand
// so escaping is ours to check.

export interface FeedEntry {
  title: string;
  url: string;
}

export type OpmlImport = { ok: true; feeds: FeedEntry[]; title?: string; invalid: number; duplicates: number } | { ok: false; error: string; tooMany?: true };

/** Folders nested deeper than this are not followed: no reader writes them, a hostile file might. */
const MAX_DEPTH = 32;
export const MAX_OPML_BYTES = 5 * 1024 * 1024;

/**
 * Why a feed address needs the officer's word before Siar polls it (issue 13.10): credentials in the
 * URL (they would be sent on every poll), or a private / loopback / link-local IP literal (the worker
 * would fetch an intranet or cloud-metadata address, e.g. 169.254.169.254).
 */
export function feedRisk(url: string): 'credentials' | 'private' | undefined {
  const parsed = new URL(url);
  if (parsed.username || parsed.password) return 'credentials';
  return isIpLiteral(url) && privateHostOf(url) ? 'private' : undefined;
}

interface OutlineLike {
  text?: unknown;
  title?: unknown;
  xmlUrl?: unknown;
  url?: unknown;
  htmlUrl?: unknown;
  outlines?: unknown;
}

function asOutlines(value: unknown): OutlineLike[] {
  return Array.isArray(value) ? value.filter((entry): entry is OutlineLike => typeof entry === 'object' && entry !== null) : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads an OPML file into a flat, de-duplicated feed list. Never throws. */
export function importOpml(input: string | Uint8Array): OpmlImport {
  try {
    if (typeof input !== 'string' && input.byteLength > MAX_OPML_BYTES) return { ok: false, error: 'The file is larger than 5 MB.' };
    const text = typeof input === 'string' ? input : decodeBytes(input);
    if (text.length > MAX_OPML_BYTES) return { ok: false, error: 'The file is larger than 5 MB.' };
    const document = parseOpml(text);
    const feeds: FeedEntry[] = [];
    const seen = new Set<string>();
    let invalid = 0;
    let duplicates = 0;
    const walk = (outlines: OutlineLike[], depth: number) => {
      for (const outline of outlines) {
        const children = asOutlines(outline.outlines);
        // `url` is how some readers (and OPML "link" outlines) spell the feed address.
        const raw = str(outline.xmlUrl) ?? (children.length === 0 ? str(outline.url) : undefined);
        if (raw !== undefined) {
          const url = absoluteHttpUrl(raw);
          if (!url) invalid++;
          else if (seen.has(url)) duplicates++;
          else {
            seen.add(url);
            const title = clip(plainText(str(outline.title) ?? str(outline.text)), 200) || new URL(url).hostname;
            feeds.push({ title, url });
          }
        }
        if (children.length > 0 && depth < MAX_DEPTH) walk(children, depth + 1);
      }
    };
    walk(asOutlines(document.body?.outlines), 0);
    if (feeds.length > MAX_OPML_FEEDS) return { ok: false, tooMany: true, error: `More than ${MAX_OPML_FEEDS} feeds.` };
    const title = plainText(str(document.head?.title));
    return { ok: true, feeds, ...(title ? { title } : {}), invalid, duplicates };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? `Not a readable OPML file (${error.message}).` : 'Not a readable OPML file.' };
  }
}

/** Escapes text for an XML attribute value; characters XML 1.0 cannot carry at all are dropped. */
export function escapeXml(value: string): string {
  return (
    value
      // oxlint-disable-next-line no-control-regex -- matching the characters XML forbids is the point
      .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Attribute-value normalisation would turn these into spaces on the way back in.
      .replace(/\t/g, '&#9;')
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
  );
}

/** An OPML 2.0 document listing the feeds, readable by any feed reader. */
export function exportOpml(feeds: FeedEntry[], options: { title?: string; now?: number } = {}): string {
  const title = options.title ?? 'Siar feeds';
  const date = new Date(options.now ?? Date.now()).toUTCString();
  const lines = feeds.map((feed) => {
    const name = escapeXml(feed.title || feed.url);
    return `    <outline type="rss" text="${name}" title="${name}" xmlUrl="${escapeXml(feed.url)}"/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXml(title)}</title>`,
    `    <dateCreated>${date}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
