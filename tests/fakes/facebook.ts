import { imageSize } from 'image-size';
import { formBody, json, type Fake, type FakeRequest, type FakeResponse } from './fake';

// Graph API Page publishing as documented (POST /{page-id}/feed, /{page-id}/photos,
// GET /{page-id}?fields=name), with Graph's `{error:{message,type,code,error_subcode,fbtrace_id}}` body.
// Unpublished photos (multipart `source`, published=false: …/reference/page/photos/#Creating) are kept
// off the feed; GET /{photo-id}?fields=images lists the stored copy (…/reference/photo/#fields), which the
// fake serves from its CDN host.

export const FB_CDN_HOST = 'scontent.xx.fbcdn.net';

/**
 * Graph versions and their "Available Until" (developers.facebook.com/docs/graph-api/changelog/versions/,
 * read 2026-11-30). Meta answers a call to an expired version with the oldest available one, so only an
 * unknown version is refused; `servedVersions` records what each request got.
 */
const GRAPH_VERSIONS: Record<string, string | undefined> = {
  'v20.0': '2026-09-24',
  'v21.0': '2027-01-21',
  'v22.0': '2027-05-20',
  'v23.0': '2027-10-08',
  'v24.0': '2028-02-18',
  'v25.0': '2028-07-29',
  'v26.0': undefined,
};

/** The version Graph actually serves for `asked` on `day`, or undefined for a version that never existed. */
export function graphServes(asked: string, day = Date.now()): string | undefined {
  if (!(asked in GRAPH_VERSIONS)) return undefined;
  const available = Object.entries(GRAPH_VERSIONS)
    .filter(([, until]) => !until || Date.parse(`${until}T23:59:59Z`) >= day)
    .map(([v]) => v);
  return available.includes(asked) ? asked : available[0];
}

export const FACEBOOK_ACCOUNT = { pageId: '104000000000001', token: 'EAAfake-page-token' };

const graphError = (status: number, code: number, message: string, type = 'OAuthException', subcode?: number) =>
  json(status, { error: { message, type, code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'AbCdEfFake' } });

export interface FacebookFake extends Fake {
  posts: { id: string; message: string; link?: string; photoUrl?: string }[];
  /** The Graph version each request was served with. */
  servedVersions: string[];
  /** Photos uploaded with published=false: not on the Page's feed, reachable by their CDN URL. */
  unpublished: { id: string; bytes: Buffer; width: number; height: number }[];
}

function tokenOf(request: FakeRequest, form: URLSearchParams): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  return form.get('access_token') ?? request.query.get('access_token') ?? undefined;
}

export function createFacebookFake(): FacebookFake {
  const posts: FacebookFake['posts'] = [];
  const servedVersions: string[] = [];
  const page = FACEBOOK_ACCOUNT.pageId;
  const unpublished: FacebookFake['unpublished'] = [];
  const cdnUrl = (id: string) => `https://${FB_CDN_HOST}/v/t39.30808-6/${id}_n.jpg?oh=fake&oe=6A000000`;
  return {
    hosts: ['graph.facebook.com', FB_CDN_HOST],
    posts,
    servedVersions,
    unpublished,
    async handle(request): Promise<FakeResponse> {
      if (request.host === FB_CDN_HOST) {
        const photo = unpublished.find((p) => request.path === `/v/t39.30808-6/${p.id}_n.jpg`);
        return photo ? { status: 200, headers: { 'content-type': 'image/jpeg' }, body: photo.bytes } : { status: 404, body: '' };
      }
      const multipart = String(request.headers['content-type'] ?? '').startsWith('multipart/form-data')
        ? await new Response(new Uint8Array(request.body), { headers: { 'content-type': String(request.headers['content-type']) } })
            .formData()
            .catch(() => undefined)
        : undefined;
      const asked = /^\/(v\d+\.\d+)\//.exec(request.path)?.[1];
      const served = asked ? graphServes(asked) : undefined;
      if (asked && !served) return graphError(400, 2500, `Unknown path components: /${asked}`, 'OAuthException');
      if (served) servedVersions.push(served);
      const form = multipart
        ? new URLSearchParams([...multipart.entries()].flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])))
        : request.method === 'POST'
          ? formBody(request)
          : new URLSearchParams();
      if (tokenOf(request, form) !== FACEBOOK_ACCOUNT.token) {
        return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
      }
      const photoRead = /^\/v\d+\.\d+\/(\d+)$/.exec(request.path);
      const stored = photoRead && unpublished.find((p) => p.id === photoRead[1]);
      if (request.method === 'GET' && stored) {
        if (!(request.query.get('fields') ?? '').includes('images')) return json(200, { id: stored.id });
        return json(200, { id: stored.id, images: [{ height: stored.height, width: stored.width, source: cdnUrl(stored.id) }] });
      }
      const match = /^\/v\d+\.\d+\/([^/]+)(?:\/(feed|photos))?$/.exec(request.path);
      if (!match || match[1] !== page) return graphError(400, 100, 'Unsupported request - object does not exist', 'GraphMethodException', 33);
      const edge = match[2];
      if (request.method === 'GET' && !edge) return json(200, { name: 'Humas Provinsi', id: page });
      if (request.method === 'GET' && edge === 'feed') {
        return json(200, { data: posts.toReversed().map((post) => ({ id: post.id, message: post.message, created_time: '2025-01-01T00:00:00+0000' })) });
      }
      if (request.method !== 'POST') return graphError(400, 100, 'Unsupported request', 'GraphMethodException');
      if (edge === 'photos' && form.get('published') === 'false') {
        const source = multipart?.get('source');
        if (!(source instanceof Blob) || source.size === 0) return graphError(400, 324, '(#324) Requires upload file', 'OAuthException');
        const bytes = Buffer.from(await source.arrayBuffer());
        let size: { width: number; height: number };
        try {
          size = imageSize(bytes);
        } catch {
          return graphError(400, 324, '(#324) Missing or invalid image file', 'OAuthException');
        }
        const id = String(910000000000000 + unpublished.length + 1);
        unpublished.push({ id, bytes, width: size.width, height: size.height });
        return json(200, { id });
      }
      const message = form.get('message') ?? form.get('caption') ?? '';
      if (posts.some((post) => post.message === message && message !== '')) {
        return graphError(400, 506, 'Duplicate status message', 'OAuthException');
      }
      const id = `${page}_${122000000000000 + posts.length + 1}`;
      if (edge === 'photos') {
        const url = form.get('url');
        if (!url) return graphError(400, 324, '(#324) Requires upload file', 'OAuthException');
        posts.push({ id, message, photoUrl: url });
        return json(200, { id: String(900000 + posts.length), post_id: id });
      }
      if (!form.get('message') && !form.get('link')) return graphError(400, 100, '(#100) Missing message or attachment', 'OAuthException');
      posts.push({ id, message, link: form.get('link') ?? undefined });
      return json(200, { id });
    },
  };
}
