// zod/mini: part of the message protocol, which every page bundle includes.
import * as z from 'zod/mini';
import { ok, rowId } from '../zod-helpers';

// The side panel's own messages; utils/messages.ts spreads them into `protocol`. Triage writes use the
// listening protocol's `mentionsUpdate`.

export const panelProtocol = {
  /** "Tanggapi": opens the composer with the mention's headline quoted and its link attached. */
  respondToMention: {
    request: z.object({ id: rowId }),
    response: ok,
  },
} satisfies Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>;
