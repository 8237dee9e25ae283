import { browser } from '#imports';

// Chromium keeps storage.local in a LevelDB whose .log is reused across restarts; a replaced value stays
// in it until the memtable is flushed and compacted. Measured in Chromium 156 (tests/e2e/security-lock):
// 2 MB written left an old token in 000003.log; 8 MB (two flushes of the ~4 MB write buffer) removed it.
// The extension cannot call LevelDB's compaction, so it writes throwaway data through the log instead.
// This is best effort (it depends on LevelDB's buffer size), which is why exposed networks are still
// named to the officer for regeneration.

const CHUNK = 'siar'.repeat(256 * 1024); // 1 MiB; compresses well on disk.
const ROUNDS = 12;
const KEY = 'siarCompaction';

/** Pushes ≈12 MiB through storage.local's log so LevelDB flushes and compacts; takes a few seconds. */
export async function compactStorage(): Promise<void> {
  try {
    for (let round = 0; round < ROUNDS; round++) await browser.storage.local.set({ [KEY]: `${round}${CHUNK}` });
  } finally {
    await browser.storage.local.remove(KEY);
  }
}
