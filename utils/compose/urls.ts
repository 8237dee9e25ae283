import { extractUrlsWithIndices } from './twitter';

export interface UrlMatch {
  url: string;
  /** UTF-16 offsets into the searched text, end exclusive. */
  start: number;
  end: number;
  hasProtocol: boolean;
}

const PROTOCOL = /^https?:\/\//i;

/**
 * URLs as X finds them (twitter-text), so every network's counter agrees with X on where a link
 * starts and ends. `withProtocol` only: Mastodon linkifies (and discounts) only http(s) URLs.
 */
export function findUrls(text: string, opts: { withProtocolOnly?: boolean } = {}): UrlMatch[] {
  return extractUrlsWithIndices(text, !opts.withProtocolOnly).map(({ url, indices: [start, end] }) => ({
    url,
    start,
    end,
    hasProtocol: PROTOCOL.test(url),
  }));
}

/**
 * Distinct links the way Threads counts them: the same URL twice is one link. Spellings that differ
 * (with/without protocol, case) count separately, which errs towards the stricter count.
 */
export function countDistinctUrls(text: string): number {
  return new Set(findUrls(text).map((match) => match.url)).size;
}
