import { ContentError } from '../errors';
import { convertImage, probeImage } from '../media/jpeg';
import { mimeOf, planImage, type ImageLimits } from '../media/plan';
import { fetchImage } from './http';
import type { DeliveryNotice } from './types';

// The page image made to fit one network, or left out with one sentence for the officer: an image the
// network would refuse (AVIF, SVG, a 12 MB PNG) must never fail the whole post.

/** A page image is fetched up to this size (Siar's own bound, not a network's): larger files can still be converted down. */
export const PAGE_IMAGE_FETCH_MAX = 20 * 1024 * 1024;

export interface FittedImage { bytes: Uint8Array; type: string; width: number; height: number; converted: boolean }

export type PageImage = { image: FittedImage; notice?: undefined } | { image?: undefined; notice: DeliveryNotice };

/**
 * Fetches the page image at `url` (no credentials, header-probed, never trusting Content-Type) and
 * returns it as it is when it meets `limits`, otherwise converted in the browser (utils/media/plan.ts,
 * convertImage). When the file is no image, cannot be decoded here or cannot be brought under the
 * limits, returns a notice instead. A transient failure (5xx, network down) is thrown, so the
 * delivery is tried again later like any other request. With `instead`, a file that would need
 * converting is not converted and that notice is returned (a converted copy with nowhere to go).
 */
export async function fitPageImage(url: string, limits: ImageLimits, signal: AbortSignal, instead?: DeliveryNotice): Promise<PageImage> {
  let fetched: { bytes: Uint8Array; type: string };
  try {
    fetched = await fetchImage(url, signal, PAGE_IMAGE_FETCH_MAX);
  } catch (error) {
    if (error instanceof ContentError) return { notice: { messageKey: 'imageNoticeUnreadable', detail: error.message } };
    throw error;
  }
  const probe = probeImage(fetched.bytes);
  const plan = planImage(probe, limits);
  if (plan.kind === 'unusable') {
    return { notice: plan.reason === 'unknown'
      ? { messageKey: 'imageNoticeUnreadable', detail: `not an image (${fetched.type})` }
      : { messageKey: 'imageNoticeFormat', detail: `${mimeOf(probe!.type)} cannot be decoded here` } };
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
