import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OAuthError, X_AUTHORIZE_URL, X_SCOPES, authorizeUrl, codeFromRedirect, pkceChallenge, randomToken } from '../../../utils/accounts/oauth';

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';

describe('OAuth with PKCE', () => {
  it.each(['a'.repeat(43), randomToken(48), 'verifier-with_all.allowed~chars0123456789abcdefghij'])(
    'derives the S256 challenge of %s as node:crypto does',
    async (verifier) => {
      const expected = createHash('sha256').update(verifier).digest('base64url');
      await expect(pkceChallenge(verifier)).resolves.toBe(expected);
    },
  );

  it('makes verifiers of 64 URL-safe characters that never repeat', () => {
    const [a, b] = [randomToken(48), randomToken(48)];
    expect(a).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(a).not.toBe(b);
  });

  it('builds the X authorize URL with the agency client id and every scope', () => {
    const url = new URL(authorizeUrl({ endpoint: X_AUTHORIZE_URL, clientId: 'client', redirectUri: REDIRECT, scope: X_SCOPES, state: 's', challenge: 'c' }));
    expect(url.origin + url.pathname).toBe('https://x.com/i/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client',
      redirect_uri: REDIRECT,
      scope: 'tweet.read tweet.write users.read media.write offline.access',
      state: 's',
      code_challenge: 'c',
      code_challenge_method: 'S256',
    });
  });

  it('reads the code of a matching answer', () => {
    expect(codeFromRedirect(`${REDIRECT}?code=abc&state=s1`, { redirectUri: REDIRECT, state: 's1' })).toBe('abc');
  });

  it.each([
    ['an answer for another request', `${REDIRECT}?code=abc&state=other`, 'oauthMismatch'],
    ['an answer to another origin', 'https://evil.example/?code=abc&state=s1', 'oauthMismatch'],
    ['no URL at all', 'not a url', 'oauthMismatch'],
    ['the officer saying no', `${REDIRECT}?error=access_denied&state=s1`, 'oauthCancelled'],
    ['a server error', `${REDIRECT}?error=server_error&state=s1`, 'oauthRefused'],
    ['no code', `${REDIRECT}?state=s1`, 'oauthRefused'],
  ])('refuses %s with %s', (_label, redirect, messageKey) => {
    let thrown: unknown;
    try {
      codeFromRedirect(redirect, { redirectUri: REDIRECT, state: 's1' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OAuthError);
    expect(thrown).toMatchObject({ messageKey });
  });
});
