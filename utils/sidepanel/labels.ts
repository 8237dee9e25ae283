import type { ResponseStatus, Tone } from '../db';
import type { MessageKey } from '../i18n';

// The locale key of each stored enum value, in one place for the panel, the report and the exports.

export const TONE_KEYS: Record<Tone, MessageKey> = { positive: 'tonePositive', neutral: 'toneNeutral', negative: 'toneNegative' };

export const RESPONSE_KEYS: Record<ResponseStatus, MessageKey> = {
  baru: 'responseBaru',
  ditinjau: 'responseDitinjau',
  'perlu-klarifikasi': 'responsePerluKlarifikasi',
  ditanggapi: 'responseDitanggapi',
};
