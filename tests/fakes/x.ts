import { createHmac } from 'node:crypto';
import { formBody, json, jsonBody, type Fake, type FakeRequest, type FakeResponse } from './fake';
import { createXOAuth2, type XOAuth2 } from './x-oauth2';
import { createXSearch, type XSearchFake } from './x-search';
import { probeImage } from '../../utils/media/jpeg';
import { mimeOf } from '../../utils/media/plan';

/**
 * What the media upload takes for a post image: "Supported image media types: JPG, PNG, GIF, WEBP",
 * "Image size: <= 5 MB", "Animated GIF size: <= 15 MB" (docs.x.com/x-api/media/quickstart/best-practices,
 * Image specifications; docs.x.com/x-api/media/introduction). Anything else is refused at initialize
 * (declared type and total_bytes) and again at finalize (the bytes as they arrived).
 */
export const X_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
export const X_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const X_GIF_MAX_BYTES = 15 * 1024 * 1024;
const xMaxBytes = (type: string) => (type === 'image/gif' ? X_GIF_MAX_BYTES : X_IMAGE_MAX_BYTES);

// A fake of the X API v2 endpoints Siar uses, answering with the documented shapes
// (docs.x.com: POST /2/tweets, GET /2/users/me, problem+json errors, x-rate-limit-* headers).

export const X_CREDENTIALS = {
  appKey: 'fake-consumer-key',
  appSecret: 'fake-consumer-secret',
  accessToken: '1000-fake-access-token',
  accessSecret: 'fake-access-secret',
  bearer: 'fake-oauth2-user-token',
  clientId: 'fake-oauth2-client-id',
  refreshToken: 'fake-oauth2-refresh-token',
};

const rfc3986 = (value: string) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Checks an OAuth 1.0a header independently of twitter-api-v2 (RFC 5849 §3.4.1). */
export function verifyOAuth1(request: FakeRequest, secrets = X_CREDENTIALS): boolean {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('OAuth ')) return false;
  const oauth = Object.fromEntries([...header.slice(6).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, decodeURIComponent(m[2]!)]));
  if (oauth.oauth_consumer_key !== secrets.appKey || oauth.oauth_token !== secrets.accessToken) return false;
  const params: [string, string][] = [...Object.entries(oauth).filter(([k]) => k !== 'oauth_signature'), ...request.query.entries()];
  if (String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    params.push(...new URLSearchParams(request.body.toString('utf8')).entries());
  }
  const normalised = params
    .map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const baseUrl = `https://${request.host}${request.path}`;
  const base = [request.method.toUpperCase(), rfc3986(baseUrl), rfc3986(normalised)].join('&');
  const key = `${rfc3986(secrets.appSecret)}&${rfc3986(secrets.accessSecret)}`;
  const expected = createHmac('sha1', key).update(base).digest('base64');
  return expected === oauth.oauth_signature;
}

/** Multipart fields by name, as raw bytes (twitter-api-v2 sends the media part without a filename). */
function multipartParts(request: FakeRequest): Map<string, Buffer> {
  const boundary = /boundary=([^;]+)/.exec(String(request.headers['content-type'] ?? ''))?.[1];
  const parts = new Map<string, Buffer>();
  if (!boundary) return parts;
  const delimiter = Buffer.from(`--${boundary}`);
  let start = request.body.indexOf(delimiter);
  while (start >= 0) {
    const next = request.body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = request.body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const name = /name="([^"]+)"/.exec(part.subarray(0, headerEnd).toString('utf8'))?.[1];
    if (name && headerEnd >= 0) parts.set(name, part.subarray(headerEnd + 4));
    start = next;
  }
  return parts;
}

/**
 * The OAuth 2.0 user-context scopes each endpoint needs, all of them (docs.x.com/x-api/posts/create-post,
 * /x-api/users/get-my-user, /x-api/users/get-posts, /x-api/media/upload-media — "media.write" —
 * and /x-api/media/create-media-metadata). OAuth 1.0a user tokens carry the app's permissions instead.
 */
export const X_ENDPOINT_SCOPES: [method: string, path: RegExp, scopes: string[]][] = [
  ['POST', /^\/2\/tweets$/, ['tweet.read', 'tweet.write', 'users.read']],
  ['GET', /^\/2\/users\/me$/, ['tweet.read', 'users.read']],
  ['GET', /^\/2\/users\/\d+\/tweets$/, ['tweet.read', 'users.read']],
  ['POST', /^\/2\/media\/upload(\/.*)?$/, ['media.write']],
  ['POST', /^\/2\/media\/metadata$/, ['media.write']],
];
const ALL_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'];

const problem = (status: number, title: string, detail: string, headers: Record<string, string> = {}) =>
  json(status, { title, detail, type: 'about:blank', status }, headers);

