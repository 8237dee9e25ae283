import { useCallback, useEffect, useState } from 'preact/hooks';
import { send, type ResponseOf } from '../../utils/messages';
import { SETTINGS, watchSetting } from '../../utils/settings';

/** The summary and when it was read, the "now" the expiry warnings measure from. */
export type AccountsState = ResponseOf<'accountsSummary'> & { loadedAt: number };

/** The accounts summary (no secrets) and lock state, reloaded after every change. */
export function useAccounts() {
  const [state, setState] = useState<AccountsState>();
  const reload = useCallback(
    () =>
      send('accountsSummary', {}).then(
        (summary) => setState({ ...summary, loadedAt: Date.now() }),
        () => undefined,
      ),
    [],
  );
  useEffect(() => {
    void reload();
    // An import or another window may change accounts meanwhile.
    const stops = [SETTINGS.accountSummaries, SETTINGS.accountDrafts, SETTINGS.sealedAccounts, SETTINGS.exposedSecrets].map((setting) =>
      watchSetting(setting as typeof SETTINGS.accountDrafts, () => void reload()),
    );
    return () => stops.forEach((stop) => stop());
  }, [reload]);
  return { state, reload };
}
