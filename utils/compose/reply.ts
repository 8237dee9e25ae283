// zod/mini: part of the message protocol and the popup, where full zod would cost 20 KB gzip.
import * as z from 'zod/mini';
import { optionalStr, str } from '../zod-helpers';

/** Networks where Siar answers a mention as a reply to the mention's own post. */
export const REPLY_NETWORKS = ['x', 'mastodon', 'bluesky'] as const;
export type ReplyNetwork = (typeof REPLY_NETWORKS)[number];

/**
 * The post a response answers: X tweet id, Mastodon status URI (resolved on the officer's instance
 * before replying), or Bluesky at:// URI.
 */
export const replyTargetSchema = z.object({
  network: z.enum(REPLY_NETWORKS),
  remoteId: z.string().check(z.minLength(1), z.maxLength(1000)),
  author: optionalStr(200),
});
export type ReplyTarget = z.infer<typeof replyTargetSchema>;

/** What the composer shows when it opens to answer a mention ("Tanggapi"). */
export const respondSchema = z.object({
  title: str(1000),
  outlet: str(1000),
  reply: z.optional(replyTargetSchema),
});
export type RespondInfo = z.infer<typeof respondSchema>;

/**
 * The network post behind a stored mention, when Siar can reply to it. Mention guids are
 * `<source kind>:<item guid>` (utils/monitor/ingest.ts mentionGuid): an X tweet id, a Mastodon status
 * URI, a Bluesky at:// URI.
 */
export function replyTargetOf(mention: { guid: string; source: string; author?: string }): ReplyTarget | undefined {
  const network = REPLY_NETWORKS.find((id) => id === mention.source);
  if (!network || !mention.guid.startsWith(`${network}:`)) return undefined;
  const remoteId = mention.guid.slice(network.length + 1);
  const valid =
    network === 'x'
      ? /^\d{1,30}$/.test(remoteId)
      : network === 'bluesky'
        ? /^at:\/\/[^/]+\/app\.bsky\.feed\.post\/[^/]+$/.test(remoteId)
        : /^https:\/\/\S+$/.test(remoteId);
  if (!valid) return undefined;
  return { network, remoteId, author: mention.author?.slice(0, 200) };
}
