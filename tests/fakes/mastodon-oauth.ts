import { createHash } from 'node:crypto';
import { formBody, json, jsonBody, type FakeRequest, type FakeResponse } from './fake';

// Mastodon's app registration and OAuth 2.0 endpoints (docs.joinmastodon.org/methods/apps,
// /methods/oauth, /methods/instance#v2): POST /api/v1/apps, GET /oauth/authorize (here it approves
// at once and redirects back with a code, as if the officer clicked "Authorise"), POST /oauth/token
// (checks client, redirect URI and the PKCE verifier), GET /api/v2/instance.

export interface MastodonOAuthState {
  apps: { clientId: string; clientSecret: string; redirectUri: string; scopes: string }[];
  /** Codes issued by /oauth/authorize, single use, with the scopes the officer granted. */
  codes: Map<string, { clientId: string; redirectUri: string; challenge?: string; scopes: string[] }>;
  /** The scopes each access token carries; the API checks them per method. */
  tokenScopes: Map<string, string[]>;
  /** What /api/v2/instance reports as `version` (the `profile` scope exists from 4.3.0). */
  version: string;
  /**
   * What /api/v2/instance reports as `configuration.media_attachments` (docs.joinmastodon.org/entities/
   * Instance/#media_attachments), and what POST /api/v2/media then enforces; undefined leaves the key out,
   * as older servers do.
   */
  mediaConfig?: { supported_mime_types: string[]; image_size_limit: number; image_matrix_limit: number };
}

/**
 * mastodon.social's answer (image_size_limit 16777216, image_matrix_limit 33177600, quoted in
 * github.com/mastodon/mastodon/discussions/26709) with Mastodon 4.x's image types (docs.joinmastodon.org/
 * user/posting/#media: JPEG, PNG, GIF, HEIF, WebP, AVIF).
 */
export const MASTODON_MEDIA_CONFIG = {
  supported_mime_types: ['image/jpeg', 'image/png', 'image/gif', 'image/heic', 'image/heif', 'image/webp', 'image/avif', 'video/mp4'],
  image_size_limit: 16_777_216,
  image_matrix_limit: 33_177_600,
};

/**
 * Every scope Mastodon knows (docs.joinmastodon.org/api/oauth-scopes/): the three top-level ones, their
 * granular children, and `profile` (4.3.0+). An app or an authorize request with any other is refused.
 */
const GRANULAR = {
  read: ['accounts', 'blocks', 'bookmarks', 'favourites', 'filters', 'follows', 'lists', 'mutes', 'notifications', 'search', 'statuses'],
  write: [
    'accounts',
    'blocks',
    'bookmarks',
    'conversations',
    'favourites',
    'filters',
    'follows',
    'lists',
    'media',
    'mutes',
    'notifications',
    'reports',
    'statuses',
  ],
};
export function knownScope(scope: string, version: string): boolean {
  if (scope === 'read' || scope === 'write' || scope === 'push' || scope === 'follow') return true;
  if (scope === 'profile') return Number(version.split('.')[0]) > 4 || (Number(version.split('.')[0]) === 4 && Number(version.split('.')[1]) >= 3);
  const [top, sub] = scope.split(':') as ['read' | 'write', string | undefined];
  return !!sub && (GRANULAR[top]?.includes(sub) ?? false);
}

/** True when `granted` covers one of `anyOf` (a top-level scope covers its granular children). */
export function scopeCovers(granted: string[], anyOf: string[]): boolean {
  return anyOf.some((wanted) => granted.includes(wanted) || granted.includes(wanted.split(':')[0]!));
}

