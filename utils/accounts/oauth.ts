import { SiarError } from '../errors';

// OAuth 2.0 authorization-code flow with PKCE (RFC 7636) as an extension runs it: the browser's
// identity window opens the authorize URL and hands back the redirect to
// https://<extension-id>.chromiumapp.org/. Pure functions, so the URLs and checks are unit-tested.

export const X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize';
/**
 * X OAuth 2.0 scopes, one per call Siar makes (docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code):
 * POST /2/tweets → tweet.read tweet.write users.read; POST /2/media/upload → media.write;
 * GET /2/users/me → tweet.read users.read; offline.access for the refresh token.
 */
export const X_SCOPES = 'tweet.read tweet.write users.read media.write offline.access';

/** Mastodon's `profile` scope exists from 4.3.0 on (docs.joinmastodon.org/api/oauth-scopes/#profile). */
const PROFILE_SCOPE_SINCE = [4, 3];

/**
 * Mastodon scopes, exactly one per call Siar makes (docs.joinmastodon.org, "OAuth:" line of each method):
 * POST /api/v1/statuses → write:statuses; POST /api/v2/media, GET /api/v1/media/:id → write:media;
 * GET /api/v1/accounts/verify_credentials → profile (4.3.0+) or read:accounts; GET /api/v1/timelines/tag/:hashtag
 * and GET /api/v1/accounts/:id/statuses → read:statuses (a token sent to a public method must carry it);
 * GET /api/v2/search with resolve=true (finding a mention's post on our instance to reply to it) → read:search.
 * `serverVersion` is /api/v2/instance's `version`; unknown or older servers get read:accounts.
 */
export function mastodonScopes(serverVersion?: string): string {
  const [major = 0, minor = 0] = (/^(\d+)\.(\d+)/.exec(serverVersion ?? '') ?? []).slice(1).map(Number);
  const [wantMajor, wantMinor] = PROFILE_SCOPE_SINCE as [number, number];
  const profile = major > wantMajor || (major === wantMajor && minor >= wantMinor);
  return ['write:statuses', 'write:media', profile ? 'profile' : 'read:accounts', 'read:statuses', 'read:search'].join(' ');
}

/** The identity window was closed, the network refused, or the answer does not belong to our request. */
export class OAuthError extends SiarError {
  constructor(messageKey: 'oauthCancelled' | 'oauthRefused' | 'oauthMismatch', detail?: string) {
    super('auth', messageKey, detail);
  }
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** S256 challenge for a verifier: base64url(SHA-256(verifier)). */
export async function pkceChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export interface AuthorizeRequest {
  endpoint: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  challenge: string;
}

export function authorizeUrl(request: AuthorizeRequest): string {
  const url = new URL(request.endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** The code from the redirect, after checking it answers our request (same redirect URI and state). */
export function codeFromRedirect(redirect: string, expected: { redirectUri: string; state: string }): string {
  let url: URL;
  try {
    url = new URL(redirect);
  } catch {
    throw new OAuthError('oauthMismatch', 'redirect is not a URL');
  }
  const base = new URL(expected.redirectUri);
  if (url.origin !== base.origin) throw new OAuthError('oauthMismatch', 'redirect to another origin');
  const params = url.searchParams;
  if (params.get('state') !== expected.state) throw new OAuthError('oauthMismatch', 'state differs');
  const error = params.get('error');
  if (error) throw new OAuthError(error === 'access_denied' ? 'oauthCancelled' : 'oauthRefused', error);
  const code = params.get('code');
  if (!code) throw new OAuthError('oauthRefused', 'no code');
  return code;
}
