import type { KitView } from '../../utils/campaigns/protocol';
import { t } from '../../utils/i18n';
import { Alert } from '../common/Alert';

/** Says which campaign kit the composer holds, and what every post must contain. */
export function KitBanner({ kit }: { kit: KitView }) {
  return (
    <Alert tone="info" testId="kit-banner">
      <span>
        {t('kitInComposer', kit.title)}
        {kit.mandatory.length > 0 && ` · ${t('kitMandatory', kit.mandatory.join(' '))}`}
      </span>
    </Alert>
  );
}
