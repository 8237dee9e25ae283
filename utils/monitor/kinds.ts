// Source kinds, without zod: the side panel's first screen lists them before any schema is loaded.

export const SOURCE_KINDS = ['rss', 'googlenews', 'x', 'mastodon', 'bluesky', 'reddit'] as const;
/** Kinds a watch can ask to be searched with its own query. */
export const SEARCH_KINDS = ['googlenews', 'x', 'bluesky', 'reddit', 'mastodon'] as const;
