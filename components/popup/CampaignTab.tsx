import { useEffect, useState } from 'preact/hooks';
import type { KitView } from '../../utils/campaigns/protocol';
import { formatZoned } from '../../utils/compose/schedule';
import { t, uiLanguage, type MessageKey } from '../../utils/i18n';
import { send } from './messages';
import { networkNameKey } from '../../utils/networks/names';
import { safeHttpUrl } from '../../utils/net/safe-url';
import { Alert } from '../common/Alert';

const PHASE_KEYS: Record<KitView['phase'], MessageKey> = { active: 'kitPhaseActive', upcoming: 'kitPhaseUpcoming', ended: 'kitPhaseEnded' };
/** Active kits first (sharing time), then those still to open, then ended ones. */
const PHASE_ORDER: KitView['phase'][] = ['active', 'upcoming', 'ended'];

/** Where a kit was already shared: one link per network the post reached, else the state. */
function KitShares({ kit, timeZone }: { kit: KitView; timeZone: string }) {
  if (kit.shares.length === 0)
    return (
      <p class="muted" data-testid="kit-not-shared">
        {t('kitNotShared')}
      </p>
    );
  return (
    <ul class="kit-shares" data-testid="kit-shares">
      {kit.shares.map((share, index) => (
        <li key={index} data-testid={`kit-share-${share.network}`} data-state={share.state}>
          {t(networkNameKey(share.network))}
          {share.at !== undefined
            ? `, ${formatZoned(share.at, timeZone, uiLanguage())}`
            : ` (${t(share.state === 'failed' || share.state === 'needs-auth' ? 'kitShareFailed' : 'kitShareWaiting')})`}
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
  );
}

/**
 * The popup's Kampanye tab (issue 19.2): every kit from the campaign sources, by phase, each with where
 * it was already shared and a button that opens it in the composer. Opening the tab clears the badge.
 */
export function CampaignTab({ timeZone, onShare }: { timeZone: string; onShare(kit: KitView): void }) {
  const [kits, setKits] = useState<KitView[]>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void send('campaignKits', {})
      .then((reply) => setKits(reply.kits))
      .catch(() => setFailed(true));
    void send('campaignKitsSeen', {}).catch(() => undefined);
  }, []);
  if (failed) return <Alert>{t('errorInternal')}</Alert>;
  if (!kits) return <p class="empty">{t('composerLoading')}</p>;
  if (kits.length === 0) {
    return (
      <p class="empty" data-testid="kits-empty">
        {t('kitsEmpty')}{' '}
        <a href="/options.html#campaigns" target="_blank" rel="noopener">
          {t('kitsAddSource')}
        </a>
      </p>
    );
  }
  const sorted = PHASE_ORDER.flatMap((phase) => kits.filter((kit) => kit.phase === phase));
  const date = (at: number) => new Intl.DateTimeFormat(uiLanguage(), { timeZone, dateStyle: 'medium' }).format(at);
  return (
    <>
      <p>
        <a href="/dissemination.html" target="_blank" rel="noopener" data-testid="open-dissemination">
          {t('disseminationTitle')}
        </a>
      </p>
      <ul class="kits" data-testid="kit-list">
        {sorted.map((kit) => (
          <li key={kit.key} class={`kit kit-${kit.phase}`} data-testid="kit-item" data-kit-id={kit.key} data-phase={kit.phase}>
            <div class="kit-head">
              <strong>{kit.title}</strong>
              <span class={`chip phase-${kit.phase}`} data-testid="kit-phase">
                {t(PHASE_KEYS[kit.phase])}
              </span>
              {kit.seen === 0 && (
                <span class="chip new" data-testid="kit-new">
                  {t('kitNew')}
                </span>
              )}
            </div>
            <p class="muted">{kit.end !== undefined ? `${date(kit.start)} – ${date(kit.end)}` : t('kitFrom', date(kit.start))}</p>
            <p class="kit-text">{kit.text}</p>
            {kit.mandatory.length > 0 && <p class="muted">{t('kitMandatory', kit.mandatory.join(' '))}</p>}
            <KitShares kit={kit} timeZone={timeZone} />
            <button type="button" class={kit.phase === 'ended' ? '' : 'primary'} data-testid="kit-share" onClick={() => onShare(kit)}>
              {t('kitShare')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
