import { ContentError } from '../errors';
import { convertImage, probeImage } from '../media/jpeg';
import { mimeOf, planImage, type ImageLimits } from '../media/plan';
import { fetchImage } from './http';
import type { DeliveryNotice } from './types';

// The page image made to fit one network, or left out with one sentence for the officer: an image the
// network would refuse (AVIF, SVG, a 12 MB PNG) must never fail the whole post.

/** A page image is fetched up to this size (Siar's own bound, not a network's): larger files can still be converted down. */
export const PAGE_IMAGE_FETCH_MAX = 20 * 1024 * 1024;
/** The page image gets its own share of the delivery's time, so a slow image host cannot use it all up. */
export const PAGE_IMAGE_TIMEOUT_MS = 10_000;

export interface FittedImage {
  bytes: Uint8Array;
  type: string;
  width: number;
  height: number;
  converted: boolean;
}

/** `unfetched`: Siar could not get the file at all (the network might still, fetching it from its own servers). */
export type PageImage = { image: FittedImage; notice?: undefined } | { image?: undefined; notice: DeliveryNotice; unfetched?: true };

/**
 * Fetches the page image at `url` (no credentials, header-probed, never trusting Content-Type) and
 * returns it as it is when it meets `limits`, otherwise converted in the browser (utils/media/plan.ts,
 * convertImage). When the file cannot be fetched (any answer but an image, within PAGE_IMAGE_TIMEOUT_MS
 * and PAGE_IMAGE_FETCH_MAX), is no image, cannot be decoded here or cannot be brought under the limits,
 * returns a notice instead: the post goes without its picture. Throws only when `signal` itself aborts. With `instead`, a file that would need
 * converting is not converted and that notice is returned (a converted copy with nowhere to go).
 */
export async function fitPageImage(url: string, limits: ImageLimits, signal: AbortSignal, instead?: DeliveryNotice): Promise<PageImage> {
  let fetched: { bytes: Uint8Array; type: string };
  try {
    fetched = await fetchImage(url, AbortSignal.any([signal, AbortSignal.timeout(PAGE_IMAGE_TIMEOUT_MS)]), PAGE_IMAGE_FETCH_MAX);
  } catch (error) {
    // The send itself stopping (worker shutting down, the delivery's own timeout) is not the image's fault.
    if (signal.aborted) throw error;
    // Anything else the image server does — 404, 503, no CORS answer, a name that does not resolve, too
    // slow — loses the picture, not the post: retrying the delivery would only repeat it, and networks
    // without an idempotency key would be left "maybe posted" by a slow image host.
    return { notice: { messageKey: 'imageNoticeUnreadable', detail: error instanceof Error ? error.message : 'image fetch failed' }, unfetched: true };
  }
  const probe = probeImage(fetched.bytes);
  const plan = planImage(probe, limits);
  if (plan.kind === 'unusable') {
    if (plan.reason === 'unknown') return { notice: { messageKey: 'imageNoticeUnreadable', detail: `not an image (${fetched.type})` } };
    if (plan.reason === 'too-large')
      return { notice: { messageKey: 'imageNoticeTooLarge', detail: `${probe!.width}x${probe!.height} is too large to convert` } };
    return { notice: { messageKey: 'imageNoticeFormat', detail: `${mimeOf(probe!.type)} cannot be converted here` } };
  }
  if (plan.kind === 'keep') {
    return { image: { bytes: fetched.bytes, type: plan.type, width: probe!.width, height: probe!.height, converted: false } };
  }
  if (instead) return { notice: instead };
  try {
    const converted = await convertImage(fetched.bytes, mimeOf(probe!.type), plan);
    return { image: { ...converted, converted: true } };
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'conversion failed';
    return { notice: { messageKey: /too large/.test(detail) ? 'imageNoticeTooLarge' : 'imageNoticeFormat', detail } };
  }
}

/** The notice for an image the network's upload refused (a file whose header lied, a limit we did not know). */
export function refusedImage(error: unknown): DeliveryNotice {
  return { messageKey: 'imageNoticeRefused', detail: error instanceof Error ? error.message.slice(0, 200) : 'upload refused' };
}

/**
 * Runs a network's image upload; when the network refuses the file (ContentError: 400, 422 and the like),
 * returns the notice instead, so the post goes out as text. Anything else (auth, rate limit, a dropped
 * connection, the send stopping) is thrown as it came.
 */
export async function uploadOrNotice<T>(upload: () => Promise<T>, signal: AbortSignal): Promise<{ id?: T; notice?: DeliveryNotice }> {
  try {
    return { id: await upload() };
  } catch (error) {
    if (error instanceof ContentError && !signal.aborted) return { notice: refusedImage(error) };
    throw error;
  }
}
