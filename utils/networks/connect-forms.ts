import type { MessageKey } from '../i18n';
import type { NetworkId } from './catalog';

// Each network's connect form, beside its catalog record (catalog.ts) rather than inside it: the options
// and set-up pages show these forms, the popup never does, and the popup loads the catalog. A network
// missing here fails compilation (`satisfies Record<NetworkId, …>`); tests/unit/networks/catalog.test.ts
// checks each field against the network's account schema and both locale catalogues.

/** One input of a network's connect form. */
export interface FieldSpec {
  key: string;
  label: MessageKey;
  kind: 'text' | 'secret' | 'url' | 'date';
  required: boolean;
  placeholder?: string;
  /** One sentence under the input, for a requirement the officer cannot guess (e.g. the X app's type). */
  hint?: MessageKey;
}

/** A connect form; `signIn` forms open the browser's identity window instead of taking a pasted token. */
export interface ConnectForm {
  fields: readonly FieldSpec[];
  signIn: boolean;
}

/** The ways an account can be connected; keys other than `default` are stored as the account's `auth`. */
export type ConnectForms = { default: ConnectForm } | { oauth2: ConnectForm; oauth1: ConnectForm };
export type AuthMode = 'oauth2' | 'oauth1';

const field = (key: string, label: MessageKey, kind: FieldSpec['kind'], required = true, placeholder?: string): FieldSpec => ({
  key,
  label,
  kind,
  required,
  placeholder,
});
const expiry = field('expiresAt', 'fieldExpiresAt', 'date', false);
const bearer = field('bearerToken', 'fieldBearerToken', 'secret', false);
const pasted = (...fields: FieldSpec[]): ConnectForms => ({ default: { fields, signIn: false } });

// Networks whose token exchange needs a client secret (Facebook, Threads, LinkedIn) take a pasted
// long-lived token instead: a secret shipped inside an extension is no secret.
export const CONNECT_FORMS = {
  x: {
    // X's PKCE flow without a client secret only works for a "Native App" / public client
    // (docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code, "Confidential clients").
    oauth2: { fields: [{ ...field('clientId', 'fieldClientId', 'text'), hint: 'fieldClientIdHint' }, bearer], signIn: true },
    oauth1: {
      fields: [
        field('appKey', 'fieldAppKey', 'secret'),
        field('appSecret', 'fieldAppSecret', 'secret'),
        field('accessToken', 'fieldAccessToken', 'secret'),
        field('accessSecret', 'fieldAccessSecret', 'secret'),
        field('username', 'fieldUsername', 'text', false),
        bearer,
      ],
      signIn: false,
    },
  },
  facebook: pasted(field('pageId', 'fieldPageId', 'text'), field('token', 'fieldToken', 'secret'), expiry),
  mastodon: { default: { fields: [field('instance', 'fieldInstance', 'url', true, 'mastodon.social')], signIn: true } },
  bluesky: pasted(
    field('handle', 'fieldHandle', 'text', true, 'humas.example.go.id'),
    field('appPassword', 'fieldAppPassword', 'secret', true, 'xxxx-xxxx-xxxx-xxxx'),
    field('service', 'fieldService', 'url', false, 'https://bsky.social'),
  ),
  telegram: pasted(field('botToken', 'fieldBotToken', 'secret', true, '123456:ABC…'), field('chatId', 'fieldChatId', 'text', true, '@kanal_humas')),
  threads: pasted(field('userId', 'fieldUserId', 'text'), field('token', 'fieldToken', 'secret'), expiry),
  linkedin: pasted(field('author', 'fieldAuthor', 'text', true, 'urn:li:organization:123'), field('token', 'fieldToken', 'secret'), expiry),
  instagram: pasted(field('userId', 'fieldUserId', 'text'), field('token', 'fieldToken', 'secret'), expiry),
} as const satisfies Record<NetworkId, ConnectForms>;

/** A network's connect forms, typed as the general shape. */
export const connectForms = (id: NetworkId): ConnectForms => CONNECT_FORMS[id];
