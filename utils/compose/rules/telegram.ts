import { lengthMeasure, type Rule } from './types';

export const TELEGRAM_MESSAGE_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;

// UTF-16 code units: the Bot API measures text (1-4096) and captions (0-1024) and entity offsets in them.
export const telegramRule: Rule = {
  splittable: false,
  measure(text, opts) {
    const limit = opts?.limit ?? (opts?.asPhotoCaption ? TELEGRAM_CAPTION_LIMIT : TELEGRAM_MESSAGE_LIMIT);
    return lengthMeasure(text, text.length, limit);
  },
};
