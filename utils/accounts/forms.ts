import type { ErrorInfo } from '../errors';
import { t, type MessageKey } from '../i18n';
import type { NetworkId } from '../networks/ids';

// One generic connect form, driven by a field list per network. Networks whose token exchange needs a
// client secret (Facebook, Threads, LinkedIn) take a pasted long-lived token instead: a secret shipped
// inside an extension is no secret.

export type XMode = 'oauth2' | 'oauth1';

export interface FieldSpec {
  key: string;
  label: MessageKey;
  kind: 'text' | 'secret' | 'url' | 'date';
  required: boolean;
  placeholder?: string;
  /** One sentence under the input, for a requirement the officer cannot guess (e.g. the X app's type). */
  hint?: MessageKey;
}

const field = (key: string, label: MessageKey, kind: FieldSpec['kind'], required = true, placeholder?: string): FieldSpec =>
  ({ key, label, kind, required, placeholder });
const expiry = field('expiresAt', 'fieldExpiresAt', 'date', false);
const bearer = field('bearerToken', 'fieldBearerToken', 'secret', false);

const FIELDS: Record<Exclude<NetworkId, 'x'>, FieldSpec[]> & Record<`x-${XMode}`, FieldSpec[]> = {
  // X's PKCE flow without a client secret only works for a "Native App" / public client
  // (docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code, "Confidential clients").
  'x-oauth2': [{ ...field('clientId', 'fieldClientId', 'text'), hint: 'fieldClientIdHint' }, bearer],
  'x-oauth1': [
    field('appKey', 'fieldAppKey', 'secret'), field('appSecret', 'fieldAppSecret', 'secret'),
    field('accessToken', 'fieldAccessToken', 'secret'), field('accessSecret', 'fieldAccessSecret', 'secret'),
    field('username', 'fieldUsername', 'text', false), bearer,
  ],
  facebook: [field('pageId', 'fieldPageId', 'text'), field('token', 'fieldToken', 'secret'), expiry],
  mastodon: [field('instance', 'fieldInstance', 'url', true, 'mastodon.social')],
  bluesky: [
    field('handle', 'fieldHandle', 'text', true, 'humas.example.go.id'), field('appPassword', 'fieldAppPassword', 'secret', true, 'xxxx-xxxx-xxxx-xxxx'),
    field('service', 'fieldService', 'url', false, 'https://bsky.social'),
  ],
  telegram: [field('botToken', 'fieldBotToken', 'secret', true, '123456:ABC…'), field('chatId', 'fieldChatId', 'text', true, '@kanal_humas')],
  threads: [field('userId', 'fieldUserId', 'text'), field('token', 'fieldToken', 'secret'), expiry],
  instagram: [field('userId', 'fieldUserId', 'text'), field('token', 'fieldToken', 'secret'), expiry],
  linkedin: [field('author', 'fieldAuthor', 'text', true, 'urn:li:organization:123'), field('token', 'fieldToken', 'secret'), expiry],
};

export function fieldsFor(network: NetworkId, xMode: XMode = 'oauth2'): FieldSpec[] {
  return network === 'x' ? FIELDS[`x-${xMode}`] : FIELDS[network];
}

/** Mastodon and X with OAuth 2.0 sign in through the browser's identity window; the rest paste credentials. */
export const usesSignIn = (network: NetworkId, xMode: XMode) => network === 'mastodon' || (network === 'x' && xMode === 'oauth2');

/** Networks whose API never says when a token lapses: the officer may enter the date. */
export const expiryIsManual = (network: NetworkId) => network === 'facebook' || network === 'threads' || network === 'linkedin' || network === 'instagram';

/** An imported draft as form values; an old expiry date is left out, a new token brings its own. */
export function draftValues(draft: Record<string, string | number> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(draft ?? {}).filter(([key]) => key !== 'expiresAt').map(([key, value]) => [key, String(value)]));
}

export function firstMissing(fields: FieldSpec[], values: Record<string, string>): FieldSpec | undefined {
  return fields.find((spec) => spec.required && !values[spec.key]?.trim());
}

/** The typed values as the worker's account schema expects them; empty optional fields are left out. */
export function toAccountInput(network: NetworkId, xMode: XMode, values: Record<string, string>): Record<string, string | number> {
  const out: Record<string, string | number> = network === 'x' ? { auth: xMode } : {};
  for (const spec of fieldsFor(network, xMode)) {
    const value = values[spec.key]?.trim() ?? '';
    if (!value) continue;
    if (spec.kind === 'date') {
      // End of the chosen day in the officer's zone: a token "valid until the 5th" works on the 5th.
      const end = new Date(`${value}T23:59:59`).getTime();
      if (Number.isFinite(end)) out[spec.key] = end;
    } else {
      out[spec.key] = spec.key === 'handle' ? value.replace(/^@/, '') : value;
    }
  }
  return out;
}

/** One sentence for a failed connect or test, worded for the settings page rather than for a post. */
export function accountErrorText(info: ErrorInfo, network: NetworkId, xMode: XMode): string {
  if (info.messageKey === 'accountFieldInvalid') {
    const spec = fieldsFor(network, xMode).find((candidate) => candidate.key === info.field);
    return t('accountFieldInvalid', spec ? t(spec.label) : (info.field ?? ''));
  }
  if (info.messageKey === 'errorAuth') return t('accountRejected');
  if (info.code === 'transient') return t('accountUnreachable');
  if (info.messageKey === 'errorRateLimited') return t('errorRateLimited', new Date(info.retryAt ?? Date.now()).toLocaleTimeString());
  return t(info.messageKey);
}

/** Each network's own server, used when the form leaves it empty (Mastodon has none: every instance is chosen). */
const DEFAULT_SERVERS: Partial<Record<NetworkId, string>> = { bluesky: 'https://bsky.social' };
const SERVER_FIELDS: Partial<Record<NetworkId, string>> = { bluesky: 'service', mastodon: 'instance' };

/**
 * The host of a server an imported settings file put in the connect form, when it is not the network's
 * default and the form still holds it: the officer must confirm it before Connect sends a password
 * there (issue 13.5). Undefined when there is nothing to confirm.
 */
export function importedServer(network: NetworkId, draft: Record<string, string | number> | undefined, values: Record<string, string>): string | undefined {
  const serverField = SERVER_FIELDS[network];
  const imported = serverField ? draft?.[serverField] : undefined;
  if (typeof imported !== 'string' || !imported.trim() || values[serverField!] !== imported) return undefined;
  const host = (value: string) => {
    try {
      return new URL(value.includes('://') ? value : `https://${value}`).host;
    } catch {
      return value;
    }
  };
  const fallback = DEFAULT_SERVERS[network];
  return fallback && host(fallback) === host(imported) ? undefined : host(imported);
}
