import { useState } from 'preact/hooks';
import { MIN_PASSPHRASE } from '../../utils/accounts/protocol';
import { t } from '../../utils/i18n';
import { MessageError, send } from '../../utils/messages';
import type { NetworkId } from '../../utils/networks/ids';
import { networkNameKey } from '../../utils/networks/names';
import { Alert } from '../common/Alert';

interface Props {
  lock: { enabled: boolean; unlocked: boolean; exposed: NetworkId[] };
  onChanged(): void;
}

/** Turns the passphrase lock on or off, unlocks for this browser session, or locks now. */
export function LockSection({ lock, onChanged }: Props) {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
      setPassphrase('');
      setRepeat('');
      onChanged();
    } catch (error) {
      setProblem(t(error instanceof MessageError ? error.info.messageKey : 'errorInternal'));
    } finally {
      setBusy(false);
    }
  }

  function enable(event: Event) {
    event.preventDefault();
    if (passphrase.length < MIN_PASSPHRASE) return setProblem(t('lockTooShort', String(MIN_PASSPHRASE)));
    if (passphrase !== repeat) return setProblem(t('lockMismatch'));
    void act(() => send('lockEnable', { passphrase }));
  }

  const state = !lock.enabled ? 'lockStateOff' : lock.unlocked ? 'lockStateUnlocked' : 'lockStateLocked';
  const input = (value: string, set: (v: string) => void, label: 'lockPassphrase' | 'lockPassphraseRepeat', testId: string) => (
    <label class="field">
      <span class="field-label">{t(label)}</span>
      <input
        type="password"
        autocomplete="new-password"
        data-testid={testId}
        value={value}
        disabled={busy}
        onInput={(event) => set(event.currentTarget.value)}
      />
    </label>
  );

  return (
    <section class="options-section" id="lock" data-testid="lock-section" data-state={state}>
      <h2>{t('lockTitle')}</h2>
      <p class="muted">{t('lockIntro')}</p>
      <p data-testid="lock-state">{t(state)}</p>
      {!lock.enabled && (
        <form onSubmit={enable} class="row-form">
          {input(passphrase, setPassphrase, 'lockPassphrase', 'lock-passphrase')}
          {input(repeat, setRepeat, 'lockPassphraseRepeat', 'lock-passphrase-repeat')}
          <button type="submit" data-testid="lock-enable" disabled={busy}>
            {t('lockEnable')}
          </button>
        </form>
      )}
      {lock.enabled && !lock.unlocked && (
        <form
          class="row-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => send('lockUnlock', { passphrase }));
          }}
        >
          {input(passphrase, setPassphrase, 'lockPassphrase', 'lock-passphrase')}
          <button type="submit" class="primary" data-testid="lock-unlock" disabled={busy || !passphrase}>
            {t('lockUnlock')}
          </button>
        </form>
      )}
      {lock.enabled && lock.unlocked && (
        <form
          class="row-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(() => send('lockDisable', { passphrase }));
          }}
        >
          <button type="button" data-testid="lock-now" disabled={busy} onClick={() => void act(() => send('lockNow', {}))}>
            {t('lockLockNow')}
          </button>
          {input(passphrase, setPassphrase, 'lockPassphrase', 'lock-passphrase')}
          <button type="submit" data-testid="lock-disable" disabled={busy || !passphrase}>
            {t('lockDisable')}
          </button>
        </form>
      )}
      {problem && <Alert testId="lock-problem">{problem}</Alert>}
      {lock.exposed.length > 0 && (
        <div role="alert" class="notice" data-testid="lock-exposed">
          <p>{t('lockExposed', lock.exposed.map((id) => t(networkNameKey(id))).join(', '))}</p>
          <button type="button" data-testid="lock-exposed-dismiss" disabled={busy} onClick={() => void act(() => send('lockExposedDismiss', {}))}>
            {t('lockExposedDone')}
          </button>
        </div>
      )}
    </section>
  );
}
