import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { baseProtocol, messageClient } from '../../utils/message-client';

// Every page shows this, the popup too: it checks replies with the base messages only (utils/message-client.ts).
const { send } = messageClient(baseProtocol);

/** Tells the officer when damaged settings were replaced by defaults (the old copy is quarantined). */
export function SettingsWarning() {
  const [keys, setKeys] = useState<string[]>([]);
  useEffect(() => {
    send('settingsStatus', {}).then(
      (status) => setKeys(status.warnings),
      () => setKeys([]),
    );
  }, []);
  if (keys.length === 0) return null;
  const dismiss = () => send('dismissSettingsWarnings', {}).then(() => setKeys([]));
  return (
    <div class="notice notice-warning" role="alert" data-testid="settings-warning">
      <span>{t('settingsCorrupt', keys.join(', '))}</span>
      <button type="button" onClick={dismiss}>
        {t('dismiss')}
      </button>
    </div>
  );
}
