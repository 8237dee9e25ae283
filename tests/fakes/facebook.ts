import { formBody, json, type Fake, type FakeRequest, type FakeResponse } from './fake';

// Graph API Page publishing as documented (POST /{page-id}/feed, /{page-id}/photos,
// GET /{page-id}?fields=name), with Graph's `{error:{message,type,code,error_subcode,fbtrace_id}}` body.

/**
 * Graph versions and their "Available Until" (developers.facebook.com/docs/graph-api/changelog/versions/,
 * read 2026-11-30). Meta answers a call to an expired version with the oldest available one, so only an
 * unknown version is refused; `servedVersions` records what each request got.
 */
const GRAPH_VERSIONS: Record<string, string | undefined> = {
  'v20.0': '2026-09-24', 'v21.0': '2027-01-21', 'v22.0': '2027-05-20', 'v23.0': '2027-10-08', 'v24.0': '2028-02-18',
  'v25.0': '2028-07-29', 'v26.0': undefined,
};

/** The version Graph actually serves for `asked` on `day`, or undefined for a version that never existed. */
export function graphServes(asked: string, day = Date.now()): string | undefined {
  if (!(asked in GRAPH_VERSIONS)) return undefined;
  const available = Object.entries(GRAPH_VERSIONS).filter(([, until]) => !until || Date.parse(`${until}T23:59:59Z`) >= day).map(([v]) => v);
  return available.includes(asked) ? asked : available[0];
}

export const FACEBOOK_ACCOUNT = { pageId: '104000000000001', token: 'EAAfake-page-token' };

const graphError = (status: number, code: number, message: string, type = 'OAuthException', subcode?: number) =>
  json(status, { error: { message, type, code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'AbCdEfFake' } });

export interface FacebookFake extends Fake {
  posts: { id: string; message: string; link?: string; photoUrl?: string }[];
  /** The Graph version each request was served with. */
  servedVersions: string[];
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
  return {
    hosts: ['graph.facebook.com'],
    posts,
    servedVersions,
    handle(request): FakeResponse {
      const asked = /^\/(v\d+\.\d+)\//.exec(request.path)?.[1];
      const served = asked ? graphServes(asked) : undefined;
      if (asked && !served) return graphError(400, 2500, `Unknown path components: /${asked}`, 'OAuthException');
      if (served) servedVersions.push(served);
      const form = request.method === 'POST' ? formBody(request) : new URLSearchParams();
      if (tokenOf(request, form) !== FACEBOOK_ACCOUNT.token) {
        return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
      }
      const match = /^\/v\d+\.\d+\/([^/]+)(?:\/(feed|photos))?$/.exec(request.path);
      if (!match || match[1] !== page) return graphError(400, 100, 'Unsupported request - object does not exist', 'GraphMethodException', 33);
      const edge = match[2];
      if (request.method === 'GET' && !edge) return json(200, { name: 'Humas Provinsi', id: page });
      if (request.method === 'GET' && edge === 'feed') {
        return json(200, { data: posts.toReversed().map((post) => ({ id: post.id, message: post.message, created_time: '2025-01-01T00:00:00+0000' })) });
      }
      if (request.method !== 'POST') return graphError(400, 100, 'Unsupported request', 'GraphMethodException');
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
