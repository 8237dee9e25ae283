import { useEffect, useState } from 'preact/hooks';
import { checkLabel, checkSignature, checkTags, checkUtm, type Check } from '../../utils/compose/preset-checks';
import { networkNameKey } from '../../utils/networks/names';
import { t } from '../../utils/i18n';
import { NETWORK_IDS } from '../../utils/networks/ids';
import { SETTINGS, readSetting, watchSetting, writeSetting, type SettingValue } from '../../utils/settings';
import { Alert } from '../common/Alert';

type Presets = SettingValue<typeof SETTINGS.presets>;
type Utm = NonNullable<Presets['utm'][keyof Presets['utm']]>;

const newId = () => crypto.randomUUID();
const say = (check: Check) => (check ? t(check.key, check.sub) : undefined);

function Field({ label, value, check, testId, onInput }: { label: string; value: string; check: Check; testId: string; onInput(value: string): void }) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <input value={value} data-testid={testId} aria-invalid={check !== undefined} onInput={(event) => onInput(event.currentTarget.value)} />
      {check && (
        <span class="error-text" role="alert">
          {say(check)}
        </span>
      )}
    </label>
  );
}

/** Hashtag sets, signature lines and UTM per network, checked as the officer types. */
export function PresetsSection() {
  const [presets, setPresets] = useState<Presets>();
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; key: 'presetSaved' | 'presetFixFirst' }>();
  useEffect(() => {
    void readSetting(SETTINGS.presets).then(setPresets);
    return watchSetting(SETTINGS.presets, setPresets);
  }, []);
  if (!presets) return null;

  const change = (next: Presets) => {
    setPresets(next);
    setStatus(undefined);
  };
  const problems = [
    ...presets.hashtags.flatMap((set) => [checkLabel(set.label), checkTags(set.tags)]),
    ...presets.signatures.flatMap((line) => [checkLabel(line.label), checkSignature(line.text)]),
    ...Object.values(presets.utm).flatMap((utm) => (utm ? [checkUtm(utm.source), checkUtm(utm.medium), checkUtm(utm.campaign)] : [])),
  ].filter(Boolean);
  const save = async () => {
    if (problems.length) return setStatus({ tone: 'error', key: 'presetFixFirst' });
    await writeSetting(SETTINGS.presets, presets);
    setStatus({ tone: 'info', key: 'presetSaved' });
  };
  const setUtm = (network: (typeof NETWORK_IDS)[number], key: keyof Utm, value: string) => {
    const current = presets.utm[network] ?? { source: '', medium: '', campaign: '' };
    const next = { ...current, [key]: value };
    const utm = { ...presets.utm, [network]: next };
    if (!next.source && !next.medium && !next.campaign) delete utm[network];
    change({ ...presets, utm });
  };

  return (
    <section class="options-section" data-testid="presets-section">
      <h2>{t('presetsTitle')}</h2>
      <h3>{t('presetHashtags')}</h3>
      {presets.hashtags.map((set, index) => (
        <div class="preset-row" key={set.id}>
          <Field
            label={t('presetLabel')}
            value={set.label}
            check={checkLabel(set.label)}
            testId={`preset-hashtag-label-${index}`}
            onInput={(label) => change({ ...presets, hashtags: presets.hashtags.map((s) => (s.id === set.id ? { ...s, label } : s)) })}
          />
          <Field
            label={t('presetTags')}
            value={set.tags}
            check={checkTags(set.tags)}
            testId={`preset-hashtag-tags-${index}`}
            onInput={(tags) => change({ ...presets, hashtags: presets.hashtags.map((s) => (s.id === set.id ? { ...s, tags } : s)) })}
          />
          <button type="button" onClick={() => change({ ...presets, hashtags: presets.hashtags.filter((s) => s.id !== set.id) })}>
            {t('presetRemove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        data-testid="preset-hashtag-add"
        onClick={() => change({ ...presets, hashtags: [...presets.hashtags, { id: newId(), label: '', tags: '' }] })}
      >
        {t('presetAdd')}
      </button>
      <h3>{t('presetSignatures')}</h3>
      {presets.signatures.map((line, index) => (
        <div class="preset-row" key={line.id}>
          <Field
            label={t('presetLabel')}
            value={line.label}
            check={checkLabel(line.label)}
            testId={`preset-signature-label-${index}`}
            onInput={(label) => change({ ...presets, signatures: presets.signatures.map((s) => (s.id === line.id ? { ...s, label } : s)) })}
          />
          <Field
            label={t('presetText')}
            value={line.text}
            check={checkSignature(line.text)}
            testId={`preset-signature-text-${index}`}
            onInput={(text) => change({ ...presets, signatures: presets.signatures.map((s) => (s.id === line.id ? { ...s, text } : s)) })}
          />
          <button type="button" onClick={() => change({ ...presets, signatures: presets.signatures.filter((s) => s.id !== line.id) })}>
            {t('presetRemove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        data-testid="preset-signature-add"
        onClick={() => change({ ...presets, signatures: [...presets.signatures, { id: newId(), label: '', text: '' }] })}
      >
        {t('presetAdd')}
      </button>
      <h3>{t('presetUtm')}</h3>
      {NETWORK_IDS.map((network) => {
        const utm = presets.utm[network] ?? { source: '', medium: '', campaign: '' };
        return (
          <div class="preset-row" key={network}>
            <span class="field-label utm-network">{t(networkNameKey(network))}</span>
            {(['source', 'medium', 'campaign'] as const).map((key) => (
              <Field
                key={key}
                label={`utm_${key}`}
                value={utm[key]}
                check={checkUtm(utm[key])}
                testId={`preset-utm-${network}-${key}`}
                onInput={(value) => setUtm(network, key, value)}
              />
            ))}
          </div>
        );
      })}
      <button type="button" class="primary" data-testid="preset-save" onClick={() => void save()}>
        {t('presetSave')}
      </button>
      {status && (
        <Alert tone={status.tone} testId="preset-status">
          {t(status.key)}
        </Alert>
      )}
    </section>
  );
}