const splitScopes = (value: string | null | undefined) => (value ?? '').split(/[ +]/).filter(Boolean);

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** Answers the OAuth and instance endpoints, or undefined for the rest of the API. */
export function handleMastodonOAuth(
  request: FakeRequest,
  state: MastodonOAuthState,
  tokens: { accessToken: string; maxChars: number },
): FakeResponse | undefined {
  const { method, path } = request;
  if (method === 'GET' && path === '/api/v2/instance') {
    return json(200, {
      domain: request.host,
      title: 'Sosial Pemerintah',
      version: state.version,
      configuration: {
        statuses: { max_characters: tokens.maxChars, max_media_attachments: 4 },
        ...(state.mediaConfig ? { media_attachments: state.mediaConfig } : {}),
      },
    });
  }
  if (method === 'POST' && path === '/api/v1/apps') {
    const body = (String(request.headers['content-type']).includes('json') ? jsonBody(request) : Object.fromEntries(formBody(request))) as
      Record<string, unknown> | undefined;
    if (typeof body?.client_name !== 'string' || typeof body.redirect_uris !== 'string')
      return json(422, { error: 'Validation failed: Redirect URI must be an absolute URI.' });
    // docs.joinmastodon.org/methods/apps/#create: scopes default to "read"; an unknown one is a 422.
    const scopes = String(body.scopes ?? 'read');
    if (!splitScopes(scopes).every((scope) => knownScope(scope, state.version))) return json(422, { error: 'Validation failed: Scopes are invalid' });
    const app = { clientId: `client-${state.apps.length + 1}`, clientSecret: `secret-${state.apps.length + 1}`, redirectUri: body.redirect_uris, scopes };
    state.apps.push(app);
    return json(200, {
      id: String(state.apps.length),
      name: body.client_name,
      redirect_uri: app.redirectUri,
      client_id: app.clientId,
      client_secret: app.clientSecret,
    });
  }
  if (method === 'GET' && path === '/oauth/authorize') {
    const q = request.query;
    const app = state.apps.find((a) => a.clientId === q.get('client_id'));
    if (!app || q.get('redirect_uri') !== app.redirectUri || q.get('response_type') !== 'code') {
      return { status: 400, headers: { 'content-type': 'text/html' }, body: '<p>The redirect uri included is not valid.</p>' };
    }
    // docs.joinmastodon.org/methods/oauth/#authorize: scope "must be a subset of scopes declared during
    // app registration. If not provided, defaults to read."
    const wanted = q.has('scope') ? splitScopes(q.get('scope')) : ['read'];
    const back = new URL(app.redirectUri);
    if (!wanted.every((scope) => splitScopes(app.scopes).includes(scope))) {
      back.searchParams.set('error', 'invalid_scope');
    } else {
      const code = `code-${state.codes.size + 1}`;
      state.codes.set(code, { clientId: app.clientId, redirectUri: app.redirectUri, challenge: q.get('code_challenge') ?? undefined, scopes: wanted });
      back.searchParams.set('code', code);
    }
    if (q.get('state')) back.searchParams.set('state', q.get('state')!);
    return { status: 302, headers: { location: back.toString() } };
  }
  if (method === 'POST' && path === '/oauth/token') {
    const form = formBody(request);
    const issued = state.codes.get(form.get('code') ?? '');
    const app = state.apps.find((a) => a.clientId === form.get('client_id'));
    const verifierOk = !issued?.challenge || s256(form.get('code_verifier') ?? '') === issued.challenge;
    if (
      form.get('grant_type') !== 'authorization_code' ||
      !issued ||
      !app ||
      app.clientSecret !== form.get('client_secret') ||
      issued.redirectUri !== form.get('redirect_uri') ||
      !verifierOk
    ) {
      return json(400, {
        error: 'invalid_grant',
        error_description: 'The provided authorization grant is invalid, expired, revoked, or was issued to another client.',
      });
    }
    state.codes.delete(form.get('code')!);
    state.tokenScopes.set(tokens.accessToken, issued.scopes);
    return json(200, { access_token: tokens.accessToken, token_type: 'Bearer', scope: issued.scopes.join(' '), created_at: Math.floor(Date.now() / 1000) });
  }
  return undefined;
}
