// zod/mini: part of every page bundle, where full zod would cost 20 KB gzip.
import * as z from 'zod/mini';
import { SiarError, type ErrorInfo } from './errors';
import { transmit } from './message-transport';
import { ok } from './zod-helpers';

// A page's half of the message protocol: the reply envelope, typed errors, and sending with the
// replies checked against a part of the protocol. utils/messages.ts assembles every part into the one
// protocol the worker dispatches on; a page that sends only some messages (the popup) may check its
// replies with just those parts (components/popup/messages.ts), so the schemas of the other pages'
// messages stay out of its bundle. Sending a message outside the part fails compilation.

/** Messages with request and response schemas, as each domain's protocol module defines them. */
export type ProtocolPart = Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>;

export const errorInfoSchema = z.object({
  code: z.string(),
  messageKey: z.string(),
  detail: z.optional(z.string()),
  retryAt: z.optional(z.number()),
  field: z.optional(z.string()),
});

const empty = z.object({});

/** Messages every page may send: the worker's liveness and the settings warnings (SettingsWarning.tsx). */
export const baseProtocol = {
  ping: { request: empty, response: z.object({ version: z.string() }) },
  settingsStatus: { request: empty, response: z.object({ warnings: z.array(z.string()) }) },
  dismissSettingsWarnings: { request: empty, response: ok },
} satisfies ProtocolPart;

const replySchema = z.union([z.object({ ok: z.literal(true), data: z.unknown() }), z.object({ ok: z.literal(false), error: errorInfoSchema })]);

/** Thrown in pages when the worker answered with a typed error. */
export class MessageError extends SiarError {
  constructor(readonly info: ErrorInfo) {
    super(info.code, info.messageKey, info.detail);
  }
}

type Request<P extends ProtocolPart, K extends keyof P> = z.infer<P[K]['request']>;
type Response<P extends ProtocolPart, K extends keyof P> = z.infer<P[K]['response']>;

/**
 * `send` and `receive` for the messages of `part`. `send(type, payload)` resolves to the worker's
 * response validated by its schema, or throws MessageError (the worker's typed error, or `internal`
 * with detail "bad reply" when the envelope is malformed). `receive(type, raw)` validates a raw reply
 * begun with utils/message-transport.ts.
 */
export function messageClient<P extends ProtocolPart>(part: P) {
  function receive<K extends keyof P & string>(type: K, raw: unknown): Response<P, K> {
    const reply = replySchema.safeParse(raw);
    if (!reply.success) throw new MessageError({ code: 'internal', messageKey: 'errorInternal', detail: 'bad reply' });
    if (!reply.data.ok) throw new MessageError(reply.data.error as ErrorInfo);
    return part[type]!.response.parse(reply.data.data) as Response<P, K>;
  }
  async function send<K extends keyof P & string>(type: K, payload: Request<P, K>): Promise<Response<P, K>> {
    return receive(type, await (transmit as (type: string, payload: unknown) => Promise<unknown>)(type, payload));
  }
  return { send, receive };
}
