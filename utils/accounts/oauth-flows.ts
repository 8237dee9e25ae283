import { browser } from '#imports';
import { z } from 'zod';
import { SiarError } from '../errors';
import { http } from '../networks/http';
import type { AccountFor } from '../networks/registry';
import { X_TOKEN_URL } from '../networks/x';
import { OAuthError, X_AUTHORIZE_URL, X_SCOPES, authorizeUrl, codeFromRedirect, mastodonScopes, pkceChallenge, randomToken } from './oauth';
import { instanceOrigin } from './origins';

// The worker's half of "connect with X / Mastodon": it registers the app and keeps the PKCE verifier
// and client secret in storage.session; the options page only opens the identity window and hands
// back the redirect, so no secret or token ever reaches the page.

const PENDING_KEY = 'siarOAuthPending';
/** Each request of the flow; an address that never answers must not leave the officer waiting. */
const REQUEST_TIMEOUT_MS = 15_000;
/** Long enough to sign in with two-factor, short enough that a forgotten flow cannot be replayed later. */
const PENDING_TTL_MS = 15 * 60_000;

const pendingSchema = z.object({
  network: z.enum(['x', 'mastodon']),
  state: z.string(),
  verifier: z.string(),
  redirectUri: z.string(),
  clientId: z.string(),
  clientSecret: z.string().optional(),
  instance: z.string().optional(),
  scopes: z.string().optional(),
  maxChars: z.number().int().positive().optional(),
  bearerToken: z.string().optional(),
  startedAt: z.number(),
});
type Pending = z.infer<typeof pendingSchema>;

const registeredApp = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });
const tokenAnswer = z.object({ access_token: z.string().min(1), refresh_token: z.string().optional(), expires_in: z.number().positive().optional() });
const instanceInfo = z
  .object({
    version: z.string(),
    configuration: z.object({ statuses: z.object({ max_characters: z.number().int().positive() }).partial() }).partial(),
  })
  .partial();

/** The address does not answer as a Mastodon server (typo, other software, or offline). */
export class MastodonInstanceError extends SiarError {
  constructor(detail: string) {
    super('content', 'errorMastodonInstance', detail);
  }
}

export type OAuthStart = { network: 'mastodon'; instance: string } | { network: 'x'; clientId: string; bearerToken?: string };

async function registerMastodonApp(origin: string, redirectUri: string, scopes: string) {
  const response = await http(`${origin}/api/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ client_name: 'Siar', redirect_uris: redirectUri, scopes }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  }).catch((error: unknown) => {
    throw new MastodonInstanceError(error instanceof Error ? error.message : 'unreachable');
  });
  const app = registeredApp.safeParse(response.data);
  if (!response.ok || !app.success) throw new MastodonInstanceError(`apps ${response.status}`);
  return app.data;
}

export async function startOAuth(request: OAuthStart): Promise<{ authorizeUrl: string }> {
  const redirectUri = browser.identity.getRedirectURL();
  const state = randomToken(16);
  const verifier = randomToken(48);
  let pending: Pending;
  let endpoint: string;
  let scope: string;
  if (request.network === 'mastodon') {
    const origin = instanceOrigin(request.instance);
    if (!origin) throw new MastodonInstanceError('not an https address');
    // The server's version decides between `profile` (4.3.0+) and read:accounts for the connection test.
    const info = await mastodonInstance(origin);
    scope = mastodonScopes(info.version);
    const app = await registerMastodonApp(origin, redirectUri, scope);
    pending = {
      network: 'mastodon',
      state,
      verifier,
      redirectUri,
      clientId: app.client_id,
      clientSecret: app.client_secret,
      instance: origin,
      scopes: scope,
      maxChars: info.maxChars,
      startedAt: Date.now(),
    };
    endpoint = `${origin}/oauth/authorize`;
  } else {
    pending = { network: 'x', state, verifier, redirectUri, clientId: request.clientId.trim(), bearerToken: request.bearerToken, startedAt: Date.now() };
    endpoint = X_AUTHORIZE_URL;
    scope = X_SCOPES;
  }
  await browser.storage.session.set({ [PENDING_KEY]: pending });
  return { authorizeUrl: authorizeUrl({ endpoint, clientId: pending.clientId, redirectUri, scope, state, challenge: await pkceChallenge(verifier) }) };
}

async function exchange(url: string, form: Record<string, string>) {
  const response = await http(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const tokens = tokenAnswer.safeParse(response.data);
  if (!response.ok || !tokens.success) throw new OAuthError('oauthRefused', `token ${response.status}`);
  return tokens.data;
}

/** The server's version and post limit from GET /api/v2/instance (public); defaults when it does not say. */
async function mastodonInstance(origin: string): Promise<{ version?: string; maxChars: number }> {
  try {
    const response = await http(`${origin}/api/v2/instance`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const info = instanceInfo.safeParse(response.data);
    if (!response.ok || !info.success) return { maxChars: 500 };
    return { version: info.data.version, maxChars: info.data.configuration?.statuses?.max_characters ?? 500 };
  } catch {
    return { maxChars: 500 }; // Mastodon's own default; posting still reports a too-long text precisely.
  }
}

export type OAuthResult = { network: 'mastodon'; account: AccountFor<'mastodon'> } | { network: 'x'; account: AccountFor<'x'> };

/** Checks the redirect against the pending request, exchanges the code, and returns the new account (not yet saved). */
export async function finishOAuth(redirectUrl: string): Promise<OAuthResult> {
  const stored = await browser.storage.session.get(PENDING_KEY);
  await browser.storage.session.remove(PENDING_KEY);
  const parsed = pendingSchema.safeParse(stored[PENDING_KEY]);
  if (!parsed.success || Date.now() - parsed.data.startedAt > PENDING_TTL_MS) throw new OAuthError('oauthMismatch', 'no pending sign-in');
  const pending = parsed.data;
  const code = codeFromRedirect(redirectUrl, pending);
  const common = { grant_type: 'authorization_code', code, client_id: pending.clientId, redirect_uri: pending.redirectUri, code_verifier: pending.verifier };
  if (pending.network === 'mastodon' && pending.instance && pending.clientSecret) {
    const tokens = await exchange(`${pending.instance}/oauth/token`, {
      ...common,
      client_secret: pending.clientSecret,
      scope: pending.scopes ?? mastodonScopes(),
    });
    return {
      network: 'mastodon',
      account: {
        instance: pending.instance,
        accessToken: tokens.access_token,
        clientId: pending.clientId,
        clientSecret: pending.clientSecret,
        maxChars: pending.maxChars ?? 500,
      },
    };
  }
  const tokens = await exchange(X_TOKEN_URL, common);
  return {
    network: 'x',
    account: {
      auth: 'oauth2',
      clientId: pending.clientId,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: tokens.expires_in ? Date.now() + tokens.expires_in * 1000 : undefined,
      ...(pending.bearerToken ? { bearerToken: pending.bearerToken } : {}),
    },
  };
}
