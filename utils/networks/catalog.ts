import { mastodonOrigin, textWithoutUrl, textWithUrl, withQuery, type IntentBuilder } from './share-text';
import type { MessageKey } from '../i18n';

// One record per network: everything a page, the settings file or the worker needs to know about a
// network besides its adapter (registry.ts), its counting rule (rules/), its account schema
// (accounts.ts) and its connect form (connect-forms.ts). Ids, names, hosts, public fields, share links and
// the settings file are derived from here. Kept free of zod, of the counting rules and of the connect
// forms: the popup loads it and shows none of them.
// The shape follows a connector registry with one metadata record each (web-scrobbler's connectors list).

/**
 * Every network needs a decision about its share link (the popup's no-account chips): a builder, or
 * `none` with the reason there is none (e.g. Instagram has no web share intent).
 */
export type ShareIntent =
  { label: MessageKey; /** Chip position; whatsapp (25) and email (1000) sit between. */ rank: number; build: IntentBuilder } | { none: string };

export type LinkCarrier = 'card' | 'text' | 'short';

export interface NetworkMeta {
  /** i18n key of the display name. */
  name: MessageKey;
  /** i18n key of the step-by-step help for getting a credential (set-up page). */
  help: MessageKey;
  /** Fixed API origins the adapter calls: optional host permissions asked for when connecting. */
  origins: readonly string[];
  /** The account field naming the officer's own server, whose origin is asked for too; its default. */
  server?: { field: string; fallback?: string };
  /**
   * Fields that are not secrets: shown in pages, kept readable while locked, exported without secrets.
   * An allowlist: a field added to an account schema stays out until someone decides it is not a secret.
   */
  publicFields: readonly string[];
  /** The API never says when the token lapses: the officer may enter the date. */
  manualExpiry: boolean;
  /** Key of the counting rule in utils/networks/rules (kept apart: X's pulls in twitter-text). */
  rule: string;
  /**
   * How the network carries the page's link when the text does not contain it (utils/compose/page-link.ts):
   * `card` beside the text, `text` only inside it, `short` as a short unclickable form inside it;
   * `withImage` when a post with the page image differs.
   */
  link: { carrier: LinkCarrier; withImage?: LinkCarrier };
  share: ShareIntent;
}

