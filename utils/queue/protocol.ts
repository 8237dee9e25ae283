// zod/mini: part of the message protocol, which every page bundle includes.
import * as z from 'zod/mini';
import type { MessageKey } from '../i18n';
import { networkIdSchema } from '../networks/ids';

// The audit part of utils/messages.ts: the options page reads the append-only log in pages and
// exports it (CSV or XLSX, written by the page). messages.ts spreads it into `protocol`.

const auditRowSchema = z.object({
  id: z.number(),
  at: z.number(),
  actor: z.string(),
  network: z.optional(networkIdSchema),
  event: z.string(),
  text: z.optional(z.string()),
  pageUrl: z.optional(z.string()),
  result: z.optional(z.string()),
  url: z.optional(z.string()),
  resultKey: z.optional(z.custom<MessageKey>((v) => typeof v === 'string' && /^[A-Za-z0-9_]{1,64}$/.test(v))),
  scheduledAt: z.optional(z.number()),
});
export type AuditView = z.infer<typeof auditRowSchema>;

export const AUDIT_PAGE_MAX = 100;

const scheduledSchema = z.object({
  postId: z.int(),
  scheduledAt: z.number(),
  networks: z.array(networkIdSchema),
  text: z.string(),
  pageUrl: z.string(),
});
export type ScheduledView = z.infer<typeof scheduledSchema>;

export const auditProtocol = {
  /** Posts waiting for their time, soonest first. */
  scheduledList: { request: z.object({}), response: z.object({ posts: z.array(scheduledSchema) }) },
  /** Moves a scheduled post to a new time (epoch ms, in the future). */
  scheduledMove: {
    request: z.object({ postId: z.int(), at: z.int().check(z.positive()) }),
    response: z.object({ ok: z.boolean() }),
  },
  /** Cancels a scheduled post's pending deliveries; nothing already sent is touched. */
  scheduledCancel: { request: z.object({ postId: z.int() }), response: z.object({ ok: z.boolean() }) },
  /** One page of the audit log, newest first, with the total for paging. */
  auditList: {
    request: z.object({ offset: z.int().check(z.minimum(0)), limit: z.int().check(z.minimum(1), z.maximum(AUDIT_PAGE_MAX)) }),
    response: z.object({ rows: z.array(auditRowSchema), total: z.int(), timeZone: z.string() }),
  },
  /** The whole audit log (oldest first) for an export; the page writes the CSV or XLSX in its language. */
  auditExport: {
    request: z.object({}),
    response: z.object({ rows: z.array(auditRowSchema), timeZone: z.string() }),
  },
};
