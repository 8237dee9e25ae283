import type { NetworkId } from '../../../utils/networks/ids';
import type { FakeResponse } from '../../fakes/fake';
import type { Fault } from '../../fakes/https-server';
import { HOSTS } from './networks';

// Faults as each network's API really answers them, aimed at the request that makes the post.

export const FAULT_KINDS = ['rate-limit', 'server-error', 'slow', 'timeout', 'late-answer', 'network-down', 'expired-token', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The request that publishes, per network (lookups and uploads are left alone). */
export const PUBLISH_PATH: Record<NetworkId, string> = {
  x: '/2/tweets',
  facebook: '/feed',
  mastodon: '/api/v1/statuses',
  bluesky: 'com.atproto.repo.createRecord',
  telegram: '/sendMessage',
  threads: '/threads_publish',
  linkedin: '/rest/posts',
  instagram: '/media_publish',
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse => ({
  status,
  body,
  headers: { 'content-type': 'application/json', ...headers },
});
const graph = (status: number, code: number, message: string) => json(status, { error: { message, type: 'OAuthException', code, fbtrace_id: 'FaultFake' } });

/** A 429 (or Graph's code 4) with the reset information each API documents, `seconds` ahead. */
export function rateLimited(network: NetworkId, seconds: number): FakeResponse {
  const at = Date.now() + seconds * 1000;
  switch (network) {
    case 'x':
      return json(
        429,
        { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
        { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.ceil(at / 1000)) },
      );
    case 'mastodon':
      return json(429, { error: 'Too many requests' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': new Date(at).toISOString() });
    case 'bluesky':
      return json(
        429,
        { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
        { 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.ceil(at / 1000)) },
      );
    case 'telegram':
      return json(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${seconds}`, parameters: { retry_after: seconds } });
    case 'linkedin':
      return json(429, { status: 429, message: 'Resource level throttle limit reached' }, { 'retry-after': String(seconds) });
    case 'facebook':
    case 'threads':
      return graph(400, 4, 'Application request limit reached');
    // The Content Publishing API's 24-hour limit (Instagram error codes page: code 9, subcode 2207042).
    case 'instagram':
      return json(400, {
        error: {
          message: 'Application request limit reached',
          type: 'OAuthException',
          code: 9,
          error_subcode: 2207042,
          is_transient: false,
          error_user_msg: 'You reached maximum number of posts that is allowed to be published by Content Publish API.',
          fbtrace_id: 'FaultFake',
        },
      });
  }
}

/** What a token the network no longer accepts gets back. */
export function expiredToken(network: NetworkId): FakeResponse {
  switch (network) {
    case 'x':
      return json(401, { title: 'Unauthorized', detail: 'Unauthorized', type: 'about:blank', status: 401 });
    case 'mastodon':
      return json(401, { error: 'The access token is invalid' });
    case 'bluesky':
      return json(401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
    case 'telegram':
      return json(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    case 'linkedin':
      return json(401, { status: 401, message: 'Expired access token', code: 'EXPIRED_ACCESS_TOKEN' });
    case 'facebook':
    case 'threads':
    case 'instagram':
      return graph(400, 190, 'Error validating access token: Session has expired');
  }
}

/**
 * One fault of `kind` for `network`. `timeout` answers after `lateMs` without making the post;
 * `late-answer` makes the post and answers after `lateMs` (the client has given up by then).
 */
export function fault(network: NetworkId, kind: FaultKind, lateMs: number): Fault {
  const base = { host: HOSTS[network][0]!, pathIncludes: PUBLISH_PATH[network], method: 'POST', label: kind };
  switch (kind) {
    case 'rate-limit':
      return { ...base, response: rateLimited(network, 120) };
    case 'server-error':
      return { ...base, response: json(503, { error: 'Service Unavailable' }) };
    case 'slow':
      return { ...base, afterHandling: true, response: { status: 200, delayMs: Math.round(lateMs / 3) } };
    case 'timeout':
      return { ...base, response: { ...json(504, { error: 'Gateway Timeout' }), delayMs: lateMs } };
    case 'late-answer':
      return { ...base, afterHandling: true, response: { status: 200, delayMs: lateMs } };
    case 'network-down':
      return { ...base, drop: true, response: { status: 0 } };
    case 'expired-token':
      return { ...base, response: expiredToken(network) };
    case 'malformed':
      return { ...base, response: { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Maintenance</body></html>' } };
  }
}

/** A small seeded generator, so a failing fault run can be replayed exactly. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
