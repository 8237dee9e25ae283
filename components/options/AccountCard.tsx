import { browser } from '#imports';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  accountErrorText,
  draftValues,
  expiryIsManual,
  fieldsFor,
  firstMissing,
  importedServer,
  toAccountInput,
  usesSignIn,
  type XMode,
} from '../../utils/accounts/forms';
import { instanceOrigin, originsFor } from '../../utils/accounts/origins';
import type { AccountSummary } from '../../utils/networks/public';
import { networkNameKey } from '../../utils/networks/names';
import { t } from '../../utils/i18n';
import { MessageError, send } from '../../utils/messages';
import type { NetworkId } from '../../utils/networks/ids';
import { AccountForm } from './AccountForm';
import { Alert } from '../common/Alert';
import { formatDate } from './ExpiryWarnings';

interface Props {
  network: NetworkId;
  summary?: AccountSummary;
  draft?: Record<string, string | number>;
  locked: boolean;
  onChanged(): void;
}

type Notice = { tone: 'error' | 'info'; text: string };

/** A sentence already in the officer's language, thrown inside the card's own flow. */
class Sentence extends Error {}

/** One network: connect (sign in or paste), test, disconnect. Secrets go to the worker and never come back. */
export function AccountCard({ network, summary, draft, locked, onChanged }: Props) {
  const [xMode, setXMode] = useState<XMode>(draft?.auth === 'oauth1' ? 'oauth1' : 'oauth2');
  const [values, setValues] = useState<Record<string, string>>(draftValues(draft));
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [invalid, setInvalid] = useState<string>();
  const [granted, setGranted] = useState(false);
  const [serverConfirmed, setServerConfirmed] = useState<string>();
  const name = t(networkNameKey(network));
  const fields = fieldsFor(network, xMode);
  // A server named by an imported file: shown with a warning until the officer confirms it (issue 13.5).
  const unconfirmedServer = ((server) => (server && server !== serverConfirmed ? server : undefined))(importedServer(network, draft, values));
  const origins = useMemo(() => originsFor(network, { instance: values.instance, service: values.service }), [network, values.instance, values.service]);

  useEffect(() => setValues((current) => ({ ...draftValues(draft), ...current })), [draft]);
  // Checked ahead of the click, so the click itself can call permissions.request first (a user gesture).
  useEffect(() => {
    browser.permissions.contains({ origins }).then(setGranted, () => setGranted(false));
  }, [origins]);

  async function run(action: () => Promise<AccountSummary | void>, done: (summary?: AccountSummary) => string) {
    setBusy(true);
    setNotice(undefined);
    setInvalid(undefined);
    try {
      const result = await action();
      setNotice({ tone: 'info', text: done(result ?? undefined) });
      onChanged();
    } catch (error) {
      if (error instanceof MessageError) {
        setInvalid(error.info.field);
        setNotice({ tone: 'error', text: accountErrorText(error.info, network, xMode) });
      } else {
        setNotice({ tone: 'error', text: error instanceof Sentence ? error.message : t('errorInternal') });
      }
    } finally {
      setBusy(false);
    }
  }

  async function signIn(): Promise<AccountSummary> {
    const start =
      network === 'mastodon'
        ? await send('accountOAuthStart', { network: 'mastodon', instance: values.instance ?? '' })
        : await send('accountOAuthStart', { network: 'x', clientId: values.clientId?.trim() ?? '', bearerToken: values.bearerToken?.trim() || undefined });
    const redirectUrl = await browser.identity.launchWebAuthFlow({ url: start.authorizeUrl, interactive: true }).catch(() => undefined);
    if (!redirectUrl) throw new Sentence(t('oauthCancelled'));
    return (await send('accountOAuthFinish', { redirectUrl })).summary;
  }

  function connect(event: Event) {
    event.preventDefault();
    const missing = firstMissing(fields, values);
    if (missing) {
      setInvalid(missing.key);
      setNotice({ tone: 'error', text: t('accountFieldMissing', t(missing.label)) });
      return;
    }
    if (network === 'mastodon' && !instanceOrigin(values.instance ?? '')) {
      setInvalid('instance');
      setNotice({ tone: 'error', text: t('errorMastodonInstance') });
      return;
    }
    // The first browser call of the click: Chromium shows the permission prompt only during a user gesture.
    const access = granted ? Promise.resolve(true) : browser.permissions.request({ origins });
    void run(
      async () => {
        if (!(await access)) throw new Sentence(t('accountPermissionDenied', origins.map((o) => new URL(o.replace('/*', '')).host).join(', ')));
        const connected = usesSignIn(network, xMode) ? await signIn() : await send('accountSave', { network, account: toAccountInput(network, xMode, values) });
        setValues({});
        return connected;
      },
      (result) => t('accountTestOk', result?.name ?? name),
    );
  }

  const test = () =>
    run(
      () => send('accountTest', { network }),
      (result) => t('accountTestOk', result?.name ?? name),
    );
  const remove = () =>
    run(
      async () => {
        await send('accountRemove', { network });
      },
      () => t('accountRemoved'),
    );

  return (
    <section class="account-card" data-testid={`account-${network}`} data-connected={summary ? 'true' : 'false'}>
      <h3>{name}</h3>
      <p class="account-status" data-testid={`account-${network}-status`}>
        {summary ? t('accountConnectedAs', summary.name ?? name) : t('accountNotConnected')}
      </p>
      {summary?.expiresAt !== undefined && <p class="muted">{t('accountExpires', formatDate(summary.expiresAt))}</p>}
      {summary && summary.expiresAt === undefined && expiryIsManual(network) && <p class="muted">{t('accountExpiryUnknown')}</p>}
      {summary ? (
        <div class="account-actions">
          <button type="button" data-testid={`account-${network}-test`} disabled={busy || locked} onClick={test}>
            {busy ? t('accountWorking') : t('accountTest')}
          </button>
          <button type="button" data-testid={`account-${network}-remove`} disabled={busy || locked} onClick={remove}>
            {t('accountRemove')}
          </button>
        </div>
      ) : (
        <form class="account-form" noValidate onSubmit={connect}>
          {draft && <p class="muted">{t('accountPrefilled')}</p>}
          {network === 'x' && (
            <div class="x-mode" role="radiogroup">
              {(['oauth2', 'oauth1'] as const).map((mode) => (
                <label key={mode}>
                  <input type="radio" name="x-mode" checked={xMode === mode} data-testid={`account-x-mode-${mode}`} onChange={() => setXMode(mode)} />
                  {t(mode === 'oauth2' ? 'xModeOAuth2' : 'xModeOAuth1')}
                </label>
              ))}
            </div>
          )}
          <AccountForm
            network={network}
            fields={fields}
            values={values}
            invalid={invalid}
            disabled={busy || locked}
            onChange={(key, value) => {
              setValues((current) => ({ ...current, [key]: value }));
              // An error about the form goes once the officer edits it (issue 14.13); a success note stays.
              setNotice((current) => (current?.tone === 'error' ? undefined : current));
            }}
          />
          {unconfirmedServer && (
            <div class="notice notice-warning notice-stack" role="alert" data-testid={`account-${network}-server-warning`}>
              <span>{t('accountImportedServer', unconfirmedServer)}</span>
              <button type="button" data-testid={`account-${network}-server-confirm`} onClick={() => setServerConfirmed(unconfirmedServer)}>
                {t('accountImportedServerConfirm')}
              </button>
            </div>
          )}
          <button type="submit" class="primary" data-testid={`account-${network}-connect`} disabled={busy || locked || unconfirmedServer !== undefined}>
            {busy ? t('accountWorking') : usesSignIn(network, xMode) ? t('accountSignIn', name) : t('accountConnect')}
          </button>
        </form>
      )}
      {locked && <p class="muted">{t('accountLockedHint')}</p>}
      {notice && (
        <Alert tone={notice.tone} testId={`account-${network}-message`}>
          {notice.text}
        </Alert>
      )}
    </section>
  );
}
