import { z } from 'zod';
import { AuthError, ContentError, RateLimitError, TransientError } from '../errors';
import { TELEGRAM_CAPTION_LIMIT, telegramLength } from './rules/telegram';
import { http, jsonHeaders, parse, parseError, type HttpResponse } from './http';
import type { AccountFor } from './registry';
import { textRules } from './text-rules';
import type { Network } from './types';

type TelegramAccount = AccountFor<'telegram'>;

const okOf = <T>(result: z.ZodType<T>): z.ZodType<{ ok: true; result: T }> => z.object({ ok: z.literal(true), result }) as z.ZodType<{ ok: true; result: T }>;
const telegramError = z.object({
  ok: z.literal(false),
  error_code: z.number(),
  description: z.string(),
  parameters: z.object({ retry_after: z.number().optional(), migrate_to_chat_id: z.number().optional() }).optional(),
});
const message = z.object({
  message_id: z.number().int(),
  chat: z.object({ id: z.number(), type: z.string(), username: z.string().optional() }),
});
const user = z.object({ id: z.number(), is_bot: z.boolean(), username: z.string().optional(), first_name: z.string() });
const chat = z.object({ id: z.number(), type: z.string(), title: z.string().optional(), username: z.string().optional() });
const member = z.object({ status: z.string(), can_post_messages: z.boolean().optional() });

/** Thrown by verify when the bot cannot post: the officer needs this exact instruction, not "sign in again". */
export class TelegramNotAdminError extends AuthError {
  override readonly messageKey = 'errorTelegramNotAdmin';
}

export function telegramFailure(response: HttpResponse, now = Date.now()): Error {
  const body = parseError(telegramError, response.data);
  const code = body?.error_code ?? response.status;
  const detail = body ? `${body.error_code}: ${body.description}` : `HTTP ${response.status}`;
  if (code === 429) return new RateLimitError(now + (body?.parameters?.retry_after ?? 30) * 1000, detail);
  // 401: token revoked; 403: bot removed or not an admin; "chat not found": wrong channel in settings.
  if (code === 401 || code === 403 || code === 404 || /chat not found/i.test(detail)) return new AuthError(detail);
  if (code >= 500 || response.status >= 500) return new TransientError(detail);
  return new ContentError('request', detail);
}

async function bot<T>(account: TelegramAccount, method: string, payload: object, result: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  // The token is part of the path by design of the Bot API; this URL only ever goes to api.telegram.org.
  const response = await http(`https://api.telegram.org/bot${account.botToken}/${method}`, {
    method: 'POST',
    headers: jsonHeaders(),
    body: JSON.stringify(payload),
    signal,
  });
  if (!response.ok) throw telegramFailure(response);
  return parse(okOf(result), response.data, 'Telegram').result;
}

/** Public channels have t.me links; private ones (-100…) only have the members-only t.me/c form. */
export function messageUrl(account: TelegramAccount, sent: z.infer<typeof message>): string {
  const username = sent.chat.username ?? (account.chatId.startsWith('@') ? account.chatId.slice(1) : undefined);
  if (username) return `https://t.me/${username}/${sent.message_id}`;
  const internal = String(sent.chat.id).replace(/^-100/, '');
  return `https://t.me/c/${internal}/${sent.message_id}`;
}

/**
 * A 400 from sendPhoto means Telegram could not use the page image: "wrong type of the web page content",
 * "failed to get HTTP URL content", "wrong file identifier/HTTP URL specified", IMAGE_PROCESS_FAILED,
 * PHOTO_INVALID_DIMENSIONS, PHOTO_SAVE_FILE_INVALID, a photo over 5 MB by URL (core.telegram.org/bots/api#sending-files).
 * Access and rate problems are other codes and still surface.
 */
const isPhotoRejected = (error: unknown) => error instanceof ContentError && error.field === 'request';

export const telegram: Network<TelegramAccount> = {
  ...textRules('telegram'),

  async publish(post, account, signal) {
    let first: z.infer<typeof message> | undefined;
    for (const part of post.parts) {
      const reply = first ? { reply_parameters: { message_id: first.message_id } } : {};
      let sent: z.infer<typeof message> | undefined;
      if (!first && post.image && telegramLength(part) <= TELEGRAM_CAPTION_LIMIT) {
        try {
          sent = await bot(account, 'sendPhoto', { chat_id: account.chatId, photo: post.image.url, caption: part }, message, signal);
        } catch (error) {
          // Telegram could not take the page's image: the text with a link preview still informs.
          if (!isPhotoRejected(error) || signal.aborted) throw error;
        }
      }
      sent ??= await bot(
        account,
        'sendMessage',
        {
          chat_id: account.chatId,
          text: part,
          ...reply,
          link_preview_options: post.url && !first ? { url: post.url, prefer_large_media: true } : { is_disabled: Boolean(first) },
        },
        message,
        signal,
      );
      first ??= sent;
    }
    if (!first) throw new ContentError('empty', 'nothing to post');
    return { remoteId: String(first.message_id), url: messageUrl(account, first) };
  },

  async verify(account, signal) {
    const me = await bot(account, 'getMe', {}, user, signal);
    const channel = await bot(account, 'getChat', { chat_id: account.chatId }, chat, signal);
    const membership = await bot(account, 'getChatMember', { chat_id: account.chatId, user_id: me.id }, member, signal);
    const canPost =
      membership.status === 'creator' || (membership.status === 'administrator' && (channel.type !== 'channel' || membership.can_post_messages === true));
    if (!canPost) throw new TelegramNotAdminError(`bot @${me.username ?? me.id} is ${membership.status} in ${account.chatId}`);
    return { name: channel.title ?? channel.username ?? account.chatId };
  },
};
