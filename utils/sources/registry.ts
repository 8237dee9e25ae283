import type { z } from 'zod';
import { blueskySource } from './bluesky';
import { googleNewsSource } from './googlenews';
import { mastodonSource } from './mastodon';
import { redditSource } from './reddit';
import { rssSource } from './rss';
import type { Source, SourceKind } from './types';
import { xSource } from './x';

/** A source together with the zod schema of its config, so the options page can validate before saving. */
export interface RegisteredSource extends Source {
  configSchema: z.ZodType;
}

export const SOURCES: Record<SourceKind, RegisteredSource> = {
  rss: rssSource,
  googlenews: googleNewsSource,
  x: xSource,
  mastodon: mastodonSource,
  bluesky: blueskySource,
  reddit: redditSource,
};

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === 'string' && Object.hasOwn(SOURCES, value);
}
