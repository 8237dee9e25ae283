import { decodeHTMLStrict } from 'entities';
import { htmlTagNames } from 'html-tag-names';

// Feed and social content is untrusted HTML. Everything a source hands on is plain text, produced by a
// linear scanner (no DOMParser in a service worker, no regex backtracking on hostile input). Nothing is
// ever parsed as markup by a browser, so a `<script>` can only ever come out as inert letters.

/**
 * Decodes HTML character references once: all 2,125 named references of the WHATWG HTML spec (§13.5,
 * via the `entities` package) plus numeric ones (NUL, surrogates and values past U+10FFFF become U+FFFD,
 * 0x80–0x9F map to windows-1252 as §13.2.5.80 says). A reference must end with `;`: feed text such as
 * `?a=1&copy=2` stays as written, and unknown or unterminated references stay literal.
 */
export function decodeEntities(input: string): string {
  return input.includes('&') ? decodeHTMLStrict(input) : input;
}

// Elements whose content is never readable text.
const SKIP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head']);

// Inline elements join text without a gap ("#<span>tag</span>" is "#tag"); every other tag separates words.
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

function isTagStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 47 || code === 33 || code === 63;
}

// Every element name HTML has had (html-tag-names, from the WHATWG and W3C indexes, obsolete ones too).
const KNOWN_ELEMENTS = new Set(htmlTagNames);

/**
 * Is `<name` markup, or text that happens to hold a `<` ("Harga beras <Rp12 ribu", "x <y dan z")?
 * Feeds escape text once and many publishers escape markup once too, so after the XML parser both look
 * alike. Only known HTML elements, custom elements (a hyphen, HTML §4.13.3) and prefixed XML names
 * count as markup: feedparser's `looks_like_html` draws the same line.
 */
function isMarkupName(name: string): boolean {
  return KNOWN_ELEMENTS.has(name) || name.includes('-') || name.includes(':');
}

/** Index just after the `>` closing the tag that starts at `start`, honouring quoted attribute values. */
function tagEnd(html: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < html.length; i++) {
    const ch = html[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i + 1;
    }
  }
  return html.length;
}

function tagName(html: string, start: number): string {
  const match = /^<\/?([A-Za-z][A-Za-z0-9:-]*)/.exec(html.slice(start, start + 40));
  return match?.[1]?.toLowerCase() ?? '';
}

/** HTML (or text that may contain HTML) to one line of plain text: tags dropped, entities decoded once. */
export function stripTags(html: string | undefined | null): string {
  return html ? collapse(decodeEntities(dropMarkup(html))) : '';
}

function dropMarkup(html: string): string {
  let lower: string | undefined;
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (lt + 1 >= html.length || !isTagStart(html.charCodeAt(lt + 1))) {
      out += '<';
      i = lt + 1;
      continue;
    }
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      // CDATA inside HTML is text the author meant to show: drop the markers, keep scanning the content.
      const end = html.indexOf(']]>', lt + 9);
      out += ' ' + dropMarkup(end === -1 ? html.slice(lt + 9) : html.slice(lt + 9, end)) + ' ';
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const name = tagName(html, lt);
    const opener = html[lt + 1];
    if (opener !== '!' && opener !== '?' && !isMarkupName(name)) {
      out += '<';
      i = lt + 1;
      continue;
    }
    i = tagEnd(html, lt);
    // `<iframe … />` in feed HTML means an empty element; reading it as raw text to the end would drop
    // everything after it.
    if (SKIP_CONTENT.has(name) && opener !== '/' && html[i - 2] !== '/') {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, i);
      i = close === -1 ? html.length : tagEnd(html, close);
    }
    // Block tags separate words ("a<br>b" reads as "a b"); the whitespace is collapsed later.
    if (!INLINE.has(name)) out += ' ';
  }
  return out;
}

/** Plain text that may carry entities but no markup (Atom type="text", JSON content_text). */
export function plainText(text: string | undefined | null): string {
  return text ? collapse(text) : '';
}

function collapse(text: string): string {
  // Control characters (other than whitespace) can corrupt storage keys and screen-reader output.
  return (
    text
      // oxlint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFEFF\u200B]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Shortens on a word boundary when one is near, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}
