import type { MessageKey } from '../i18n';
import type { NetworkId } from './ids';

// Kept apart from the counting rules so pages that only name networks (options, results) do not load
// twitter-text with them.
const NETWORK_NAMES: Record<NetworkId, MessageKey> = {
  x: 'networkX', facebook: 'networkFacebook', mastodon: 'networkMastodon', bluesky: 'networkBluesky',
  telegram: 'networkTelegram', threads: 'networkThreads', linkedin: 'networkLinkedin', instagram: 'networkInstagram',
};

/** The i18n key of a network's display name. */
export const networkNameKey = (id: NetworkId) => NETWORK_NAMES[id];
