import { browser } from '#imports';

const KEY = 'workerErrors';

/**
 * Keeps the last uncaught worker errors (message only, never request data or tokens) in
 * storage.session, so a support check and the browser tests can see that none happened.
 */
export async function recordWorkerError(error: unknown) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const stored = await browser.storage.session.get(KEY);
  const list = Array.isArray(stored[KEY]) ? (stored[KEY] as string[]) : [];
  await browser.storage.session.set({ [KEY]: [...list, message.slice(0, 300)].slice(-20) });
}
