import { describe, expect, it } from 'vitest';
import { IG_JPEG_URL, IG_PNG_URL, IG_WIDE_URL } from '../../fakes/images';
import { BASIC_SCOPE, IG_QUOTA_TOTAL, INSTAGRAM_ACCOUNT } from '../../fakes/instagram';
import { makeJpeg } from '../../fakes/test-images';
import { useFakes } from './harness';

// Each rule of the Instagram fake refuses what the documentation says Instagram refuses, with the
// documented code and subcode (developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes).

const env = useFakes();
const BASE = `https://graph.instagram.com/v25.0/${INSTAGRAM_ACCOUNT.userId}`;
const DAY = 86_400_000;

async function call(path: string, body?: Record<string, string>, token = INSTAGRAM_ACCOUNT.token) {
  const response = await fetch(
    path.startsWith('https:') ? path : `${BASE}${path}`,
    body
      ? { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) }
      : { headers: { authorization: `Bearer ${token}` } },
  );
  return { status: response.status, body: (await response.json()) as { id?: string; error?: { code: number; error_subcode?: number } } };
}
const container = (over: Record<string, string> = {}) => call('/media', { image_url: IG_JPEG_URL, caption: 'Uji', ...over });
const refused = (code: number, subcode?: number) => ({
  status: 400,
  body: { error: expect.objectContaining({ code, ...(subcode ? { error_subcode: subcode } : {}) }) },
});

describe('instagram fake refuses what Instagram refuses', () => {
  it('accepts a JPEG in range (the baseline the refusals differ from)', async () => {
    expect((await container()).status).toBe(200);
  });
  it.each([
    ['a PNG (JPEG only)', { image_url: IG_PNG_URL }, 36001, 2207005],
    ['a JPEG wider than 1.91:1', { image_url: IG_WIDE_URL }, 36003, 2207009],
    ['an image URL it cannot fetch', { image_url: 'https://www.example.go.id/img/hilang.jpg' }, 9004, 2207052],
    ['a caption over 2,200 characters', { caption: 'a'.repeat(2201) }, 100, 2207010],
    ['31 hashtags', { caption: Array.from({ length: 31 }, (_, i) => `#t${i}a`).join(' ') }, 100, 2207010],
    ['21 mentions', { caption: Array.from({ length: 21 }, (_, i) => `@akun${i}`).join(' ') }, 100, 2207010],
  ])('%s', async (_name, over, code, subcode) => {
    expect(await container(over)).toEqual(refused(code, subcode));
    expect(env.instagram.containers).toEqual([]);
  });
  it('an image of 8 MiB or more', async () => {
    env.instagram.fetchMedia = async () => ({ bytes: Buffer.concat([makeJpeg(100, 100), Buffer.alloc(8 * 1024 * 1024)]) });
    expect(await container()).toEqual(refused(36000, 2207004));
  });
  it('publishing a container still IN_PROGRESS', async () => {
    const { body } = await container();
    expect(await call('/media_publish', { creation_id: body.id! })).toEqual(refused(9007, 2207027));
  });
  it('publishing an unknown container', async () => {
    expect(await call('/media_publish', { creation_id: '999' })).toEqual(refused(24, 2207008));
  });
  it('a container not published within 24 hours EXPIRES', async () => {
    const { body } = await container();
    await call(`https://graph.instagram.com/v25.0/${body.id}?fields=status_code`);
    env.instagram.advance(DAY + 60_000);
    expect((await call(`https://graph.instagram.com/v25.0/${body.id}?fields=status_code`)).body).toMatchObject({ status_code: 'EXPIRED' });
    expect(await call('/media_publish', { creation_id: body.id! })).toEqual(refused(-2, 2207020));
  });
  it('a container is published once; a second media_publish is refused', async () => {
    const { body } = await container();
    await call(`https://graph.instagram.com/v25.0/${body.id}?fields=status_code`);
    expect((await call('/media_publish', { creation_id: body.id! })).status).toBe(200);
    expect(await call('/media_publish', { creation_id: body.id! })).toEqual(refused(24, 2207008));
    expect(env.instagram.media).toHaveLength(1);
  });
  it(`the ${IG_QUOTA_TOTAL}-posts-per-24-hours publishing limit`, async () => {
    for (let i = 0; i < IG_QUOTA_TOTAL; i++)
      env.instagram.media.push({ id: `m${i}`, imageUrl: IG_JPEG_URL, publishedAt: env.instagram.now(), containerId: `c${i}` });
    expect((await call('/content_publishing_limit?fields=quota_usage,config')).body).toMatchObject({
      data: [{ quota_usage: IG_QUOTA_TOTAL, config: { quota_total: IG_QUOTA_TOTAL, quota_duration: 86400 } }],
    });
    const { body } = await container();
    await call(`https://graph.instagram.com/v25.0/${body.id}?fields=status_code`);
    expect(await call('/media_publish', { creation_id: body.id! })).toEqual(refused(9, 2207042));
  });
  it('a token without instagram_business_content_publish cannot create or publish', async () => {
    env.instagram.tokens.set('IG-basic-only', { issuedAt: 0, expiresAt: Date.now() + DAY, scopes: [BASIC_SCOPE] });
    expect(await call('/media', { image_url: IG_JPEG_URL }, 'IG-basic-only')).toEqual(refused(10));
    expect((await call('https://graph.instagram.com/v25.0/me?fields=username', undefined, 'IG-basic-only')).status).toBe(200);
  });
  it('a token without instagram_business_basic cannot even read the profile', async () => {
    env.instagram.tokens.set('IG-none', { issuedAt: 0, expiresAt: Date.now() + DAY, scopes: [] });
    expect(await call('https://graph.instagram.com/v25.0/me?fields=username', undefined, 'IG-none')).toEqual(refused(10));
  });
  it.each([
    ['an unknown token', 'IG-unknown'],
    ['an expired token', 'IG-expired'],
  ])('%s (190)', async (_name, token) => {
    env.instagram.tokens.set('IG-expired', { issuedAt: 0, expiresAt: Date.now() - 1, scopes: [BASIC_SCOPE] });
    expect(await call('https://graph.instagram.com/v25.0/me', undefined, token)).toEqual(refused(190));
  });
  it('refreshing a token less than 24 hours old, or with the wrong grant_type', async () => {
    env.instagram.tokens.set('IG-new', { issuedAt: env.instagram.now(), expiresAt: env.instagram.now() + 60 * DAY, scopes: [BASIC_SCOPE] });
    expect(await call('https://graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token', undefined, 'IG-new')).toEqual(refused(190));
    expect(await call('https://graph.instagram.com/refresh_access_token?grant_type=th_refresh_token')).toEqual(refused(100));
    expect((await call('https://graph.instagram.com/refresh_access_token?grant_type=ig_refresh_token')).status).toBe(200);
  });
  it('an API version that does not exist', async () => {
    expect(await call('https://graph.instagram.com/v99.0/me')).toEqual(refused(2500));
  });
  it('the Facebook fake refuses an unpublished photo without a file', async () => {
    const response = await fetch('https://graph.facebook.com/v25.0/104000000000001/photos', {
      method: 'POST',
      headers: { authorization: 'Bearer EAAfake-page-token' },
      body: (() => {
        const f = new FormData();
        f.set('published', 'false');
        return f;
      })(),
    });
    expect(await response.json()).toMatchObject({ error: { code: 324 } });
    expect(env.facebook.unpublished).toEqual([]);
  });
});
