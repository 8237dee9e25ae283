import type { MessageKey } from '../i18n';

const KIND_KEYS: Record<string, MessageKey> = {
  rss: 'sourceKindRss', googlenews: 'sourceKindGooglenews', x: 'sourceKindX',
  mastodon: 'sourceKindMastodon', bluesky: 'sourceKindBluesky', reddit: 'sourceKindReddit',
};

/** The officer's name for a kind of source. */
export function sourceKindKey(kind: string): MessageKey {
  return KIND_KEYS[kind] ?? 'sourceKindRss';
}

/** A clock time in the UI language, for "last success 14.05" and "retrying at 14.20". */
export function clockTime(at: number, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' }).format(at);
}
