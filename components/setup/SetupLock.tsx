import { t } from '../../utils/i18n';
import { LockSection } from '../options/LockSection';
import { useAccounts } from '../options/useAccounts';

/** The passphrase lock (utils/secrets through the worker's lock messages), explained for a first run. */
export function SetupLock() {
  const { state, reload } = useAccounts();
  return (
    <>
      <p class="hint">{t('setupLockHint')}</p>
      {state && <LockSection lock={state.lock} onChanged={() => void reload()} />}
    </>
  );
}
