import { SiarError } from '../errors';
import { SETTINGS, readSetting, writeSetting } from '../settings';

// Wrong passphrases slow down (issue 13.9). PBKDF2's 600,000 rounds already make each guess cost the
// attacker; this stops someone at the office PC from trying a list by hand or by script through the UI.
// Kept in storage.local so a browser restart does not reset it.

export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

/** Wait before the next try after `failures` wrong passphrases in a row: none for 5, then 30 s doubling, at most 15 min. */
export function lockoutMs(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_WAIT_MS);
}

export class LockThrottledError extends SiarError {
  constructor(readonly retryAt: number) {
    super('rate-limit', 'lockThrottled', 'too many wrong passphrases');
  }
}

/** Throws LockThrottledError while the officer must wait. */
export async function checkAttempt(now = Date.now()): Promise<void> {
  const { count, lastAt } = await readSetting(SETTINGS.lockFailures);
  const wait = lockoutMs(count);
  if (wait > 0 && now < lastAt + wait) throw new LockThrottledError(lastAt + wait);
}

/** Records the outcome; returns how many wrong passphrases in a row there have been. */
export async function recordAttempt(ok: boolean, now = Date.now()): Promise<number> {
  if (ok) {
    await writeSetting(SETTINGS.lockFailures, { count: 0, lastAt: 0 });
    return 0;
  }
  const { count } = await readSetting(SETTINGS.lockFailures);
  await writeSetting(SETTINGS.lockFailures, { count: count + 1, lastAt: now });
  return count + 1;
}
