import { createHash } from 'node:crypto';
import { formBody, json, jsonBody, type FakeRequest, type FakeResponse } from './fake';

// Mastodon's app registration and OAuth 2.0 endpoints (docs.joinmastodon.org/methods/apps,
// /methods/oauth, /methods/instance#v2): POST /api/v1/apps, GET /oauth/authorize (here it approves
// at once and redirects back with a code, as if the officer clicked "Authorise"), POST /oauth/token
// (checks client, redirect URI and the PKCE verifier), GET /api/v2/instance.

export interface MastodonOAuthState {
  apps: { clientId: string; clientSecret: string; redirectUri: string; scopes: string }[];
  /** Codes issued by /oauth/authorize, single use. */
  codes: Map<string, { clientId: string; redirectUri: string; challenge?: string }>;
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** Answers the OAuth and instance endpoints, or undefined for the rest of the API. */
export function handleMastodonOAuth(request: FakeRequest, state: MastodonOAuthState, tokens: { accessToken: string; maxChars: number }): FakeResponse | undefined {
  const { method, path } = request;
  if (method === 'GET' && path === '/api/v2/instance') {
    return json(200, { domain: request.host, title: 'Sosial Pemerintah', configuration: { statuses: { max_characters: tokens.maxChars, max_media_attachments: 4 } } });
  }
  if (method === 'POST' && path === '/api/v1/apps') {
    const body = (String(request.headers['content-type']).includes('json') ? jsonBody(request) : Object.fromEntries(formBody(request))) as Record<string, unknown> | undefined;
    if (typeof body?.client_name !== 'string' || typeof body.redirect_uris !== 'string') return json(422, { error: 'Validation failed: Redirect URI must be an absolute URI.' });
    const app = { clientId: `client-${state.apps.length + 1}`, clientSecret: `secret-${state.apps.length + 1}`, redirectUri: body.redirect_uris, scopes: String(body.scopes ?? 'read') };
    state.apps.push(app);
    return json(200, { id: String(state.apps.length), name: body.client_name, redirect_uri: app.redirectUri, client_id: app.clientId, client_secret: app.clientSecret });
  }
  if (method === 'GET' && path === '/oauth/authorize') {
    const q = request.query;
    const app = state.apps.find((a) => a.clientId === q.get('client_id'));
    if (!app || q.get('redirect_uri') !== app.redirectUri || q.get('response_type') !== 'code') {
      return { status: 400, headers: { 'content-type': 'text/html' }, body: '<p>The redirect uri included is not valid.</p>' };
    }
    const code = `code-${state.codes.size + 1}`;
    state.codes.set(code, { clientId: app.clientId, redirectUri: app.redirectUri, challenge: q.get('code_challenge') ?? undefined });
    const back = new URL(app.redirectUri);
    back.searchParams.set('code', code);
    if (q.get('state')) back.searchParams.set('state', q.get('state')!);
    return { status: 302, headers: { location: back.toString() } };
  }
  if (method === 'POST' && path === '/oauth/token') {
    const form = formBody(request);
    const issued = state.codes.get(form.get('code') ?? '');
    const app = state.apps.find((a) => a.clientId === form.get('client_id'));
    const verifierOk = !issued?.challenge || s256(form.get('code_verifier') ?? '') === issued.challenge;
    if (form.get('grant_type') !== 'authorization_code' || !issued || !app || app.clientSecret !== form.get('client_secret')
      || issued.redirectUri !== form.get('redirect_uri') || !verifierOk) {
      return json(400, { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid, expired, revoked, or was issued to another client.' });
    }
    state.codes.delete(form.get('code')!);
    return json(200, { access_token: tokens.accessToken, token_type: 'Bearer', scope: app.scopes, created_at: Math.floor(Date.now() / 1000) });
  }
  return undefined;
}
