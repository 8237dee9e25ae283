import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { SETTINGS, preferencesSchema, readSetting, writeSetting, type SettingValue } from '../../utils/settings';
import { INDONESIAN_ZONES } from '../../utils/setup';
import { Alert } from '../common/Alert';

type Preferences = SettingValue<typeof SETTINGS.preferences>;

/** Time zone (WIB/WITA/WIT), quiet hours for notifications and how long mentions are kept. */
export function PreferencesSection() {
  const [prefs, setPrefs] = useState<Preferences>();
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string }>();
  useEffect(() => {
    void readSetting(SETTINGS.preferences).then(setPrefs);
  }, []);
  if (!prefs) return null;
  const edit = (change: Partial<Preferences>) => {
    setPrefs({ ...prefs, ...change });
    setStatus(undefined);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = preferencesSchema.safeParse(prefs);
    if (!parsed.success) return setStatus({ tone: 'error', text: t('preferencesInvalid') });
    setPrefs(await writeSetting(SETTINGS.preferences, parsed.data));
    setStatus({ tone: 'info', text: t('profileSaved') });
  };
  const zones = INDONESIAN_ZONES.some((z) => z.zone === prefs.timeZone)
    ? INDONESIAN_ZONES
    : [...INDONESIAN_ZONES, { zone: prefs.timeZone, label: prefs.timeZone }];
  return (
    <section class="options-section" id="preferences" data-testid="preferences-section">
      <h2>{t('preferencesTitle')}</h2>
      <form class="setup-form" onSubmit={(event) => void save(event)}>
        <label class="field">
          <span class="field-label">{t('setupStepTimezone')}</span>
          <select data-testid="pref-timezone" value={prefs.timeZone} onChange={(e) => edit({ timeZone: e.currentTarget.value })}>
            {zones.map((z) => (
              <option key={z.zone} value={z.zone}>
                {z.label in { WIB: 1, WITA: 1, WIT: 1 } ? t(`setupZone${z.label}` as 'setupZoneWIB') : z.label}
              </option>
            ))}
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-testid="pref-quiet"
            checked={prefs.quietHours.enabled}
            onChange={(e) => edit({ quietHours: { ...prefs.quietHours, enabled: e.currentTarget.checked } })}
          />
          {t('preferencesQuiet')}
        </label>
        <div class="row-form">
          <label class="field">
            <span class="field-label">{t('panelFrom')}</span>
            <input
              type="time"
              data-testid="pref-quiet-from"
              value={prefs.quietHours.from}
              onInput={(e) => edit({ quietHours: { ...prefs.quietHours, from: e.currentTarget.value } })}
            />
          </label>
          <label class="field">
            <span class="field-label">{t('panelTo')}</span>
            <input
              type="time"
              data-testid="pref-quiet-to"
              value={prefs.quietHours.to}
              onInput={(e) => edit({ quietHours: { ...prefs.quietHours, to: e.currentTarget.value } })}
            />
          </label>
        </div>
        <div class="row-form">
          <label class="field">
            <span class="field-label">{t('preferencesRetentionDays')}</span>
            <input
              type="number"
              min={1}
              max={3650}
              data-testid="pref-retention-days"
              value={prefs.retention.days}
              onInput={(e) => edit({ retention: { ...prefs.retention, days: Math.trunc(Number(e.currentTarget.value)) } })}
            />
          </label>
          <label class="field">
            <span class="field-label">{t('preferencesRetentionCount')}</span>
            <input
              type="number"
              min={100}
              max={2000000}
              data-testid="pref-retention-count"
              value={prefs.retention.maxCount}
              onInput={(e) => edit({ retention: { ...prefs.retention, maxCount: Math.trunc(Number(e.currentTarget.value)) } })}
            />
          </label>
        </div>
        <label class="field">
          <span class="field-label">{t('preferencesCsvSeparator')}</span>
          <select
            data-testid="pref-csv-separator"
            value={prefs.csvSeparator ?? ';'}
            onChange={(e) => edit({ csvSeparator: e.currentTarget.value === ',' ? ',' : ';' })}
          >
            <option value=";">{t('preferencesCsvSemicolon')}</option>
            <option value=",">{t('preferencesCsvComma')}</option>
          </select>
        </label>
        <button type="submit" data-testid="pref-save">
          {t('profileSave')}
        </button>
      </form>
      {status && (
        <Alert tone={status.tone} testId="pref-status">
          {status.text}
        </Alert>
      )}
    </section>
  );
}
