import { json, jsonBody, type Fake, type FakeResponse } from './fake';
import { probeImage } from '../../utils/media/jpeg';
import { mimeOf } from '../../utils/media/plan';

// LinkedIn's versioned Posts API (POST /rest/posts → 201 with the URN in x-restli-id), which refuses
// calls without LinkedIn-Version or with a sunset one (426), and /v2/userinfo + /rest/organizations/{id}
// for the connection test.

export const LINKEDIN_ACCOUNT = { author: 'urn:li:organization:5515715', token: 'AQVfake-linkedin-token' };
/** A member token granted w_member_social only, without the OpenID scopes /v2/userinfo needs. */
export const LINKEDIN_MEMBER_ONLY = { author: 'urn:li:person:abc123', token: 'AQVfake-member-social-only' };

/**
 * Sunset dates from LinkedIn's migrations table (learn.microsoft.com/en-us/linkedin/marketing/integrations/migrations,
 * read 2026-11-30); versions it does not list yet end at the one-year minimum of the versioning page
 * (learn.microsoft.com/en-us/linkedin/marketing/versioning). Versioned releases began in 202206.
 */
const PUBLISHED_SUNSETS: Record<string, string> = {
  '202410': '2025-10-15',
  '202411': '2025-11-17',
  '202510': '2026-10-15',
  '202511': '2026-11-16',
  '202601': '2027-01-15',
  '202602': '2027-02-15',
  '202603': '2027-03-16',
};

/** Whether LinkedIn serves `version` (YYYYMM) on `day`: released by then and not yet sunset. */
export function linkedinServes(version: string, day = Date.now()): boolean {
  const match = /^(\d{4})(\d{2})$/.exec(version);
  if (!match) return false;
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (month < 1 || month > 12 || version < '202206') return false;
  const released = Date.UTC(year, month - 1, 1);
  const sunset = PUBLISHED_SUNSETS[version] ? Date.parse(`${PUBLISHED_SUNSETS[version]}T00:00:00Z`) : Date.UTC(year + 1, month - 1, 1);
  return released <= day && day < sunset;
}

const error = (status: number, message: string, code?: string, headers: Record<string, string> = {}) =>
  json(status, { status, message, ...(code ? { code } : {}) }, headers);

interface PostBody {
  author?: string;
  commentary?: string;
  visibility?: string;
  lifecycleState?: string;
  distribution?: { feedDistribution?: string };
  content?: { article?: { source?: string; title?: string; description?: string; thumbnail?: string; thumbnailAltText?: string } };
}

/** Where the Images API's upload URLs point (the docs' example: https://www.linkedin.com/dms-uploads/...). */
export const LINKEDIN_UPLOAD_HOST = 'www.linkedin.com';

