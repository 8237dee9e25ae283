import { PageHeader } from './PageHeader';
import { SettingsWarning } from './SettingsWarning';
import { t } from '../utils/i18n';

export function SidePanel() {
  return (
    <main class="sidepanel">
      <PageHeader subtitle="sidepanelTitle" />
      <SettingsWarning />
      <p class="empty">{t('sidepanelEmpty')}</p>
    </main>
  );
}
