// Stand-in for Node's `https`. Siar sends every twitter-api-v2 request through `fetch` (see
// utils/networks/x-client.ts), so reaching this means a code path that bypassed the fetch plugin.
export function request(): never {
  throw new Error('Node https is not available in the extension; requests go through fetch');
}
export default { request };
