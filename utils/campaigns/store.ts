import type { DeliveryState, KitRow, SiarDatabase } from '../db';
import type { NetworkId } from '../networks/ids';
import type { Kit } from './kit';

// The kits table: one row per version of a kit. Reading a source again only ever adds rows (a new kit,
// or a newer version of a known one), so what an officer shared and reported never changes under them.

/** The global key of a kit: `<campaign source id>:<kit id>` (two coordinators may both publish "kit-1"). */
export const kitKey = (sourceId: string, kitId: string) => `${sourceId}:${kitId}`;

/**
 * Stores what one read of a campaign source gave. A kit with a key not seen before is added unseen (it
 * counts on the badge); a kit whose `updatedAt` is newer than the stored newest version adds that
 * version; the same or an older version changes nothing. Returns how many kits were new.
 */
export async function storeKits(database: SiarDatabase, sourceId: string, kits: readonly Kit[], now: number): Promise<number> {
  return database.transaction('rw', database.kits, async () => {
    let fresh = 0;
    for (const { id, ...kit } of kits) {
      const key = kitKey(sourceId, id);
      const newest = await database.kits.where('[key+updatedAt]').between([key, -Infinity], [key, Infinity]).last();
      if (newest && kit.updatedAt <= newest.updatedAt) continue;
      if (!newest) fresh += 1;
      await database.kits.add({ ...kit, key, kitId: id, sourceId, firstSeenAt: newest?.firstSeenAt ?? now, seen: newest?.seen ?? 0 });
    }
    return fresh;
  });
}

/** The newest version of every kit, newest start first. */
export async function latestKits(database: SiarDatabase): Promise<KitRow[]> {
  const newest = new Map<string, KitRow>();
  // The primary key orders by key, then updatedAt: the last row of each key is its newest version.
  await database.kits.orderBy('[key+updatedAt]').each((row) => {
    newest.set(row.key, row);
  });
  return [...newest.values()].sort((a, b) => b.start - a.start || a.title.localeCompare(b.title));
}

/** Kits the officer has not yet seen in the popup's Kampanye tab (each kit once, whatever its versions). */
export async function unseenKitCount(database: SiarDatabase): Promise<number> {
  const keys = await database.kits.where('seen').equals(0).primaryKeys();
  return new Set(keys.map(([key]) => key)).size;
}

export async function markKitsSeen(database: SiarDatabase): Promise<number> {
  return database.kits.where('seen').equals(0).modify({ seen: 1 });
}

/** Where a kit went: one entry per delivery of a post made from it. `at`: sent time (ms), for sent ones. */
export interface KitShare {
  network: NetworkId;
  state: DeliveryState;
  at?: number;
  url?: string;
}

/** The deliveries of the posts made from each kit (by kit key), oldest post first. */
export async function kitShares(database: SiarDatabase, keys: readonly string[]): Promise<Record<string, KitShare[]>> {
  const posts = await database.posts
    .where('kitId')
    .anyOf([...keys])
    .sortBy('createdAt');
  const deliveries = await database.deliveries
    .where('postId')
    .anyOf(posts.map((post) => post.id!))
    .toArray();
  const shares: Record<string, KitShare[]> = {};
  for (const post of posts) {
    for (const delivery of deliveries.filter((d) => d.postId === post.id)) {
      (shares[post.kitId!] ??= []).push({
        network: delivery.network,
        state: delivery.state,
        ...(delivery.state === 'sent' ? { at: delivery.updatedAt } : {}),
        ...(delivery.state === 'sent' && delivery.remoteUrl ? { url: delivery.remoteUrl } : {}),
      });
    }
  }
  return shares;
}
