/** Share links that work with no connected account. Every value is percent-encoded (spaces as %20). */

export const INTENT_NAMES = ['x', 'facebook', 'whatsapp', 'telegram', 'linkedin', 'bluesky', 'threads', 'mastodon', 'email'] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

export interface ShareContent {
  text: string;
  url: string;
  title: string;
}

export interface IntentOptions {
  /** The officer's Mastodon server, e.g. "mastodon.social" or "https://kominfo.social". */
  mastodonInstance?: string;
}

type IntentBuilder = (share: ShareContent, opts: IntentOptions) => string | undefined;

function withQuery(base: string, params: [string, string][]): string {
  const query = params
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${base}?${query}` : base;
}

/** For sites that take the URL separately: drop it from the text so it is not shown twice. */
function textWithoutUrl({ text, url }: ShareContent): string {
  const trimmed = text.trim();
  if (!url) return trimmed;
  return trimmed.split(url).map((piece) => piece.trim()).filter(Boolean).join(' ');
}

/** For sites with one text field: the URL goes after the text unless the text already has it. */
function textWithUrl({ text, url }: ShareContent, separator = ' '): string {
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

export const INTENTS: Record<IntentName, IntentBuilder> = {
  x: (share) => withQuery('https://x.com/intent/post', [['text', textWithoutUrl(share)], ['url', share.url]]),
  facebook: (share) => (share.url ? withQuery('https://www.facebook.com/sharer/sharer.php', [['u', share.url]]) : undefined),
  whatsapp: (share) => withQuery('https://wa.me/', [['text', textWithUrl(share)]]),
  telegram: (share) =>
    share.url ? withQuery('https://t.me/share/url', [['url', share.url], ['text', textWithoutUrl(share)]]) : undefined,
  linkedin: (share) =>
    share.url ? withQuery('https://www.linkedin.com/sharing/share-offsite/', [['url', share.url]]) : undefined,
  bluesky: (share) => withQuery('https://bsky.app/intent/compose', [['text', textWithUrl(share)]]),
  // Meta documents `url` as a separate link attachment, so the text does not repeat it.
  threads: (share) =>
    withQuery('https://www.threads.net/intent/post', [['text', textWithoutUrl(share)], ['url', share.url]]),
  mastodon: (share, opts) => {
    const origin = mastodonOrigin(opts.mastodonInstance);
    return origin ? withQuery(`${origin}/share`, [['text', textWithUrl(share)]]) : undefined;
  },
  email: (share) =>
    withQuery('mailto:', [['subject', share.title.trim()], ['body', textWithUrl(share, '\n\n')]]),
};

export function intentUrl(name: IntentName, share: ShareContent, opts: IntentOptions = {}): string | undefined {
  return INTENTS[name](share, opts);
}
