import { describe, expect, it } from 'vitest';
import { createBluesky } from '../../../utils/networks/bluesky';
import { postLanguage } from '../../../utils/networks/langs';
import { retryAtFrom } from '../../../utils/sources/http';
import { ACCOUNTS, post, signal, useFakes } from './harness';

describe('post language', () => {
  it.each([
    ['id-ID', 'The service opens today', 'id'],
    ['en', 'Layanan dibuka hari ini', 'en'],
    ['jv', 'Sugeng rawuh', 'jv'],
    [undefined, 'Pemprov membuka layanan perizinan daring untuk warga di kota ini.', 'id'],
    [undefined, 'The province opens its online permit service for residents of the city.', 'en'],
    [undefined, '', 'id'],
    ['und', 'The service is open for all residents of the city.', 'en'],
    ['not a tag!', 'Layanan untuk warga', 'id'],
  ])('page lang %s and "%s" → %s', (lang, text, expected) => expect(postLanguage(lang, text)).toBe(expected));
});

describe('bluesky langs', () => {
  const env = useFakes();
  it('tags the post with the page language instead of always "id"', async () => {
    await createBluesky().publish(post({ parts: ['Online permits open today for all residents.'], lang: 'en-GB' }), ACCOUNTS.bluesky, signal());
    expect(env.bluesky.posts[0]!.record.langs).toEqual(['en']);
  });
  it('reads the text when the page declared no language', async () => {
    await createBluesky().publish(post({ parts: ['The province opens its online permit service for residents.'] }), ACCOUNTS.bluesky, signal());
    expect(env.bluesky.posts[0]!.record.langs).toEqual(['en']);
  });
});

describe('Mastodon X-RateLimit-Reset in the listening path', () => {
  it('is read as the ISO 8601 timestamp it is (docs.joinmastodon.org/api/rate-limits/)', () => {
    const now = Date.UTC(2026, 10, 30, 1, 0, 0);
    const reset = '2026-11-30T01:05:00.000Z';
    expect(retryAtFrom(new Headers({ 'x-ratelimit-reset': reset }), now)).toBe(Date.parse(reset));
  });
});
