// zod/mini: part of the message protocol, which every page bundle includes.
import * as z from 'zod/mini';
import { SEARCH_KINDS, SOURCE_KINDS } from '../sources/kinds';
import { ok, rowId, str } from '../zod-helpers';

export { MAX_OPML_FEEDS } from '../sources/kinds';

// The listening part of utils/messages.ts: watches, sources, OPML and triage writes. Kept in its own
// file so the protocol file stays readable; messages.ts spreads it into `protocol`.

export { SEARCH_KINDS, SOURCE_KINDS } from '../sources/kinds';
export const sourceKindSchema = z.enum(SOURCE_KINDS);

export const watchInputSchema = z.object({
  id: z.optional(rowId),
  name: z.string().check(z.trim(), z.maxLength(80)),
  colour: z.string().check(z.regex(/^#[0-9a-f]{6}$/i)),
  query: str(1000),
  aliases: z.array(z.array(str(100)).check(z.maxLength(20))).check(z.maxLength(50)),
  languages: z.array(z.string().check(z.regex(/^[a-z]{2,3}$/))).check(z.maxLength(10)),
  sources: z.array(z.enum(SEARCH_KINDS)).check(z.maxLength(SEARCH_KINDS.length)),
  notify: z.boolean(),
});
export type WatchInput = z.infer<typeof watchInputSchema>;

const watchSchema = z.extend(watchInputSchema, { id: rowId, createdAt: z.number(), updatedAt: z.number() });
export type WatchView = z.infer<typeof watchSchema>;

const queryErrorSchema = z.object({ position: z.int(), messageKey: z.string(), params: z.array(z.string()) });

const errorSchema = z.object({
  code: z.string(),
  messageKey: z.string(),
  detail: z.optional(z.string()),
  retryAt: z.optional(z.number()),
  field: z.optional(z.string()),
});

const sourceViewSchema = z.object({
  id: rowId,
  kind: sourceKindSchema,
  name: z.string(),
  config: z.record(z.string(), z.unknown()),
  intervalMin: z.number(),
  nextDueAt: z.number(),
  watchId: z.optional(z.number()),
  health: z.object({
    lastSuccessAt: z.optional(z.number()),
    lastErrorAt: z.optional(z.number()),
    lastError: z.optional(errorSchema),
    lastWarning: z.optional(z.object({ code: z.literal('truncated'), at: z.number() })),
    failures: z.number(),
  }),
});
export type SourceView = z.infer<typeof sourceViewSchema>;

const mentionPatchSchema = z.object({
  state: z.optional(z.enum(['unread', 'read', 'archived'])),
  starred: z.optional(z.union([z.literal(0), z.literal(1)])),
  // Each part of the response is written only when present, so a note saved from a row whose status has
  // not refreshed yet, or a status set on many rows at once, never overwrites the other. An empty note clears it.
  response: z.optional(
    z.object({
      status: z.optional(z.enum(['baru', 'ditinjau', 'perlu-klarifikasi', 'ditanggapi'])),
      note: z.optional(str(2000)),
    }),
  ),
  tone: z.optional(z.enum(['positive', 'neutral', 'negative'])),
});
export type MentionPatch = z.infer<typeof mentionPatchSchema>;

export const listenProtocol = {
  watchList: { request: z.object({}), response: z.object({ watches: z.array(watchSchema) }) },
  /** Creates (no id) or updates a watch. A query that does not parse comes back with its position. */
  watchSave: {
    request: watchInputSchema,
    response: z.union([
      z.object({ ok: z.literal(true), watch: watchSchema }),
      z.object({ ok: z.literal(false), queryError: z.optional(queryErrorSchema), messageKey: z.optional(z.string()) }),
    ]),
  },
  watchDelete: { request: z.object({ id: rowId }), response: ok },
  sourceList: { request: z.object({}), response: z.object({ sources: z.array(sourceViewSchema) }) },
  /** Creates or updates a source; its config is checked by that source's own schema in the worker. */
  sourceSave: {
    request: z.object({
      id: z.optional(rowId),
      kind: sourceKindSchema,
      name: z.optional(str(200)),
      config: z.record(str(64), z.unknown()),
      intervalMin: z.optional(z.int().check(z.minimum(1), z.maximum(1440))),
    }),
    response: z.union([
      z.object({ ok: z.literal(true), source: sourceViewSchema }),
      z.object({ ok: z.literal(false), messageKey: z.string(), field: z.optional(z.string()) }),
    ]),
  },
  sourceDelete: { request: z.object({ id: rowId }), response: ok },
  /** Makes the source due now and polls it. */
  sourceRetry: { request: z.object({ id: rowId }), response: ok },
  opmlImport: {
    request: z.object({ text: str(5 * 1024 * 1024), allowRisky: z.optional(z.boolean()) }),
    response: z.union([
      z.object({ ok: z.literal(true), added: z.int(), duplicates: z.int(), invalid: z.int() }),
      z.object({ ok: z.literal(false), messageKey: z.string(), risky: z.optional(z.array(z.string())) }),
    ]),
  },
  opmlExport: { request: z.object({}), response: z.object({ text: z.string() }) },
  /** Runs the listening tick now (the "refresh" button); answers when every due source is done. */
  listenNow: { request: z.object({}), response: z.object({ polled: z.int(), added: z.int() }) },
  /** Triage writes from the side panel: state, star, response status, tone correction. */
  mentionsUpdate: {
    request: z.object({ ids: z.array(rowId).check(z.minLength(1), z.maxLength(10_000)), patch: mentionPatchSchema }),
    response: z.object({ updated: z.int() }),
  },
  /** How many tone corrections this device has learnt from. */
  toneLearningStatus: { request: z.object({}), response: z.object({ corrections: z.int() }) },
  /** "Forget what Siar learned": drops the learnt adjustment; corrected mentions keep their tone. */
  toneForget: { request: z.object({}), response: ok },
} satisfies Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>;
