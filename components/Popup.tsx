import { browser } from '#imports';
import { useEffect } from 'preact/hooks';
import { markReady } from './mount';
import { PageHeader } from './PageHeader';
import { SettingsWarning } from './SettingsWarning';
import { t } from '../utils/i18n';

export function Popup() {
  useEffect(markReady, []);
  return (
    <main class="popup">
      <PageHeader subtitle="popupTagline">
        <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>{t('openOptions')}</button>
      </PageHeader>
      <SettingsWarning />
    </main>
  );
}
