import type { MentionRow } from '../../../utils/db';

/** A mention published at `id` seconds (so newer ids are newer mentions), negative and unread unless told. */
export const row = (id: number, over: Partial<MentionRow> = {}): MentionRow => ({
  id,
  guid: `g${id}`,
  url: `https://e.id/${id}`,
  canonicalUrl: `https://e.id/${id}`,
  title: `judul ${id}`,
  summary: 'ringkasan',
  source: 'rss',
  outlet: 'o',
  publishedAt: id * 1000,
  fetchedAt: 0,
  watchIds: [1],
  keywords: [],
  storyKey: `s${id}`,
  tone: 'negative',
  state: 'unread',
  starred: 0,
  response: { status: 'baru' },
  ...over,
});
