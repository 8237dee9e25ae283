import { PageHeader } from './PageHeader';
import { SettingsWarning } from './SettingsWarning';

export function Options() {
  return (
    <main class="options">
      <PageHeader subtitle="optionsTitle" />
      <SettingsWarning />
    </main>
  );
}
