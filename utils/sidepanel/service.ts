import { replyTargetOf } from '../compose/reply';
import { showPopup } from '../compose/window';
import { db } from '../db';
import { ContentError } from '../errors';
import type { Handlers } from '../messages';
import { safeHttpUrl } from '../net/safe-url';

/**
 * Opens the composer to answer a mention: a reply template, nothing ticked (a response is not an agency
 * broadcast), and for an X, Mastodon or Bluesky post the reply target, so ticking that network answers
 * the post itself. The complaint's headline is shown as context, never quoted into the text.
 */
export async function respondToMention(id: number) {
  const mention = await db.mentions.get(id);
  // A mention without a web link cannot be opened or answered; the panel hides the button then.
  const url = safeHttpUrl(mention?.url);
  if (!mention || !url) throw new ContentError('response', `mention ${id} has no web link`);
  await showPopup({
    selection: '',
    pageUrl: url,
    pageTitle: mention.title.slice(0, 1000),
    at: Date.now(),
    standalone: true,
    respond: { title: mention.title.slice(0, 1000), outlet: mention.outlet.slice(0, 1000), reply: replyTargetOf(mention) },
  });
  return { ok: true as const };
}

export const panelHandlers: Pick<Handlers, 'respondToMention'> = {
  respondToMention: ({ id }) => respondToMention(id),
};
