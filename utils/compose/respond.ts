import { t } from '../i18n';
import type { RespondInfo } from './reply';

/**
 * The reply template a response starts from, in the officer's language: the author addressed by handle
 * where Siar replies on their network (X and Mastodon show the reply under the post; the handle makes
 * the answer readable on its own), then a polite acknowledgement for the officer to complete.
 */
export function respondText(respond: RespondInfo): string {
  const author = respond.reply?.author?.trim();
  const handle = author && /^@\S+$/.test(author) ? `${author} ` : '';
  return `${handle}${t('respondTemplate')}`;
}
