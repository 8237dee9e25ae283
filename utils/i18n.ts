import { browser } from '#imports';
import type messages from '../public/_locales/id/messages.json';

/** A key of public/_locales/id/messages.json; the unit tests keep `en` in step with it. */
export type MessageKey = keyof typeof messages;

/** The officer's string for `key`, from the browser's i18n catalogue (`id` by default, `en` second). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  // WXT types getMessage from the catalogue as of its last `wxt prepare`; MessageKey is the source of truth.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string | string[]) => string;
  return getMessage(key, substitutions) || key;
}

/** The UI language actually in use, for Intl formatting that matches the strings. */
export function uiLanguage(): 'id' | 'en' {
  return browser.i18n.getMessage('@@ui_locale').startsWith('en') ? 'en' : 'id';
}
