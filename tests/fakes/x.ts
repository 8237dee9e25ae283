import { createHmac } from 'node:crypto';
import { json, jsonBody, type Fake, type FakeRequest, type FakeResponse } from './fake';

// A fake of the X API v2 endpoints Siar uses, answering with the documented shapes
// (docs.x.com: POST /2/tweets, GET /2/users/me, problem+json errors, x-rate-limit-* headers).

export const X_CREDENTIALS = {
  appKey: 'fake-consumer-key', appSecret: 'fake-consumer-secret',
  accessToken: '1000-fake-access-token', accessSecret: 'fake-access-secret',
  bearer: 'fake-oauth2-user-token',
};

const rfc3986 = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Checks an OAuth 1.0a header independently of twitter-api-v2 (RFC 5849 §3.4.1). */
export function verifyOAuth1(request: FakeRequest, secrets = X_CREDENTIALS): boolean {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('OAuth ')) return false;
  const oauth = Object.fromEntries(
    [...header.slice(6).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, decodeURIComponent(m[2]!)]),
  );
  if (oauth.oauth_consumer_key !== secrets.appKey || oauth.oauth_token !== secrets.accessToken) return false;
  const params: [string, string][] = [
    ...Object.entries(oauth).filter(([k]) => k !== 'oauth_signature'),
    ...request.query.entries(),
  ];
  if (String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    params.push(...new URLSearchParams(request.body.toString('utf8')).entries());
  }
  const normalised = params.map(([k, v]) => [rfc3986(k), rfc3986(v)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`).join('&');
  const baseUrl = `https://${request.host}${request.path}`;
  const base = [request.method.toUpperCase(), rfc3986(baseUrl), rfc3986(normalised)].join('&');
  const key = `${rfc3986(secrets.appSecret)}&${rfc3986(secrets.accessSecret)}`;
  const expected = createHmac('sha1', key).update(base).digest('base64');
  return expected === oauth.oauth_signature;
}

const problem = (status: number, title: string, detail: string, headers: Record<string, string> = {}) =>
  json(status, { title, detail, type: 'about:blank', status }, headers);

export interface XFake extends Fake {
  tweets: { id: string; text: string; auth: 'oauth1' | 'bearer'; replyTo?: string }[];
}

export function createXFake(): XFake {
  const tweets: XFake['tweets'] = [];
  const seenTexts = new Set<string>();
  const authOf = (request: FakeRequest): 'oauth1' | 'bearer' | undefined => {
    if (request.headers.authorization === `Bearer ${X_CREDENTIALS.bearer}`) return 'bearer';
    return verifyOAuth1(request) ? 'oauth1' : undefined;
  };
  const rateHeaders = { 'x-rate-limit-limit': '200', 'x-rate-limit-remaining': '199', 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900) };

  return {
    hosts: ['api.x.com', 'api.twitter.com'],
    tweets,
    handle(request): FakeResponse {
      const auth = authOf(request);
      if (!auth) return problem(401, 'Unauthorized', 'Unauthorized');
      if (request.method === 'GET' && request.path === '/2/users/me') {
        return json(200, { data: { id: '1000', name: 'Humas Provinsi', username: 'humasprov' } }, rateHeaders);
      }
      if (request.method === 'POST' && request.path === '/2/tweets') {
        const body = jsonBody(request) as { text?: unknown; reply?: { in_reply_to_tweet_id?: string } } | undefined;
        if (!body || typeof body.text !== 'string' || body.text.length === 0) {
          return problem(400, 'Invalid Request', 'One or more parameters to your request was invalid.');
        }
        if (seenTexts.has(body.text)) {
          return problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
        }
        seenTexts.add(body.text);
        const id = String(1_900_000_000_000_000_000n + BigInt(tweets.length + 1));
        tweets.push({ id, text: body.text, auth, replyTo: body.reply?.in_reply_to_tweet_id });
        return json(201, { data: { id, text: body.text, edit_history_tweet_ids: [id] } }, rateHeaders);
      }
      return problem(404, 'Not Found Error', `No route for ${request.method} ${request.path}`);
    },
  };
}
