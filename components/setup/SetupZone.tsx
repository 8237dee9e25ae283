import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { SETTINGS, readSetting } from '../../utils/settings';
import { INDONESIAN_ZONES } from '../../utils/setup';

/** WIB, WITA or WIT: the zone every time Siar shows is written in. */
export function SetupZone({ onSave }: { onSave(zone: string): void }) {
  const [zone, setZone] = useState('Asia/Jakarta');
  useEffect(() => {
    void readSetting(SETTINGS.preferences).then((p) => setZone(p.timeZone));
  }, []);
  return (
    <form
      class="setup-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(zone);
      }}
    >
      <p class="hint">{t('setupZoneHint')}</p>
      {INDONESIAN_ZONES.map((option) => (
        <label key={option.zone} class="check">
          <input type="radio" name="zone" data-testid={`setup-zone-${option.label}`} checked={zone === option.zone} onChange={() => setZone(option.zone)} />
          {t(`setupZone${option.label}` as 'setupZoneWIB')}
        </label>
      ))}
      <button type="submit" class="primary" data-testid="setup-save">
        {t('setupSaveNext')}
      </button>
    </form>
  );
}
