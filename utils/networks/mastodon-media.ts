import { z } from 'zod';
import type { ImageLimits } from '../media/plan';
import { http } from './http';
import { MASTODON_DEFAULT_IMAGE } from './image-limits';

// Each Mastodon server sets its own media limits and publishes them, without a token, in GET
// /api/v2/instance → configuration.media_attachments (docs.joinmastodon.org/entities/Instance/#media_attachments):
// `supported_mime_types`, `image_size_limit` (bytes) and `image_matrix_limit` (width × height).

const instance = z.object({
  configuration: z
    .object({
      media_attachments: z
        .object({
          supported_mime_types: z.array(z.string()).optional(),
          image_size_limit: z.number().int().positive().optional(),
          image_matrix_limit: z.number().int().positive().optional(),
        })
        .optional(),
    })
    .optional(),
});

/** An instance's limits change only when its admin reconfigures it: an hour's cache spares a request per post. */
export const INSTANCE_CACHE_MS = 60 * 60 * 1000;
const cache = new Map<string, { limits: ImageLimits; at: number }>();

/**
 * The image limits of the Mastodon server at `origin`, from its /api/v2/instance (only image types
 * count), cached for INSTANCE_CACHE_MS; MASTODON_DEFAULT_IMAGE for whatever it does not say or when
 * the request fails (a failure is not cached, so the next post asks again).
 */
export async function mastodonImageLimits(origin: string, signal: AbortSignal, now = Date.now()): Promise<ImageLimits> {
  const cached = cache.get(origin);
  if (cached && now - cached.at < INSTANCE_CACHE_MS) return cached.limits;
  let media: NonNullable<z.infer<typeof instance>['configuration']>['media_attachments'];
  try {
    const response = await http(`${origin}/api/v2/instance`, { headers: { accept: 'application/json' }, signal });
    const parsed = response.ok ? instance.safeParse(response.data) : undefined;
    if (!parsed?.success) return MASTODON_DEFAULT_IMAGE;
    media = parsed.data.configuration?.media_attachments;
  } catch {
    return MASTODON_DEFAULT_IMAGE;
  }
  const types = media?.supported_mime_types?.filter((type) => type.startsWith('image/'));
  const limits: ImageLimits = {
    types: types?.length ? types : MASTODON_DEFAULT_IMAGE.types,
    maxBytes: media?.image_size_limit ?? MASTODON_DEFAULT_IMAGE.maxBytes,
    ...(media?.image_matrix_limit ? { maxPixels: media.image_matrix_limit } : {}),
    convertTo: 'image/jpeg',
  };
  cache.set(origin, { limits, at: now });
  return limits;
}

/** Forgets cached limits (tests; an officer switching instances gets the new one's from its own origin anyway). */
export function clearMastodonLimits(): void {
  cache.clear();
}
