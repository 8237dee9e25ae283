import { useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { send } from '../../utils/messages';
import { Alert } from '../common/Alert';

/** How many tone corrections this device learnt from, and "forget what Siar learned". */
export function ToneLearningSection() {
  const [corrections, setCorrections] = useState<number>();
  const [forgotten, setForgotten] = useState(false);
  useEffect(() => {
    void send('toneLearningStatus', {}).then((status) => setCorrections(status.corrections));
  }, []);
  const forget = async () => {
    await send('toneForget', {});
    setCorrections(0);
    setForgotten(true);
  };
  return (
    <section class="options-section" data-testid="tone-learning-section">
      <h2>{t('toneLearningTitle')}</h2>
      <p class="muted" data-testid="tone-learning-count">
        {t('toneLearningHint', [String(corrections ?? 0)])}
      </p>
      <button type="button" data-testid="tone-forget" disabled={!corrections} onClick={forget}>
        {t('toneForget')}
      </button>
      {forgotten && (
        <Alert tone="info" testId="tone-forgotten">
          {t('toneForgotten')}
        </Alert>
      )}
    </section>
  );
}
