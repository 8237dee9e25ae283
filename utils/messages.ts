import { browser } from '#imports';
import { z } from 'zod';
import { SiarError, toErrorInfo, type ErrorCode, type ErrorInfo } from './errors';
import type { MessageKey } from './i18n';
import { networkIdSchema } from './networks/ids';

const newPostSchema = z.object({
  text: z.string().max(70_000),
  variants: z.partialRecord(networkIdSchema, z.string().max(70_000)),
  pageUrl: z.string().max(4000),
  pageTitle: z.string().max(1000),
  description: z.string().max(5000).optional(),
  imageUrl: z.string().max(4000).optional(),
  imageAlt: z.string().max(1500).optional(),
  targets: z.array(networkIdSchema).min(1).max(7),
  scheduledAt: z.number().int().positive().optional(),
});

// The one message protocol between extension pages and the worker. Every request and every response
// is validated here; the casts needed to cross `runtime.sendMessage` stay in this file.

export const protocol = {
  ping: {
    request: z.object({}),
    response: z.object({ version: z.string() }),
  },
  settingsStatus: {
    request: z.object({}),
    response: z.object({ warnings: z.array(z.string()) }),
  },
  dismissSettingsWarnings: {
    request: z.object({}),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Stores the post and its deliveries, then starts sending; results follow in Dexie `deliveries`. */
  publish: {
    request: newPostSchema,
    response: z.object({ postId: z.number(), deliveryIds: z.array(z.number()) }),
  },
  /** Re-queues a failed or needs-auth delivery (never a sent one). */
  retryDelivery: {
    request: z.object({ deliveryId: z.number().int() }),
    response: z.object({ ok: z.boolean() }),
  },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type MessageType = keyof typeof protocol;
export type RequestOf<K extends MessageType> = z.infer<(typeof protocol)[K]['request']>;
export type ResponseOf<K extends MessageType> = z.infer<(typeof protocol)[K]['response']>;
export type Handlers = { [K in MessageType]: (request: RequestOf<K>, sender: SenderInfo) => Promise<ResponseOf<K>> };
export interface SenderInfo { tabId?: number; url?: string }

const envelopeSchema = z.object({ type: z.string().min(1).max(64), payload: z.unknown() });
const errorInfoSchema = z.object({
  code: z.string(), messageKey: z.string(), detail: z.string().optional(),
  retryAt: z.number().optional(), field: z.string().optional(),
});
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
  const raw: unknown = await browser.runtime.sendMessage({ type, payload });
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
