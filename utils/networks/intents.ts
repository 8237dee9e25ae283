import type { MessageKey } from '../i18n';
import { NETWORK_IDS, networkMeta, type NETWORK_CATALOG, type NetworkId } from './catalog';
import { textWithUrl, withQuery, type IntentBuilder, type IntentOptions, type ShareContent } from './share-text';

/** Share links that work with no connected account. Every value is percent-encoded (spaces as %20). */

export { mastodonOrigin, type IntentOptions, type ShareContent } from './share-text';

// Share links that are not networks Siar publishes to; the networks' own come from the catalog.
const EXTRA_INTENTS = {
  whatsapp: { label: 'intentWhatsapp', rank: 25, build: (share) => withQuery('https://wa.me/', [['text', textWithUrl(share)]]) },
  email: {
    label: 'intentEmail',
    rank: 1000,
    build: (share) =>
      withQuery('mailto:', [
        ['subject', share.title.trim()],
        ['body', textWithUrl(share, '\n\n')],
      ]),
  },
} as const satisfies Record<string, { label: MessageKey; rank: number; build: IntentBuilder }>;

type SharingNetwork = { [K in NetworkId]: (typeof NETWORK_CATALOG)[K]['share'] extends { build: unknown } ? K : never }[NetworkId];
export type IntentName = SharingNetwork | keyof typeof EXTRA_INTENTS;

type Intent = { label: MessageKey; rank: number; build: IntentBuilder };
const ALL = {
  ...(Object.fromEntries(
    NETWORK_IDS.flatMap((id) => {
      const { share } = networkMeta(id);
      return 'build' in share ? [[id, share]] : [];
    }),
  ) as Record<SharingNetwork, Intent>),
  ...EXTRA_INTENTS,
} satisfies Record<IntentName, Intent>;

/** Every share link, in the order the popup shows them (by rank). */
export const INTENT_NAMES = (Object.keys(ALL) as IntentName[]).sort((a, b) => ALL[a].rank - ALL[b].rank);

/** The i18n key of a share link's label. */
export const intentLabel = (name: IntentName): MessageKey => ALL[name].label;

export function intentUrl(name: IntentName, share: ShareContent, opts: IntentOptions = {}): string | undefined {
  return ALL[name].build(share, opts);
}
