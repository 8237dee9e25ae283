import { formBody, json, type Fake, type FakeRequest, type FakeResponse } from './fake';

// Graph API v21.0 Page publishing as documented (POST /{page-id}/feed, /{page-id}/photos,
// GET /{page-id}?fields=name), with Graph's `{error:{message,type,code,error_subcode,fbtrace_id}}` body.

export const FACEBOOK_ACCOUNT = { pageId: '104000000000001', token: 'EAAfake-page-token' };

const graphError = (status: number, code: number, message: string, type = 'OAuthException', subcode?: number) =>
  json(status, { error: { message, type, code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'AbCdEfFake' } });

export interface FacebookFake extends Fake {
  posts: { id: string; message: string; link?: string; photoUrl?: string }[];
}

function tokenOf(request: FakeRequest, form: URLSearchParams): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  return form.get('access_token') ?? request.query.get('access_token') ?? undefined;
}

export function createFacebookFake(): FacebookFake {
  const posts: FacebookFake['posts'] = [];
  const page = FACEBOOK_ACCOUNT.pageId;
  return {
    hosts: ['graph.facebook.com'],
    posts,
    handle(request): FakeResponse {
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
