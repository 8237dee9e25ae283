import { ContentError } from '../errors';

// One bounded body reader for everything Siar downloads from addresses a page or a feed chose: fetch
// unpacks gzip/br while reading, so a small compressed file can grow a thousandfold in memory, and
// `arrayBuffer()` only tells its size once it is all there.

/**
 * Reads at most `maxBytes` (decoded bytes) of a body, cancelling the download past that. Refuses at once
 * when Content-Length already declares more. Throws ContentError('response', 'too-large: …').
 */
export async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new ContentError('response', `too-large: ${declared} bytes, limit ${maxBytes}.`);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ContentError('response', `too-large: over ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
