import { getDomain } from 'tldts';

// Which link the composer shares. A page names its own link with <link rel=canonical> or og:url, but
// both are page-controlled: a hostile or broken page could make the officer share another site
// (issue 13.2) or the site's home page (issue 22.4). The declared link is used only when it is the
// same site as the tab, so the tab's address is the fallback and the officer is told why.

/** The shared link, and the page-declared link Siar refused (shown to the officer) if any. */
export interface LinkChoice {
  url: string;
  ignored?: string;
}

/** Parses an http(s) URL (relative to `base`); anything else (javascript:, data:, file:) is undefined. */
function httpUrl(value: string | undefined, base?: string): URL | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The registrable domain (eTLD+1 by the Public Suffix List, via tldts); the host itself for IPs and intranet names. */
export function siteOf(hostname: string): string {
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname.toLowerCase();
}

const atRoot = (url: URL) => url.pathname === '/' || url.pathname === '';

/**
 * Whether a page-declared link may replace the tab's address: no userinfo (`https://kominfo.go.id:x@evil.example/`
 * goes to evil.example), same registrable domain, same scheme or an upgrade to https (never a downgrade),
 * and not the site's root while the tab is an article (a common CMS misconfiguration).
 */
function acceptable(declared: URL, tab: URL): boolean {
  if (declared.username || declared.password) return false;
  if (declared.protocol !== tab.protocol && !(tab.protocol === 'http:' && declared.protocol === 'https:')) return false;
  if (siteOf(declared.hostname) !== siteOf(tab.hostname)) return false;
  return !(atRoot(declared) && !declared.search && !atRoot(tab));
}

const withoutUserinfo = (url: URL) => {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
};

/**
 * Chooses the link to share from the tab's address and the page's declared links, in order
 * (canonical, then og:url). Returns the first acceptable declared link, else the tab's address with any
 * userinfo removed; `ignored` is the first declared link that was refused, for the one-line notice.
 */
export function chooseLink(tabUrl: string | undefined, declared: (string | undefined)[]): LinkChoice {
  const tab = httpUrl(tabUrl);
  if (!tab) {
    const first = declared.map((value) => httpUrl(value)).find((url) => url && !url.username && !url.password);
    return { url: first?.href ?? tabUrl ?? '' };
  }
  let ignored: string | undefined;
  for (const value of declared) {
    const url = httpUrl(value, tab.href);
    if (!url) continue;
    if (acceptable(url, tab)) return { url: url.href, ...(ignored ? { ignored } : {}) };
    ignored ??= url.href;
  }
  return { url: withoutUserinfo(tab), ...(ignored ? { ignored } : {}) };
}