export interface XFake extends Fake {
  tweets: { id: string; text: string; auth: 'oauth1' | 'bearer'; replyTo?: string; mediaIds?: string[] }[];
  /** Ids of other accounts' tweets that exist (what the officer may reply to). */
  others: Set<string>;
  /** The bearer token of each request made with OAuth 2, in order. */
  bearersUsed: string[];
  /** The authorization-code grant (x.com/i/oauth2/authorize and the code exchange). */
  oauth2: XOAuth2;
  media: { id: string; bytes: number; type: string; finalized: boolean; altText?: string; content: Buffer[] }[];
  refreshes: number;
  /** Revokes every OAuth 2 access token issued so far, as if they had expired. */
  expireBearers(): void;
  /** Recent search (tests/fakes/x-search.ts), with the app-only bearer or a user token. */
  search: XSearchFake;
}

/** `authorizeHost` also answers x.com (for the sign-in window); off by default, as share-link tests serve x.com themselves. */
export function createXFake(options: { authorizeHost?: boolean } = {}): XFake {
  const tweets: XFake['tweets'] = [];
  const others = new Set<string>();
  const media: XFake['media'] = [];
  const seenTexts = new Set<string>();
  /** Live access tokens and the scopes each was granted; refresh tokens keep their grant's scopes. */
  const bearers = new Map([[X_CREDENTIALS.bearer, ALL_SCOPES]]);
  const refreshTokens = new Map([[X_CREDENTIALS.refreshToken, ALL_SCOPES]]);
  const oauth2 = createXOAuth2(X_CREDENTIALS.clientId, (access, refresh, scopes) => {
    bearers.set(access, scopes);
    refreshTokens.set(refresh, scopes);
  });
  const authOf = (request: FakeRequest): 'oauth1' | 'bearer' | undefined => {
    const header = request.headers.authorization ?? '';
    if (header.startsWith('Bearer ') && bearers.has(header.slice(7))) {
      fake.bearersUsed.push(header.slice(7));
      return 'bearer';
    }
    return verifyOAuth1(request) ? 'oauth1' : undefined;
  };
  const rateHeaders = { 'x-rate-limit-limit': '200', 'x-rate-limit-remaining': '199', 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900) };

  const fake: XFake = {
    hosts: ['api.x.com', 'api.twitter.com', ...(options.authorizeHost ? ['x.com'] : [])],
    tweets,
    others,
    bearersUsed: [],
    oauth2,
    media,
    refreshes: 0,
    expireBearers: () => bearers.clear(),
    search: createXSearch(30, (token) => bearers.has(token)),
    async handle(request): Promise<FakeResponse> {
      if (request.host === 'x.com') return oauth2.authorize(request);
      if (request.method === 'POST' && request.path === '/2/oauth2/token') {
        return formBody(request).get('grant_type') === 'authorization_code' ? oauth2.exchange(request) : refreshToken(request);
      }
      if (request.method === 'GET' && request.path === '/2/tweets/search/recent') return fake.search.handle(request);
      const auth = authOf(request);
      if (!auth) return problem(401, 'Unauthorized', 'Unauthorized');
      if (auth === 'bearer') {
        const granted = bearers.get(String(request.headers.authorization).slice(7)) ?? [];
        const needs = X_ENDPOINT_SCOPES.find(([method, path]) => method === request.method && path.test(request.path));
        // A user token without the endpoint's scopes: 403, which a new sign-in with the same scopes never fixes.
        if (needs && !needs[2].every((scope) => granted.includes(scope))) return problem(403, 'Forbidden', 'Forbidden');
      }
      if (request.method === 'GET' && request.path === '/2/users/me') {
        return json(200, { data: { id: '1000', name: 'Humas Provinsi', username: 'humasprov' } }, rateHeaders);
      }
      if (request.method === 'GET' && request.path === '/2/users/1000/tweets') {
        // X returns links as t.co and escapes &, <, > in tweet text.
        const data = tweets
          .toReversed()
          .filter((t) => !t.replyTo)
          .map((t) => ({
            id: t.id,
            text: t.text
              .replace(/&/g, '&amp;')
              .replace(/</g, '&lt;')
              .replace(/>/g, '&gt;')
              .replace(/https?:\/\/\S+/g, 'https://t.co/AbCdEf1234'),
          }));
        return json(200, { data, meta: { result_count: data.length } }, rateHeaders);
      }
      if (request.path.startsWith('/2/media/')) return mediaRoute(request);
      if (request.method === 'POST' && request.path === '/2/tweets') {
        const body = jsonBody(request) as { text?: unknown; reply?: { in_reply_to_tweet_id?: string } } | undefined;
        if (!body || typeof body.text !== 'string' || body.text.length === 0) {
          return problem(400, 'Invalid Request', 'One or more parameters to your request was invalid.');
        }
        const mediaIds = (body as { media?: { media_ids?: string[] } }).media?.media_ids;
        if (mediaIds?.some((id) => !media.some((m) => m.id === id && m.finalized))) {
          return problem(400, 'Invalid Request', 'Your media IDs are invalid.');
        }
        if (seenTexts.has(body.text)) {
          return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
        }
        // X refuses a reply to a tweet that does not exist or cannot be seen (https://docs.x.com/x-api/posts/create-post).
        const replyTo = body.reply?.in_reply_to_tweet_id;
        if (replyTo && !tweets.some((t) => t.id === replyTo) && !others.has(replyTo)) {
          return problem(403, 'Forbidden', 'Reply to a Tweet that is deleted or not visible to you.');
        }
        seenTexts.add(body.text);
        const id = String(1_900_000_000_000_000_000n + BigInt(tweets.length + 1));
        tweets.push({ id, text: body.text, auth, replyTo: body.reply?.in_reply_to_tweet_id, mediaIds });
        return json(201, { data: { id, text: body.text, edit_history_tweet_ids: [id] } }, rateHeaders);
      }
      return problem(404, 'Not Found Error', `No route for ${request.method} ${request.path}`);
    },
  };

  /** POST /2/oauth2/token with grant_type=refresh_token; refresh tokens are single-use and rotate. */
  function refreshToken(request: FakeRequest): FakeResponse {
    const form = new URLSearchParams(request.body.toString('utf8'));
    if (form.get('grant_type') !== 'refresh_token' || form.get('client_id') !== X_CREDENTIALS.clientId) {
      return json(400, { error: 'invalid_request', error_description: 'Missing required parameter [client_id].' });
    }
    const token = form.get('refresh_token') ?? '';
    const scopes = refreshTokens.get(token);
    if (!scopes || !refreshTokens.delete(token)) return json(400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' });
    fake.refreshes++;
    const accessToken = `fake-oauth2-refreshed-access-${fake.refreshes}`;
    const next = `fake-oauth2-refreshed-refresh-${fake.refreshes}`;
    bearers.set(accessToken, scopes);
    refreshTokens.set(next, scopes);
    return json(200, { token_type: 'bearer', expires_in: 7200, access_token: accessToken, scope: scopes.join(' '), refresh_token: next });
  }

  /** The v2 chunked upload (initialize, append, finalize) and POST /2/media/metadata for alt text. */
  async function mediaRoute(request: FakeRequest): Promise<FakeResponse> {
    if (request.method === 'POST' && request.path === '/2/media/upload/initialize') {
      const body = jsonBody(request) as { media_type?: string; total_bytes?: number } | undefined;
      if (!body?.media_type?.startsWith('image/') || !body.total_bytes) return problem(400, 'Invalid Request', 'media_type and total_bytes are required');
      if (!X_MEDIA_TYPES.includes(body.media_type)) return problem(400, 'Invalid Request', `Unsupported media_type: ${body.media_type}`);
      if (body.total_bytes > xMaxBytes(body.media_type)) return problem(400, 'Invalid Request', `File size exceeds ${xMaxBytes(body.media_type)} bytes`);
      const id = String(1_880_000_000_000_000_000n + BigInt(media.length + 1));
      media.push({ id, bytes: 0, type: body.media_type, finalized: false, content: [] });
      return json(200, { data: { id, media_key: `3_${id}`, expires_after_secs: 86400 } });
    }
    const step = /^\/2\/media\/upload\/(\d+)\/(append|finalize)$/.exec(request.path);
    const item = step ? media.find((m) => m.id === step[1]) : undefined;
    if (step && item && step[2] === 'append') {
      const parts = multipartParts(request);
      const chunk = parts.get('media');
      if (!chunk || chunk.length === 0 || !parts.has('segment_index')) return problem(400, 'Invalid Request', 'media and segment_index are required');
      item.bytes += chunk.length;
      item.content.push(Buffer.from(chunk));
      return { status: 204 };
    }
    if (step && item && step[2] === 'finalize') {
      const probe = probeImage(Buffer.concat(item.content));
      if (!probe || !X_MEDIA_TYPES.includes(mimeOf(probe.type))) return problem(400, 'Invalid Request', 'media type unrecognized.');
      if (item.bytes > xMaxBytes(mimeOf(probe.type))) return problem(400, 'Invalid Request', `File size exceeds ${xMaxBytes(mimeOf(probe.type))} bytes`);
      item.finalized = true;
      return json(200, { data: { id: item.id, media_key: `3_${item.id}`, size: item.bytes, expires_after_secs: 86400 } });
    }
    if (request.method === 'POST' && request.path === '/2/media/metadata') {
      const body = jsonBody(request) as { id?: string; metadata?: { alt_text?: { text?: string } } } | undefined;
      const target = media.find((m) => m.id === body?.id);
      if (!target) return problem(400, 'Invalid Request', 'media id not found');
      target.altText = body?.metadata?.alt_text?.text;
      return json(200, { data: { id: target.id, associated_metadata: body?.metadata } });
    }
    return problem(404, 'Not Found Error', `No route for ${request.method} ${request.path}`);
  }

  return fake;
}
