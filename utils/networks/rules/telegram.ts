import { lengthMeasure, type Rule } from '../../text/rule';

export const TELEGRAM_MESSAGE_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;

/**
 * Length as Telegram counts it for the 1-4096 text and 0-1024 caption limits: Unicode code points after
 * entity parsing (core.telegram.org/bots/api#sendmessage; Siar sends no parse_mode, so no entities), not
 * UTF-16 units — an emoji counts once. Entity offsets are UTF-16, the length limit is not: a live probe
 * accepted 4,096 U+1F600 (8,192 UTF-16 units) and refused 4,097 (github.com/FerroxLabs/wayland/issues/934).
 */
export const telegramLength = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

export const telegramRule: Rule = {
  splittable: false,
  measure(text, opts) {
    const limit = opts?.limit ?? (opts?.asPhotoCaption ? TELEGRAM_CAPTION_LIMIT : TELEGRAM_MESSAGE_LIMIT);
    return lengthMeasure(text, telegramLength(text), limit);
  },
};
