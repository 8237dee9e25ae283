// Mention URLs, outlet names and watch colours come from feeds and other people's posts: untrusted.

/** The URL when it is http(s), else undefined (javascript:, data:, vbscript:, file:, relative…). */
export function safeHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    // No base: a relative or scheme-less string is refused rather than resolved against the extension.
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A watch colour usable in a style: #rgb or #rrggbb only, so no other CSS can ride along. */
export function safeColour(value: unknown, fallback = '#8a9a9c'): string {
  return typeof value === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value : fallback;
}
