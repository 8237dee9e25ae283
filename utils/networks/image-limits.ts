import type { ImageLimits } from '../media/plan';
import type { NetworkId } from './ids';
import { PAGE_IMAGE_FETCH_MAX } from './page-image';

// Each network's image rules, in one table, with the page each number comes from and the day it was
// read (through the team's stored copies of the documentation; docs/api-versions.md lists the same).
// A number a page does not give is left out rather than guessed. Mastodon's come from the officer's
// own instance (GET /api/v2/instance); MASTODON_DEFAULT_IMAGE applies when the instance does not say.

export interface ImageLimitsEntry extends ImageLimits {
  source: string;
  checked: string;
}

export const IMAGE_LIMITS = {
  /** "Supported image media types: JPG, PNG, GIF, WEBP. Image size: <= 5 MB" (tweet_image). */
  x: {
    types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    maxBytes: 5 * 1024 * 1024,
    convertTo: 'image/jpeg',
    source: 'https://docs.x.com/x-api/media/quickstart/best-practices (Image specifications); https://docs.x.com/x-api/media/introduction',
    checked: '2026-11-30',
  },
  /** app.bsky.embed.external#external `thumb`: accept ["image/*"], maxSize 1000000 (bytes). */
  bluesky: {
    types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    maxBytes: 1_000_000,
    convertTo: 'image/jpeg',
    source: 'https://github.com/bluesky-social/atproto/blob/main/lexicons/app/bsky/embed/external.json',
    checked: '2026-11-30',
  },
  /**
   * Images API: "JPG, GIF, and PNG formats", "Images with less than 36,152,320 pixels". No byte limit is
   * documented for images, so only Siar's own fetch bound applies.
   */
  linkedin: {
    types: ['image/jpeg', 'image/png', 'image/gif'],
    maxBytes: PAGE_IMAGE_FETCH_MAX,
    maxPixels: 36_152_320 - 1,
    convertTo: 'image/jpeg',
    source: 'https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api',
    checked: '2026-11-30',
  },
  /** Image specifications: JPEG and PNG, 8 MB maximum, wider than 1440 px is scaled down by Threads. */
  threads: {
    types: ['image/jpeg', 'image/png'],
    maxBytes: 8 * 1024 * 1024,
    maxWidth: 1440,
    convertTo: 'image/jpeg',
    source: 'https://developers.facebook.com/docs/threads/overview#image-specifications',
    checked: '2026-11-30',
  },
} as const satisfies Partial<Record<NetworkId, ImageLimitsEntry>>;

/**
 * Mastodon when /api/v2/instance gives no `configuration.media_attachments`: the types every Mastodon
 * version takes (IMAGE_MIME_TYPES in app/models/media_attachment.rb: image/jpeg image/png image/gif)
 * and the smallest default image size limit Mastodon has shipped (8 MB, mastodon/documentation#153;
 * 10 MB later, 16 MB since 4.2). Instances that publish their own limits are read instead.
 */
export const MASTODON_DEFAULT_IMAGE: ImageLimitsEntry = {
  types: ['image/jpeg', 'image/png', 'image/gif'],
  maxBytes: 8 * 1024 * 1024,
  convertTo: 'image/jpeg',
  source: 'https://docs.joinmastodon.org/entities/Instance/#media_attachments; github.com/mastodon/documentation/issues/153',
  checked: '2026-11-30',
};
