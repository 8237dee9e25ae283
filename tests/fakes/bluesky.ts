import { AppBskyFeedPost, jsonToLex } from '@atproto/api';
import { createHash } from 'node:crypto';
import { json, jsonBody, type Fake, type FakeResponse } from './fake';

// A Bluesky PDS (bsky.social) for the XRPC methods Siar calls. Records are validated with the official
// app.bsky.feed.post lexicon from @atproto/api, and every facet's UTF-8 byte range must cover exactly
// the text of its link, mention or tag. Access JWTs lapse two hours after issue (docs.bsky.app,
// "Creating a session": accessJwt is short-lived, refreshJwt renews it via refreshSession).
// app.bsky.feed.searchPosts is answered for a valid session (the PDS proxies it to the AppView); the
// public AppView (public.api.bsky.app) refuses it without one with 403, as it has since January 2025
// (github.com/bluesky-social/atproto/issues/3423).
// app.bsky.feed.getPosts (proxied by the PDS to the AppView,
// https://docs.bsky.app/docs/api/app-bsky-feed-get-posts) answers for our posts and for `others`'
// posts; a reply's root and parent must be posts that exist, as the AppView requires.

export const BLUESKY_ACCOUNT = { service: 'https://bsky.social', handle: 'humas.example.go.id', appPassword: 'abcd-efgh-ijkl-mnop' };
export const BLUESKY_DID = 'did:plc:humasfake0000000000000000';
export const KNOWN_HANDLES: Record<string, string> = { 'kominfo.bsky.social': 'did:plc:kominfofake00000000000000' };

const xrpcError = (status: number, error: string, message: string, headers: Record<string, string> = {}) => json(status, { error, message }, headers);

interface StoredPost {
  uri: string;
  cid: string;
  record: Record<string, unknown>;
}

/** How long an access JWT works after it is issued. */
export const BLUESKY_ACCESS_TTL_MS = 2 * 60 * 60_000;

/** One post as app.bsky.feed.searchPosts returns it (app.bsky.feed.defs#postView, the fields Siar reads). */
export interface SearchHit {
  uri: string;
  cid: string;
  indexedAt: string;
  author: { did: string; handle: string; displayName?: string };
  record: { $type: 'app.bsky.feed.post'; text: string; createdAt: string; langs?: string[] };
}

