// Mention URLs, post links and feed links come from feeds, networks and other people's posts: untrusted.

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
