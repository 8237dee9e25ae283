import type { SiarDatabase } from '../db';
import { appendAudit } from './audit';

/** Puts a failed or needs-auth delivery back in the queue; a sent or in-flight one is left alone. */
export async function retryDelivery(database: SiarDatabase, id: number, actor: string, now = Date.now()) {
  return database.transaction('rw', database.deliveries, database.audit, async () => {
    const delivery = await database.deliveries.get(id);
    if (!delivery || (delivery.state !== 'failed' && delivery.state !== 'needs-auth')) return false;
    await database.deliveries.update(id, { state: 'pending', nextAttemptAt: now, attempts: 0, updatedAt: now });
    await appendAudit(database, { at: now, actor, postId: delivery.postId, deliveryId: id, network: delivery.network, event: 'retry' });
    return true;
  });
}
