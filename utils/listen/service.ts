import { db, type MentionRow } from '../db';
import type { Handlers } from '../messages';
import type { listenProtocol, MentionPatch } from '../monitor/protocol';
import { learnCorrection } from '../monitor/tone-adjust';
import { scoreTone, toneFeatures } from '../monitor/tone';
import { SETTINGS, emptyLearning, readSetting, updateSetting, writeSetting } from '../settings';
import { deleteSource, exportOpmlSources, importOpmlSources, listSources, saveSource } from './store';
import { listenNow, mentionsChanged, pollSourceNow } from './tick';
import { deleteWatch, saveWatch, toWatchView } from './watches';

/**
 * The stored response with the patch's parts over it: a status or note absent from the patch is kept, an
 * empty note removes the note. `at` (epoch ms) is the time of this change.
 */
export function mergeResponse(stored: MentionRow['response'], patch: NonNullable<MentionPatch['response']>, at: number): MentionRow['response'] {
  const note = patch.note === undefined ? stored.note : patch.note.trim() || undefined;
  return { status: patch.status ?? stored.status, ...(note ? { note } : {}), at };
}

/** Applies a triage patch to many mentions at once; a tone set by hand is marked as corrected. */
export async function updateMentions(ids: number[], patch: MentionPatch, now: number): Promise<number> {
  const changes: Partial<MentionRow> = {};
  if (patch.state) changes.state = patch.state;
  if (patch.starred !== undefined) changes.starred = patch.starred;
  if (patch.tone) Object.assign(changes, { tone: patch.tone, toneCorrected: true });
  const tone = patch.tone;
  // Only a real change teaches: re-choosing the tone a mention already has says nothing new.
  const corrected = tone ? (await db.mentions.bulkGet(ids)).filter((row): row is MentionRow => row !== undefined && row.tone !== tone) : [];
  const response = patch.response;
  // Read-modify-write inside Dexie's modify (one transaction): the stored status or note not in the patch stays.
  const updated = await db.mentions
    .where(':id')
    .anyOf(ids)
    .modify((row) => {
      Object.assign(row, changes);
      if (response) row.response = mergeResponse(row.response, response, now);
    });
  if (tone && corrected.length > 0) {
    await updateSetting(SETTINGS.toneLearning, (learning) =>
      corrected.reduce((acc, row) => learnCorrection(acc, toneFeatures(`${row.title}. ${row.summary}`), tone, scoreTone, now), learning),
    );
  }
  if (patch.state) await mentionsChanged();
  return updated;
}

/** The answers to the listening messages of utils/monitor/protocol.ts (registered by utils/worker/handlers.ts). */
export const listenHandlers: Pick<Handlers, keyof typeof listenProtocol> = {
  watchList: async () => ({ watches: (await db.watches.orderBy('name').toArray()).map(toWatchView) }),
  watchSave: async (input) => {
    // The summary holds the instance without secrets, so this works while the passphrase lock is on.
    const summaries = await readSetting(SETTINGS.accountSummaries);
    const result = await saveWatch(db, input, Date.now(), summaries.mastodon?.instance);
    // New search rows are due now; polling them at once shows the officer results while editing.
    if (result.ok && result.watch.sources.length > 0) void listenNow();
    return result;
  },
  watchDelete: async ({ id }) => {
    await deleteWatch(db, id);
    return { ok: true as const };
  },
  sourceList: async () => ({ sources: await listSources(db) }),
  sourceSave: async (input) => {
    const result = await saveSource(db, input, Date.now());
    if (result.ok) void pollSourceNow(result.source.id);
    return result;
  },
  sourceDelete: async ({ id }) => {
    await deleteSource(db, id);
    return { ok: true as const };
  },
  sourceRetry: async ({ id }) => {
    await pollSourceNow(id);
    return { ok: true as const };
  },
  opmlImport: async ({ text, allowRisky }) => {
    const result = await importOpmlSources(db, text, Date.now(), allowRisky);
    if (result.ok && result.added > 0) void listenNow();
    return result;
  },
  opmlExport: async () => ({ text: await exportOpmlSources(db, Date.now()) }),
  listenNow: async () => {
    const summary = await listenNow();
    return { polled: summary.polled, added: summary.added.length };
  },
  mentionsUpdate: async ({ ids, patch }) => ({ updated: await updateMentions(ids, patch, Date.now()) }),
  toneLearningStatus: async () => ({ corrections: (await readSetting(SETTINGS.toneLearning)).corrections }),
  toneForget: async () => {
    await writeSetting(SETTINGS.toneLearning, emptyLearning());
    return { ok: true as const };
  },
};
