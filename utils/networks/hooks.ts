/**
 * What an adapter tells its owner while it works. Credentials that rotate (X OAuth 2 refresh tokens,
 * Bluesky sessions) are single-use: once refreshed, only the new values work, so the owner must store
 * them even when the post itself then fails. The adapter awaits the callback before going on.
 */
export interface AdapterHooks<A> {
  onAccountRefreshed?(account: A): void | Promise<void>;
}

/** Calls the hook without letting a storage failure turn a good post into a failed one. */
export async function announceRefresh<A>(hooks: AdapterHooks<A>, account: A): Promise<void> {
  try {
    await hooks.onAccountRefreshed?.(account);
  } catch {
    // The adapter also keeps the new credentials in memory for the worker's lifetime.
  }
}
