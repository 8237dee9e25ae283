import { applyHashtags, applySignature } from '../../utils/compose/presets';
import { t } from '../../utils/i18n';
import type { SETTINGS, SettingValue } from '../../utils/settings';

/** One click applies a saved hashtag set or signature line to the base text. */
export function PresetBar({ presets, text, onText }: { presets: SettingValue<typeof SETTINGS.presets>; text: string; onText(text: string): void }) {
  if (presets.hashtags.length === 0 && presets.signatures.length === 0) return null;
  return (
    <div class="chips" role="group" aria-label={t('composerPresets')}>
      {presets.hashtags.map((preset) => (
        <button
          key={preset.id}
          type="button"
          class="chip"
          data-testid={`preset-${preset.id}`}
          onClick={() => onText(applyHashtags(text, preset.tags.split(/\s+/).filter(Boolean)))}
        >
          {preset.label}
        </button>
      ))}
      {presets.signatures.map((preset) => (
        <button key={preset.id} type="button" class="chip" data-testid={`preset-${preset.id}`} onClick={() => onText(applySignature(text, preset.text))}>
          {preset.label}
        </button>
      ))}
    </div>
  );
}
