// zod/mini: this file is part of the worker and of the pages that send any message.
import * as z from 'zod/mini';
import { accountProtocol } from './accounts/protocol';
import { campaignProtocol } from './campaigns/protocol';
import { composeProtocol } from './compose/protocol';
import { toErrorInfo, type ErrorCode, type ErrorInfo } from './errors';
import type { MessageKey } from './i18n';
import { baseProtocol, messageClient, type ProtocolPart } from './message-client';
import { listenProtocol } from './monitor/protocol';
import { auditProtocol } from './queue/protocol';
import { settingsFileProtocol } from './settings-file/protocol';
import { panelProtocol } from './sidepanel/protocol';

export { MessageError } from './message-client';
export type { DeliveryStatus } from './compose/protocol';

// The one message protocol between extension pages and the worker, assembled from each domain's part.
// The worker validates every request and response here (dispatch); pages validate replies through
// utils/message-client.ts, with this whole protocol (`send`) or with the parts they use.

export const protocol = {
  ...baseProtocol,
  ...composeProtocol,
  ...listenProtocol,
  ...panelProtocol,
  ...accountProtocol,
  ...settingsFileProtocol,
  ...auditProtocol,
  ...campaignProtocol,
} satisfies ProtocolPart;

export type MessageType = keyof typeof protocol;
export type RequestOf<K extends MessageType> = z.infer<(typeof protocol)[K]['request']>;
export type ResponseOf<K extends MessageType> = z.infer<(typeof protocol)[K]['response']>;
export type Handlers = { [K in MessageType]: (request: RequestOf<K>, sender: SenderInfo) => Promise<ResponseOf<K>> };
export interface SenderInfo {
  tabId?: number;
  url?: string;
}

const envelopeSchema = z.object({ type: z.string().check(z.minLength(1), z.maxLength(64)), payload: z.unknown() });
type Reply = { ok: true; data: unknown } | { ok: false; error: ErrorInfo };

const client = messageClient(protocol);

/** Sends a typed request to the worker and returns its validated response, or throws MessageError. */
export const send: <K extends MessageType>(type: K, payload: RequestOf<K>) => Promise<ResponseOf<K>> = client.send;

/** Validates the worker's raw reply to a `type` request (see utils/message-transport.ts). */
export const receive: <K extends MessageType>(type: K, raw: unknown) => ResponseOf<K> = client.receive;

const fail = (code: ErrorCode, messageKey: MessageKey, detail?: string): Reply => ({
  ok: false,
  error: { code, messageKey, detail },
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
