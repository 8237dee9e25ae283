import { json, jsonBody, type Fake, type FakeResponse } from './fake';

// The Telegram Bot API (core.telegram.org/bots/api): POST /bot<token>/<method> with JSON, answering
// `{ok:true,result}` or `{ok:false,error_code,description,parameters?}`.

export const TELEGRAM_ACCOUNT = { botToken: '7000000001:AAFakeBotTokenForSiarTests_abcdefghij', chatId: '@humasprov' };
const BOT_ID = 7000000001;
const CHAT = { id: -1001234567890, type: 'channel', title: 'Humas Provinsi', username: 'humasprov' };

const fail = (error_code: number, description: string, parameters?: Record<string, number>) =>
  json(error_code, { ok: false, error_code, description, ...(parameters ? { parameters } : {}) });
const ok = (result: unknown) => json(200, { ok: true, result });

export interface TelegramFake extends Fake {
  posts: { message_id: number; text?: string; caption?: string; photo?: string; linkPreviewUrl?: string; replyTo?: number }[];
  /** What getChatMember answers for the bot. */
  membership: { status: string; can_post_messages?: boolean };
  /** When set, sendPhoto answers 400 with this description (Telegram could not use the image). */
  photoError?: string;
}

/**
 * sendPhoto's answers when Telegram cannot use the image at the URL (core.telegram.org/bots/api#sendphoto:
 * at most 10 MB, width + height ≤ 10000, ratio ≤ 20; #sending-files: 5 MB by URL; the descriptions are
 * the Bot API's own).
 */
export const TELEGRAM_PHOTO_ERRORS = [
  'Bad Request: wrong type of the web page content',
  'Bad Request: failed to get HTTP URL content',
  'Bad Request: wrong file identifier/HTTP URL specified',
  'Bad Request: IMAGE_PROCESS_FAILED',
  'Bad Request: PHOTO_INVALID_DIMENSIONS',
  'Bad Request: PHOTO_SAVE_FILE_INVALID',
];

/** Telegram's limits count Unicode code points after entity parsing (core.telegram.org/bots/api#sendmessage). */
const codePoints = (text: string) => [...text].length;

export function createTelegramFake(): TelegramFake {
  const posts: TelegramFake['posts'] = [];
  const fake: TelegramFake = {
    hosts: ['api.telegram.org'],
    posts,
    membership: { status: 'administrator', can_post_messages: true },
    handle(request): FakeResponse {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.path);
      if (!match) return fail(404, 'Not Found');
      if (match[1] !== TELEGRAM_ACCOUNT.botToken) return fail(401, 'Unauthorized');
      const method = match[2];
      const body = (jsonBody(request) ?? {}) as Record<string, unknown>;
      if (method === 'getMe') return ok({ id: BOT_ID, is_bot: true, first_name: 'Siar Bot', username: 'siar_humas_bot' });
      if (body.chat_id !== TELEGRAM_ACCOUNT.chatId && body.chat_id !== CHAT.id) return fail(400, 'Bad Request: chat not found');
      if (method === 'getChat') return ok(CHAT);
      if (method === 'getChatMember') {
        if (body.user_id !== BOT_ID) return fail(400, 'Bad Request: user not found');
        return ok({ user: { id: BOT_ID, is_bot: true, first_name: 'Siar Bot' }, ...fake.membership });
      }
      const canPost = fake.membership.status === 'creator' || (fake.membership.status === 'administrator' && fake.membership.can_post_messages);
      if (method === 'sendMessage' || method === 'sendPhoto') {
        if (!canPost) return fail(403, 'Forbidden: bot is not a member of the channel chat');
        const replyTo = (body.reply_parameters as { message_id?: number } | undefined)?.message_id;
        if (replyTo !== undefined && !posts.some((post) => post.message_id === replyTo)) return fail(400, 'Bad Request: message to be replied not found');
        const message_id = 100 + posts.length + 1;
        if (method === 'sendMessage') {
          const text = body.text;
          if (typeof text !== 'string' || !text.trim()) return fail(400, 'Bad Request: message text is empty');
          if (codePoints(text) > 4096) return fail(400, 'Bad Request: message is too long');
          const preview = body.link_preview_options as { url?: string } | undefined;
          posts.push({ message_id, text, linkPreviewUrl: preview?.url, replyTo });
        } else {
          const caption = typeof body.caption === 'string' ? body.caption : undefined;
          if (caption && codePoints(caption) > 1024) return fail(400, 'Bad Request: message caption is too long');
          if (typeof body.photo !== 'string' || !/^https?:\/\//.test(body.photo)) return fail(400, 'Bad Request: wrong HTTP URL specified');
          if (body.photo.includes('broken')) return fail(400, 'Bad Request: failed to get HTTP URL content');
          if (fake.photoError) return fail(400, fake.photoError);
          posts.push({ message_id, caption, photo: body.photo, replyTo });
        }
        return ok({ message_id, date: 1735689600, chat: CHAT, sender_chat: CHAT });
      }
      return fail(404, 'Not Found');
    },
  };
  return fake;
}
