import type { TargetCheck } from '../../utils/compose/validate';
import type { ReplyTarget } from '../../utils/compose/reply';
import { networkNameKey } from '../../utils/networks/names';
import { t, type MessageKey } from '../../utils/i18n';
import type { NetworkId } from '../../utils/networks/ids';

interface Props {
  network: NetworkId;
  check: TargetCheck;
  selected: boolean;
  connected: boolean;
  variant: string | undefined;
  /** What the officer wrote for this network (its variant or the common text), before any link is added. */
  written: string;
  /** Set when ticking this network answers a mention's post instead of broadcasting. */
  reply?: ReplyTarget;
  onToggle(selected: boolean): void;
  onVariant(text: string | undefined): void;
}

const LINK_KEYS: Partial<Record<TargetCheck['link'], MessageKey>> = {
  card: 'composerLinkCard',
  appended: 'composerLinkAppended',
};

/** One network: toggle, live counter in that network's own unit, how the page link goes, an optional own text. */
export function NetworkRow({ network, check, selected, connected, variant, written, reply, onToggle, onVariant }: Props) {
  const name = t(networkNameKey(network));
  const over = !check.measure.ok && check.measure.detail !== 'empty';
  const linkKey = LINK_KEYS[check.link];
  return (
    <li class={`network-row${selected ? '' : ' off'}`}>
      <label class="network-toggle">
        <input
          type="checkbox"
          data-testid={`target-${network}`}
          checked={selected}
          disabled={!connected}
          onChange={(event) => onToggle(event.currentTarget.checked)}
        />
        <span>{name}</span>
        {reply && (
          <span class="reply-mark" data-testid={`reply-${network}`}>
            {' '}
            · {t('composerReplyTo', reply.author ?? '')}
          </span>
        )}
        {!connected && <span class="muted"> · {t('composerNotConnected')}</span>}
      </label>
      <span class={`counter${over ? ' over' : ''}`}>
        <span data-testid={`count-${network}`}>{check.measure.length}</span>/{check.measure.limit}
      </span>
      {over && check.parts > 1 && <span class="muted thread-hint">{t('composerThreadParts', String(check.parts))}</span>}
      {selected && linkKey && (
        <span class="muted link-state" data-testid={`link-${network}`} data-link={check.link}>
          {t(linkKey)}
        </span>
      )}
      {connected && (
        <button type="button" class="link" aria-expanded={variant !== undefined} onClick={() => onVariant(variant === undefined ? written : undefined)}>
          {t('composerVariant')}
        </button>
      )}
      {variant !== undefined && (
        <textarea
          class="variant"
          rows={3}
          aria-label={t('composerVariantLabel', name)}
          data-testid={`variant-${network}`}
          value={variant}
          onInput={(event) => onVariant(event.currentTarget.value)}
        />
      )}
    </li>
  );
}
