import type { MentionRow, WatchRow } from '../db';
import type { ExportTable, Label } from '../export/table';
import { RESPONSE_KEYS, TONE_KEYS } from './labels';
import { safeHttpUrl } from '../net/safe-url';

// Exports of the filtered mentions: a table for the one CSV/XLSX writer (utils/export/), headers and
// enum values in the UI language, times in the officer's zone; and JSON with machine formats (ISO).

const STATE_KEYS = { unread: 'panelStateUnread', read: 'panelStateRead', archived: 'panelStateArchived' } as const;

/**
 * The mentions as an export table, in the given order. Watch ids whose watch is gone are kept as
 * numbers (the mention still names them); unsafe links (not http/https) are left empty.
 */
export function mentionsTable(rows: readonly MentionRow[], watches: readonly WatchRow[], timeZone: string, zoneLabel: string, label: Label): ExportTable {
  const names = new Map(watches.map((w) => [w.id!, w.name]));
  const yes = label('exportYes');
  return {
    sheet: label('exportSheetMentions'),
    timeZone,
    columns: [
      { header: label('exportColId'), kind: 'number', width: 8 },
      { header: label('exportColPublished', zoneLabel), kind: 'date' },
      { header: label('exportColOutlet'), width: 20 },
      { header: label('exportColAuthor') },
      { header: label('exportColTitle'), width: 60 },
      { header: label('exportColLink'), width: 40 },
      { header: label('exportColSource'), width: 10 },
      { header: label('exportColWatches'), width: 20 },
      { header: label('exportColKeywords'), width: 20 },
      { header: label('exportColTone'), width: 10 },
      { header: label('exportColToneCorrected'), width: 10 },
      { header: label('exportColState'), width: 12 },
      { header: label('exportColStarred'), width: 10 },
      { header: label('exportColResponse'), width: 16 },
      { header: label('exportColNote'), width: 40 },
      { header: label('exportColSummary'), width: 60 },
    ],
    rows: rows.map((row) => [
      row.id,
      row.publishedAt,
      row.outlet,
      row.author ?? '',
      row.title,
      safeHttpUrl(row.url) ?? '',
      row.source,
      row.watchIds.map((id) => names.get(id) ?? String(id)).join('; '),
      row.keywords.join('; '),
      label(TONE_KEYS[row.tone]),
      row.toneCorrected ? yes : '',
      label(STATE_KEYS[row.state]),
      row.starred ? yes : '',
      label(RESPONSE_KEYS[row.response.status]),
      row.response.note ?? '',
      row.summary,
    ]),
  };
}

/** The same rows as JSON: the fields an officer can use elsewhere, never internal bookkeeping. */
export function mentionsJson(rows: readonly MentionRow[]): string {
  return JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      publishedAt: new Date(row.publishedAt).toISOString(),
      outlet: row.outlet,
      author: row.author,
      title: row.title,
      url: safeHttpUrl(row.url) ?? null,
      source: row.source,
      watchIds: row.watchIds,
      keywords: row.keywords,
      tone: row.tone,
      toneCorrected: row.toneCorrected ?? false,
      state: row.state,
      starred: row.starred === 1,
      response: row.response,
      summary: row.summary,
    })),
    null,
    2,
  );
}
