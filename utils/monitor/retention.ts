import type { MentionRow, SiarDatabase } from '../db';

// What retention may delete. Mentions carry the officer's triage work; an age or count limit (perhaps
// imported from someone else's settings file, issue 13.4) must never take that work away.

const DAY_MS = 86_400_000;

/** Retention limits: mentions older than `days`, then the oldest beyond `maxCount`. */
export interface Retention {
  days: number;
  maxCount: number;
}

/** True when the officer starred, annotated (a note, a corrected tone) or triaged (any response status beyond "baru") it. */
export function keptByOfficer(mention: Pick<MentionRow, 'starred' | 'response' | 'toneCorrected'>): boolean {
  return mention.starred === 1 || Boolean(mention.response.note?.trim()) || mention.response.status !== 'baru' || mention.toneCorrected === true;
}

/**
 * How many mentions `retention` would delete now (what `pruneMentions` removes over all its rounds):
 * the unkept ones older than the cut-off, then the oldest unkept beyond the count limit.
 */
export async function countPrunable(database: SiarDatabase, retention: Retention, now: number): Promise<{ old: number; excess: number }> {
  const cutoff = now - retention.days * DAY_MS;
  const [total, old, unkept] = await Promise.all([
    database.mentions.count(),
    database.mentions
      .where('publishedAt')
      .below(cutoff)
      .filter((m) => !keptByOfficer(m))
      .count(),
    database.mentions.filter((m) => !keptByOfficer(m)).count(),
  ]);
  const excess = Math.max(0, Math.min(total - old - retention.maxCount, unkept - old));
  return { old, excess };
}