export interface BlueskyFake extends Fake {
  posts: StoredPost[];
  /** What searchPosts finds: other people's posts, newest first. */
  searchable: SearchHit[];
  /** The fake's clock for token expiry; tests move it forward instead of waiting two hours. */
  now(): number;
  setNow(at: number): void;
  blobs: { cid: string; mimeType: string; size: number; bytes: Buffer }[];
  sessionsCreated: number;
  refreshes: number;
  /** Posts by other accounts, by at:// URI (what the officer may answer). */
  others: Map<string, StoredPost>;
  /** Makes every access token issued so far answer ExpiredToken, as the PDS does after ~2 hours. */
  expireAccessTokens(): void;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** app.bsky.embed.external#external `thumb` maxSize, in bytes. */
export const BLUESKY_THUMB_MAX_BYTES = 1_000_000;

/** A real CIDv1 (sha-256) in base32, so the lexicon's `cid` format and blob refs validate. */
function cidFor(content: Buffer | string, codec: number): string {
  const digest = createHash('sha256').update(content).digest();
  const bytes = Buffer.concat([Buffer.from([0x01, codec, 0x12, 0x20]), digest]);
  let bits = 0;
  let value = 0;
  let out = 'b';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Why a record's facets are wrong, or undefined when each byte range spells exactly its feature. */
function facetProblem(record: {
  text: string;
  facets?: { index: { byteStart: number; byteEnd: number }; features: Record<string, string>[] }[];
}): string | undefined {
  const bytes = encoder.encode(record.text);
  for (const facet of record.facets ?? []) {
    const { byteStart, byteEnd } = facet.index;
    if (byteStart < 0 || byteEnd > bytes.length || byteStart >= byteEnd) return `facet range ${byteStart}-${byteEnd} outside text`;
    const covered = decoder.decode(bytes.slice(byteStart, byteEnd));
    for (const feature of facet.features) {
      const kind = feature.$type;
      if (kind === 'app.bsky.richtext.facet#link' && covered !== feature.uri && `https://${covered}` !== feature.uri) return `link facet covers "${covered}"`;
      if (kind === 'app.bsky.richtext.facet#tag' && covered !== `#${feature.tag}` && covered !== `＃${feature.tag}`) return `tag facet covers "${covered}"`;
      if (kind === 'app.bsky.richtext.facet#mention') {
        const handle = Object.entries(KNOWN_HANDLES).find(([, did]) => did === feature.did)?.[0];
        if (!handle || covered.toLowerCase() !== `@${handle}`) return `mention facet covers "${covered}"`;
      }
    }
  }
  return undefined;
}

export function createBlueskyFake(): BlueskyFake {
  let issued = 0;
  let clock: number | undefined;
  const now = () => clock ?? Date.now();
  const access = new Map<string, 'valid' | 'expired'>();
  const issuedAt = new Map<string, number>();
  const refresh = new Set<string>();
  const posts: StoredPost[] = [];
  const blobs: BlueskyFake['blobs'] = [];
  const newSession = () => {
    issued++;
    const accessJwt = `bsky-access-${issued}`;
    const refreshJwt = `bsky-refresh-${issued}`;
    access.set(accessJwt, 'valid');
    issuedAt.set(accessJwt, now());
    refresh.add(refreshJwt);
    return { did: BLUESKY_DID, handle: BLUESKY_ACCOUNT.handle, accessJwt, refreshJwt, active: true };
  };

  const fake: BlueskyFake = {
    hosts: ['bsky.social', 'public.api.bsky.app'],
    posts,
    searchable: [],
    now,
    setNow: (at) => {
      clock = at;
    },
    blobs,
    sessionsCreated: 0,
    refreshes: 0,
    others: new Map(),
    expireAccessTokens: () => {
      for (const token of access.keys()) access.set(token, 'expired');
    },
    handle(request): FakeResponse {
      const nsid = request.path.replace(/^\/xrpc\//, '');
      const bearer = request.headers.authorization?.replace(/^Bearer /, '');
      if (request.host === 'public.api.bsky.app') {
        if (nsid === 'app.bsky.feed.searchPosts' && !bearer)
          return { status: 403, headers: { 'content-type': 'text/html' }, body: '<html><head><title>403 Forbidden</title></head></html>' };
        return xrpcError(501, 'MethodNotImplemented', `Method Not Implemented: ${nsid}`);
      }
      if (nsid === 'com.atproto.server.createSession') {
        const body = jsonBody(request) as { identifier?: string; password?: string } | undefined;
        if (body?.identifier !== BLUESKY_ACCOUNT.handle || body.password !== BLUESKY_ACCOUNT.appPassword) {
          return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
        }
        fake.sessionsCreated++;
        return json(200, newSession());
      }
      if (nsid === 'com.atproto.server.refreshSession') {
        if (!bearer || !refresh.has(bearer)) return xrpcError(400, 'ExpiredToken', 'Token has been revoked');
        refresh.delete(bearer); // refresh tokens rotate
        fake.refreshes++;
        return json(200, newSession());
      }
      if (nsid === 'com.atproto.identity.resolveHandle') {
        const did = KNOWN_HANDLES[request.query.get('handle') ?? ''];
        return did ? json(200, { did }) : xrpcError(400, 'InvalidRequest', 'Unable to resolve handle');
      }
      if (nsid === 'com.atproto.repo.listRecords') {
        return json(200, { records: posts.toReversed().map((post) => ({ uri: post.uri, cid: post.cid, value: post.record })) });
      }
      const state = bearer ? access.get(bearer) : undefined;
      if (!bearer) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
      if (!state) return xrpcError(400, 'InvalidToken', 'Token could not be verified');
      if (state === 'expired' || now() - (issuedAt.get(bearer) ?? 0) >= BLUESKY_ACCESS_TTL_MS) return xrpcError(400, 'ExpiredToken', 'Token has expired');
      if (nsid === 'app.bsky.feed.searchPosts') {
        // app.bsky.feed.searchPosts lexicon: q required, limit 1..100, since/until inclusive/exclusive datetimes.
        const q = request.query.get('q') ?? '';
        const limit = Number(request.query.get('limit') ?? 25);
        if (!q || !Number.isInteger(limit) || limit < 1 || limit > 100) return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "q"');
        const since = request.query.get('since');
        const words = q.toLowerCase().split(/\s+/);
        const hits = fake.searchable.filter(
          (hit) => words.every((word) => hit.record.text.toLowerCase().includes(word)) && (!since || hit.record.createdAt >= since),
        );
        return json(200, { posts: hits.slice(0, limit), hitsTotal: hits.length });
      }
      if (nsid === 'app.bsky.feed.getPosts') {
        const found = request.query
          .getAll('uris')
          .map((uri) => posts.find((p) => p.uri === uri) ?? fake.others.get(uri))
          .filter(Boolean);
        return json(200, { posts: found.map((post) => ({ uri: post!.uri, cid: post!.cid, record: post!.record, author: { did: post!.uri.split('/')[2] } })) });
      }
      if (nsid === 'com.atproto.repo.uploadBlob') {
        const mimeType = String(request.headers['content-type'] ?? '');
        if (!mimeType.startsWith('image/') || request.body.length === 0) return xrpcError(400, 'InvalidRequest', 'bad blob');
        const cid = cidFor(request.body, 0x55);
        blobs.push({ cid, mimeType, size: request.body.length, bytes: Buffer.from(request.body) });
        return json(200, { blob: { $type: 'blob', ref: { $link: cid }, mimeType, size: request.body.length } });
      }
      if (nsid === 'com.atproto.repo.createRecord') {
        const body = jsonBody(request) as { repo?: string; collection?: string; record?: Record<string, unknown> } | undefined;
        if (body?.repo !== BLUESKY_DID || body.collection !== 'app.bsky.feed.post' || !body.record) {
          return xrpcError(400, 'InvalidRequest', 'repo or collection mismatch');
        }
        const valid = AppBskyFeedPost.validateRecord(jsonToLex(body.record));
        if (!valid.success) return xrpcError(400, 'InvalidRequest', `Invalid app.bsky.feed.post record: ${valid.error.message}`);
        const problem = facetProblem(body.record as never);
        if (problem) return xrpcError(400, 'InvalidRequest', problem);
        const reply = body.record.reply as { root: { uri: string }; parent: { uri: string } } | undefined;
        const known = (uri: string) => posts.some((p) => p.uri === uri) || fake.others.has(uri);
        if (reply && (!known(reply.root.uri) || !known(reply.parent.uri))) {
          return xrpcError(400, 'InvalidRequest', 'reply refers to an unknown post');
        }
        const thumb = (body.record.embed as { external?: { thumb?: { ref: { $link: string } } } } | undefined)?.external?.thumb;
        const stored = thumb ? blobs.find((b) => b.cid === thumb.ref.$link) : undefined;
        if (thumb && !stored) return xrpcError(400, 'InvalidRequest', 'blob not found');
        // The PDS checks each blob a record references against its lexicon constraints when the record is
        // written: app.bsky.embed.external#external thumb has maxSize 1000000 (lexicons/app/bsky/embed/
        // external.json) and accept image/*. uploadBlob itself takes far larger files, so only here.
        if (stored && stored.size > BLUESKY_THUMB_MAX_BYTES) {
          return xrpcError(
            400,
            'InvalidRequest',
            `Invalid app.bsky.feed.post record: Record/embed/external/thumb file too big (max ${BLUESKY_THUMB_MAX_BYTES} bytes)`,
          );
        }
        if (stored && !stored.mimeType.startsWith('image/'))
          return xrpcError(400, 'InvalidRequest', 'Invalid app.bsky.feed.post record: Record/embed/external/thumb has an invalid mime type');
        const rkey = `3lfake${String(posts.length + 1).padStart(7, '0')}`;
        const post = { uri: `at://${BLUESKY_DID}/app.bsky.feed.post/${rkey}`, cid: cidFor(`${rkey}${JSON.stringify(body.record)}`, 0x71), record: body.record };
        posts.push(post);
        return json(200, { uri: post.uri, cid: post.cid, commit: { cid: 'bafyreicommit', rev: '3lfakerev' }, validationStatus: 'valid' });
      }
      return xrpcError(501, 'MethodNotImplemented', `Method Not Implemented: ${nsid}`);
    },
  };
  return fake;
}
