import type { ErrorInfo } from '../errors';
import { t } from '../i18n';
import { networkMeta, type NetworkId } from '../networks/catalog';
import { connectForms, type AuthMode, type ConnectForm, type FieldSpec } from '../networks/connect-forms';

// One generic connect form, driven by each network's field list (utils/networks/connect-forms.ts).

export type { FieldSpec };
/** How an X account connects; networks with a single way ignore it. */
export type XMode = AuthMode;

/** True when the network connects in more than one way, each stored as the account's `auth`. */
export const hasAuthModes = (network: NetworkId) => !('default' in connectForms(network));

function formFor(network: NetworkId, xMode: XMode): ConnectForm {
  const forms = connectForms(network);
  return 'default' in forms ? forms.default : forms[xMode];
}

export function fieldsFor(network: NetworkId, xMode: XMode = 'oauth2'): FieldSpec[] {
  return [...formFor(network, xMode).fields];
}

/** Mastodon and X with OAuth 2.0 sign in through the browser's identity window; the rest paste credentials. */
export const usesSignIn = (network: NetworkId, xMode: XMode) => formFor(network, xMode).signIn;

/** Networks whose API never says when a token lapses: the officer may enter the date. */
export const expiryIsManual = (network: NetworkId) => networkMeta(network).manualExpiry;

/** An imported draft as form values; an old expiry date is left out, a new token brings its own. */
export function draftValues(draft: Record<string, string | number> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(draft ?? {})
      .filter(([key]) => key !== 'expiresAt')
      .map(([key, value]) => [key, String(value)]),
  );
}

export function firstMissing(fields: FieldSpec[], values: Record<string, string>): FieldSpec | undefined {
  return fields.find((spec) => spec.required && !values[spec.key]?.trim());
}

/** The typed values as the worker's account schema expects them; empty optional fields are left out. */
export function toAccountInput(network: NetworkId, xMode: XMode, values: Record<string, string>): Record<string, string | number> {
  const out: Record<string, string | number> = hasAuthModes(network) ? { auth: xMode } : {};
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

/**
 * The host of a server an imported settings file put in the connect form, when it is not the network's
 * default and the form still holds it: the officer must confirm it before Connect sends a password
 * there (issue 13.5). Undefined when there is nothing to confirm.
 */
export function importedServer(network: NetworkId, draft: Record<string, string | number> | undefined, values: Record<string, string>): string | undefined {
  // The catalog's `server`: its field, and the network's own server used when the form leaves it empty
  // (Mastodon has none: every instance is chosen).
  const serverField = networkMeta(network).server?.field;
  const imported = serverField ? draft?.[serverField] : undefined;
  if (typeof imported !== 'string' || !imported.trim() || values[serverField!] !== imported) return undefined;
  const host = (value: string) => {
    try {
      return new URL(value.includes('://') ? value : `https://${value}`).host;
    } catch {
      return value;
    }
  };
  const fallback = networkMeta(network).server?.fallback;
  return fallback && host(fallback) === host(imported) ? undefined : host(imported);
}
