import { browser } from '#imports';
import { t, type MessageKey } from '../../utils/i18n';
import { AccountsSection } from './AccountsSection';
import { AuditLog } from './AuditLog';
import { CampaignSources } from './CampaignSources';
import { Listening } from './Listening';
import { PageHeader } from '../common/PageHeader';
import { PreferencesSection } from './PreferencesSection';
import { PresetsSection } from './PresetsSection';
import { ProfileSection } from './ProfileSection';
import { SettingsTransfer } from './SettingsTransfer';
import { SettingsWarning } from '../common/SettingsWarning';
import { ToneLearningSection } from './ToneLearningSection';

/** The sections a long settings page is navigated by (anchors to each section's id). */
const SECTIONS: [id: string, label: MessageKey][] = [
  ['accounts', 'accountsTitle'],
  ['listening', 'optionsNavListening'],
  ['campaigns', 'optionsNavCampaigns'],
  ['presets', 'optionsNavPresets'],
  ['lock', 'lockTitle'],
  ['preferences', 'preferencesTitle'],
  ['transfer', 'optionsNavTransfer'],
  ['audit', 'optionsNavAudit'],
  ['about', 'optionsNavAbout'],
];

export function Options() {
  return (
    <main class="options">
      <PageHeader subtitle="optionsTitle" />
      <nav class="options-nav" aria-label={t('optionsTitle')} data-testid="options-nav">
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`}>
            {t(label)}
          </a>
        ))}
      </nav>
      <SettingsWarning />
      <div id="accounts">
        <AccountsSection />
      </div>
      <ProfileSection />
      <div id="presets">
        <PresetsSection />
      </div>
      <Listening />
      <CampaignSources />
      <ToneLearningSection />
      <PreferencesSection />
      <AuditLog />
      <div id="transfer">
        <SettingsTransfer />
      </div>
      <section class="options-section" id="about" data-testid="about-section">
        <h2>{t('optionsNavAbout')}</h2>
        <p>{t('optionsAbout', browser.runtime.getManifest().version)}</p>
        <p>
          <a href="/setup.html" data-testid="about-setup">
            {t('setupTitle')}
          </a>
        </p>
      </section>
    </main>
  );
}
