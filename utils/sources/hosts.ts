// Origin helpers shared by the page-side catalog (utils/sources/kinds.ts) and the adapters; no browser
// API here, so both bundles and plain unit tests can use them.

/** `https://host/*` for an http(s) URL; [] for anything else or an unparsable string. */
export function originPattern(url: string): string[] {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? [`${parsed.origin}/*`] : [];
  } catch {
    return [];
  }
}

/** True when `a` (a config value) and `b` (an account's address) are URLs of the same origin. */
export function sameOrigin(a: unknown, b: string | undefined): boolean {
  try {
    return typeof a === 'string' && b !== undefined && new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
