// zod/mini: this file is part of every page bundle, where full zod would cost 20 KB gzip.
import * as z from 'zod/mini';
import { ok, optionalStr, str } from './zod-helpers';
import { accountProtocol } from './accounts/protocol';
import { SiarError, toErrorInfo, type ErrorCode, type ErrorInfo } from './errors';
import type { MessageKey } from './i18n';
import { NETWORK_IDS, networkIdSchema } from './networks/ids';
import { replyTargetSchema, respondSchema } from './compose/reply';
import { settingsFileProtocol } from './settings-file/protocol';
import { transmit } from './message-transport';
import { listenProtocol } from './monitor/protocol';
import { panelProtocol } from './sidepanel/protocol';
import { auditProtocol } from './queue/protocol';
import { campaignProtocol } from './campaigns/protocol';

// The one message protocol between extension pages and the worker. Every request and every response
// is validated here; the casts needed to cross `runtime.sendMessage` stay in this file.

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
  url: z.string(), title: z.string(), description: z.string(), imageUrl: z.optional(z.string()),
  selection: z.string(), lang: z.optional(z.string()), limited: z.boolean(), tabId: z.optional(z.number()),
  ignoredLink: z.optional(z.string()),
  respond: z.optional(respondSchema),
});

const errorInfoSchema = z.object({
  code: z.string(), messageKey: z.string(), detail: z.optional(z.string()),
  retryAt: z.optional(z.number()), field: z.optional(z.string()),
});

const deliveryStatusSchema = z.object({
  id: z.number(), network: networkIdSchema, state: z.enum(['pending', 'sending', 'sent', 'failed', 'needs-auth']),
  remoteUrl: z.optional(z.string()), nextAttemptAt: z.nullable(z.number()),
  lastError: z.optional(errorInfoSchema),
});
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

const empty = z.object({});

export const protocol = {
  ping: { request: empty, response: z.object({ version: z.string() }) },
  settingsStatus: { request: empty, response: z.object({ warnings: z.array(z.string()) }) },
  dismissSettingsWarnings: { request: empty, response: ok },
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
  ...listenProtocol,
  ...panelProtocol,
  ...accountProtocol,
  ...settingsFileProtocol,
  ...auditProtocol,
  ...campaignProtocol,
} satisfies Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>;

export type MessageType = keyof typeof protocol;
export type RequestOf<K extends MessageType> = z.infer<(typeof protocol)[K]['request']>;
export type ResponseOf<K extends MessageType> = z.infer<(typeof protocol)[K]['response']>;
export type Handlers = { [K in MessageType]: (request: RequestOf<K>, sender: SenderInfo) => Promise<ResponseOf<K>> };
export interface SenderInfo { tabId?: number; url?: string }

const envelopeSchema = z.object({ type: z.string().check(z.minLength(1), z.maxLength(64)), payload: z.unknown() });
const replySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
]);
type Reply = { ok: true; data: unknown } | { ok: false; error: ErrorInfo };

/** Thrown in pages when the worker answered with a typed error. */
export class MessageError extends SiarError {
  constructor(readonly info: ErrorInfo) {
    super(info.code, info.messageKey, info.detail);
  }
}

/** Sends a typed request to the worker and returns its validated response, or throws MessageError. */
export async function send<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  return receive(type, await transmit(type, payload));
}

/** Validates the worker's raw reply to a `type` request (see utils/message-transport.ts). */
export function receive<K extends MessageType>(type: K, raw: unknown): ResponseOf<K> {
  const reply = replySchema.safeParse(raw);
  if (!reply.success) throw new MessageError({ code: 'internal', messageKey: 'errorInternal', detail: 'bad reply' });
  if (!reply.data.ok) throw new MessageError(reply.data.error as ErrorInfo);
  return protocol[type].response.parse(reply.data.data) as ResponseOf<K>;
}

const fail = (code: ErrorCode, messageKey: MessageKey, detail?: string): Reply => ({
  ok: false, error: { code, messageKey, detail },
});

/** Worker side: validates an incoming message, runs its handler, and always resolves to a Reply. */
export async function dispatch(handlers: Handlers, message: unknown, sender: SenderInfo): Promise<Reply> {
  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success) return fail('bad-message', 'errorBadMessage');
  const { type, payload } = envelope.data;
  if (!Object.hasOwn(protocol, type)) return fail('unknown-message', 'errorUnknownMessage', type);
  const key = type as MessageType;
  const request = protocol[key].request.safeParse(payload ?? {});
  if (!request.success) return fail('bad-message', 'errorBadMessage', z.prettifyError(request.error));
  try {
    const handler = handlers[key] as (request: unknown, sender: SenderInfo) => Promise<unknown>;
    return { ok: true, data: protocol[key].response.parse(await handler(request.data, sender)) };
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}
