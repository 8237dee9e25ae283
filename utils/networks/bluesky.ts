import { z } from 'zod';
import { AuthError, ContentError } from '../errors';
import { findFacetCandidates, toFacets } from './bluesky-facets';
import { errorFromHttp } from './errors';
import { announceRefresh, type AdapterHooks } from './hooks';
import { http, jsonHeaders, parse, parseError, type HttpResponse } from './http';
import type { AccountFor } from './registry';
import { postLanguage } from './langs';
import { textRules } from './text-rules';
import type { DeliveryNotice, Network, PublishResult } from './types';
import { IMAGE_LIMITS } from './image-limits';
import { fitPageImage, refusedImage } from './page-image';

type BlueskyAccount = AccountFor<'bluesky'>;
type Session = NonNullable<BlueskyAccount['session']>;

const sessionSchema = z.object({ did: z.string().startsWith('did:'), handle: z.string(), accessJwt: z.string().min(1), refreshJwt: z.string().min(1) });
const xrpcError = z.object({ error: z.string(), message: z.string().optional() });
const strongRef = z.object({ uri: z.string().startsWith('at://'), cid: z.string().min(1) });
const blob = z.object({ blob: z.object({ $type: z.literal('blob'), ref: z.object({ $link: z.string() }), mimeType: z.string(), size: z.number() }) });
const postView = z.object({
  posts: z.array(
    z.object({
      uri: z.string(),
      cid: z.string().min(1),
      record: z.object({ reply: z.object({ root: strongRef }).optional() }).loose(),
    }),
  ),
});
const resolved = z.object({ did: z.string().startsWith('did:') });
const records = z.object({ records: z.array(z.object({ uri: z.string(), cid: z.string(), value: z.object({ text: z.string() }).loose() })) });

/** The access JWT expired or was rejected: refresh (or log in again), then repeat the one request. */
class SessionExpired extends Error {}

export function xrpcFailure(response: HttpResponse, now = Date.now()): Error {
  const body = parseError(xrpcError, response.data);
  const detail = body ? `${body.error}: ${body.message ?? ''}` : `HTTP ${response.status}`;
  if (body?.error === 'ExpiredToken' || body?.error === 'InvalidToken') return new SessionExpired(detail);
  if (body?.error === 'AuthenticationRequired' || body?.error === 'AccountTakedown') return new AuthError(detail);
  return errorFromHttp({ status: response.status, headers: response.headers, detail }, now);
}

const rkeyOf = (uri: string) => uri.split('/').pop() ?? '';
const profileUrl = (account: BlueskyAccount, uri: string) => `https://bsky.app/profile/${account.handle.replace(/^@/, '')}/post/${rkeyOf(uri)}`;

/** The publishing adapter plus one authenticated read, so listening shares its session and refresh. */
export interface BlueskyNetwork extends Network<BlueskyAccount> {
  /**
   * GET `/xrpc/<nsid>?<params>` on the account's PDS with its access JWT (the PDS proxies app.bsky.* to the
   * AppView). An expired JWT is refreshed once with the refresh JWT (or a new login with the app
   * password), and the new session is handed to the owner like a publishing refresh. Answers the raw
   * JSON; throws the same typed errors as publishing.
   */
  get(account: BlueskyAccount, nsid: string, params: URLSearchParams, signal?: AbortSignal): Promise<unknown>;
}

