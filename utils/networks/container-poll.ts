import { TransientError } from '../errors';

// Meta's two content-publishing APIs (Instagram, Threads) make a container first and publish it only
// once Meta has processed it: both ask to read the container's status until it is FINISHED
// (developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container;
// developers.facebook.com/docs/threads/posts, "Step 2"). One loop serves both; each network says how
// to read its status and what each value means.

/** What one status read means: publish now, read again later, or a container that will never publish. */
export type ContainerVerdict = { ready: true } | { wait: true } | { fail: Error };

export interface PollOptions {
  /** Reads after the first before giving up. */
  tries: number;
  /** Pause before read `attempt + 1` (0-based), in ms. */
  delayMs(attempt: number): number;
  /** Thrown when the container is still processing after `tries` reads: a later attempt may find it ready. */
  stillWaiting: string;
}

/** Waits `ms` unless `signal` aborts first (then TransientError('timeout'), so the delivery is retried). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new TransientError('timeout'));
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new TransientError('timeout'));
      },
      { once: true },
    );
  });
}

/**
 * Reads a container's status with `read` until `judge` says it is ready (resolves) or failed (throws
 * that error), pausing `delayMs(attempt)` between reads; after `tries` reads still waiting, throws
 * TransientError(`stillWaiting`). Errors from `read` itself propagate unchanged.
 */
export async function waitForContainer<T>(
  read: () => Promise<T>,
  judge: (state: T) => ContainerVerdict,
  options: PollOptions,
  signal: AbortSignal,
): Promise<void> {
  for (let attempt = 0; attempt < options.tries; attempt++) {
    const verdict = judge(await read());
    if ('ready' in verdict) return;
    if ('fail' in verdict) throw verdict.fail;
    await pause(options.delayMs(attempt), signal);
  }
  throw new TransientError(options.stillWaiting);
}
