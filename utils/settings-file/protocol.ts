// Messages for the settings file, spread into the one protocol in utils/messages.ts.
// zod/mini: part of the options page bundle.
import * as z from 'zod/mini';
import { networkIdSchema } from '../networks/ids';
import { optionalStr, str } from '../zod-helpers';

const text = z.object({ text: str(6 * 1024 * 1024) });
const names = z.array(z.string());

export const importPlanSchema = z.object({
  profile: z.boolean(),
  presets: z.boolean(),
  preferences: z.boolean(),
  connect: z.array(networkIdSchema),
  prefill: z.array(networkIdSchema),
  origins: z.array(z.string()),
  watchesAdded: names,
  watchesUpdated: names,
  sourcesAdded: z.int(),
  sourcesUpdated: z.int(),
  replaces: z.array(networkIdSchema),
  deletes: z.object({ old: z.int(), excess: z.int(), days: z.int(), maxCount: z.int() }),
  hosts: names,
});
export type ImportPlanView = z.infer<typeof importPlanSchema>;

export const fileProblemSchema = z.object({ kind: z.string(), path: z.string(), expected: z.optional(z.string()) });
export type FileProblemView = z.infer<typeof fileProblemSchema>;

const importAnswer = z.union([z.object({ ok: z.literal(true), plan: importPlanSchema }), z.object({ ok: z.literal(false), problem: fileProblemSchema })]);

export const settingsFileProtocol = {
  /**
   * The whole setup as one JSON file; secrets only when the officer ticked and confirmed, and, with the
   * lock on, typed the passphrase again. Without secrets it works while locked.
   */
  settingsExport: {
    request: z.object({ includeSecrets: z.boolean(), passphrase: optionalStr(1000) }),
    response: z.object({ json: z.string(), fileName: z.string() }),
  },
  /** Validates a file and says what importing it would change; writes nothing. */
  settingsImportPreview: { request: text, response: importAnswer },
  /**
   * Validates again and applies everything, or nothing when any part fails. A plan that deletes
   * mentions or replaces connected accounts is refused unless `confirmedLoss` (the separate confirmation).
   */
  settingsImportApply: { request: z.object({ ...text.shape, confirmedLoss: z.optional(z.boolean()) }), response: importAnswer },
};
