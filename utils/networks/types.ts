import type { NetworkId } from './ids';
import type { MessageKey } from '../i18n';

/** The sentence a delivery carries when it went out differently than written (without its page image). */
export interface DeliveryNotice {
  messageKey: MessageKey;
  detail?: string;
}

// A counting rule's result is defined with the rules' shape in utils/text/rule.ts.
import type { Measure } from '../text/rule';

export type { Measure };

/** What the composer holds for one page. */
export interface Draft {
  text: string;
  url: string;
  title: string;
  description?: string;
  imageUrl?: string;
  imageAlt?: string;
  /** Optional per-network text replacing `text` for that network. */
  variants: Partial<Record<NetworkId, string>>;
}

/** One delivery's content, already measured and split for its network. */
export interface TargetPost {
  parts: string[];
  url: string;
  title: string;
  description?: string;
  image?: { url: string; alt: string };
  /** The page's language tag (BCP 47) when it declared one. */
  lang?: string;
  /** Stable per delivery; networks that support it (Mastodon) get it as Idempotency-Key. */
  idempotencyKey: string;
  /** The network post this one answers (utils/compose/reply.ts): X tweet id, Mastodon status URI, Bluesky at:// URI. */
  replyTo?: string;
  /**
   * Progress a multi-step network keeps on the delivery row (Instagram: the media container id), saved
   * before it waits, so an attempt after a worker stop resumes the same container instead of making a second.
   */
  checkpoint?: { value?: string; save(value: string): Promise<void> };
}

export interface PublishResult {
  remoteId: string;
  url: string;
  /** Something the officer should know about a post that did go out (it went without its image: ./page-image.ts). */
  notice?: DeliveryNotice;
}
export interface VerifyResult {
  name: string;
  expiresAt?: number;
}

/**
 * One social network Siar can publish to. Adding a network: its entry in catalog.ts, its account schema
 * in accounts.ts, one file implementing this plus its line in registry.ts, its counting rule
 * (utils/networks/rules/), its fake and tests; tests/unit/networks/catalog.test.ts checks the set.
 */
export interface Network<A = unknown> {
  id: NetworkId;
  measure(text: string): Measure;
  split(text: string): string[];
  intentUrl(draft: Draft): string | undefined;
  publish(post: TargetPost, account: A, signal: AbortSignal): Promise<PublishResult>;
  verify(account: A, signal?: AbortSignal): Promise<VerifyResult>;
  /**
   * After the worker died mid-send, looks on the network for a post already made from this delivery
   * (by idempotency key or exact text), so recovery never posts twice. Networks without a way to look
   * leave this out and the delivery ends `failed` with an explanation instead of a blind resend.
   */
  findExisting?(post: TargetPost, account: A, signal: AbortSignal): Promise<PublishResult | undefined>;
  /** True when the network itself deduplicates a resend by `idempotencyKey` (Mastodon). */
  idempotent?: boolean;
  /**
   * How long the network remembers an idempotency key (Mastodon: one hour). A send interrupted longer
   * ago than this is looked up with `findExisting` instead of trusting the key.
   */
  idempotencyWindowMs?: number;
}
