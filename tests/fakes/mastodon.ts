import { json, jsonBody, type Fake, type FakeRequest, type FakeResponse } from './fake';
import { handleMastodonOAuth, MASTODON_MEDIA_CONFIG, scopeCovers, type MastodonOAuthState } from './mastodon-oauth';
import { probeImage } from '../../utils/media/jpeg';
import { mimeOf } from '../../utils/media/plan';

// A Mastodon instance (docs.joinmastodon.org): POST /api/v1/statuses with Idempotency-Key (a repeated
// key returns the status already made), POST /api/v2/media answering 202 until processed,
// GET /api/v1/media/:id (206 while processing), GET /api/v1/accounts/verify_credentials,
// GET /api/v1/accounts/:id/statuses, and
// GET /api/v2/search (https://docs.joinmastodon.org/methods/search/#v2): a status from another server
// is found by its URI only with `resolve=true` (the instance then fetches it), and it gets a local id,
// the only kind `in_reply_to_id` accepts. Each method checks the token's scopes as its doc page's "OAuth:" line says.

export const MASTODON_HOST = 'sosial.example.go.id';
export const MASTODON_ACCOUNT = { instance: `https://${MASTODON_HOST}`, accessToken: 'mastodon-fake-token', maxChars: 500 };
/** What the pasted test token was granted: the scopes an officer's token from Siar carries. */
export const MASTODON_TOKEN_SCOPES = ['write:statuses', 'write:media', 'profile', 'read:statuses', 'read:search'];

/**
 * The scopes each method needs, any one of them (docs.joinmastodon.org/methods/statuses/#create,
 * /methods/media/#v2, /methods/media/#get, /methods/accounts/#verify_credentials — `profile` since 4.3.0,
 * /methods/accounts/#statuses). A token lacking them gets 403 "This action is outside the authorized scopes"
 * (Api::BaseController#doorkeeper_forbidden_render_options).
 */
const SCOPES: [method: string, path: RegExp, anyOf: string[]][] = [
  ['POST', /^\/api\/v1\/statuses$/, ['write:statuses']],
  ['POST', /^\/api\/v2\/media$/, ['write:media']],
  ['GET', /^\/api\/v1\/media\/\d+$/, ['write:media']],
  ['GET', /^\/api\/v1\/accounts\/verify_credentials$/, ['profile', 'read:accounts']],
  ['GET', /^\/api\/v1\/accounts\/\d+\/statuses$/, ['read:statuses']],
  // /methods/search/#v2: resolving a remote URI (resolve=true) needs a user token with read:search.
  ['GET', /^\/api\/v2\/search$/, ['read:search']],
];
export const OUT_OF_SCOPE = 'This action is outside the authorized scopes';

const error = (status: number, message: string) => json(status, { error: message });

interface Media {
  id: string;
  description?: string;
  bytes: number;
  polls: number;
  content: Buffer;
}

export interface MastodonFake extends Fake {
  posts: { id: string; status: string; language?: string; visibility?: string; inReplyTo?: string; mediaIds: string[]; key: string }[];
  media: Media[];
  oauth: MastodonOAuthState;
  /** The fake's clock, for keys that lapse after an hour without the test waiting. */
  setNow(at: number): void;
  /** Statuses on other servers, by URI, that this instance can fetch when asked to resolve them. */
  remote: Map<string, string>;
}

/** "Idempotency-Key … keys are stored for one hour" (docs.joinmastodon.org/methods/statuses/#create). */
export const MASTODON_KEY_TTL_MS = 60 * 60_000;

async function multipart(request: FakeRequest): Promise<FormData | undefined> {
  try {
    return await new Response(new Uint8Array(request.body), { headers: { 'content-type': String(request.headers['content-type'] ?? '') } }).formData();
  } catch {
    return undefined;
  }
}

