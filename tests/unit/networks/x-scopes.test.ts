import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { X_AUTHORIZE_URL, X_SCOPES, authorizeUrl } from '../../../utils/accounts/oauth';
import { AuthError } from '../../../utils/errors';
import { createX } from '../../../utils/networks/x';
import { X_CREDENTIALS } from '../../fakes/x';
import { ACCOUNTS, post, signal, useFakes, withImage } from './harness';

// An X account connected through OAuth 2.0 posts with the scopes Siar asked for; X checks them per
// endpoint (docs.x.com/x-api/media/upload-media needs media.write).

const env = useFakes();
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

/** The authorization-code grant against the fake, asking for `scope`; returns the account Siar would store. */
async function connect(scope: string) {
  env.x.oauth2.redirectUri = REDIRECT;
  const verifier = 'w'.repeat(64);
  const url = authorizeUrl({
    endpoint: X_AUTHORIZE_URL,
    clientId: X_CREDENTIALS.clientId,
    redirectUri: REDIRECT,
    scope,
    state: 'st',
    challenge: createHash('sha256').update(verifier).digest('base64url'),
  });
  const back = new URL(
    env.x.oauth2.authorize({
      host: 'x.com',
      method: 'GET',
      path: '/i/oauth2/authorize',
      query: new URL(url).searchParams,
      headers: {},
      body: Buffer.alloc(0),
      url: new URL(url),
    }).headers!.location!,
  );
  const answer = await fetch('https://api.x.com/2/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: back.searchParams.get('code') ?? '',
      client_id: X_CREDENTIALS.clientId,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    }),
  });
  const tokens = (await answer.json()) as { access_token: string; refresh_token: string; expires_in: number };
  return { ...ACCOUNTS.xOAuth2, accessToken: tokens.access_token, refreshToken: tokens.refresh_token, expiresAt: Date.now() + tokens.expires_in * 1000 };
}

describe('X OAuth 2.0 scopes', () => {
  it('asks for media.write with the post, user and refresh scopes', () => {
    expect(X_SCOPES.split(' ').sort()).toEqual(['media.write', 'offline.access', 'tweet.read', 'tweet.write', 'users.read']);
  });

  it("an account connected with Siar's scopes posts with the page image", async () => {
    const account = await connect(X_SCOPES);
    await createX().publish(withImage(), account, signal());
    expect(env.x.media).toEqual([expect.objectContaining({ finalized: true })]);
    expect(env.x.tweets).toEqual([expect.objectContaining({ auth: 'bearer', mediaIds: [env.x.media[0]!.id] })]);
  });

  it('keeps its scopes through a refresh', async () => {
    const account = { ...(await connect(X_SCOPES)), expiresAt: Date.now() - 1 };
    await createX().publish(withImage(), account, signal());
    expect(env.x.refreshes).toBe(1);
    expect(env.x.tweets).toHaveLength(1);
  });
});

describe('the X fake refuses what X refuses', () => {
  it("a token without media.write (Siar's old scopes) cannot upload: 403, and the post is not made", async () => {
    const account = await connect('tweet.read tweet.write users.read offline.access');
    await expect(createX().publish(withImage(), account, signal())).rejects.toBeInstanceOf(AuthError);
    expect(env.x.tweets).toHaveLength(0);
    expect(new Set(env.server.log.filter((r) => r.path.startsWith('/2/media/')).map((r) => r.path))).toEqual(new Set(['/2/media/upload/initialize']));
    expect(env.x.media).toEqual([]);
    // Text alone needs no media scope.
    await expect(createX().publish(post(), account, signal())).resolves.toBeDefined();
  });

  it('a token without tweet.write cannot post', async () => {
    const account = await connect('tweet.read users.read offline.access');
    await expect(createX().publish(post(), account, signal())).rejects.toBeInstanceOf(AuthError);
  });

  it('an unknown scope makes the authorize request invalid', () => {
    const url = new URL(
      authorizeUrl({
        endpoint: X_AUTHORIZE_URL,
        clientId: X_CREDENTIALS.clientId,
        redirectUri: REDIRECT,
        scope: 'tweet.read media.upload',
        state: 's',
        challenge: 'c',
      }),
    );
    env.x.oauth2.redirectUri = REDIRECT;
    const back = new URL(
      env.x.oauth2.authorize({ host: 'x.com', method: 'GET', path: url.pathname, query: url.searchParams, headers: {}, body: Buffer.alloc(0), url }).headers!
        .location!,
    );
    expect(back.searchParams.get('error')).toBe('invalid_request');
  });
});