export const NETWORK_CATALOG = {
  x: {
    name: 'networkX',
    help: 'setupHelpX',
    origins: ['https://api.x.com/*', 'https://api.twitter.com/*', 'https://upload.twitter.com/*'],
    publicFields: ['auth', 'clientId', 'username'],
    manualExpiry: false,
    rule: 'x',
    link: { carrier: 'text' },
    share: {
      label: 'intentX',
      rank: 10,
      build: (share) =>
        withQuery('https://x.com/intent/post', [
          ['text', textWithoutUrl(share)],
          ['url', share.url],
        ]),
    },
  },
  facebook: {
    name: 'networkFacebook',
    help: 'setupHelpFacebook',
    origins: ['https://graph.facebook.com/*'],
    publicFields: ['pageId', 'name', 'expiresAt'],
    manualExpiry: true,
    // A post with the page image goes to /photos, whose caption has no link field.
    rule: 'facebook',
    link: { carrier: 'card', withImage: 'text' },
    share: {
      label: 'intentFacebook',
      rank: 20,
      build: (share) => (share.url ? withQuery('https://www.facebook.com/sharer/sharer.php', [['u', share.url]]) : undefined),
    },
  },
  mastodon: {
    name: 'networkMastodon',
    help: 'setupHelpMastodon',
    origins: [],
    server: { field: 'instance' },
    publicFields: ['instance', 'name', 'maxChars'],
    manualExpiry: false,
    rule: 'mastodon',
    link: { carrier: 'text' },
    share: {
      label: 'intentMastodon',
      rank: 70,
      build: (share, opts) => {
        const origin = mastodonOrigin(opts.mastodonInstance);
        return origin ? withQuery(`${origin}/share`, [['text', textWithUrl(share)]]) : undefined;
      },
    },
  },
  bluesky: {
    name: 'networkBluesky',
    help: 'setupHelpBluesky',
    // Search goes through the officer's own PDS (its origin comes with the account), never the public AppView.
    origins: ['https://bsky.social/*'],
    server: { field: 'service', fallback: 'https://bsky.social' },
    publicFields: ['service', 'handle'],
    manualExpiry: false,
    rule: 'bluesky',
    link: { carrier: 'card' },
    share: { label: 'intentBluesky', rank: 50, build: (share) => withQuery('https://bsky.app/intent/compose', [['text', textWithUrl(share)]]) },
  },
  telegram: {
    name: 'networkTelegram',
    help: 'setupHelpTelegram',
    origins: ['https://api.telegram.org/*'],
    publicFields: ['chatId', 'name'],
    manualExpiry: false,
    rule: 'telegram',
    link: { carrier: 'text' },
    share: {
      label: 'intentTelegram',
      rank: 30,
      build: (share) =>
        share.url
          ? withQuery('https://t.me/share/url', [
              ['url', share.url],
              ['text', textWithoutUrl(share)],
            ])
          : undefined,
    },
  },
  threads: {
    name: 'networkThreads',
    help: 'setupHelpThreads',
    origins: ['https://graph.threads.net/*'],
    publicFields: ['userId', 'name', 'expiresAt'],
    manualExpiry: true,
    rule: 'threads',
    link: { carrier: 'text' },
    share: {
      // Meta documents `url` as a separate link attachment, so the text does not repeat it.
      label: 'intentThreads',
      rank: 60,
      build: (share) =>
        withQuery('https://www.threads.net/intent/post', [
          ['text', textWithoutUrl(share)],
          ['url', share.url],
        ]),
    },
  },
  linkedin: {
    name: 'networkLinkedin',
    help: 'setupHelpLinkedin',
    // The Images API hands out upload URLs on www.linkedin.com/dms-uploads/ for article thumbnails.
    origins: ['https://api.linkedin.com/*', 'https://www.linkedin.com/dms-uploads/*'],
    publicFields: ['author', 'name', 'expiresAt'],
    manualExpiry: true,
    rule: 'linkedin',
    link: { carrier: 'card' },
    share: {
      label: 'intentLinkedin',
      rank: 40,
      build: (share) => (share.url ? withQuery('https://www.linkedin.com/sharing/share-offsite/', [['url', share.url]]) : undefined),
    },
  },
  instagram: {
    // Instagram API with Instagram Login (utils/networks/instagram.ts explains the choice); a converted
    // image is stored unpublished on the connected Facebook Page, whose origin comes with that account.
    name: 'networkInstagram',
    help: 'setupHelpInstagram',
    origins: ['https://graph.instagram.com/*'],
    publicFields: ['userId', 'name', 'expiresAt'],
    manualExpiry: true,
    // Links in captions are not clickable: a short, typeable form goes in the caption (page-link.ts).
    rule: 'instagram',
    link: { carrier: 'short' },
    share: { none: 'Instagram has no web share link; the popup offers copy caption + download image (InstagramShare.tsx).' },
  },
} as const satisfies Record<string, NetworkMeta>;

export type NetworkId = keyof typeof NETWORK_CATALOG;
/** Every network, in the order pages list them. */
export const NETWORK_IDS = Object.keys(NETWORK_CATALOG) as [NetworkId, ...NetworkId[]];

/** A network's record, typed as the general shape (the catalog itself keeps literal types for checks). */
export const networkMeta = (id: NetworkId): NetworkMeta => NETWORK_CATALOG[id];

/** The counting-rule keys the catalog names; utils/networks/rules/index.ts must define each (a type check). */
export type CatalogRuleKey = (typeof NETWORK_CATALOG)[NetworkId]['rule'];

/** A table with one value per network, built from the catalog (so it can never miss one). */
export function byNetwork<T>(value: (id: NetworkId, meta: NetworkMeta) => T): Record<NetworkId, T> {
  return Object.fromEntries(NETWORK_IDS.map((id) => [id, value(id, NETWORK_CATALOG[id])])) as Record<NetworkId, T>;
}
