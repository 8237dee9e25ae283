import type { MentionRow, Tone, WatchRow } from '../db';
import type { ExportTable, Label } from '../export/table';
import { TONE_KEYS } from '../sidepanel/labels';
import { safeHttpUrl } from '../net/safe-url';

// "Kliping Media Harian": the mentions of a period as a clipping book reads them: per watch, per story
// (the outlets that carried one story together), oldest first, archived mentions left out (archived
// means "not relevant"), one item per story and outlet.

export interface ClippingItem {
  id: number;
  at: number;
  outlet: string;
  headline: string;
  excerpt: string;
  tone: Tone;
  link: string;
}

export interface ClippingStory {
  key: string;
  items: ClippingItem[];
}
export interface ClippingGroup {
  watchId?: number;
  name: string;
  stories: ClippingStory[];
  count: number;
}
export type ToneTotals = Record<Tone, number>;

/** Excerpts stop near this many characters, at a word boundary, with an ellipsis. */
export const EXCERPT_CHARS = 240;

/** The first `max` characters of `text` (whitespace folded), cut at a word boundary and marked with "…". */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/**
 * Groups the period's mentions. A mention in several watches is listed once, under the first of them
 * in `watches` order (so totals count each mention once); mentions of no known watch go to a group named
 * `otherName`. Groups follow `watches` order, stories their first item's time.
 */
export function clippingGroups(rows: readonly MentionRow[], watches: readonly WatchRow[], otherName: string): ClippingGroup[] {
  const order = new Map(watches.map((w, i) => [w.id!, i]));
  const seen = new Set<string>();
  const groups = new Map<number, ClippingGroup>();
  const sorted = [...rows].filter((row) => row.state !== 'archived').sort((a, b) => a.publishedAt - b.publishedAt || (a.id ?? 0) - (b.id ?? 0));
  for (const row of sorted) {
    const storyKey = row.storyKey || row.canonicalUrl || String(row.id);
    const dedupe = `${storyKey}\u0000${row.outlet}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const watchId = row.watchIds.filter((id) => order.has(id)).sort((a, b) => order.get(a)! - order.get(b)!)[0];
    const slot = watchId === undefined ? Number.MAX_SAFE_INTEGER : order.get(watchId)!;
    let group = groups.get(slot);
    if (!group) {
      group = { watchId, name: watchId === undefined ? otherName : watches[slot]!.name, stories: [], count: 0 };
      groups.set(slot, group);
    }
    let story = group.stories.find((s) => s.key === storyKey);
    if (!story) {
      story = { key: storyKey, items: [] };
      group.stories.push(story);
    }
    story.items.push({
      id: row.id!,
      at: row.publishedAt,
      outlet: row.outlet,
      headline: row.title,
      excerpt: excerpt(row.summary),
      tone: row.tone,
      link: safeHttpUrl(row.url) ?? '',
    });
    group.count += 1;
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group);
}

/** Items per tone over all groups. */
export function toneTotals(groups: readonly ClippingGroup[]): ToneTotals {
  const totals: ToneTotals = { positive: 0, neutral: 0, negative: 0 };
  for (const group of groups) for (const story of group.stories) for (const item of story.items) totals[item.tone] += 1;
  return totals;
}

/** The clipping book as one flat export table: group, time (officer's zone), outlet, headline, excerpt, tone, link. */
export function clippingTable(groups: readonly ClippingGroup[], timeZone: string, zoneLabel: string, label: Label): ExportTable {
  return {
    sheet: label('exportSheetClipping'),
    timeZone,
    columns: [
      { header: label('exportColStory'), width: 20 },
      { header: label('exportColTime', zoneLabel), kind: 'date' },
      { header: label('exportColOutlet'), width: 20 },
      { header: label('exportColTitle'), width: 60 },
      { header: label('exportColExcerpt'), width: 80 },
      { header: label('exportColTone'), width: 10 },
      { header: label('exportColLink'), width: 40 },
    ],
    rows: groups.flatMap((group) =>
      group.stories.flatMap((story) =>
        story.items.map((item) => [group.name, item.at, item.outlet, item.headline, item.excerpt, label(TONE_KEYS[item.tone]), item.link]),
      ),
    ),
  };
}
