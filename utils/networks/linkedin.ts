import { z } from 'zod';
import { AuthError, ContentError, RateLimitError } from '../errors';
import { extractHashtagsWithIndices } from '../text/twitter';
import { API_VERSIONS } from './api-versions';
import { ApiVersionError, errorFromHttp, retryAtFrom } from './errors';
import { http, jsonHeaders, parse, parseError, type HttpResponse } from './http';
import type { AccountFor } from './registry';
import { textRules } from './text-rules';
import type { DeliveryNotice, Network } from './types';
import { IMAGE_LIMITS } from './image-limits';
import { fitPageImage, refusedImage } from './page-image';

type LinkedinAccount = AccountFor<'linkedin'>;

/** The versioned Posts API contract Siar was written against (YYYYMM), from the one pinned-version table. */
export const LINKEDIN_VERSION = API_VERSIONS.linkedin.version;
const API = 'https://api.linkedin.com';

const linkedinError = z.object({ message: z.string(), status: z.number().optional(), code: z.string().optional(), serviceErrorCode: z.number().optional() });
const userinfo = z.object({ sub: z.string(), name: z.string() });
const organization = z.object({ localizedName: z.string() });
const URN = /^urn:li:(share|ugcPost|activity):\d+$/;
const initialized = z.object({ value: z.object({ uploadUrl: z.string().url(), image: z.string().startsWith('urn:li:image:') }) });
/** The upload URL the Images API hands out lives on LinkedIn's own upload host; the token goes nowhere else. */
const UPLOAD_ORIGINS = new Set(['https://www.linkedin.com', 'https://api.linkedin.com']);

// "little text": these characters have meaning in commentary and must be escaped to appear as typed.
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const escapeLittle = (text: string) => text.replace(RESERVED, (char) => `\\${char}`);

/** Escapes the commentary, keeping hashtags as hashtags with the documented `{hashtag|\#|tag}` template. */
export function toLittleText(text: string): string {
  let out = '';
  let cursor = 0;
  for (const {
    hashtag,
    indices: [start, end],
  } of extractHashtagsWithIndices(text)) {
    out += `${escapeLittle(text.slice(cursor, start))}{hashtag|\\#|${escapeLittle(hashtag)}}`;
    cursor = end;
  }
  return out + escapeLittle(text.slice(cursor));
}

export function linkedinFailure(response: HttpResponse, now = Date.now()): Error {
  const body = parseError(linkedinError, response.data);
  const detail = body ? `${body.code ?? body.serviceErrorCode ?? response.status}: ${body.message}` : `HTTP ${response.status}`;
  if (response.status === 429) {
    // LinkedIn's quotas are daily; without Retry-After an hour is a safe first wait.
    const retryAt = response.headers.get('retry-after') ? retryAtFrom(response.headers, now) : now + 3_600_000;
    return new RateLimitError(retryAt, detail);
  }
  // 426 NONEXISTENT_VERSION: the pinned LinkedIn-Version was sunset; only a Siar update helps.
  if (response.status === 426) return new ApiVersionError(detail);
  if (response.status === 422 && /duplicate/i.test(detail)) return new ContentError('duplicate', detail);
  if (response.status === 401 || response.status === 403) return new AuthError(detail);
  return errorFromHttp({ status: response.status, headers: response.headers, detail }, now);
}

const headers = (account: LinkedinAccount) => ({
  authorization: `Bearer ${account.token}`,
  'linkedin-version': LINKEDIN_VERSION,
  'x-restli-protocol-version': '2.0.0',
});

async function get<T>(account: LinkedinAccount, path: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  const response = await http(`${API}${path}`, { headers: headers(account), signal });
  if (!response.ok) throw linkedinFailure(response);
  return parse(schema, response.data, 'LinkedIn');
}

