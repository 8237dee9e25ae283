// Stand-in for Node's `crypto`, covering only what twitter-api-v2 calls: HMAC-SHA1 for OAuth 1.0a
// signatures and SHA-256 for PKCE, both synchronous in the library, so WebCrypto (async) cannot serve.
import { Buffer } from 'buffer';
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';

type Algorithm = 'sha1' | 'sha256';
const HASHES = { sha1, sha256 } as const;
const encoder = new TextEncoder();
const bytes = (value: string | Uint8Array) => (typeof value === 'string' ? encoder.encode(value) : value);

function pick(algorithm: string) {
  const hash = HASHES[algorithm as Algorithm];
  if (!hash) throw new Error(`Unsupported hash algorithm: ${algorithm}`);
  return hash;
}

class Digest {
  private chunks: Uint8Array[] = [];
  constructor(private readonly finish: (data: Uint8Array) => Uint8Array) {}
  update(data: string | Uint8Array) {
    this.chunks.push(bytes(data));
    return this;
  }
  digest(encoding?: BufferEncoding) {
    const result = Buffer.from(this.finish(Buffer.concat(this.chunks)));
    return encoding ? result.toString(encoding) : result;
  }
}

export function createHmac(algorithm: string, key: string | Uint8Array) {
  const hash = pick(algorithm);
  return new Digest((data) => hmac(hash, bytes(key), data));
}

export function createHash(algorithm: string) {
  const hash = pick(algorithm);
  return new Digest((data) => hash(data));
}

export function randomBytes(size: number) {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(size)));
}

export default { createHmac, createHash, randomBytes };
