import { byNetwork, networkMeta, type LinkCarrier, type NetworkId } from '../networks/catalog';
import { findUrls } from '../text/urls';

/**
 * How each network carries the page's link when the officer's text does not contain it:
 * - `card`: the adapter sends the link beside the text, and the network shows a link card —
 *   Facebook's `link` field (https://developers.facebook.com/docs/graph-api/reference/page/feed/#publish;
 *   but a post with the page image goes to /photos, whose caption has no link field: then `text`),
 *   LinkedIn's article content (https://learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api),
 *   Bluesky's `app.bsky.embed.external` (https://docs.bsky.app/docs/advanced-guides/posts#website-card-embeds).
 * - `text`: the network takes the link only from the text — X, Mastodon (cards come from the first link
 *   in the status: https://docs.joinmastodon.org/entities/PreviewCard/), Threads, and Telegram (a photo's
 *   caption carries no preview: https://core.telegram.org/bots/api#sendphoto). Siar appends it.
 * - `short`: Instagram captions show links as plain, unclickable text, so Siar appends a short, typeable
 *   form (host and path, no scheme or query) that the officer can replace, e.g. with "tautan di bio",
 *   in the Instagram variant.
 * Set per network by `link` in utils/networks/catalog.ts.
 */
export const LINK_CARRIER: Record<NetworkId, LinkCarrier> = byNetwork((_id, meta) => meta.link.carrier);

/** The carrier for one post: Facebook's photo posts (the page image attached) take the link in the caption. */
export function linkCarrier(network: NetworkId, hasImage: boolean): LinkCarrier {
  const { link } = networkMeta(network);
  return (hasImage ? link.withImage : undefined) ?? link.carrier;
}

/** `https://www.example.go.id/berita/a?utm=x` → `example.go.id/berita/a`: readable and typeable where links do not work. */
export function shortLink(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname.replace(/^www\./i, '')}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** What happens to the page link on one network: `none` when there is no web link to attach. */
export type LinkState = 'card' | 'in-text' | 'appended' | 'none';

function comparable(url: string): string | undefined {
  try {
    const parsed = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return `${parsed.hostname.replace(/^www\./i, '').toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/**
 * True when `text` already holds a link to the page: same host (ignoring `www.`) and path (ignoring a
 * trailing slash). Query strings are ignored, so a link with the network's UTM preset still counts.
 */
export function textHasPageLink(text: string, pageUrl: string): boolean {
  const wanted = comparable(pageUrl);
  if (!wanted) return false;
  return findUrls(text).some((match) => comparable(match.url) === wanted);
}

/**
 * The text that goes to `network` and how the page link travels with it. A `text` network whose text
 * lacks the link gets it on a line of its own at the end, so no post leaves without its article.
 * `pageUrl` that is not http(s) (a browser page) is never attached.
 */
export function withPageLink(network: NetworkId, text: string, pageUrl: string | undefined, hasImage = false): { text: string; link: LinkState } {
  const url = pageUrl?.trim() ?? '';
  // An empty text stays empty: the link alone is not a post the officer wrote.
  if (!text.trim()) return { text, link: 'none' };
  if (!/^https?:\/\//i.test(url) || !comparable(url)) return { text, link: 'none' };
  if (linkCarrier(network, hasImage) === 'card') return { text, link: 'card' };
  if (textHasPageLink(text, url)) return { text, link: 'in-text' };
  const body = text.trimEnd();
  if (linkCarrier(network, hasImage) === 'short') return { text: `${body}\n\n${shortLink(url)}`, link: 'appended' };
  return { text: body ? `${body}\n${url}` : url, link: 'appended' };
}
