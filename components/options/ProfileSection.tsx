import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { SETTINGS, readSetting, writeSetting } from '../../utils/settings';
import { Alert } from '../common/Alert';

/** The officer's name and unit, written into the audit log with every post. */
export function ProfileSection() {
  const [profile, setProfile] = useState({ name: '', unit: '' });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void readSetting(SETTINGS.profile).then(setProfile);
  }, []);
  const edit = (key: 'name' | 'unit', value: string) => {
    setProfile((current) => ({ ...current, [key]: value }));
    setSaved(false);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setProfile(await writeSetting(SETTINGS.profile, profile));
    setSaved(true);
  };
  return (
    <section class="options-section" data-testid="profile-section">
      <h2>{t('profileTitle')}</h2>
      <p class="muted">{t('profileHint')}</p>
      <form class="row-form" onSubmit={save}>
        <label class="field">
          <span class="field-label">{t('profileName')}</span>
          <input data-testid="profile-name" maxLength={120} value={profile.name} onInput={(event) => edit('name', event.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field-label">{t('profileUnit')}</span>
          <input data-testid="profile-unit" maxLength={200} value={profile.unit} onInput={(event) => edit('unit', event.currentTarget.value)} />
        </label>
        <button type="submit" data-testid="profile-save">
          {t('profileSave')}
        </button>
      </form>
      {saved && (
        <Alert tone="info" testId="profile-status">
          {t('profileSaved')}
        </Alert>
      )}
    </section>
  );
}
