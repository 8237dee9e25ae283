import { browser } from '#imports';
import { PageHeader } from './PageHeader';
import { SettingsWarning } from './SettingsWarning';
import { t } from '../utils/i18n';

export function Popup() {
  return (
    <main class="popup">
      <PageHeader subtitle="popupTagline">
        <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>{t('openOptions')}</button>
      </PageHeader>
      <SettingsWarning />
    </main>
  );
}
