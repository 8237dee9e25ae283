/**
 * The one place that imports twitter-text. Its ESM build (what Vite bundles) only has a default
 * export, and its CommonJS build (what vitest loads) sets module.exports to the same object, so the
 * default import is the form that works in both.
 */
import twitter from 'twitter-text';
import type { ParsedTweet, ParseTweetOptions, UrlWithIndices } from 'twitter-text';

interface TwitterTextExtras {
  configs: { defaults: ParseTweetOptions };
  regexen: { validGTLD: RegExp; validCCTLD: RegExp };
}

// The type package does not declare `configs`, but the library exports the v3 (current) defaults there.
const defaults = (twitter as unknown as TwitterTextExtras).configs.defaults;

export function parseTweet(text: string, maxWeightedLength?: number): ParsedTweet {
  if (maxWeightedLength === undefined) return twitter.parseTweet(text);
  return twitter.parseTweet(text, { ...defaults, maxWeightedTweetLength: maxWeightedLength });
}

export const X_DEFAULT_LIMIT = defaults.maxWeightedTweetLength ?? 280;
export const X_URL_LENGTH = defaults.transformedURLLength ?? 23;

export function extractUrlsWithIndices(text: string, withoutProtocol: boolean): UrlWithIndices[] {
  return twitter.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: withoutProtocol });
}

export function extractHashtagsWithIndices(text: string): { hashtag: string; indices: [number, number] }[] {
  return twitter.extractHashtagsWithIndices(text);
}

export function extractMentionsWithIndices(text: string): { screenName: string; indices: [number, number] }[] {
  return twitter.extractMentionsWithIndices(text);
}

export function extractCashtagsWithIndices(text: string): { cashtag: string; indices: [number, number] }[] {
  return twitter.extractCashtagsWithIndices(text);
}

const { validGTLD, validCCTLD } = (twitter as unknown as TwitterTextExtras).regexen;
const KNOWN_TLD = new RegExp(`^(?:${validGTLD.source}|${validCCTLD.source})$`, 'i');

/** Whether `label` (no dot) is a top-level domain in twitter-text's list (IANA's, as of the library). */
export function isKnownTld(label: string): boolean {
  return KNOWN_TLD.test(label);
}
