// Messages for connecting accounts and the passphrase lock, spread into the one protocol in
// utils/messages.ts. zod/mini: part of the options page bundle.
import * as z from 'zod/mini';
import { networkIdSchema } from '../networks/ids';
import { accountDraftsSchema, accountSummariesSchema, accountSummarySchema } from '../networks/public';
import { ok, str } from '../zod-helpers';

const network = z.object({ network: networkIdSchema });
/** Long enough to resist guessing with 600,000 PBKDF2 rounds; a sentence is easier to remember than symbols. */
export const MIN_PASSPHRASE = 10;
const passphrase = z.object({ passphrase: z.string().check(z.minLength(1), z.maxLength(1000)) });

export const accountProtocol = {
  /** Connected accounts without secrets, import drafts for the forms, and the lock state. */
  accountsSummary: {
    request: z.object({}),
    response: z.object({
      accounts: accountSummariesSchema,
      drafts: accountDraftsSchema,
      lock: z.object({ enabled: z.boolean(), unlocked: z.boolean(), exposed: z._default(z.array(networkIdSchema), []) }),
    }),
  },
  /** Validates, verifies with the network, then stores; nothing is stored when either fails. */
  accountSave: {
    request: z.object({ network: networkIdSchema, account: z.record(str(40), z.union([str(5000), z.number()])) }),
    response: accountSummarySchema,
  },
  /** "Test connection": the network's who-am-I with the stored account. */
  accountTest: { request: network, response: accountSummarySchema },
  /** Forgets the account and gives back its host permissions. */
  accountRemove: { request: network, response: ok },
  accountOAuthStart: {
    request: z.union([
      z.object({ network: z.literal('mastodon'), instance: str(500) }),
      z.object({ network: z.literal('x'), clientId: z.string().check(z.minLength(1), z.maxLength(200)), bearerToken: z.optional(str(2000)) }),
    ]),
    response: z.object({ authorizeUrl: z.string() }),
  },
  accountOAuthFinish: {
    request: z.object({ redirectUrl: str(8000) }),
    response: z.object({ network: networkIdSchema, summary: accountSummarySchema }),
  },
  lockEnable: {
    request: z.object({ passphrase: z.string().check(z.minLength(MIN_PASSPHRASE), z.maxLength(1000)) }),
    response: ok,
  },
  lockUnlock: { request: passphrase, response: ok },
  lockNow: { request: z.object({}), response: ok },
  lockDisable: { request: passphrase, response: ok },
  /** The officer has regenerated the tokens named as exposed (or accepts the risk): stop naming them. */
  lockExposedDismiss: { request: z.object({}), response: ok },
};
