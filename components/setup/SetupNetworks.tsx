import { browser } from '#imports';
import { useState } from 'preact/hooks';
import { networkNameKey } from '../../utils/networks/names';
import { t } from '../../utils/i18n';
import { NETWORK_IDS, type NetworkId } from '../../utils/networks/ids';
import { NETWORK_HELP } from '../../utils/setup';
import { AccountCard } from '../options/AccountCard';
import { useAccounts } from '../options/useAccounts';

/** Which networks to connect: each with its credential explained step by step, then its connect form. */
export function SetupNetworks() {
  const { state, reload } = useAccounts();
  const [open, setOpen] = useState<NetworkId>();
  const locked = Boolean(state?.lock.enabled && !state.lock.unlocked);
  return (
    <>
      <p class="hint">{t('setupNetworksHint')}</p>
      <ul class="setup-networks">
        {NETWORK_IDS.map((network) => (
          <li key={network} data-testid={`setup-network-${network}`}>
            <button type="button" aria-expanded={open === network} onClick={() => setOpen(open === network ? undefined : network)}>
              {t(networkNameKey(network))}
              {state?.accounts[network] ? ` · ${t('setupConnected')}` : ''}
            </button>
            {open === network && (
              <div class="setup-network-help">
                <p class="help-steps" data-testid={`setup-help-${network}`}>
                  {network === 'x' ? t(NETWORK_HELP.x, browser.identity.getRedirectURL()) : t(NETWORK_HELP[network])}
                </p>
                {state && (
                  <AccountCard
                    network={network}
                    summary={state.accounts[network]}
                    draft={state.drafts[network]}
                    locked={locked}
                    onChanged={() => void reload()}
                  />
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
