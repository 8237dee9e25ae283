import { browser } from '#imports';
import type { MentionPatch } from '../../utils/monitor/protocol';
import { send } from './lazy';
import { safeHttpUrl } from '../../utils/net/safe-url';
import { downloadBlob } from '../../utils/export/download';

// Side panel writes: all through the worker, which persists them and refreshes the toolbar badge.

/** The most ids one message may carry (the protocol's own limit). */
const MAX_IDS = 10_000;

export async function updateMentions(ids: readonly number[], patch: MentionPatch): Promise<void> {
  for (let at = 0; at < ids.length; at += MAX_IDS) await send('mentionsUpdate', { ids: ids.slice(at, at + MAX_IDS), patch });
}

/** Opens a mention in a new tab, only for http(s) links. */
export async function openMention(url: string): Promise<boolean> {
  const safe = safeHttpUrl(url);
  if (!safe) return false;
  await browser.tabs.create({ url: safe });
  return true;
}

/** Saves text as a file through a Blob link (no downloads permission needed). */
export function downloadText(filename: string, text: string, type: string) {
  downloadBlob(filename, new Blob([text], { type }));
}