/**
 * The page image as an article thumbnail: LinkedIn's Posts API does not scrape the link, so an article
 * without `thumbnail` (an urn:li:image from the Images API) shows no picture. Initialize the upload
 * (POST /rest/images?action=initializeUpload with the author as owner), PUT the bytes to the upload URL,
 * then reference the image URN. A WebP or AVIF page image is converted to what the Images API takes
 * (IMAGE_LIMITS.linkedin: JPG, GIF, PNG under 36,152,320 pixels); one that cannot be is left out with a
 * notice. Any other failure leaves the card without a picture rather than the post unsent; a rejected
 * token or retired version still surfaces.
 */
async function uploadThumbnail(account: LinkedinAccount, url: string, signal: AbortSignal): Promise<{ urn?: string; notice?: DeliveryNotice }> {
  try {
    const fitted = await fitPageImage(url, IMAGE_LIMITS.linkedin, signal);
    if (!fitted.image) return { notice: fitted.notice };
    const image = fitted.image;
    const init = await http(`${API}/rest/images?action=initializeUpload`, {
      method: 'POST',
      headers: jsonHeaders(headers(account)),
      body: JSON.stringify({ initializeUploadRequest: { owner: account.author } }),
      signal,
    });
    if (!init.ok) throw linkedinFailure(init);
    const { uploadUrl, image: urn } = parse(initialized, init.data, 'LinkedIn').value;
    if (!UPLOAD_ORIGINS.has(new URL(uploadUrl).origin)) return {};
    const put = await http(uploadUrl, {
      method: 'PUT',
      headers: { authorization: `Bearer ${account.token}`, 'content-type': image.type },
      body: image.bytes as BodyInit,
      signal,
    });
    if (!put.ok) throw linkedinFailure(put);
    return { urn };
  } catch (error) {
    if (error instanceof AuthError || error instanceof ApiVersionError || signal.aborted) throw error;
    return { notice: refusedImage(error) };
  }
}

export const linkedin: Network<LinkedinAccount> = {
  ...textRules('linkedin'),

  async publish(post, account, signal) {
    const uploaded = post.url && post.image ? await uploadThumbnail(account, post.image.url, signal) : undefined;
    const thumbnail = uploaded?.urn;
    const article = {
      source: post.url,
      title: post.title || post.url,
      ...(post.description ? { description: post.description } : {}),
      ...(thumbnail ? { thumbnail, ...(post.image?.alt ? { thumbnailAltText: post.image.alt.slice(0, 4086) } : {}) } : {}),
    };
    const body = {
      author: account.author,
      commentary: toLittleText(post.parts.join('\n\n')),
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      ...(post.url ? { content: { article } } : {}),
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    };
    const response = await http(`${API}/rest/posts`, {
      method: 'POST',
      headers: jsonHeaders(headers(account)),
      body: JSON.stringify(body),
      signal,
    });
    if (!response.ok) throw linkedinFailure(response);
    const urn = response.headers.get('x-restli-id') ?? '';
    if (!URN.test(urn)) throw new ContentError('response', 'LinkedIn answered without a post URN');
    return { remoteId: urn, url: `https://www.linkedin.com/feed/update/${urn}`, ...(uploaded?.notice ? { notice: uploaded.notice } : {}) };
  },

  async verify(account, signal) {
    const org = /^urn:li:organization:(.+)$/.exec(account.author)?.[1];
    if (org) {
      const result = await get(account, `/rest/organizations/${encodeURIComponent(org)}`, organization, signal);
      return { name: result.localizedName, expiresAt: account.expiresAt };
    }
    // /v2/userinfo needs the OpenID scopes (openid, profile); a token made with w_member_social alone
    // can post but gets 403 here (learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2).
    // Such an account stays connectable, named by its URN; a token LinkedIn rejects (401) does not.
    const response = await http(`${API}/v2/userinfo`, { headers: headers(account), signal });
    if (response.status === 403) return { name: account.author, expiresAt: account.expiresAt };
    if (!response.ok) throw linkedinFailure(response);
    return { name: parse(userinfo, response.data, 'LinkedIn').name, expiresAt: account.expiresAt };
  },
};
