import { afterAll, describe, expect, it } from 'vitest';
import { SiarDatabase } from '../../../utils/db';
import { openExisting } from '../../../utils/sidepanel/idb';

const db = new SiarDatabase('sidepanel-idb-test');
afterAll(() => db.delete());

describe('openExisting', () => {
  it('leaves a missing database to Dexie: no empty database is created', async () => {
    await expect(openExisting('sidepanel-idb-missing')).rejects.toBeTruthy();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain('sidepanel-idb-missing');
  });

  it('opens an existing database at its version and gives way to a version change', async () => {
    await db.open();
    const version = db.backendDB().version;
    db.close();
    const idb = await openExisting(db.name);
    expect(idb.version).toBe(version);
    expect([...idb.objectStoreNames]).toContain('mentions');
    const upgraded = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(db.name, version + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve(request.result.version);
      };
      request.onerror = () => reject(request.error);
    });
    expect(upgraded).toBe(version + 1);
  });
});
