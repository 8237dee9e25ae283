import { formBody, json, type Fake, type FakeResponse } from './fake';
import { probeImage } from '../../utils/media/jpeg';
import { mimeOf } from '../../utils/media/plan';

// The Threads API (graph.threads.net/v1.0): POST /{user-id}/threads creates a container,
// POST /{user-id}/threads_publish?creation_id= publishes it, GET /{id}?fields=permalink|status, /me.
// Errors use Graph's `{error:{message,type,code,fbtrace_id}}`.
// Threads fetches an IMAGE container's image_url itself (through `fetchMedia`, Meta's crawler for the
// fake) and takes JPEG and PNG up to 8 MB (developers.facebook.com/docs/threads/overview, image
// specifications); any other file puts the container in status ERROR with error_message UNKNOWN, the
// only documented message that is not about video (developers.facebook.com/docs/threads/troubleshooting).

export const THREADS_ACCOUNT = { userId: '26000000000001', token: 'THfake-threads-token' };

const graphError = (status: number, code: number, message: string, type = 'OAuthException') =>
  json(status, { error: { message, type, code, fbtrace_id: 'AThreadsFake' } });

interface Container {
  id: string;
  mediaType: string;
  text?: string;
  imageUrl?: string;
  replyTo?: string;
  polls: number;
  published?: string;
  error?: string;
}

const THREADS_IMAGE_TYPES = ['image/jpeg', 'image/png'];
const THREADS_IMAGE_MAX_BYTES = 8 * 1024 * 1024;

export interface ThreadsFake extends Fake {
  posts: { id: string; text?: string; imageUrl?: string; replyTo?: string }[];
  /** When each live token lapses (epoch ms); THREADS_ACCOUNT's lasts 60 days from the fake's start. */
  tokens: Map<string, number>;
  refreshes: number;
  /** The image files Threads fetched for IMAGE containers, as they arrived. */
  fetched: { url: string; bytes: Buffer }[];
}

/** Long-lived tokens last 60 days (developers.facebook.com/docs/threads/get-started/long-lived-tokens). */
export const THREADS_TOKEN_TTL_S = 60 * 24 * 60 * 60;

/** `fetchMedia` fetches an image_url as Meta would (see instagram.ts `mediaFrom`); without one, image URLs are not checked. */
export function createThreadsFake(options: { fetchMedia?: (url: string) => Promise<{ bytes: Buffer } | undefined> } = {}): ThreadsFake {
  const containers: Container[] = [];
  const posts: ThreadsFake['posts'] = [];
  const user = THREADS_ACCOUNT.userId;
  const tokens = new Map([[THREADS_ACCOUNT.token, Date.now() + THREADS_TOKEN_TTL_S * 1000]]);
  const fake: ThreadsFake = {
    hosts: ['graph.threads.net'],
    posts,
    tokens,
    refreshes: 0,
    fetched: [],
    async handle(request): Promise<FakeResponse> {
      const form = request.method === 'POST' ? formBody(request) : new URLSearchParams();
      const token = request.headers.authorization?.replace(/^Bearer /, '') ?? form.get('access_token') ?? request.query.get('access_token') ?? '';
      const lapses = tokens.get(token);
      if (lapses === undefined) return graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
      if (lapses <= Date.now()) return graphError(401, 190, 'Error validating access token: Session has expired', 'OAuthException');
      if (request.method === 'GET' && request.path === '/refresh_access_token') {
        // th_refresh_token renews a valid long-lived token for another 60 days; the old one keeps its date.
        if (request.query.get('grant_type') !== 'th_refresh_token') return graphError(400, 100, 'Unsupported grant_type');
        fake.refreshes++;
        const fresh = `THfake-renewed-${fake.refreshes}`;
        tokens.set(fresh, Date.now() + THREADS_TOKEN_TTL_S * 1000);
        return json(200, { access_token: fresh, token_type: 'bearer', expires_in: THREADS_TOKEN_TTL_S });
      }
      const path = request.path.replace(/^\/v1\.0/, '');
      const params = (name: string) => form.get(name) ?? request.query.get(name) ?? undefined;
      if (request.method === 'GET' && path === '/me') return json(200, { id: user, username: 'humasprov' });
      if (request.method === 'POST' && path === `/${user}/threads`) {
        const mediaType = params('media_type');
        const text = params('text');
        if (mediaType !== 'TEXT' && mediaType !== 'IMAGE') return graphError(400, 100, 'Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}');
        if (mediaType === 'TEXT' && !text) return graphError(400, 100, 'Param text is required for TEXT posts');
        if (mediaType === 'IMAGE' && !params('image_url')) return graphError(400, 100, 'Param image_url is required');
        if (text && [...text].length > 500) return graphError(400, 100, 'Param text must be at most 500 characters long');
        const replyTo = params('reply_to_id');
        if (replyTo && !posts.some((post) => post.id === replyTo)) return graphError(400, 100, 'Invalid reply_to_id');
        const container: Container = { id: String(17800000000000 + containers.length + 1), mediaType, text, imageUrl: params('image_url'), replyTo, polls: 0 };
        if (mediaType === 'IMAGE' && options.fetchMedia) {
          const file = await options.fetchMedia(container.imageUrl!);
          if (file) fake.fetched.push({ url: container.imageUrl!, bytes: file.bytes });
          const probe = file ? probeImage(file.bytes) : undefined;
          if (!probe || !THREADS_IMAGE_TYPES.includes(mimeOf(probe.type)) || file!.bytes.length > THREADS_IMAGE_MAX_BYTES) container.error = 'UNKNOWN';
        }
        containers.push(container);
        return json(200, { id: container.id });
      }
      if (request.method === 'POST' && path === `/${user}/threads_publish`) {
        const container = containers.find((c) => c.id === params('creation_id'));
        if (!container) return graphError(400, 24, 'The requested resource does not exist', 'THApiException');
        // Every container is processed first; publishing before its status reads FINISHED fails
        // (developers.facebook.com/docs/threads/troubleshooting: 9007 "Media ID is not available").
        if (container.polls === 0) return graphError(400, 9007, 'Media ID is not available', 'THApiException');
        if (container.published) return graphError(400, 24, 'The media container has already been published', 'THApiException');
        if (container.error) return graphError(400, 24, 'The media container could not be published', 'THApiException');
        const id = String(18000000000000 + posts.length + 1);
        container.published = id;
        posts.push({ id, text: container.text, imageUrl: container.imageUrl, replyTo: container.replyTo });
        return json(200, { id });
      }
      const single = /^\/(\d+)$/.exec(path);
      if (request.method === 'GET' && single) {
        const fields = request.query.get('fields') ?? '';
        const container = containers.find((c) => c.id === single[1]);
        if (container && fields.includes('status')) {
          container.polls++;
          if (container.error) return json(200, { id: container.id, status: 'ERROR', error_message: container.error });
          return json(200, { id: container.id, status: container.published ? 'PUBLISHED' : 'FINISHED' });
        }
        const post = posts.find((p) => p.id === single[1]);
        if (post) return json(200, { id: post.id, permalink: `https://www.threads.net/@humasprov/post/C${post.id}` });
        return graphError(400, 100, 'Unsupported get request', 'THApiException');
      }
      if (request.method === 'GET' && path === `/${user}/threads`) {
        return json(200, { data: posts.toReversed().map((p) => ({ id: p.id, text: p.text, permalink: `https://www.threads.net/@humasprov/post/C${p.id}` })) });
      }
      return graphError(400, 100, `Unsupported ${request.method} request`, 'THApiException');
    },
  };
  return fake;
}
