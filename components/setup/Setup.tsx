import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import { SETTINGS, readSetting, updateSetting, writeSetting } from '../../utils/settings';
import { SETUP_STEPS, type SetupStep } from '../../utils/setup';
import { PageHeader } from '../common/PageHeader';
import { SetupNetworks } from './SetupNetworks';
import { SetupWatch } from './SetupWatch';
import { SetupLock } from './SetupLock';
import { SetupZone } from './SetupZone';

const TITLES: Record<SetupStep, MessageKey> = {
  profile: 'setupStepProfile',
  timezone: 'setupStepTimezone',
  lock: 'setupStepLock',
  networks: 'setupStepNetworks',
  watch: 'setupStepWatch',
  done: 'setupStepDone',
};

/** One step's frame: its title, its content, and "skip" beside whatever saves it. */
export function StepFrame({ step, children, onSkip }: { step: SetupStep; children: preact.ComponentChildren; onSkip?(): void }) {
  return (
    <section class="setup-step" data-testid={`setup-step-${step}`} aria-labelledby={`setup-title-${step}`}>
      <h2 id={`setup-title-${step}`}>{t(TITLES[step])}</h2>
      {children}
      {onSkip && (
        <button type="button" class="link setup-skip" data-testid="setup-skip" onClick={onSkip}>
          {t('setupSkip')}
        </button>
      )}
    </section>
  );
}

/**
 * The first-run set-up, opened on install: who the officer is, their time zone, the lock, which
 * networks to connect (with help for each credential) and a first watch. Every step can be skipped.
 */
export function Setup() {
  const [step, setStep] = useState<SetupStep>('profile');
  const [profile, setProfile] = useState({ name: '', unit: '' });
  useEffect(() => {
    void readSetting(SETTINGS.profile).then(setProfile);
  }, []);
  const next = () => setStep(SETUP_STEPS[Math.min(SETUP_STEPS.indexOf(step) + 1, SETUP_STEPS.length - 1)]!);

  return (
    <main class="setup">
      <PageHeader subtitle="setupSubtitle" />
      <nav class="setup-nav" aria-label={t('setupTitle')}>
        <ol>
          {SETUP_STEPS.map((id, index) => (
            <li key={id}>
              <button
                type="button"
                class="link"
                aria-current={id === step ? 'step' : undefined}
                data-testid={`setup-nav-${id}`}
                onClick={() => setStep(id)}
              >{`${index + 1}. ${t(TITLES[id])}`}</button>
            </li>
          ))}
        </ol>
      </nav>
      {step === 'profile' && (
        <StepFrame step="profile" onSkip={next}>
          <p class="hint">{t('setupProfileHint')}</p>
          <form
            class="setup-form"
            onSubmit={(event) => {
              event.preventDefault();
              void writeSetting(SETTINGS.profile, profile).then(next);
            }}
          >
            <label class="field">
              <span class="field-label">{t('profileName')}</span>
              <input data-testid="setup-name" maxLength={120} value={profile.name} onInput={(e) => setProfile({ ...profile, name: e.currentTarget.value })} />
            </label>
            <label class="field">
              <span class="field-label">{t('profileUnit')}</span>
              <input data-testid="setup-agency" maxLength={200} value={profile.unit} onInput={(e) => setProfile({ ...profile, unit: e.currentTarget.value })} />
            </label>
            <button type="submit" class="primary" data-testid="setup-save">
              {t('setupSaveNext')}
            </button>
          </form>
        </StepFrame>
      )}
      {step === 'timezone' && (
        <StepFrame step="timezone" onSkip={next}>
          <SetupZone onSave={(zone) => void updateSetting(SETTINGS.preferences, (p) => ({ ...p, timeZone: zone })).then(next)} />
        </StepFrame>
      )}
      {step === 'lock' && (
        <StepFrame step="lock" onSkip={next}>
          <SetupLock />
        </StepFrame>
      )}
      {step === 'networks' && (
        <StepFrame step="networks" onSkip={next}>
          <SetupNetworks />
        </StepFrame>
      )}
      {step === 'watch' && (
        <StepFrame step="watch" onSkip={next}>
          <SetupWatch agency={profile.unit} onSaved={next} />
        </StepFrame>
      )}
      {step === 'done' && (
        <StepFrame step="done">
          <p data-testid="setup-done">{t('setupDoneText')}</p>
          <a class="chip" href="/options.html" data-testid="setup-options-link">
            {t('openOptions')}
          </a>
        </StepFrame>
      )}
    </main>
  );
}
