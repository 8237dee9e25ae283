import { expiringSoon, type AccountSummaries } from '../../utils/networks/public';
import { networkNameKey } from '../../utils/networks/names';
import { t, uiLanguage } from '../../utils/i18n';
import { Alert } from '../common/Alert';

export const formatDate = (at: number) => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long' }).format(at);

/** Tokens that lapse within seven days (or already have), soonest first. */
export function ExpiryWarnings({ accounts, now }: { accounts: AccountSummaries; now: number }) {
  const soon = expiringSoon(accounts, now);
  if (soon.length === 0) return null;
  return (
    <Alert tone="warning" testId="expiry-warnings">
      <ul>
        {soon.map(({ network, expiresAt, lapsed }) => (
          <li key={network}>{t(lapsed ? 'expiryLapsed' : 'expiryWarning', [t(networkNameKey(network)), formatDate(expiresAt)])}</li>
        ))}
      </ul>
    </Alert>
  );
}
