import type { MentionRow, WatchRow } from '../db';
import { csvCell, toCsv } from '../csv';
import { formatDateTime } from './time';
import { safeHttpUrl } from './links';

// Exports of the filtered mentions (CSV, JSON) and the daily clipping report. CSV goes through the one
// writer in utils/csv.ts, which neutralises formula starts.

export { csvCell, toCsv };

export const MENTION_CSV_HEADER = [
  'id', 'publishedAt', 'outlet', 'author', 'title', 'url', 'source', 'watches', 'keywords', 'tone', 'toneCorrected',
  'state', 'starred', 'response', 'note', 'summary',
] as const;

export function mentionCsvRow(row: MentionRow, watchNames: ReadonlyMap<number, string>): unknown[] {
  return [
    row.id, new Date(row.publishedAt).toISOString(), row.outlet, row.author ?? '', row.title, safeHttpUrl(row.url) ?? '',
    row.source, row.watchIds.map((id) => watchNames.get(id) ?? String(id)).join('; '), row.keywords.join('; '),
    row.tone, row.toneCorrected ? 'yes' : '', row.state, row.starred ? 'yes' : '', row.response.status,
    row.response.note ?? '', row.summary,
  ];
}

export function mentionsCsv(rows: readonly MentionRow[], watches: readonly WatchRow[]): string {
  const names = new Map(watches.map((w) => [w.id!, w.name]));
  return toCsv(MENTION_CSV_HEADER, rows.map((row) => mentionCsvRow(row, names)));
}

/** The same rows as JSON: the fields an officer can use elsewhere, never internal bookkeeping. */
export function mentionsJson(rows: readonly MentionRow[]): string {
  return JSON.stringify(rows.map((row) => ({
    id: row.id, publishedAt: new Date(row.publishedAt).toISOString(), outlet: row.outlet, author: row.author,
    title: row.title, url: safeHttpUrl(row.url) ?? null, source: row.source, watchIds: row.watchIds,
    keywords: row.keywords, tone: row.tone, toneCorrected: row.toneCorrected ?? false, state: row.state,
    starred: row.starred === 1, response: row.response, summary: row.summary,
  })), null, 2);
}

export interface ClippingRow { time: string; outlet: string; headline: string; tone: MentionRow['tone']; link: string }

/**
 * Rows of "Kliping Media Harian" for one day: oldest first as a clipping book reads, archived mentions
 * left out (archived means "not relevant"), one row per story and outlet.
 */
export function clippingRows(rows: readonly MentionRow[], timeZone: string, lang: string): ClippingRow[] {
  const seen = new Set<string>();
  return [...rows]
    .filter((row) => row.state !== 'archived')
    .sort((a, b) => a.publishedAt - b.publishedAt || (a.id ?? 0) - (b.id ?? 0))
    .filter((row) => {
      const key = `${row.storyKey || row.canonicalUrl || row.id}\u0000${row.outlet}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((row) => ({
      time: formatDateTime(row.publishedAt, timeZone, lang), outlet: row.outlet, headline: row.title,
      tone: row.tone, link: safeHttpUrl(row.url) ?? '',
    }));
}

/** The clipping report as CSV; `toneLabel` gives the tone in the officer's language. */
export function clippingCsv(rows: readonly ClippingRow[], header: readonly string[], toneLabel: (tone: ClippingRow['tone']) => string = String): string {
  return toCsv(header, rows.map((r) => [r.time, r.outlet, r.headline, toneLabel(r.tone), r.link]));
}
