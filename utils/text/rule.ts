import type { TextRange } from './entities';

/** Result of a network's own counting rule for one text. */
export interface Measure {
  length: number;
  limit: number;
  ok: boolean;
  /** A short machine-readable reason when not ok, e.g. 'bytes' for Bluesky's 3000-byte cap, 'links'. */
  detail?: string;
}

export interface RuleOptions {
  /** Overrides the network's default limit, e.g. a Mastodon instance's max_characters or X Premium. */
  limit?: number;
  /** Telegram: the text is a photo caption (1024) rather than a message (4096). */
  asPhotoCaption?: boolean;
}

export interface Rule {
  /**
   * The network's own count. splitForNetwork relies on one property every rule here has: each
   * grapheme outside a URL or `@user@domain` handle adds at least 1 to `length`.
   */
  measure(text: string, opts?: RuleOptions): Measure;
  /** Whether the network has replies that chain into a thread, so long text can be split. */
  splittable: boolean;
  /**
   * The spans this network turns into links, mentions and tags (splittable networks); a split never
   * cuts one that fits a part on its own, and never cuts a link at all.
   */
  entities?(text: string): TextRange[];
}

/** Whitespace-only text is treated as empty: no network accepts a post that shows nothing. */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** The common shape: one length against one limit, with the blank check first. */
export function lengthMeasure(text: string, length: number, limit: number): Measure {
  if (isBlank(text)) return { length, limit, ok: false, detail: 'empty' };
  if (length > limit) return { length, limit, ok: false, detail: 'length' };
  return { length, limit, ok: true };
}
