// zod/mini: part of the message protocol, which every page bundle includes.
import * as z from 'zod/mini';

// The side panel's own messages; utils/messages.ts spreads them into `protocol`. Triage writes use the
// listening protocol's `mentionsUpdate`.

export const panelProtocol = {
  /** "Tanggapi": opens the composer with the mention's headline quoted and its link attached. */
  respondToMention: {
    request: z.object({ id: z.int().check(z.positive()) }),
    response: z.object({ ok: z.literal(true) }),
  },
} satisfies Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>;
