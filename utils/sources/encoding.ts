// Feeds arrive as bytes and many Indonesian regional sites still serve windows-1252 / ISO-8859-1, often
// with a wrong or missing header. We decode ourselves instead of trusting Response.text(), which only
// looks at the header and would turn "Pemda Jawa Barat “siaga”" into mojibake.

export type CharsetOrigin = 'bom' | 'header' | 'prolog' | 'default';

// windows-1252 bytes 0x80–0x9F (undefined positions map to the C1 control, as the WHATWG table does).
// Kept here because Node 20's TextDecoder decodes this range as latin1, so tests and worker would disagree.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk: number[] = [];
  for (const byte of bytes) {
    chunk.push(byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] ?? byte) : byte);
    if (chunk.length === 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk.length = 0;
    }
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The `charset` parameter of a Content-Type header, if any. */
export function headerCharset(contentType: string | undefined | null): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

function prologCharset(bytes: Uint8Array): string | undefined {
  // The prolog is ASCII in every ASCII-compatible encoding, so reading bytes as latin1 is safe here.
  const head = String.fromCharCode(...bytes.subarray(0, 512));
  const match = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  const label = match?.[1]?.toLowerCase();
  // If we could read the prolog as ASCII the bytes are not UTF-16, whatever the prolog claims.
  if (!label || label.startsWith('utf-16') || label === 'unicode') return undefined;
  return label;
}

/**
 * A header that says UTF-16 over bytes that are not UTF-16 is wrong (servers copy it from templates):
 * UTF-16 without a BOM puts a 0x00 beside every ASCII character of the markup, so a first pair of
 * non-zero bytes ("<?", "<r", "{\n") cannot be UTF-16. The bytes are then sniffed as if no header came.
 */
function plausibleHeader(bytes: Uint8Array, label: string | undefined): string | undefined {
  if (!label || !(label.startsWith('utf-16') || label === 'unicode' || label === 'ucs-2')) return label;
  return bytes.length >= 2 && bytes[0] !== 0 && bytes[1] !== 0 ? undefined : label;
}

function canonical(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/**
 * Which charset the bytes are in. A BOM is unambiguous, so it wins (as in the WHATWG decode algorithm);
 * then the Content-Type charset, then the XML prolog, then UTF-8. Unknown labels are skipped.
 */
export function sniffCharset(bytes: Uint8Array, contentType?: string | null): { charset: string; origin: CharsetOrigin } {
  const candidates: Array<[string | undefined, CharsetOrigin]> = [
    [bomCharset(bytes), 'bom'],
    [plausibleHeader(bytes, headerCharset(contentType)), 'header'],
    [prologCharset(bytes), 'prolog'],
  ];
  for (const [label, origin] of candidates) {
    const charset = label ? canonical(label) : undefined;
    if (charset) return { charset, origin };
  }
  return { charset: 'utf-8', origin: 'default' };
}

/**
 * Bytes to text, never throwing. With no BOM, header or prolog naming a charset, bytes that are not
 * valid UTF-8 are windows-1252 (the WHATWG Encoding spec's default for legacy Western content, which is
 * what undeclared Latin-script feeds are in practice) rather than a string of U+FFFD. Declared charsets
 * are trusted: undecodable sequences in them become U+FFFD.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null): string {
  const { charset, origin } = sniffCharset(bytes, contentType);
  if (charset === 'windows-1252') return decodeWindows1252(bytes);
  if (origin === 'default') {
    try {
      // stream: a multi-byte character cut off by a truncated download is not a reason to distrust the rest.
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    } catch {
      return decodeWindows1252(bytes);
    }
  }
  return new TextDecoder(charset).decode(bytes);
}
