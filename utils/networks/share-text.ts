// How a share link carries the text and the page link; the network catalog (utils/networks/catalog.ts)
// builds each network's share link from these, intents.ts adds the links that are not networks.
export interface ShareContent {
  text: string;
  url: string;
  title: string;
}

export interface IntentOptions {
  /** The officer's Mastodon server, e.g. "mastodon.social" or "https://kominfo.social". */
  mastodonInstance?: string;
}

export type IntentBuilder = (share: ShareContent, opts: IntentOptions) => string | undefined;

/** `base?key=value&…`, every value percent-encoded (spaces as %20); empty values are left out. */
export function withQuery(base: string, params: [string, string][]): string {
  const query = params
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${base}?${query}` : base;
}

/** For sites that take the URL separately: drop it from the text so it is not shown twice. */
export function textWithoutUrl({ text, url }: ShareContent): string {
  const trimmed = text.trim();
  if (!url) return trimmed;
  return trimmed
    .split(url)
    .map((piece) => piece.trim())
    .filter(Boolean)
    .join(' ');
}

/** For sites with one text field: the URL goes after the text unless the text already has it. */
export function textWithUrl({ text, url }: ShareContent, separator = ' '): string {
  const trimmed = text.trim();
  if (!url || trimmed.includes(url)) return trimmed;
  return trimmed ? `${trimmed}${separator}${url}` : url;
}

/** Origin of the instance, accepting "host", "https://host/" or "@user@host"; undefined when unusable. */
export function mastodonOrigin(instance: string | undefined): string | undefined {
  const trimmed = instance?.trim().replace(/^@?[^@\s/]+@(?=[^@\s/]+$)/, '');
  if (!trimmed) return undefined;
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    return parsed.hostname.includes('.') || parsed.hostname === 'localhost' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}
