import { AccountsSection } from './AccountsSection';
import { AuditLog } from './AuditLog';
import { Listening } from './Listening';
import { PageHeader } from './PageHeader';
import { PresetsSection } from './PresetsSection';
import { ProfileSection } from './ProfileSection';
import { SettingsTransfer } from './SettingsTransfer';
import { SettingsWarning } from './SettingsWarning';
import { ToneLearningSection } from './ToneLearningSection';

export function Options() {
  return (
    <main class="options">
      <PageHeader subtitle="optionsTitle" />
      <SettingsWarning />
      <AccountsSection />
      <ProfileSection />
      <PresetsSection />
      <Listening />
      <ToneLearningSection />
      <AuditLog />
      <SettingsTransfer />
    </main>
  );
}
