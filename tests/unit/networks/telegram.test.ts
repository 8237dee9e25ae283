import { describe, expect, it } from 'vitest';
import { AuthError, ContentError, RateLimitError, TransientError } from '../../../utils/errors';
import { messageUrl, telegram, TelegramNotAdminError } from '../../../utils/networks/telegram';
import { IMAGE_URL } from '../../fakes/images';
import { ACCOUNTS, malformed, post, signal, useFakes, withImage } from './harness';

const env = useFakes();
const tgError = (error_code: number, description: string, parameters?: object) => ({
  status: error_code,
  headers: { 'content-type': 'application/json' },
  body: { ok: false, error_code, description, ...(parameters ? { parameters } : {}) },
});

describe('telegram adapter', () => {
  it('sends a message with a link preview of the page', async () => {
    const result = await telegram.publish(post(), ACCOUNTS.telegram, signal());
    expect(env.telegram.posts).toEqual([expect.objectContaining({ text: post().parts[0], linkPreviewUrl: post().url })]);
    expect(result).toEqual({ remoteId: '101', url: 'https://t.me/humasprov/101' });
  });

  it('sends a photo with caption when there is an image and the text fits a caption', async () => {
    await telegram.publish(withImage(), ACCOUNTS.telegram, signal());
    expect(env.telegram.posts[0]).toMatchObject({ photo: IMAGE_URL, caption: post().parts[0] });
  });

  it('falls back to a message when the text is too long for a caption', async () => {
    await telegram.publish(withImage({ parts: ['k'.repeat(1500)] }), ACCOUNTS.telegram, signal());
    expect(env.telegram.posts[0]).toMatchObject({ text: 'k'.repeat(1500) });
    expect(env.telegram.posts[0]?.photo).toBeUndefined();
  });

  it('falls back to a message when Telegram cannot fetch the photo', async () => {
    await telegram.publish(withImage({ image: { url: 'https://www.example.go.id/broken.jpg', alt: '' } }), ACCOUNTS.telegram, signal());
    expect(env.telegram.posts).toEqual([expect.objectContaining({ text: post().parts[0] })]);
  });

  it('sends further parts as replies', async () => {
    await telegram.publish(post({ parts: ['Satu', 'Dua'] }), ACCOUNTS.telegram, signal());
    expect(env.telegram.posts[1]?.replyTo).toBe(env.telegram.posts[0]?.message_id);
  });

  it('links private channels with the t.me/c form', () => {
    expect(messageUrl({ ...ACCOUNTS.telegram, chatId: '-1001234567890' }, { message_id: 5, chat: { id: -1001234567890, type: 'channel' } })).toBe(
      'https://t.me/c/1234567890/5',
    );
  });

  it('verifies that the bot is an admin allowed to post', async () => {
    await expect(telegram.verify(ACCOUNTS.telegram, signal())).resolves.toEqual({ name: 'Humas Provinsi' });
    env.telegram.membership = { status: 'administrator', can_post_messages: false };
    const error = await telegram.verify(ACCOUNTS.telegram, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelegramNotAdminError);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).messageKey).toBe('errorTelegramNotAdmin');
    env.telegram.membership = { status: 'member' };
    await expect(telegram.verify(ACCOUNTS.telegram, signal())).rejects.toBeInstanceOf(TelegramNotAdminError);
  });

  it('401 (wrong token in the path) → AuthError', async () => {
    await expect(telegram.publish(post(), { ...ACCOUNTS.telegram, botToken: '1:wrong' }, signal())).rejects.toBeInstanceOf(AuthError);
  });
  it('403 bot not admin → AuthError', async () => {
    env.telegram.membership = { status: 'left' };
    await expect(telegram.publish(post(), ACCOUNTS.telegram, signal())).rejects.toBeInstanceOf(AuthError);
  });
  it('429 → RateLimitError after retry_after', async () => {
    env.fail('api.telegram.org', tgError(429, 'Too Many Requests: retry after 17', { retry_after: 17 }));
    const before = Date.now();
    const error = await telegram.publish(post(), ACCOUNTS.telegram, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAt).toBeGreaterThanOrEqual(before + 17_000);
    expect((error as RateLimitError).retryAt).toBeLessThan(before + 18_000);
  });
  it('500 → TransientError', async () => {
    env.fail('api.telegram.org', tgError(502, 'Bad Gateway'));
    await expect(telegram.publish(post(), ACCOUNTS.telegram, signal())).rejects.toBeInstanceOf(TransientError);
  });
  it('malformed JSON → ContentError response', async () => {
    env.fail('api.telegram.org', malformed);
    await expect(telegram.publish(post(), ACCOUNTS.telegram, signal())).rejects.toSatisfy((e) => e instanceof ContentError && e.field === 'response');
  });
});
