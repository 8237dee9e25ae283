import { db } from '../db';
import { ContentError } from '../errors';
import type { Handlers } from '../messages';
import { safeHttpUrl } from '../sidepanel/links';
import { openComposer } from './composer-window';

/** What the composer is opened with to answer a mention: its headline quoted, its outlet, its link. */
export async function respondToMention(id: number) {
  const mention = await db.mentions.get(id);
  // A mention without a web link cannot be quoted with its source; the panel hides the button then.
  const url = safeHttpUrl(mention?.url);
  if (!mention || !url) throw new ContentError('response', `mention ${id} has no web link`);
  await openComposer({
    selection: mention.title.slice(0, 10_000), pageUrl: url, pageTitle: mention.outlet.slice(0, 1000),
    at: Date.now(), standalone: true,
  });
  return { ok: true as const };
}

export const panelHandlers: Pick<Handlers, 'respondToMention'> = {
  respondToMention: ({ id }) => respondToMention(id),
};
