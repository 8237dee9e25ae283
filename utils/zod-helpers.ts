// The small schemas every protocol, setting and account schema is built from, defined once.
// zod/mini only: settings.ts and the protocol are part of every page bundle, where full zod would cost
// ~20 KB gzip (scripts/import-graph.mjs refuses full zod in a page bundle).
import * as z from 'zod/mini';

/** A string of at most `max` UTF-16 code units; may be empty. */
export const str = (max: number) => z.string().check(z.maxLength(max));

/** An optional `str(max)`. */
export const optionalStr = (max: number) => z.optional(str(max));

/** A required field: trimmed, then 1 to `max` code units (2000 by default: long enough for any token). */
export const text = (max = 2000) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** An optional `text(max)`. */
export const optionalText = (max = 2000) => z.optional(text(max));

/** A string id (a UUID or a slug): 1 to 64 code units. */
export const stringId = z.string().check(z.minLength(1), z.maxLength(64));

/** A database row id: Dexie's auto-incremented keys start at 1. */
export const rowId = z.int().check(z.positive());

/** An https URL of at most 500 characters (an account's server, an instance). */
export const httpsUrl = z.url({ protocol: /^https$/ }).check(z.maxLength(500));

/** The reply of a message that only confirms it was done. */
export const ok = z.object({ ok: z.literal(true) });
