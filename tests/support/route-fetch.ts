// Sends every fetch made by code under test to the local fake server: only the origin changes
// (https://api.telegram.org/x?y → http://127.0.0.1:PORT/x?y) and the real host travels in
// `x-fake-host`, so adapters keep their real endpoints and nothing reaches the internet.

export interface RoutedFetch {
  /** Real URLs requested, in order (after the origin was swapped these are what the adapter asked for). */
  calls: string[];
  restore(): void;
}

export function routeFetch(port: number): RoutedFetch {
  const original = globalThis.fetch;
  const calls: string[] = [];
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const real = new URL(request.url);
    calls.push(real.href);
    const local = `http://127.0.0.1:${port}${real.pathname}${real.search}`;
    const headers = new Headers(request.headers);
    headers.set('x-fake-host', real.hostname);
    return original(local, {
      method: request.method,
      headers,
      signal: request.signal,
      redirect: request.redirect,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
      duplex: 'half',
    } as RequestInit);
  };
  return {
    calls,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
