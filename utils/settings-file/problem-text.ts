import { t, type MessageKey } from '../i18n';
import type { FileProblemView } from './protocol';

// The officer's sentence for a rejected settings file: which field, and what it should have been.

const TYPE_NAMES: Record<string, MessageKey> = {
  string: 'jsonTypeString',
  number: 'jsonTypeNumber',
  int: 'jsonTypeNumber',
  boolean: 'jsonTypeBoolean',
  object: 'jsonTypeObject',
  record: 'jsonTypeObject',
  array: 'jsonTypeArray',
};

const WITH_PATH_AND_EXPECTED: Record<string, MessageKey> = {
  'too-long': 'importTooLong',
  'too-short': 'importTooShort',
  'too-many': 'importTooMany',
  'too-big': 'importTooBig',
  'too-small': 'importTooSmall',
  value: 'importBadValue',
  pattern: 'importBadPattern',
};

export function problemSentence(problem: FileProblemView): string {
  const { kind, path, expected = '' } = problem;
  const shown = path || '(root)';
  let sentence: string;
  if (kind === 'json') sentence = t('importBadJson');
  else if (kind === 'too-large') sentence = t('importTooLarge', expected);
  else if (kind === 'format') sentence = t('importBadFormat', expected);
  else if (kind === 'version') sentence = t('importBadVersion', expected);
  else if (kind === 'unconfirmed-loss') sentence = t('importLossUnconfirmed');
  else if (kind === 'forbidden-key') sentence = t('importForbiddenKey', shown);
  else if (kind === 'unknown-key') sentence = t('importUnknownKey', shown);
  else if (kind === 'type') sentence = t('importWrongType', [shown, TYPE_NAMES[expected] ? t(TYPE_NAMES[expected]) : expected]);
  else if (WITH_PATH_AND_EXPECTED[kind]) sentence = t(WITH_PATH_AND_EXPECTED[kind], [shown, expected]);
  else sentence = t('importInvalid', shown);
  return `${sentence} ${t('importUnchanged')}`;
}
