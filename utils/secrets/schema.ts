// zod/mini: imported by settings.ts, which every page bundles.
import * as z from 'zod/mini';

const base64 = (max: number) => z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/), z.maxLength(max));

/** The accounts while the passphrase lock is on: only this ciphertext is in storage.local. */
export const sealedSchema = z.object({
  v: z.literal(1),
  iterations: z.int().check(z.minimum(600_000), z.maximum(10_000_000)),
  salt: base64(64),
  iv: base64(64),
  data: base64(2_000_000),
});

/** The accounts while the lock is off: sealed with the device key (utils/secrets/device-key.ts). */
export const deviceSealedSchema = z.object({ v: z.literal(1), iv: base64(64), data: base64(2_000_000) });
