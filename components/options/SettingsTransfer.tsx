import { browser } from '#imports';
import { useState } from 'preact/hooks';
import { networkNameKey } from '../../utils/networks/names';
import { t } from '../../utils/i18n';
import { MessageError, send } from '../../utils/messages';
import type { NetworkId } from '../../utils/networks/ids';
import { problemSentence } from '../../utils/settings-file/problem-text';
import type { ImportPlanView } from '../../utils/settings-file/protocol';
import { Alert } from '../common/Alert';

type Notice = { tone: 'info' | 'error' | 'warning'; text: string };

const names = (networks: NetworkId[]) => networks.map((network) => t(networkNameKey(network))).join(', ');

function planLines(plan: ImportPlanView): string[] {
  return [
    plan.profile && t('importChangeProfile'),
    plan.presets && t('importChangePresets'),
    plan.preferences && t('importChangePreferences'),
    plan.connect.length > 0 && t('importConnect', names(plan.connect)),
    plan.prefill.length > 0 && t('importPrefill', names(plan.prefill)),
    (plan.watchesAdded.length > 0 || plan.watchesUpdated.length > 0) &&
      t('importWatches', [String(plan.watchesAdded.length), String(plan.watchesUpdated.length)]),
    (plan.sourcesAdded > 0 || plan.sourcesUpdated > 0) && t('importSources', [String(plan.sourcesAdded), String(plan.sourcesUpdated)]),
    plan.hosts.length > 0 && t('importHosts', plan.hosts.join(', ')),
  ].filter((line): line is string => typeof line === 'string');
}

/** What applying the file loses, each in plain words with its count (issue 13.4). */
function lossLines(plan: ImportPlanView): string[] {
  return [
    plan.deletes.old > 0 && t('importDeletesOld', [String(plan.deletes.old), String(plan.deletes.days)]),
    plan.deletes.excess > 0 && t('importDeletesExcess', [String(plan.deletes.excess), String(plan.deletes.maxCount)]),
    plan.replaces.length > 0 && t('importReplaces', names(plan.replaces)),
  ].filter((line): line is string => typeof line === 'string');
}

function download(json: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One file out (secrets only when ticked and confirmed); one file in, previewed, then applied whole or not at all. */
export function SettingsTransfer() {
  const [secrets, setSecrets] = useState<'no' | 'asking' | 'yes'>('no');
  // With the lock on, exporting tokens asks for the passphrase again (issue 13.9).
  const [lockOn, setLockOn] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [pending, setPending] = useState<{ text: string; plan: ImportPlanView }>();
  const [lossConfirmed, setLossConfirmed] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const fail = (error: unknown) => setNotice({ tone: 'error', text: t(error instanceof MessageError ? error.info.messageKey : 'errorInternal') });

  const exportFile = async () => {
    setNotice(undefined);
    try {
      const withSecrets = secrets === 'yes';
      const { json, fileName } = await send('settingsExport', { includeSecrets: withSecrets, passphrase: withSecrets && lockOn ? passphrase : undefined });
      setPassphrase('');
      download(json, fileName);
      setNotice({ tone: 'info', text: t('exportDone', fileName) });
    } catch (error) {
      fail(error);
    }
  };

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    setPending(undefined);
    setNotice(undefined);
    if (!file) return;
    try {
      const text = await file.text();
      const answer = await send('settingsImportPreview', { text });
      if (!answer.ok) return setNotice({ tone: 'error', text: problemSentence(answer.problem) });
      setLossConfirmed(false);
      setPending({ text, plan: answer.plan });
    } catch (error) {
      fail(error);
    }
  };

  const apply = () => {
    if (!pending) return;
    // Asked inside the click (a user gesture) for accounts the file connects with their tokens.
    const access = pending.plan.origins.length ? browser.permissions.request({ origins: pending.plan.origins }) : Promise.resolve(true);
    void (async () => {
      try {
        await access;
        const answer = await send('settingsImportApply', { text: pending.text, confirmedLoss: lossConfirmed });
        setPending(undefined);
        setNotice(answer.ok ? { tone: 'info', text: t('importApplied') } : { tone: 'error', text: problemSentence(answer.problem) });
      } catch (error) {
        fail(error);
      }
    })();
  };

  const lines = pending ? planLines(pending.plan) : [];
  const losses = pending ? lossLines(pending.plan) : [];
  return (
    <section class="options-section" data-testid="transfer-section">
      <h2>{t('transferTitle')}</h2>
      <p class="muted">{t('transferIntro')}</p>
      <div class="row-form">
        <label>
          <input
            type="checkbox"
            data-testid="export-include-secrets"
            checked={secrets === 'yes'}
            onChange={(event) => {
              const ticked = event.currentTarget.checked;
              setSecrets(ticked ? 'asking' : 'no');
              if (ticked)
                void send('accountsSummary', {}).then(
                  (summary) => setLockOn(summary.lock.enabled),
                  () => setLockOn(true),
                );
            }}
          />
          {t('exportIncludeSecrets')}
        </label>
        {secrets === 'yes' && lockOn && (
          <label class="field">
            <span class="field-label">{t('exportPassphrase')}</span>
            <input
              type="password"
              autocomplete="current-password"
              data-testid="export-passphrase"
              value={passphrase}
              onInput={(event) => setPassphrase(event.currentTarget.value)}
            />
          </label>
        )}
        <button
          type="button"
          data-testid="settings-export"
          disabled={secrets === 'asking' || (secrets === 'yes' && lockOn && !passphrase)}
          onClick={() => void exportFile()}
        >
          {t('exportButton')}
        </button>
      </div>
      {secrets === 'asking' && (
        <Alert tone="warning" testId="export-secrets-warning">
          <span>{t('exportSecretsConfirm')}</span>
          <button type="button" data-testid="export-secrets-confirm" onClick={() => setSecrets('yes')}>
            {t('exportIncludeSecrets')}
          </button>
          <button type="button" onClick={() => setSecrets('no')}>
            {t('importCancel')}
          </button>
        </Alert>
      )}
      <label class="field">
        <span class="field-label">{t('importLabel')}</span>
        <input type="file" accept="application/json,.json" data-testid="settings-import" onChange={(event) => void choose(event.currentTarget)} />
      </label>
      {pending && (
        <div class="import-preview" data-testid="import-preview">
          <p>{lines.length ? t('importPreviewTitle') : t('importNoChanges')}</p>
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {losses.length > 0 && (
            <div class="notice notice-warning notice-stack" role="alert" data-testid="import-losses">
              <ul>
                {losses.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p>{t('importKeptNote')}</p>
              <label>
                <input
                  type="checkbox"
                  data-testid="import-confirm-loss"
                  checked={lossConfirmed}
                  onChange={(event) => setLossConfirmed(event.currentTarget.checked)}
                />
                {t('importConfirmLoss')}
              </label>
            </div>
          )}
          <button type="button" class="primary" data-testid="import-apply" disabled={losses.length > 0 && !lossConfirmed} onClick={apply}>
            {t('importApply')}
          </button>
          <button type="button" onClick={() => setPending(undefined)}>
            {t('importCancel')}
          </button>
        </div>
      )}
      {notice && (
        <Alert tone={notice.tone} testId="transfer-notice">
          {notice.text}
        </Alert>
      )}
    </section>
  );
}
