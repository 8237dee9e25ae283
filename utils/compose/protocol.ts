// zod/mini: part of the message protocol and the popup, where full zod would cost 20 KB gzip.
import * as z from 'zod/mini';
import { errorInfoSchema, type ProtocolPart } from '../message-client';
import { NETWORK_IDS, networkIdSchema } from '../networks/ids';
import { optionalStr, str } from '../zod-helpers';
import { replyTargetSchema, respondSchema } from './reply';

// The composer's messages (publish, its delivery states, what the popup opens with), spread into the one
// protocol in utils/messages.ts; the popup checks its replies with this part (components/popup/messages.ts).

const newPostSchema = z.object({
  text: str(70_000),
  variants: z.partialRecord(networkIdSchema, str(70_000)),
  pageUrl: str(4000),
  pageTitle: str(1000),
  description: optionalStr(5000),
  imageUrl: optionalStr(4000),
  imageAlt: optionalStr(1500),
  /** The page's language (BCP 47, from <html lang>), for networks that tag posts with one. */
  lang: z.optional(z.string().check(z.maxLength(35), z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/))),
  targets: z.array(networkIdSchema).check(z.minLength(1), z.maxLength(NETWORK_IDS.length)),
  scheduledAt: z.optional(z.int().check(z.positive())),
  /** Answering a mention: the delivery to this network replies to that post instead of broadcasting. */
  replyTo: z.optional(replyTargetSchema),
  /** Shared from a campaign kit: its key and the version shared (utils/db.ts KitRow). */
  kitId: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
  kitUpdatedAt: z.optional(z.number()),
});

export const pageInfoSchema = z.object({
  url: z.string(),
  title: z.string(),
  description: z.string(),
  imageUrl: z.optional(z.string()),
  selection: z.string(),
  lang: z.optional(z.string()),
  limited: z.boolean(),
  tabId: z.optional(z.number()),
  ignoredLink: z.optional(z.string()),
  respond: z.optional(respondSchema),
});

const deliveryStatusSchema = z.object({
  id: z.number(),
  network: networkIdSchema,
  state: z.enum(['pending', 'sending', 'sent', 'failed', 'needs-auth']),
  remoteUrl: z.optional(z.string()),
  nextAttemptAt: z.nullable(z.number()),
  lastError: z.optional(errorInfoSchema),
  /** Set on a sent delivery that went out without its page image: the sentence why (utils/networks/page-image.ts). */
  notice: z.optional(z.object({ messageKey: z.string(), detail: z.optional(z.string()) })),
});
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const composeProtocol = {
  /** Stores the post and its deliveries, then starts sending; results follow through `postStatus`. */
  publish: {
    request: newPostSchema,
    response: z.object({ postId: z.number(), deliveryIds: z.array(z.number()) }),
  },
  /** Re-queues a failed or needs-auth delivery (never a sent one). */
  retryDelivery: {
    request: z.object({ deliveryId: z.int() }),
    response: z.object({ ok: z.boolean() }),
  },
  /**
   * Everything the composer opens with, in one round trip: the page to share (from the given tab or
   * the quote waiting from the context menu), connected networks, limits, earlier shares of its link.
   */
  popupStart: {
    request: z.object({ tabId: z.optional(z.int()) }),
    response: z.object({
      page: pageInfoSchema,
      context: z.object({
        connected: z.array(networkIdSchema),
        mastodonLimit: z.optional(z.int()),
        mastodonInstance: z.optional(z.string()),
        alreadyShared: z.array(z.object({ network: networkIdSchema, at: z.number(), url: z.optional(z.string()) })),
      }),
    }),
  },
  /** Delivery states of one post, polled by the popup while it is open. */
  postStatus: {
    request: z.object({ postId: z.int() }),
    response: z.object({ deliveries: z.array(deliveryStatusSchema) }),
  },
} satisfies ProtocolPart;
