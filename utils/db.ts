import { Dexie, type EntityTable } from 'dexie';
import { DB_NAME } from './db-name';
import type { ErrorInfo } from './errors';
import type { MessageKey } from './i18n';
import type { NetworkId } from './networks/ids';
import type { ReplyTarget } from './compose/reply';
import type { Kit } from './campaigns/kit';

// The one IndexedDB database of Siar. Add a new `this.version(n)` block for every schema change;
// never edit an old one, so officers' stored data upgrades in place.

export interface PostRow {
  id?: number;
  text: string;
  variants: Partial<Record<NetworkId, string>>;
  pageUrl: string;
  pageTitle: string;
  description?: string;
  imageUrl?: string;
  imageAlt?: string;
  /** The page's language tag (BCP 47), when the page declared one. */
  lang?: string;
  createdBy: string;
  createdAt: number;
  scheduledAt?: number;
  /** Answering a mention: the delivery to `replyTo.network` replies to that post (no page link added). */
  replyTo?: ReplyTarget;
  /** Shared from a campaign kit: the kit's `KitRow.key`, and the version (`updatedAt`) that was shared. */
  kitId?: string;
  kitUpdatedAt?: number;
}

export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed' | 'needs-auth';

export interface DeliveryRow {
  id?: number;
  postId: number;
  network: NetworkId;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: number;
  /** Sent once per delivery to networks that honour it (Mastodon), so a resend cannot duplicate. */
  idempotencyKey: string;
  remoteId?: string;
  remoteUrl?: string;
  lastError?: ErrorInfo;
  /** Set on a sent delivery that went out differently than written (without its page image), with the sentence why. */
  notice?: { messageKey: MessageKey; detail?: string };
  /** The last attempt timed out after the request left: the network may hold the post already. */
  uncertain?: boolean;
  /** A network's own progress on this delivery (Instagram container id): see TargetPost.checkpoint. */
  checkpoint?: string;
  updatedAt: number;
}

export interface AuditRow {
  id?: number;
  at: number;
  actor: string;
  postId?: number;
  deliveryId?: number;
  network?: NetworkId;
  event: string;
  text?: string;
  pageUrl?: string;
  result?: string;
  /** The i18n key of the error sentence, when `result` is an error (lines from before 0.3 have none). */
  resultKey?: string;
  url?: string;
  /** For `scheduled`, `rescheduled` and `cancelled`: the time the post was (or is now) set to go out. */
  scheduledAt?: number;
}

export interface WatchRow {
  id?: number;
  name: string;
  colour: string;
  query: string;
  aliases: string[][];
  languages: string[];
  sources: string[];
  notify: boolean;
  createdAt: number;
  /** Changes whenever the watch does; the worker's compiled matcher is cached on these. */
  updatedAt: number;
}

export interface SourceRow {
  id?: number;
  kind: string;
  name: string;
  config: Record<string, unknown>;
  state: Record<string, unknown>;
  etag?: string;
  lastModified?: string;
  intervalMin: number;
  nextDueAt: number;
  health: { lastSuccessAt?: number; lastErrorAt?: number; lastError?: ErrorInfo; lastWarning?: { code: 'truncated'; at: number }; failures: number };
  /** Set on search sources the worker keeps for one watch (their query follows the watch's). */
  watchId?: number;
  /** Which of that watch's searches this row is (`googlenews`, `mastodon:banjir`…). */
  derivedKey?: string;
}

export type MentionState = 'unread' | 'read' | 'archived';
export type ResponseStatus = 'baru' | 'ditinjau' | 'perlu-klarifikasi' | 'ditanggapi';
export type Tone = 'positive' | 'neutral' | 'negative';

export interface MentionRow {
  id?: number;
  guid: string;
  url: string;
  canonicalUrl: string;
  title: string;
  summary: string;
  source: string;
  sourceId?: number;
  outlet: string;
  author?: string;
  publishedAt: number;
  fetchedAt: number;
  watchIds: number[];
  keywords: string[];
  storyKey: string;
  tone: Tone;
  toneCorrected?: boolean;
  /** The words that weighed most towards `tone` when it was detected (not indexed). */
  toneWords?: string[];
  state: MentionState;
  /** 1 when starred (a number, because IndexedDB cannot index booleans). */
  starred: 0 | 1;
  response: { status: ResponseStatus; note?: string; at?: number };
}

/** One row per (watch, mention), so a watch's mentions are read newest first straight from an index. */
export interface WatchHitRow {
  watchId: number;
  publishedAt: number;
  mentionId: number;
}

/**
 * One version of one campaign kit. A feed update that changes a kit adds a row with the newer
 * `updatedAt`; the version an officer shared stays as it was (issue 19: kits versioned by id + update time).
 */
export interface KitRow extends Omit<Kit, 'id'> {
  /** Global id, stable across devices: `<campaign source id>:<kit id>`. */
  key: string;
  /** The kit's own id as its coordinator published it. */
  kitId: string;
  /** The campaign source (SETTINGS.campaignSources) it came from. */
  sourceId: string;
  firstSeenAt: number;
  /** 0 until the officer has opened the Kampanye tab after it arrived (the badge counts these). */
  seen: 0 | 1;
}

export class SiarDatabase extends Dexie {
  posts!: EntityTable<PostRow, 'id'>;
  deliveries!: EntityTable<DeliveryRow, 'id'>;
  audit!: EntityTable<AuditRow, 'id'>;
  watches!: EntityTable<WatchRow, 'id'>;
  sources!: EntityTable<SourceRow, 'id'>;
  mentions!: EntityTable<MentionRow, 'id'>;
  watchHits!: Dexie.Table<WatchHitRow, [number, number, number]>;
  kits!: Dexie.Table<KitRow, [string, number]>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      posts: '++id, createdAt, scheduledAt, pageUrl',
      deliveries: '++id, postId, state, [state+nextAttemptAt], network, &idempotencyKey',
      audit: '++id, at, postId, network, pageUrl',
      watches: '++id, name',
      sources: '++id, kind, nextDueAt',
      mentions:
        '++id, &guid, canonicalUrl, publishedAt, fetchedAt, storyKey, *watchIds, ' +
        '[state+publishedAt], [starred+publishedAt], [tone+publishedAt], [source+publishedAt]',
      watchHits: '[watchId+publishedAt+mentionId], mentionId',
    });
    // Campaign kits (issue 19). Only a new table and a new index: every stored row stays as it is.
    this.version(2).stores({
      posts: '++id, createdAt, scheduledAt, pageUrl, kitId',
      kits: '[key+updatedAt], key, sourceId, seen, start',
    });
  }
}

export const db = new SiarDatabase();
