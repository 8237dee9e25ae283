import { formatZoned } from '../../utils/compose/schedule';
import { networkNameKey } from '../../utils/networks/names';
import { t, uiLanguage } from '../../utils/i18n';
import type { NetworkId } from '../../utils/networks/ids';
import { Alert } from '../common/Alert';
import { safeHttpUrl } from '../../utils/net/safe-url';

/** Warns that this link was already posted (from the audit log), so a story is not shared twice. */
export function AlreadyShared({ shares, timeZone }: { shares: { network: NetworkId; at: number; url?: string }[]; timeZone: string }) {
  if (shares.length === 0) return null;
  return (
    <Alert tone="warning" testId="already-shared">
      {t('composerAlreadyShared')}
      <ul>
        {shares.map((share) => (
          <li key={`${share.network}-${share.at}`}>
            {t(networkNameKey(share.network))}, {formatZoned(share.at, timeZone, uiLanguage())}
            {safeHttpUrl(share.url) && (
              <>
                {' '}
                ·{' '}
                <a href={safeHttpUrl(share.url)} target="_blank" rel="noopener noreferrer">
                  {t('viewPost')}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
