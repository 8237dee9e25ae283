// Feed and social content is untrusted HTML. Everything a source hands on is plain text, produced by a
// linear scanner (no DOMParser in a service worker, no regex backtracking on hostile input). Nothing is
// ever parsed as markup by a browser, so a `<script>` can only ever come out as inert letters.

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  hellip: '…', mdash: '—', ndash: '–', minus: '−', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“',
  rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', bull: '•', middot: '·',
  copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±', times: '×', divide: '÷', euro: '€',
  pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶', shy: '', zwj: '', zwnj: '', iexcl: '¡',
  iquest: '¿', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', micro: 'µ', prime: '′',
  aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', atilde: 'ã', aring: 'å', aelig: 'æ', ccedil: 'ç',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', iacute: 'í', igrave: 'ì', icirc: 'î', iuml: 'ï',
  ntilde: 'ñ', oacute: 'ó', ograve: 'ò', ocirc: 'ô', ouml: 'ö', otilde: 'õ', oslash: 'ø', uacute: 'ú',
  ugrave: 'ù', ucirc: 'û', uuml: 'ü', yacute: 'ý', yuml: 'ÿ', szlig: 'ß', Aacute: 'Á', Eacute: 'É',
  Iacute: 'Í', Oacute: 'Ó', Uacute: 'Ú', Ntilde: 'Ñ', Ouml: 'Ö', Uuml: 'Ü', Auml: 'Ä', Ccedil: 'Ç',
};

function fromCodePoint(code: number): string {
  // NUL, surrogates and out-of-range values would produce broken strings; the HTML spec maps them to U+FFFD.
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

/** Decodes character references once. Unknown or unterminated references stay as written. */
export function decodeEntities(input: string): string {
  if (!input.includes('&')) return input;
  return input.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole;
  });
}

// Elements whose content is never readable text.
const SKIP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'head']);

// Inline elements join text without a gap ("#<span>tag</span>" is "#tag"); every other tag separates words.
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);

function isTagStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 47 || code === 33 || code === 63;
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
    i = tagEnd(html, lt);
    if (SKIP_CONTENT.has(name) && html[lt + 1] !== '/') {
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
  return text
    // oxlint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFEFF\u200B]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Shortens on a word boundary when one is near, marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}
