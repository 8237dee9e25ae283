import { createHash } from 'node:crypto';
import { formBody, json, type FakeRequest, type FakeResponse } from './fake';

// X's OAuth 2.0 authorization-code grant with PKCE (docs.x.com, "OAuth 2.0 Authorization Code Flow
// with PKCE"): GET https://x.com/i/oauth2/authorize approves at once (as if the officer clicked
// "Authorize app") and redirects back with code + state; POST https://api.x.com/2/oauth2/token with
// grant_type=authorization_code checks the public client's id, redirect URI and code_verifier.

/** The scopes Siar's calls need (see X_ENDPOINT_SCOPES in ./x.ts) plus offline.access for the refresh token. */
export const X_REQUIRED_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'media.write', 'offline.access'];
/**
 * Every scope X's authorize endpoint knows (docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code,
 * "Scopes"); any other makes the authorize request invalid.
 */
const KNOWN_SCOPES = new Set([
  'tweet.read',
  'tweet.write',
  'tweet.moderate.write',
  'users.email',
  'users.read',
  'follows.read',
  'follows.write',
  'offline.access',
  'space.read',
  'mute.read',
  'mute.write',
  'like.read',
  'like.write',
  'list.read',
  'list.write',
  'block.read',
  'block.write',
  'bookmark.read',
  'bookmark.write',
  'dm.read',
  'dm.write',
  'media.write',
]);
/** An extension's identity redirect: https://<32 letters a-p>.chromiumapp.org/ */
const EXTENSION_REDIRECT = /^https:\/\/[a-p]{32}\.chromiumapp\.org\/$/;

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** What the officer does on X's consent screen. */
export type XConsent = 'approve' | 'deny' | 'wrong-state';

export interface XOAuth2 {
  consent: XConsent;
  /** When set, the only redirect URI accepted (the test browser's chromiumapp.org address). */
  redirectUri?: string;
  /** The query of every authorize request, in order. */
  authorizations: URLSearchParams[];
  /** Access tokens issued by the code exchange. */
  issued: string[];
  /** The scopes the officer granted with each issued token (what the authorize request asked). */
  granted: Map<string, string[]>;
  authorize(request: FakeRequest): FakeResponse;
  exchange(request: FakeRequest): FakeResponse;
}

const tokenError = (description: string) => json(400, { error: 'invalid_request', error_description: description });

/** Accepts the public client `clientId`; `grant` is told about each issued access and refresh token, so the API accepts them afterwards. */
export function createXOAuth2(clientId: string, grant: (accessToken: string, refreshToken: string, scopes: string[]) => void): XOAuth2 {
  const codes = new Map<string, { redirectUri: string; challenge: string; scopes: string[] }>();
  const oauth: XOAuth2 = {
    consent: 'approve',
    authorizations: [],
    issued: [],
    granted: new Map(),
    authorize(request): FakeResponse {
      const q = request.query;
      oauth.authorizations.push(new URLSearchParams(q));
      const redirect = q.get('redirect_uri') ?? '';
      const redirectOk = oauth.redirectUri ? redirect === oauth.redirectUri : EXTENSION_REDIRECT.test(redirect);
      // RFC 6749 §4.1.2.1: never redirect to an address not registered for the client.
      if (request.path !== '/i/oauth2/authorize' || q.get('client_id') !== clientId || !redirectOk) {
        return { status: 400, headers: { 'content-type': 'text/html' }, body: '<p>Something went wrong. You weren’t able to give access to the App.</p>' };
      }
      const back = new URL(redirect);
      const state = q.get('state') ?? '';
      const scopes = (q.get('scope') ?? '').split(' ').filter(Boolean);
      const challenge = q.get('code_challenge') ?? '';
      if (
        q.get('response_type') !== 'code' ||
        !state ||
        !challenge ||
        q.get('code_challenge_method') !== 'S256' ||
        scopes.length === 0 ||
        !scopes.every((scope) => KNOWN_SCOPES.has(scope))
      ) {
        back.searchParams.set('error', 'invalid_request');
      } else if (oauth.consent === 'deny') {
        back.searchParams.set('error', 'access_denied');
      } else {
        const code = `x-code-${codes.size + oauth.issued.length + 1}`;
        codes.set(code, { redirectUri: redirect, challenge, scopes });
        back.searchParams.set('code', code);
      }
      back.searchParams.set('state', oauth.consent === 'wrong-state' ? `${state}-other` : state);
      return { status: 302, headers: { location: back.toString() } };
    },
    exchange(request): FakeResponse {
      const form = formBody(request);
      const code = form.get('code') ?? '';
      const issued = codes.get(code);
      if (form.get('client_id') !== clientId) return tokenError('Missing required parameter [client_id].');
      if (!issued || issued.redirectUri !== form.get('redirect_uri')) return tokenError('Value passed for the authorization code was invalid.');
      if (s256(form.get('code_verifier') ?? '') !== issued.challenge) return tokenError('Value passed for the code verifier did not match the challenge.');
      codes.delete(code);
      const n = oauth.issued.length + 1;
      const accessToken = `fake-oauth2-code-access-${n}`;
      const refreshToken = `fake-oauth2-code-refresh-${n}`;
      oauth.issued.push(accessToken);
      oauth.granted.set(accessToken, issued.scopes);
      grant(accessToken, refreshToken, issued.scopes);
      // X access tokens last two hours ("expires_in": 7200, same page, "Refresh tokens").
      return json(200, { token_type: 'bearer', expires_in: 7200, access_token: accessToken, scope: issued.scopes.join(' '), refresh_token: refreshToken });
    },
  };
  return oauth;
}
