import type { MessageKey } from '../i18n';
import { isSourceKind, SOURCE_CATALOG } from './kinds';

/** The officer's name for a kind of source; a kind this Siar does not know reads as a feed. */
export function sourceKindKey(kind: string): MessageKey {
  return isSourceKind(kind) ? SOURCE_CATALOG[kind].label : 'sourceKindRss';
}

/** A clock time in the UI language and the officer's zone (issue 14.9), for "last success 14.05" and "retrying at 14.20". */
export function clockTime(at: number, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short', ...(timeZone ? { timeZone } : {}) }).format(
    at,
  );
}