/** Reserved little-text characters must be escaped; `{hashtag|\#|tag}` templates are the one exception. */
export function unescapedReserved(commentary: string): string | undefined {
  const withoutTemplates = commentary.replace(/\{hashtag\|\\#\|(?:[^\\{}]|\\.)+\}/g, '');
  const stripped = withoutTemplates.replace(/\\./g, '');
  return /[\\|{}@[\]()<>#*_~]/.exec(stripped)?.[0];
}

export interface LinkedinFake extends Fake {
  posts: { urn: string; body: PostBody }[];
  /** Images API uploads: initialized by POST /rest/images?action=initializeUpload, filled by the PUT. */
  images: { urn: string; owner: string; bytes: number; type?: string; content?: Buffer }[];
}

/**
 * Images API: "JPG, GIF, and PNG formats", "Images with less than 36,152,320 pixels"
 * (learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api). The file's own
 * header decides, not the Content-Type it was sent with.
 */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif']);
export const LINKEDIN_MAX_PIXELS = 36_152_320;

export function createLinkedinFake(): LinkedinFake {
  const posts: LinkedinFake['posts'] = [];
  const images: LinkedinFake['images'] = [];
  return {
    hosts: ['api.linkedin.com', LINKEDIN_UPLOAD_HOST],
    posts,
    images,
    handle(request): FakeResponse {
      const memberOnly = request.headers.authorization === `Bearer ${LINKEDIN_MEMBER_ONLY.token}`;
      if (request.headers.authorization !== `Bearer ${LINKEDIN_ACCOUNT.token}` && !memberOnly)
        return error(401, 'Invalid access token', 'INVALID_ACCESS_TOKEN');
      // /v2/userinfo is the OpenID Connect endpoint: without the openid/profile scopes it is a 403.
      if (memberOnly && request.path === '/v2/userinfo') return error(403, 'Not enough permissions to access: userinfo.GET.NO_VERSION', 'ACCESS_DENIED');
      if (request.host === LINKEDIN_UPLOAD_HOST) {
        // The upload URL takes the raw bytes by PUT (Images API, "Upload the Image"); JPG, GIF or PNG only.
        const target = images.find((image) => request.path === `/dms-uploads/${encodeURIComponent(image.urn)}`);
        const type = String(request.headers['content-type'] ?? '');
        if (request.method !== 'PUT' || !target) return error(404, 'Upload URL not found');
        const probe = probeImage(request.body);
        if (!probe || !IMAGE_TYPES.has(mimeOf(probe.type)) || !IMAGE_TYPES.has(type))
          return error(400, 'Unsupported image format', 'MEDIA_ASSET_PROCESSING_FAILED');
        if (probe.width * probe.height >= LINKEDIN_MAX_PIXELS) return error(400, 'Image exceeds the maximum pixel count', 'MEDIA_ASSET_PROCESSING_FAILED');
        Object.assign(target, { bytes: request.body.length, type, content: Buffer.from(request.body) });
        return { status: 201 };
      }
      if (request.method === 'GET' && request.path === '/v2/userinfo') return json(200, { sub: 'abc123', name: 'Petugas Humas' });
      const version = request.headers['linkedin-version'];
      if (request.path.startsWith('/rest/')) {
        if (typeof version !== 'string' || !version)
          return error(400, 'A version must be present. Please specify a version by adding the LinkedIn-Version header.', 'VERSION_MISSING');
        // A sunset or not-yet-released version: 426 Upgrade Required (versioning page, "Version Header is Deprecated").
        if (!linkedinServes(version)) return error(426, `Requested version ${version} is not active`, 'NONEXISTENT_VERSION');
        if (request.headers['x-restli-protocol-version'] !== '2.0.0') return error(400, 'Restli protocol 2.0.0 required');
      }
      if (request.method === 'POST' && request.path === '/rest/images' && request.query.get('action') === 'initializeUpload') {
        const owner = (jsonBody(request) as { initializeUploadRequest?: { owner?: string } } | undefined)?.initializeUploadRequest?.owner;
        if (owner !== LINKEDIN_ACCOUNT.author) return error(403, 'Not enough permissions to upload as this owner', 'ACCESS_DENIED');
        const urn = `urn:li:image:C4E10AQFake${images.length + 1}`;
        images.push({ urn, owner, bytes: 0 });
        return json(200, {
          value: {
            uploadUrlExpiresAt: Date.now() + 3_600_000,
            image: urn,
            uploadUrl: `https://${LINKEDIN_UPLOAD_HOST}/dms-uploads/${encodeURIComponent(urn)}`,
          },
        });
      }
      const org = /^\/rest\/organizations\/(\d+)$/.exec(request.path);
      if (request.method === 'GET' && org) return json(200, { id: Number(org[1]), localizedName: 'Dinas Kominfo Provinsi' });
      if (request.method === 'POST' && request.path === '/rest/posts') {
        const body = jsonBody(request) as PostBody | undefined;
        if (!body || body.author !== LINKEDIN_ACCOUNT.author) return error(403, 'Not enough permissions to post as this author', 'ACCESS_DENIED');
        if (
          typeof body.commentary !== 'string' ||
          body.visibility !== 'PUBLIC' ||
          body.lifecycleState !== 'PUBLISHED' ||
          body.distribution?.feedDistribution !== 'MAIN_FEED'
        ) {
          return error(422, 'ERROR :: /commentary :: field is required / invalid enum value', 'UNPROCESSABLE_ENTITY');
        }
        const bad = unescapedReserved(body.commentary);
        if (bad) return error(422, `ERROR :: /commentary :: unescaped reserved character "${bad}"`, 'UNPROCESSABLE_ENTITY');
        if (body.content?.article && !body.content.article.source) return error(422, 'ERROR :: /content/article/source :: field is required');
        const thumbnail = body.content?.article?.thumbnail;
        // Posts API, article: the thumbnail must be an uploaded urn:li:image (LinkedIn does not scrape the page).
        if (thumbnail !== undefined && !images.some((image) => image.urn === thumbnail && image.bytes > 0)) {
          return error(422, `ERROR :: /content/article/thumbnail :: ${thumbnail} is not an uploaded image`, 'UNPROCESSABLE_ENTITY');
        }
        const existing = posts.find((post) => post.body.commentary === body.commentary);
        if (existing) return error(422, `Content is a duplicate of ${existing.urn}`, 'DUPLICATE_POST');
        const urn = `urn:li:share:${7200000000000000000n + BigInt(posts.length + 1)}`;
        posts.push({ urn, body });
        return { status: 201, headers: { 'x-restli-id': urn, 'x-linkedin-id': urn } };
      }
      return error(404, `No resource for ${request.method} ${request.path}`);
    },
  };
}
