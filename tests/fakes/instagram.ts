import { imageSize } from 'image-size';
import { formBody, json, type Fake, type FakeRequest, type FakeResponse } from './fake';
import { graphServes } from './facebook';

// The Instagram API with Instagram Login (graph.instagram.com), content publishing as documented:
// - POST /{ig-user-id}/media (image_url, caption, alt_text) makes a container; Meta "cURLs" image_url,
//   so the fake fetches it (through `fetchMedia`) and checks it: JPEG only, aspect 4:5–1.91:1, < 8 MiB
//   (developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media;
//   developers.facebook.com/docs/instagram-platform/content-publishing, "Limitations").
// - GET /{container-id}?fields=status_code: IN_PROGRESS → FINISHED; EXPIRED after 24 h; PUBLISHED once used
//   (developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container).
// - POST /{ig-user-id}/media_publish?creation_id= publishes a FINISHED container, within the moving
//   24-hour publishing limit (…/reference/ig-user/content_publishing_limit).
// - GET /refresh_access_token?grant_type=ig_refresh_token renews a long-lived token at least 24 h old
//   for 60 days (developers.facebook.com/docs/instagram-platform/reference/refresh_access_token).
// Error bodies and codes as on developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes.

export const INSTAGRAM_ACCOUNT = { userId: '17841400000000001', token: 'IGfake-long-lived-token' };
export const INSTAGRAM_USERNAME = 'humasprov';
export const PUBLISH_SCOPE = 'instagram_business_content_publish';
export const BASIC_SCOPE = 'instagram_business_basic';
/** Long-lived tokens last 60 days. */
export const IG_TOKEN_TTL_S = 60 * 24 * 60 * 60;
const DAY_MS = 86_400_000;
/**
 * quota_total as content_publishing_limit reports it. Meta's reference sample shows 50 and older pages
 * said 25; the issue (and current third-party tools) say 100. The adapter reads the number from the API,
 * so the fake's figure only sets where its own refusal starts.
 */
export const IG_QUOTA_TOTAL = 100;
export const IG_MAX_BYTES = 8 * 1024 * 1024;

export interface IgToken {
  expiresAt: number;
  issuedAt: number;
  scopes: string[];
}
export interface IgContainer {
  id: string;
  imageUrl: string;
  caption?: string;
  altText?: string;
  createdAt: number;
  polls: number;
  published?: string;
  forceStatus?: 'ERROR' | 'EXPIRED';
}
export interface IgMedia {
  id: string;
  caption?: string;
  altText?: string;
  imageUrl: string;
  publishedAt: number;
  containerId: string;
}

export interface InstagramFake extends Fake {
  tokens: Map<string, IgToken>;
  containers: IgContainer[];
  media: IgMedia[];
  refreshes: number;
  /** Status reads a container answers IN_PROGRESS before FINISHED (Meta processes every image). */
  processingPolls: number;
  /** The fake's clock (ms); tests move it to expire containers and tokens. */
  now(): number;
  advance(ms: number): void;
  /** Bytes Meta would get from an image URL; undefined: the URL cannot be fetched. */
  fetchMedia: (url: string) => Promise<{ bytes: Buffer; type?: string } | undefined>;
}

const igError = (code: number, message: string, subcode?: number, userMessage?: string, status = 400): FakeResponse =>
  json(status, {
    error: {
      message,
      type: 'OAuthException',
      code,
      ...(subcode ? { error_subcode: subcode } : {}),
      is_transient: false,
      ...(userMessage ? { error_user_title: message, error_user_msg: userMessage } : {}),
      fbtrace_id: 'AIgFakeTrace',
    },
  });