export function createMastodonFake(maxChars = 500): MastodonFake {
  const posts: MastodonFake['posts'] = [];
  const media: Media[] = [];
  const byKey = new Map<string, { post: MastodonFake['posts'][number]; at: number }>();
  let clock: number | undefined;
  const now = () => clock ?? Date.now();
  const oauth: MastodonOAuthState = {
    apps: [],
    codes: new Map(),
    tokenScopes: new Map([[MASTODON_ACCOUNT.accessToken, MASTODON_TOKEN_SCOPES]]),
    version: '4.5.2',
    mediaConfig: { ...MASTODON_MEDIA_CONFIG },
  };
  const remote = new Map<string, string>();
  const resolved = new Map<string, MastodonFake['posts'][number]>();
  const statusJson = (post: MastodonFake['posts'][number]) => ({
    id: post.id,
    uri: `https://${MASTODON_HOST}/users/humas/statuses/${post.id}`,
    url: `https://${MASTODON_HOST}/@humas/${post.id}`,
    content: `<p>${post.status}</p>`,
    visibility: post.visibility,
    language: post.language,
    in_reply_to_id: post.inReplyTo ?? null,
    media_attachments: post.mediaIds.map((id) => ({ id, type: 'image' })),
  });

  return {
    hosts: [MASTODON_HOST],
    posts,
    media,
    oauth,
    setNow: (at) => {
      clock = at;
    },
    remote,
    async handle(request): Promise<FakeResponse> {
      const unauthenticated = handleMastodonOAuth(request, oauth, { accessToken: MASTODON_ACCOUNT.accessToken, maxChars });
      if (unauthenticated) return unauthenticated;
      const granted = oauth.tokenScopes.get(String(request.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (!granted) return error(401, 'The access token is invalid');
      const needs = SCOPES.find(([method, path]) => method === request.method && path.test(request.path));
      if (needs && !scopeCovers(granted, needs[2])) return error(403, OUT_OF_SCOPE);
      if (request.method === 'GET' && request.path === '/api/v1/accounts/verify_credentials') {
        return json(200, { id: '1', username: 'humas', acct: 'humas', display_name: 'Humas Provinsi' });
      }
      if (request.method === 'GET' && request.path === '/api/v1/accounts/1/statuses') {
        // Newest first (docs.joinmastodon.org/methods/accounts/#statuses); `exclude_replies` leaves thread parts out.
        const limit = Math.min(Number(request.query.get('limit') ?? 20), 40);
        const own = posts.toReversed().filter((p) => request.query.get('exclude_replies') !== 'true' || !p.inReplyTo);
        return json(200, own.slice(0, limit).map(statusJson));
      }
      if (request.method === 'POST' && request.path === '/api/v2/media') {
        const form = await multipart(request);
        const file = form?.get('file');
        if (!(file instanceof Blob) || file.size === 0) return error(422, 'Validation failed: File is invalid');
        // The instance's own limits, as /api/v2/instance publishes them; the type is read from the file
        // itself, as Mastodon's Paperclip does. 422 bodies as docs.joinmastodon.org/methods/media/#v2 shows.
        const content = Buffer.from(await file.arrayBuffer());
        const limits = oauth.mediaConfig ?? MASTODON_MEDIA_CONFIG;
        const probe = probeImage(content);
        if (!probe || !limits.supported_mime_types.includes(mimeOf(probe.type)))
          return error(422, 'Validation failed: File content type is invalid, File is invalid');
        if (content.length > limits.image_size_limit) return error(422, `Validation failed: File file size must be less than ${limits.image_size_limit} Bytes`);
        const item: Media = { id: String(5000 + media.length), description: form?.get('description')?.toString(), bytes: file.size, polls: 0, content };
        media.push(item);
        return json(202, { id: item.id, type: 'image', url: null, description: item.description ?? null });
      }
      if (request.method === 'GET' && request.path === '/api/v2/search') {
        const q = request.query.get('q') ?? '';
        let local = resolved.get(q);
        if (!local && request.query.get('resolve') === 'true' && remote.has(q)) {
          local = { id: String(120000000000000000n + BigInt(resolved.size + 1)), status: remote.get(q)!, mediaIds: [], key: `remote:${q}` };
          resolved.set(q, local);
        }
        const type = request.query.get('type');
        return json(200, { accounts: [], hashtags: [], statuses: local && (!type || type === 'statuses') ? [{ ...statusJson(local), uri: q }] : [] });
      }
      const mediaMatch = /^\/api\/v1\/media\/(\d+)$/.exec(request.path);
      if (request.method === 'GET' && mediaMatch) {
        const item = media.find((m) => m.id === mediaMatch[1]);
        if (!item) return error(404, 'Record not found');
        item.polls++;
        const processed = item.polls > 1;
        return json(processed ? 200 : 206, { id: item.id, type: 'image', url: processed ? `https://${MASTODON_HOST}/m/${item.id}.jpg` : null });
      }
      if (request.method === 'POST' && request.path === '/api/v1/statuses') {
        const key = request.headers['idempotency-key'];
        if (typeof key !== 'string' || !key) return error(422, 'Siar fake: Idempotency-Key header required');
        const seen = byKey.get(key);
        if (seen && now() - seen.at < MASTODON_KEY_TTL_MS) return json(200, statusJson(seen.post));
        const body = jsonBody(request) as
          { status?: unknown; visibility?: string; language?: string; in_reply_to_id?: string; media_ids?: string[] } | undefined;
        if (!body || typeof body.status !== 'string' || !body.status.trim()) return error(422, "Validation failed: Text can't be blank");
        if ([...new Intl.Segmenter().segment(body.status)].length > maxChars) {
          return error(422, `Validation failed: Text character limit of ${maxChars} exceeded`);
        }
        if (body.in_reply_to_id && ![...posts, ...resolved.values()].some((post) => post.id === body.in_reply_to_id)) return error(404, 'Record not found');
        for (const id of body.media_ids ?? []) {
          const item = media.find((m) => m.id === id);
          if (!item) return error(422, 'Validation failed: media not found');
          if (item.polls < 2) return error(422, 'Cannot attach files that have not finished processing. Try again in a moment!');
        }
        const post = {
          id: String(110000000000000000n + BigInt(posts.length + 1)),
          status: body.status,
          language: body.language,
          visibility: body.visibility,
          inReplyTo: body.in_reply_to_id,
          mediaIds: body.media_ids ?? [],
          key,
        };
        posts.push(post);
        byKey.set(key, { post, at: now() });
        return json(200, statusJson(post));
      }
      return error(404, 'Record not found');
    },
  };
}
