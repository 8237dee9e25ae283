import { describe, expect, it } from 'vitest';
import { checkTags, checkUtm } from '../../../utils/compose/preset-checks';
import { toAccountInput } from '../../../utils/accounts/forms';
import { instanceOrigin, originsFor } from '../../../utils/accounts/origins';
import { expiringSoon, publicPart, summaryOf } from '../../../utils/networks/public';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 2, 1);

describe('account helpers', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social'],
    ['https://sosial.go.id/@humas', 'https://sosial.go.id'],
    ['  Mastodon.Social  ', 'https://mastodon.social'],
    ['http://mastodon.social', undefined],
    ['localhost', undefined],
    ['https://user:pass@mastodon.social', undefined],
    ['', undefined],
    ['javascript:alert(1)', undefined],
  ])('reads the instance %j as %s', (text, origin) => {
    expect(instanceOrigin(text)).toBe(origin);
  });

  it.each([
    ['mastodon', { instance: 'sosial.go.id' }, ['https://sosial.go.id/*']],
    ['bluesky', { service: 'https://pds.go.id' }, ['https://bsky.social/*', 'https://pds.go.id/*']],
    ['telegram', {}, ['https://api.telegram.org/*']],
  ] as const)('asks %s for its own hosts', (network, fields, origins) => {
    expect(originsFor(network, fields)).toEqual(origins);
  });

  it.each([
    ['telegram', { botToken: '1:abc', chatId: '@kanal', name: 'Kanal' }, { chatId: '@kanal', name: 'Kanal' }],
    [
      'x',
      { auth: 'oauth1', appKey: 'k', appSecret: 's', accessToken: 't', accessSecret: 'u', username: 'humas', bearerToken: 'b' },
      { auth: 'oauth1', username: 'humas' },
    ],
    [
      'bluesky',
      { service: 'https://bsky.social', handle: 'h.go.id', appPassword: 'p', session: { accessJwt: 'j' } },
      { service: 'https://bsky.social', handle: 'h.go.id' },
    ],
    ['mastodon', { instance: 'https://m.go.id', accessToken: 't', clientSecret: 'c', maxChars: 800 }, { instance: 'https://m.go.id', maxChars: 800 }],
  ] as const)('keeps only the public fields of a %s account', (network, account, expected) => {
    expect(publicPart(network, account)).toEqual(expected);
  });

  it.each([
    ['a token lapsing in 3 days', NOW + 3 * DAY, [{ network: 'facebook', expiresAt: NOW + 3 * DAY, lapsed: false }]],
    ['a token lapsing in exactly 7 days', NOW + 7 * DAY, [{ network: 'facebook', expiresAt: NOW + 7 * DAY, lapsed: false }]],
    ['a token good for 8 days', NOW + 8 * DAY, []],
    ['a lapsed token', NOW - DAY, [{ network: 'facebook', expiresAt: NOW - DAY, lapsed: true }]],
  ])('warns about %s', (_label, expiresAt, expected) => {
    expect(expiringSoon({ facebook: { name: 'Page', expiresAt }, telegram: { name: 'Kanal' } }, NOW)).toEqual(expected);
  });

  it('gives no expiry for an X access token that its refresh token renews, and keeps a pasted one', () => {
    const x = { auth: 'oauth2', clientId: 'c', accessToken: 'a', refreshToken: 'r', expiresAt: NOW + DAY } as const;
    expect(summaryOf('x', x).expiresAt).toBeUndefined();
    expect(summaryOf('x', { ...x, refreshToken: undefined }).expiresAt).toBe(NOW + DAY);
    expect(summaryOf('facebook', { pageId: '1', token: 't', expiresAt: NOW + DAY }).expiresAt).toBe(NOW + DAY);
  });

  it.each([
    ['telegram', 'oauth2', { botToken: ' 1:abc ', chatId: '@kanal' }, { botToken: '1:abc', chatId: '@kanal' }],
    ['bluesky', 'oauth2', { handle: '@humas.go.id', appPassword: 'p', service: '' }, { handle: 'humas.go.id', appPassword: 'p' }],
    [
      'x',
      'oauth1',
      { appKey: 'k', appSecret: 's', accessToken: 't', accessSecret: 'u' },
      { auth: 'oauth1', appKey: 'k', appSecret: 's', accessToken: 't', accessSecret: 'u' },
    ],
  ] as const)('turns the %s form into an account', (network, mode, values, expected) => {
    expect(toAccountInput(network, mode, values)).toEqual(expected);
  });

  it('reads a typed expiry date as the end of that day', () => {
    const input = toAccountInput('facebook', 'oauth2', { pageId: '1', token: 't', expiresAt: '2025-03-05' });
    expect(new Date(input.expiresAt as number).getDate()).toBe(5);
    expect(new Date(input.expiresAt as number).getHours()).toBe(23);
  });

  it.each([
    ['#JatengGayeng #Humas', undefined],
    ['JatengGayeng, Humas_2025', undefined],
    ['#Jateng Gayeng!', 'presetBadTag'],
    ['#a-b', 'presetBadTag'],
    ['#a'.repeat(251), 'presetTooLong'],
  ])('checks the hashtags %j', (tags, key) => {
    expect(checkTags(tags)?.key).toBe(key);
  });

  it.each([
    ['siaran-pers_2025', undefined],
    ['dengan spasi', 'presetBadUtm'],
    ['x'.repeat(101), 'presetTooLong'],
  ])('checks the UTM value %j', (value, key) => {
    expect(checkUtm(value)?.key).toBe(key);
  });
});

describe('X OAuth 2.0 connect form', () => {
  it('says under the client id that the X app must be a public client signing in with PKCE', async () => {
    const { fieldsFor } = await import('../../../utils/accounts/forms');
    const [clientId] = fieldsFor('x', 'oauth2');
    expect(clientId).toMatchObject({ key: 'clientId', hint: 'fieldClientIdHint' });
    const { readFileSync } = await import('node:fs');
    for (const lang of ['id', 'en']) {
      const catalogue = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
      expect(catalogue.fieldClientIdHint!.message).toMatch(/PKCE/);
      expect(catalogue.fieldClientIdHint!.message).toMatch(/client secret/);
    }
  });
});
