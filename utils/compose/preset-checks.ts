import type { MessageKey } from '../i18n';

// Inline checks of the presets editor: what the schema allows, said field by field before saving.

export type Check = { key: MessageKey; sub?: string } | undefined;

const TAG = /^[#＃]?[\p{L}\p{N}_]+$/u;
const UTM_VALUE = /^[A-Za-z0-9._-]*$/;

export function splitTags(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

export function checkLabel(label: string): Check {
  if (!label.trim()) return { key: 'presetLabelRequired' };
  if (label.length > 80) return { key: 'presetTooLong', sub: '80' };
  return undefined;
}

export function checkTags(text: string): Check {
  if (text.length > 500) return { key: 'presetTooLong', sub: '500' };
  const bad = splitTags(text).find((tag) => !TAG.test(tag));
  return bad ? { key: 'presetBadTag', sub: bad } : undefined;
}

export function checkSignature(text: string): Check {
  return text.length > 500 ? { key: 'presetTooLong', sub: '500' } : undefined;
}

export function checkUtm(value: string): Check {
  if (value.length > 100) return { key: 'presetTooLong', sub: '100' };
  return UTM_VALUE.test(value) ? undefined : { key: 'presetBadUtm' };
}
