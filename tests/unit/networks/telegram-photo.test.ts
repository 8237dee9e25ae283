import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../utils/errors';
import { telegramLength } from '../../../utils/networks/rules/telegram';
import { telegram } from '../../../utils/networks/telegram';
import { IMAGE_URL } from '../../fakes/images';
import { TELEGRAM_PHOTO_ERRORS } from '../../fakes/telegram';
import { ACCOUNTS, post, signal, useFakes, withImage } from './harness';

// A photo Telegram cannot take falls back to a text message with the page's link preview; the caption
// and message limits count code points, as Telegram does (core.telegram.org/bots/api#sendmessage).

const env = useFakes();

describe('telegram photo fallback', () => {
  it.each(TELEGRAM_PHOTO_ERRORS)('"%s" → the text with the link preview, once', async (description) => {
    env.telegram.photoError = description;
    const result = await telegram.publish(withImage(), ACCOUNTS.telegram, signal());
    expect(env.telegram.posts).toEqual([expect.objectContaining({ text: post().parts[0], linkPreviewUrl: post().url })]);
    expect(env.telegram.posts[0]?.photo).toBeUndefined();
    expect(result.url).toBe(`https://t.me/humasprov/${env.telegram.posts[0]!.message_id}`);
  });

  it('a bot that lost its rights is still "sign in again", not a silent text post', async () => {
    env.telegram.membership = { status: 'member' };
    await expect(telegram.publish(withImage(), ACCOUNTS.telegram, signal())).rejects.toBeInstanceOf(AuthError);
    expect(env.telegram.posts).toEqual([]);
  });
});

describe('telegram limits count code points', () => {
  it.each([
    ['ASCII', 'a', 1],
    ['an emoji (two UTF-16 units)', '🇮🇩', 2],
    ['a face emoji', '😀', 1],
    ['Javanese script', 'ꦗꦮ', 2],
  ])('%s', (_label, text, length) => expect(telegramLength(text)).toBe(length));

  it('a caption of 1000 emoji (2000 UTF-16 units) is still a photo caption', async () => {
    const caption = '😀'.repeat(1000);
    await telegram.publish(withImage({ parts: [caption] }), ACCOUNTS.telegram, signal());
    expect(env.telegram.posts[0]).toMatchObject({ photo: IMAGE_URL, caption });
  });

  it('the fake refuses a caption of 1025 code points and a message of 4097', async () => {
    const send = (method: string, body: object) =>
      fetch(`https://api.telegram.org/bot${ACCOUNTS.telegram.botToken}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id: ACCOUNTS.telegram.chatId, ...body }),
      });
    expect((await send('sendPhoto', { photo: IMAGE_URL, caption: '😀'.repeat(1025) })).status).toBe(400);
    expect((await send('sendPhoto', { photo: IMAGE_URL, caption: '😀'.repeat(1024) })).status).toBe(200);
    expect((await send('sendMessage', { text: '😀'.repeat(4097) })).status).toBe(400);
    expect((await send('sendMessage', { text: '😀'.repeat(4096) })).status).toBe(200);
  });
});