export function createBluesky(hooks: AdapterHooks<BlueskyAccount> = {}): BlueskyNetwork {
  // Newer than storage until the owner has persisted it; survives for the worker's lifetime.
  const sessions = new Map<string, Session>();
  const keyOf = (account: BlueskyAccount) => `${account.service}|${account.handle.toLowerCase()}`;

  async function xrpc<T>(account: BlueskyAccount, nsid: string, schema: z.ZodType<T>, init: RequestInit, query = ''): Promise<T> {
    const response = await http(`${account.service.replace(/\/$/, '')}/xrpc/${nsid}${query}`, init);
    if (!response.ok) throw xrpcFailure(response);
    return parse(schema, response.data, 'Bluesky');
  }

  async function store(account: BlueskyAccount, fresh: z.infer<typeof sessionSchema>): Promise<Session> {
    const session = { did: fresh.did, accessJwt: fresh.accessJwt, refreshJwt: fresh.refreshJwt };
    sessions.set(keyOf(account), session);
    await announceRefresh(hooks, { ...account, session });
    return session;
  }

  async function login(account: BlueskyAccount, signal?: AbortSignal): Promise<Session> {
    const body = JSON.stringify({ identifier: account.handle.replace(/^@/, ''), password: account.appPassword });
    try {
      return await store(
        account,
        await xrpc(account, 'com.atproto.server.createSession', sessionSchema, { method: 'POST', headers: jsonHeaders(), body, signal }),
      );
    } catch (error) {
      throw error instanceof SessionExpired ? new AuthError(error.message) : error;
    }
  }

  async function refresh(account: BlueskyAccount, session: Session, signal?: AbortSignal): Promise<Session> {
    try {
      const fresh = await xrpc(account, 'com.atproto.server.refreshSession', sessionSchema, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.refreshJwt}` },
        signal,
      });
      return await store(account, fresh);
    } catch (error) {
      // Refresh tokens rotate and expire too; the app password can always start a new session.
      if (error instanceof SessionExpired || error instanceof AuthError || error instanceof ContentError) return login(account, signal);
      throw error;
    }
  }

  /** One authenticated request, reusing the stored session and refreshing it at most once. */
  async function authed<T>(
    account: BlueskyAccount,
    nsid: string,
    schema: z.ZodType<T>,
    signal: AbortSignal | undefined,
    request: (session: Session) => { init: RequestInit; query?: string },
  ): Promise<T> {
    let session = sessions.get(keyOf(account)) ?? account.session ?? (await login(account, signal));
    const attempt = (current: Session) => {
      const { init, query } = request(current);
      const headers = { ...(init.headers as Record<string, string>), authorization: `Bearer ${current.accessJwt}` };
      return xrpc(account, nsid, schema, { ...init, headers, signal }, query);
    };
    try {
      return await attempt(session);
    } catch (error) {
      if (!(error instanceof SessionExpired)) throw error;
    }
    session = await refresh(account, session, signal);
    try {
      return await attempt(session);
    } catch (error) {
      throw error instanceof SessionExpired ? new AuthError(error.message) : error;
    }
  }

  async function resolveHandles(account: BlueskyAccount, handles: string[], signal: AbortSignal): Promise<Map<string, string>> {
    const dids = new Map<string, string>();
    for (const handle of new Set(handles)) {
      try {
        const result = await xrpc(account, 'com.atproto.identity.resolveHandle', resolved, { signal }, `?handle=${encodeURIComponent(handle)}`);
        dids.set(handle, result.did);
      } catch {
        // An unknown handle is posted as plain text rather than failing the whole post.
      }
    }
    return dids;
  }

  /** The link card's picture, converted to fit the thumb's 1,000,000 bytes (IMAGE_LIMITS.bluesky) when needed. */
  async function thumbnail(
    account: BlueskyAccount,
    url: string,
    signal: AbortSignal,
  ): Promise<{ blob?: z.infer<typeof blob>['blob']; notice?: DeliveryNotice }> {
    try {
      const fitted = await fitPageImage(url, IMAGE_LIMITS.bluesky, signal);
      if (!fitted.image) return { notice: fitted.notice };
      const image = fitted.image;
      const uploaded = await authed(account, 'com.atproto.repo.uploadBlob', blob, signal, () => ({
        init: { method: 'POST', headers: { 'content-type': image.type }, body: image.bytes as BodyInit },
      }));
      return { blob: uploaded.blob };
    } catch (error) {
      // A card without a picture is better than no post; an expired login still has to surface.
      if (error instanceof AuthError || signal.aborted) throw error;
      return { notice: refusedImage(error) };
    }
  }

  return {
    ...textRules('bluesky'),

    async publish(post, account, signal): Promise<PublishResult> {
      const candidates = post.parts.map(findFacetCandidates);
      const handles = candidates
        .flat()
        .filter((c) => c.kind === 'mention')
        .map((c) => c.value);
      const dids = await resolveHandles(account, handles, signal);
      const card = post.url && post.image ? await thumbnail(account, post.image.url, signal) : undefined;
      const thumb = card?.blob;
      let root: z.infer<typeof strongRef> | undefined;
      let parent: z.infer<typeof strongRef> | undefined;
      if (post.replyTo) {
        // A reply names the post answered (parent) and its thread's first post (root), each by URI and
        // CID (https://docs.bsky.app/docs/advanced-guides/posts#replies); app.bsky.feed.getPosts gives both.
        const view = await authed(account, 'app.bsky.feed.getPosts', postView, signal, () => ({
          init: {},
          query: `?uris=${encodeURIComponent(post.replyTo!)}`,
        }));
        const answered = view.posts[0];
        if (!answered) throw new ContentError('reply', `post ${post.replyTo} not found`);
        parent = { uri: answered.uri, cid: answered.cid };
        root = answered.record.reply?.root ?? parent;
      }
      let made: string | undefined;
      for (const [index, text] of post.parts.entries()) {
        const facets = toFacets(text, candidates[index] ?? [], dids);
        const record = {
          $type: 'app.bsky.feed.post',
          text,
          createdAt: new Date().toISOString(),
          langs: [postLanguage(post.lang, text)],
          ...(facets.length ? { facets } : {}),
          ...(root && parent ? { reply: { root, parent } } : {}),
          ...(index === 0 && post.url && !post.replyTo
            ? {
                embed: {
                  $type: 'app.bsky.embed.external',
                  external: { uri: post.url, title: post.title, description: post.description ?? '', ...(thumb ? { thumb } : {}) },
                },
              }
            : {}),
        };
        const created = await authed(account, 'com.atproto.repo.createRecord', strongRef, signal, (session) => ({
          init: { method: 'POST', headers: jsonHeaders(), body: JSON.stringify({ repo: session.did, collection: 'app.bsky.feed.post', record }) },
        }));
        root ??= created;
        parent = created;
        made ??= created.uri;
      }
      if (!made) throw new ContentError('empty', 'nothing to post');
      return { remoteId: made, url: profileUrl(account, made), ...(card?.notice ? { notice: card.notice } : {}) };
    },

    get(account, nsid, params, signal) {
      return authed(account, nsid, z.unknown(), signal, () => ({ init: { headers: { accept: 'application/json' } }, query: `?${params.toString()}` }));
    },

    async verify(account, signal) {
      const session = await login(account, signal);
      return { name: `@${account.handle.replace(/^@/, '')} (${session.did})` };
    },

    async findExisting(post, account, signal) {
      const found = await authed(account, 'com.atproto.repo.listRecords', records, signal, (session) => ({
        init: {},
        query: `?repo=${encodeURIComponent(session.did)}&collection=app.bsky.feed.post&limit=30`,
      }));
      const match = found.records.find((entry) => entry.value.text === post.parts[0]);
      return match ? { remoteId: match.uri, url: profileUrl(account, match.uri) } : undefined;
    },
  };
}

export const bluesky = createBluesky();
