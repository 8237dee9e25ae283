// Passphrase lock for stored secrets: AES-GCM with a key derived by PBKDF2-SHA-256. Pure WebCrypto,
// so it runs the same in the worker and in unit tests.

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256; a shared office PC makes offline guessing the threat. */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export interface Sealed {
  v: 1;
  iterations: number;
  salt: string;
  iv: string;
  data: string;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/** The AES key for `passphrase`; extractable so the worker can keep it in storage.session while unlocked. */
export async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
}

export function newSalt(): Uint8Array<ArrayBuffer> {
  return random(SALT_BYTES);
}

export async function seal(key: CryptoKey, salt: Uint8Array, value: unknown, iterations = PBKDF2_ITERATIONS): Promise<Sealed> {
  const iv = random(IV_BYTES);
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return { v: 1, iterations, salt: toBase64(salt), iv: toBase64(iv), data: toBase64(data) };
}

/** Seals with a key that is not derived from a passphrase (the device key): no salt, no iterations. */
export async function sealWithKey(key: CryptoKey, value: unknown): Promise<{ v: 1; iv: string; data: string }> {
  const { v, iv, data } = await seal(key, new Uint8Array(0), value, 0);
  return { v, iv, data };
}

/** Decrypts; throws when the key is wrong or the ciphertext was altered (GCM's tag fails). */
export async function open(key: CryptoKey, sealed: Pick<Sealed, 'iv' | 'data'>): Promise<unknown> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.data));
  return JSON.parse(new TextDecoder().decode(plain));
}

export const saltOf = (sealed: Sealed) => fromBase64(sealed.salt);

export async function exportKey(key: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export function importKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(raw), { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}
