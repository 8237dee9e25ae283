import { t } from '../../utils/i18n';
import { NETWORK_IDS } from '../../utils/networks/ids';
import { AccountCard } from './AccountCard';
import { ExpiryWarnings } from './ExpiryWarnings';
import { LockSection } from './LockSection';
import { useAccounts } from './useAccounts';

/** Every network's account, the expiry dashboard and the passphrase lock. */
export function AccountsSection() {
  const { state, reload } = useAccounts();
  if (!state) return null;
  const locked = state.lock.enabled && !state.lock.unlocked;
  return (
    <>
      <section class="options-section" data-testid="accounts-section">
        <h2>{t('accountsTitle')}</h2>
        <p class="muted">{t('accountsIntro')}</p>
        <ExpiryWarnings accounts={state.accounts} now={state.loadedAt} />
        <div class="account-grid">
          {NETWORK_IDS.map((network) => (
            <AccountCard
              key={network}
              network={network}
              summary={state.accounts[network]}
              draft={state.drafts[network]}
              locked={locked}
              onChanged={() => void reload()}
            />
          ))}
        </div>
      </section>
      <LockSection lock={state.lock} onChanged={() => void reload()} />
    </>
  );
}
