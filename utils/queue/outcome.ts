import type { DeliveryRow } from '../db';
import type { MessageKey } from '../i18n';
import type { NetworkId } from '../networks/ids';

const TERMINAL = new Set<DeliveryRow['state']>(['sent', 'failed', 'needs-auth']);

/** How one post ended, as i18n keys: pure, so the report is tested without a browser. */
export interface PostOutcome {
  sent: number;
  total: number;
  /** Every delivery that did not go out, with the sentence explaining why. */
  problems: { network: NetworkId; messageKey: MessageKey }[];
}

/** The outcome once every delivery of the post reached a final state; undefined while any is still going. */
export function postOutcome(deliveries: Pick<DeliveryRow, 'network' | 'state' | 'lastError'>[]): PostOutcome | undefined {
  if (deliveries.length === 0 || !deliveries.every((row) => TERMINAL.has(row.state))) return undefined;
  return {
    sent: deliveries.filter((row) => row.state === 'sent').length,
    total: deliveries.length,
    problems: deliveries
      .filter((row) => row.state !== 'sent')
      .map((row) => ({
        network: row.network,
        messageKey: row.state === 'needs-auth' ? 'errorAuth' : (row.lastError?.messageKey ?? 'errorInternal'),
      })),
  };
}
