import { FEDIVERSE_HANDLE, mastodonEntities } from '../../text/entities';
import { countGraphemes } from '../../text/graphemes';
import { findUrls } from '../../text/urls';
import { lengthMeasure, type Rule } from '../../text/rule';

export const MASTODON_DEFAULT_LIMIT = 500;
export const MASTODON_URL_LENGTH = 23;
const URL_PLACEHOLDER = 'x'.repeat(MASTODON_URL_LENGTH);

/**
 * The text as Mastodon's server counts it: each http(s) URL becomes 23 characters and each
 * `@user@domain` becomes `@user`. Only URLs with a protocol are discounted because Mastodon only
 * linkifies those (it extracts with twitter-text's extract_url_without_protocol: false); a bare
 * `example.go.id` stays plain text and counts in full.
 */
export function mastodonCountableText(text: string): string {
  let countable = '';
  let cursor = 0;
  for (const url of findUrls(text, { withProtocolOnly: true })) {
    countable += shortenHandles(text.slice(cursor, url.start)) + URL_PLACEHOLDER;
    cursor = url.end;
  }
  return countable + shortenHandles(text.slice(cursor));
}

function shortenHandles(segment: string): string {
  return segment.replace(FEDIVERSE_HANDLE, '@$1');
}

// Graphemes of the countable text, as Mastodon's server (grapheme_length) and web composer do.
export const mastodonRule: Rule = {
  splittable: true,
  entities: mastodonEntities,
  measure(text, opts) {
    const limit = opts?.limit ?? MASTODON_DEFAULT_LIMIT;
    return lengthMeasure(text, countGraphemes(mastodonCountableText(text)), limit);
  },
};