const HASHTAG = /(?<![\p{L}\p{N}_&#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu;
const MENTION = /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9._]{1,30}(?![A-Za-z0-9_])/gu;

export function createInstagramFake(options: { fetchMedia?: InstagramFake['fetchMedia'] } = {}): InstagramFake {
  let offset = 0;
  const user = INSTAGRAM_ACCOUNT.userId;
  const fake: InstagramFake = {
    hosts: ['graph.instagram.com'],
    tokens: new Map(),
    containers: [],
    media: [],
    refreshes: 0,
    processingPolls: 1,
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
    fetchMedia: options.fetchMedia ?? (async () => undefined),
    async handle(request) {
      const form = request.method === 'POST' ? formBody(request) : new URLSearchParams();
      const param = (name: string) => form.get(name) ?? request.query.get(name) ?? undefined;
      const token = request.headers.authorization?.replace(/^Bearer /, '') ?? param('access_token') ?? '';
      const grant = fake.tokens.get(token);
      if (!grant) return igError(190, 'Invalid OAuth access token - Cannot parse access token');
      if (grant.expiresAt <= fake.now()) return igError(190, 'Error validating access token: Session has expired', 463);
      if (request.method === 'GET' && request.path === '/refresh_access_token') {
        if (param('grant_type') !== 'ig_refresh_token') return igError(100, 'Unsupported grant_type');
        // "at least 24 hours old but has not expired"
        if (fake.now() - grant.issuedAt < DAY_MS) return igError(190, 'Error validating access token: token is too new to be refreshed');
        fake.refreshes++;
        const fresh = `IGfake-renewed-${fake.refreshes}`;
        fake.tokens.set(fresh, { issuedAt: fake.now(), expiresAt: fake.now() + IG_TOKEN_TTL_S * 1000, scopes: grant.scopes });
        return json(200, { access_token: fresh, token_type: 'bearer', expires_in: IG_TOKEN_TTL_S });
      }
      const version = /^\/(v\d+\.\d+)\//.exec(request.path)?.[1];
      if (!version || !graphServes(version)) return igError(2500, `Unknown path components: ${request.path}`);
      const path = request.path.slice(version.length + 1);
      if (!grant.scopes.includes(BASIC_SCOPE)) return igError(10, '(#10) Application does not have permission for this action');
      if (request.method === 'GET' && path === '/me') return json(200, { id: '9000000000000001', user_id: user, username: INSTAGRAM_USERNAME });
      const published24h = () => fake.media.filter((m) => m.publishedAt > fake.now() - DAY_MS).length;
      if (request.method === 'GET' && path === `/${user}/content_publishing_limit`) {
        return json(200, { data: [{ quota_usage: published24h(), config: { quota_total: IG_QUOTA_TOTAL, quota_duration: 86400 } }] });
      }
      if (request.method === 'GET' && path === `/${user}/media`) {
        return json(200, { data: fake.media.toReversed().map((m) => ({ id: m.id, caption: m.caption, permalink: permalinkOf(m.id) })) });
      }
      if (request.method === 'POST' && (path === `/${user}/media` || path === `/${user}/media_publish`)) {
        if (!grant.scopes.includes(PUBLISH_SCOPE)) return igError(10, '(#10) Application does not have permission for this action');
      }
      if (request.method === 'POST' && path === `/${user}/media`) return createContainer(param);
      if (request.method === 'POST' && path === `/${user}/media_publish`) {
        const container = fake.containers.find((c) => c.id === param('creation_id'));
        if (!container) return igError(24, 'The requested resource does not exist', 2207008, 'The media builder does not exist or has been expired.');
        const state = statusOf(container);
        if (state === 'EXPIRED') return igError(-2, 'The media you are trying to access has expired. Please try to upload again.', 2207020);
        if (state === 'IN_PROGRESS')
          return igError(9007, 'Media ID is not available', 2207027, 'The media is not ready for publishing, please wait for a moment');
        if (state !== 'FINISHED') return igError(24, 'The requested resource does not exist', 2207008);
        if (published24h() >= IG_QUOTA_TOTAL) {
          return igError(
            9,
            'Application request limit reached',
            2207042,
            'You reached maximum number of posts that is allowed to be published by Content Publish API.',
          );
        }
        const item: IgMedia = {
          id: String(18000000000000000n + BigInt(fake.media.length + 1)),
          caption: container.caption,
          altText: container.altText,
          imageUrl: container.imageUrl,
          publishedAt: fake.now(),
          containerId: container.id,
        };
        container.published = item.id;
        fake.media.push(item);
        return json(200, { id: item.id });
      }
      const single = /^\/(\d+)$/.exec(path);
      if (request.method === 'GET' && single) {
        const container = fake.containers.find((c) => c.id === single[1]);
        if (container) {
          const state = statusOf(container);
          container.polls++;
          return json(200, { id: container.id, status_code: state, ...(state === 'ERROR' ? { status: 'Error: 2207001' } : {}) });
        }
        const item = fake.media.find((m) => m.id === single[1]);
        if (item) return json(200, { id: item.id, permalink: permalinkOf(item.id) });
        return igError(100, `Unsupported get request. Object with ID '${single[1]}' does not exist`, 33);
      }
      return igError(100, `Unsupported ${request.method} request`);
    },
  };

  function statusOf(container: IgContainer): 'EXPIRED' | 'ERROR' | 'FINISHED' | 'IN_PROGRESS' | 'PUBLISHED' {
    if (container.published) return 'PUBLISHED';
    if (container.forceStatus) return container.forceStatus;
    if (fake.now() - container.createdAt > DAY_MS) return 'EXPIRED';
    return container.polls < fake.processingPolls ? 'IN_PROGRESS' : 'FINISHED';
  }

  async function createContainer(param: (name: string) => string | undefined): Promise<FakeResponse> {
    const imageUrl = param('image_url');
    if (param('media_type') && param('media_type') !== 'IMAGE') return igError(100, 'Only image posts are modelled by this fake');
    if (!imageUrl) return igError(100, 'The parameter image_url is required');
    const caption = param('caption') ?? '';
    if (caption.length > 2200) return igError(100, 'The caption is too long', 2207010, 'The caption must be at most 2200 characters.');
    if ((caption.match(HASHTAG)?.length ?? 0) > 30) return igError(100, 'Too many hashtags', 2207010, 'A caption may hold at most 30 hashtags.');
    if ((caption.match(MENTION)?.length ?? 0) > 20) return igError(100, 'Too many mentions', 2207010, 'A caption may hold at most 20 @ tags.');
    const file = await fake.fetchMedia(imageUrl);
    if (!file)
      return igError(9004, 'The media could not be fetched from this URI', 2207052, "Media download has failed. The media URI doesn't meet our requirements.");
    if (file.bytes.length >= IG_MAX_BYTES)
      return igError(36000, 'The image size is too large.', 2207004, 'The image is too large to download. It should be less than 8 MiB.');
    let size: ReturnType<typeof imageSize> | undefined;
    try {
      size = imageSize(file.bytes);
    } catch {
      size = undefined;
    }
    // "JPEG is the only image format supported. Extended JPEG formats such as MPO and JPS are not supported."
    if (size?.type !== 'jpg')
      return igError(36001, 'The image format is not supported.', 2207005, 'The image format is not supported. Supported formats: JPEG.');
    const ratio = size.width / size.height;
    if (ratio < 0.8 - 0.005 || ratio > 1.91 + 0.005) {
      return igError(
        36003,
        'The aspect ratio is not supported.',
        2207009,
        `The submitted image with aspect ratio ('${ratio.toFixed(2)}') cannot be published. Please submit an image with a valid aspect ratio.`,
      );
    }
    const container: IgContainer = {
      id: String(17900000000000000n + BigInt(fake.containers.length + 1)),
      imageUrl,
      caption,
      altText: param('alt_text'),
      createdAt: fake.now(),
      polls: 0,
    };
    fake.containers.push(container);
    return json(200, { id: container.id });
  }

  fake.tokens.set(INSTAGRAM_ACCOUNT.token, { issuedAt: fake.now() - 30 * DAY_MS, expiresAt: fake.now() + 30 * DAY_MS, scopes: [BASIC_SCOPE, PUBLISH_SCOPE] });
  return fake;
}

const permalinkOf = (id: string) => `https://www.instagram.com/p/IG${id.slice(-6)}/`;

/**
 * Meta's crawler, for the fake: fetches `url` from whichever other fake serves its host (the agency's
 * site, the Facebook CDN), as a public GET with no credentials.
 */
export function mediaFrom(fakes: Fake[]): InstagramFake['fetchMedia'] {
  return async (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined;
    }
    const owner = fakes.find((f) => f.hosts.includes(parsed.hostname));
    if (!owner || parsed.protocol !== 'https:') return undefined;
    const request: FakeRequest = {
      host: parsed.hostname,
      method: 'GET',
      path: parsed.pathname,
      query: parsed.searchParams,
      headers: {},
      body: Buffer.alloc(0),
      url: parsed,
    };
    const response = await owner.handle(request);
    if (response.status !== 200 || !Buffer.isBuffer(response.body)) return undefined;
    return { bytes: response.body, type: response.headers?.['content-type'] };
  };
}
