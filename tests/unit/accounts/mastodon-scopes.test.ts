import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mastodonScopes } from '../../../utils/accounts/oauth';
import { AuthError } from '../../../utils/errors';
import { mastodon } from '../../../utils/networks/mastodon';
import { MASTODON_ACCOUNT, MASTODON_HOST, OUT_OF_SCOPE } from '../../fakes/mastodon';
import { post, signal, useFakes, withImage } from '../networks/harness';

// The scopes Siar asks Mastodon for must cover every call it then makes, and nothing more
// (docs.joinmastodon.org/api/oauth-scopes/ and the "OAuth:" line of each method's page).

const env = useFakes();
const ORIGIN = `https://${MASTODON_HOST}`;
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

/** Registers an app with `scopes`, authorizes it and exchanges the code, as Mastodon documents the flow. */
async function signIn(scopes: string) {
  const app = await fetch(`${ORIGIN}/api/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_name: 'Siar', redirect_uris: REDIRECT, scopes }),
  });
  if (!app.ok) return { status: app.status, body: (await app.json()) as unknown };
  const { client_id: clientId, client_secret: clientSecret } = (await app.json()) as { client_id: string; client_secret: string };
  const verifier = 'v'.repeat(64);
  const authorize = new URL(`${ORIGIN}/oauth/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope: scopes,
    state: 's',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const back = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location')!);
  const token = await fetch(`${ORIGIN}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: back.searchParams.get('code') ?? '',
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    }),
  });
  return { status: token.status, body: (await token.json()) as { access_token?: string; scope?: string } };
}

describe('Mastodon scopes', () => {
  it.each([
    ['4.5.2', 'write:statuses write:media profile read:statuses read:search'],
    ['4.3.0', 'write:statuses write:media profile read:statuses read:search'],
    ['4.3.0+glitch', 'write:statuses write:media profile read:statuses read:search'],
    ['4.2.10', 'write:statuses write:media read:accounts read:statuses read:search'],
    ['2.7.2 (compatible; Pleroma 2.5.0)', 'write:statuses write:media read:accounts read:statuses read:search'],
    [undefined, 'write:statuses write:media read:accounts read:statuses read:search'],
  ])('server %s gets exactly %s', (version, expected) => {
    expect(mastodonScopes(version)).toBe(expected);
  });

  it('never asks for a whole top-level scope (search is read:search alone, for replying to a mention)', () => {
    for (const version of ['4.5.2', '3.5.0']) {
      expect(mastodonScopes(version).split(' ')).not.toEqual(expect.arrayContaining(['read']));
      expect(mastodonScopes(version)).not.toMatch(/\bwrite\b(?!:)|\bread\b(?!:)/);
    }
  });

  it.each(['4.5.2', '4.2.10'])('a token granted the scopes for a %s server verifies, posts with an image and reads its own statuses', async (version) => {
    env.mastodon.oauth.version = version;
    const signedIn = await signIn(mastodonScopes(version));
    expect(signedIn.status).toBe(200);
    const account = { ...MASTODON_ACCOUNT, accessToken: (signedIn.body as { access_token: string }).access_token };
    await expect(mastodon.verify(account, signal())).resolves.toEqual({ name: `@humas@${MASTODON_HOST}` });
    await mastodon.publish(withImage(), account, signal());
    expect(env.mastodon.posts).toHaveLength(1);
    const own = await fetch(`${ORIGIN}/api/v1/accounts/1/statuses`, { headers: { authorization: `Bearer ${account.accessToken}` } });
    expect(own.status).toBe(200);
  });
});

describe('the Mastodon fake refuses what Mastodon refuses', () => {
  it('a token without profile or read:accounts cannot verify (the scopes Siar used to ask for)', async () => {
    const signedIn = await signIn('write:statuses write:media read:search');
    const account = { ...MASTODON_ACCOUNT, accessToken: (signedIn.body as { access_token: string }).access_token };
    const error = await mastodon.verify(account, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toBe(OUT_OF_SCOPE);
  });

  it('a token without write:media cannot upload', async () => {
    const signedIn = await signIn('write:statuses profile');
    const account = { ...MASTODON_ACCOUNT, accessToken: (signedIn.body as { access_token: string }).access_token };
    await expect(mastodon.publish(withImage(), account, signal())).rejects.toBeInstanceOf(AuthError);
    await expect(mastodon.publish(post(), account, signal())).resolves.toBeDefined();
  });

  it('a token without read:search cannot search (replying to a remote mention resolves it through search)', async () => {
    const search = async (scopes: string) => {
      const token = ((await signIn(scopes)).body as { access_token: string }).access_token;
      const url = `${ORIGIN}/api/v2/search?${new URLSearchParams({ q: 'https://mastodon.social/@budi/1', resolve: 'true', type: 'statuses' })}`;
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    expect(await search('write:statuses write:media profile read:statuses')).toEqual({ status: 403, body: { error: OUT_OF_SCOPE } });
    expect(await search('write:statuses write:media profile read:statuses read:search')).toMatchObject({ status: 200, body: { statuses: [] } });
  });

  it('`profile` is unknown before 4.3.0, and an unknown scope is a 422 at registration', async () => {
    env.mastodon.oauth.version = '4.2.10';
    expect(await signIn('profile')).toMatchObject({ status: 422 });
    env.mastodon.oauth.version = '4.5.2';
    expect(await signIn('read:everything')).toMatchObject({ status: 422 });
  });

  it('an authorize request asking more than the app registered gets invalid_scope', async () => {
    const app = await fetch(`${ORIGIN}/api/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: 'Siar', redirect_uris: REDIRECT, scopes: 'write:statuses' }),
    });
    const { client_id: clientId } = (await app.json()) as { client_id: string };
    const authorize = new URL(`${ORIGIN}/oauth/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT,
      scope: 'write:statuses read:accounts',
    }).toString();
    const back = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('invalid_scope');
  });
});
