import { describe, expect, it } from 'vitest';
import { createNetworks } from '../../../utils/networks/registry';
import { NETWORK_IDS, type NetworkId } from '../../../utils/networks/ids';
import { MASTODON_HOST } from '../../fakes/mastodon';
import { IG_JPEG_URL, PAGE_HOST } from '../../fakes/images';
import { ACCOUNTS, signal, useFakes, withImage } from './harness';

const env = useFakes();

const HOSTS: Record<NetworkId, string[]> = {
  x: ['api.x.com', 'api.twitter.com'],
  facebook: ['graph.facebook.com'],
  mastodon: [MASTODON_HOST],
  bluesky: ['bsky.social'],
  telegram: ['api.telegram.org'],
  threads: ['graph.threads.net'],
  // The Images API's upload URL is on LinkedIn's own upload host (www.linkedin.com/dms-uploads/).
  linkedin: ['api.linkedin.com', 'www.linkedin.com'],
  instagram: ['graph.instagram.com'],
};

const SECRETS: Record<NetworkId, string[]> = {
  x: [ACCOUNTS.x.accessToken, ACCOUNTS.xOAuth2.accessToken],
  facebook: [ACCOUNTS.facebook.token],
  mastodon: [ACCOUNTS.mastodon.accessToken],
  bluesky: [ACCOUNTS.bluesky.appPassword, 'bsky-access-', 'bsky-refresh-'],
  telegram: [ACCOUNTS.telegram.botToken],
  threads: [ACCOUNTS.threads.token],
  linkedin: [ACCOUNTS.linkedin.token],
  instagram: [ACCOUNTS.instagram.token],
};
const NEVER_SENT = [ACCOUNTS.x.appSecret, ACCOUNTS.x.accessSecret];

describe('credentials', () => {
  it('each token travels only to its own network’s host, and signing secrets never travel', async () => {
    const networks = createNetworks();
    const accounts = ACCOUNTS;
    for (const id of NETWORK_IDS) {
      const network = networks[id] as {
        publish: (p: unknown, a: unknown, s: AbortSignal) => Promise<unknown>;
        verify: (a: unknown, s: AbortSignal) => Promise<unknown>;
      };
      // Instagram takes a real JPEG in its ratio range only; the shared test image is a stub.
      const image = id === 'instagram' ? { image: { url: IG_JPEG_URL, alt: 'Petugas melayani warga' } } : {};
      await network.publish(withImage({ idempotencyKey: `k-${id}`, ...image }), accounts[id], signal());
      await network.verify(accounts[id], signal());
    }
    await networks.x.publish(withImage({ parts: ['OAuth 2 juga'] }), ACCOUNTS.xOAuth2, signal());

    const hostsSeen = new Set(env.server.log.map((r) => r.host));
    expect(hostsSeen).toContain(PAGE_HOST); // the image fetches happened, so the check below is meaningful
    for (const id of NETWORK_IDS) {
      expect(env.server.log.some((r) => HOSTS[id].includes(r.host))).toBe(true);
      const leaks = env.server.log
        .filter((request) => !HOSTS[id].includes(request.host))
        .flatMap((request) => {
          const wire = `${request.path}?${request.query} ${JSON.stringify(request.headers)} ${request.body}`;
          return SECRETS[id].filter((secret) => wire.includes(secret)).map(() => `${id} secret sent to ${request.host}`);
        });
      expect(leaks).toEqual([]);
    }
    for (const request of env.server.log) {
      const wire = `${request.path}?${request.query} ${JSON.stringify(request.headers)} ${request.body}`;
      for (const secret of NEVER_SENT) expect(wire).not.toContain(secret);
    }
    // And no token in a URL query string anywhere (URLs end up in logs and history).
    for (const request of env.server.log) {
      for (const token of Object.values(SECRETS)
        .flat()
        .filter((value) => value !== ''))
        expect(request.query).not.toContain(token);
    }
  });
});
