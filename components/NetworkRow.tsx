import type { TargetCheck } from '../utils/compose/validate';
import { networkNameKey } from '../utils/networks/names';
import { t } from '../utils/i18n';
import type { NetworkId } from '../utils/networks/ids';

interface Props {
  network: NetworkId;
  check: TargetCheck;
  selected: boolean;
  connected: boolean;
  variant: string | undefined;
  onToggle(selected: boolean): void;
  onVariant(text: string | undefined): void;
}

/** One network: toggle, live counter in that network's own unit, and an optional own text. */
export function NetworkRow({ network, check, selected, connected, variant, onToggle, onVariant }: Props) {
  const name = t(networkNameKey(network));
  const over = !check.measure.ok && check.measure.detail !== 'empty';
  return (
    <li class={`network-row${selected ? '' : ' off'}`}>
      <label class="network-toggle">
        <input type="checkbox" data-testid={`target-${network}`} checked={selected} disabled={!connected}
          onChange={(event) => onToggle(event.currentTarget.checked)} />
        <span>{name}</span>
        {!connected && <span class="muted"> · {t('composerNotConnected')}</span>}
      </label>
      <span class={`counter${over ? ' over' : ''}`} title={check.measure.detail ?? ''}>
        <span data-testid={`count-${network}`}>{check.measure.length}</span>/{check.measure.limit}
      </span>
      {over && check.parts > 1 && <span class="muted thread-hint">{t('composerThreadParts', String(check.parts))}</span>}
      {connected && (
        <button type="button" class="link" aria-expanded={variant !== undefined}
          onClick={() => onVariant(variant === undefined ? check.text : undefined)}>{t('composerVariant')}</button>
      )}
      {variant !== undefined && (
        <textarea class="variant" rows={3} aria-label={t('composerVariantLabel', name)} data-testid={`variant-${network}`}
          value={variant} onInput={(event) => onVariant(event.currentTarget.value)} />
      )}
    </li>
  );
}
