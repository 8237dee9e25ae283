import { ContentError } from '../errors';
import type { MessageKey } from '../i18n';
import { convertToJpeg, probeImage, ratioFits } from '../media/jpeg';
import { fetchImage } from './http';

/** Gives a JPEG a public URL Instagram can fetch, or undefined when no such place is connected. */
export type ImageHost = (jpeg: Uint8Array, signal: AbortSignal) => Promise<string | undefined>;

/**
 * Instagram's feed image rules: JPEG only, width ÷ height from 4:5 to 1.91:1, under 8 MiB
 * (developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media, image
 * specifications; error 36000/2207004 "should be less than 8 MiB"); wider than 1440 px is scaled down
 * by Instagram anyway, so a converted copy is made no wider.
 */
export const INSTAGRAM_IMAGE = { range: { min: 4 / 5, max: 1.91 }, maxBytes: 8 * 1024 * 1024, maxWidth: 1440 } as const;
/** A page image larger than Instagram takes can still be converted down; beyond this it is not fetched. */
const FETCH_MAX_BYTES = 20 * 1024 * 1024;

/**
 * An image Instagram refuses or cannot get, with the sentence that fits: no image, an unusable one, or a
 * converted one with nowhere public to go.
 */
export class InstagramImageError extends ContentError {
  constructor(
    override readonly messageKey: MessageKey,
    detail?: string,
  ) {
    super('image', detail);
  }
}

/**
 * The `image_url` to give Instagram for the page image at `url`: the page's own URL when the file is
 * already a JPEG Instagram takes (Instagram "cURLs" it from the public site,
 * developers.facebook.com/docs/instagram-platform/content-publishing#requirements); otherwise a JPEG
 * cropped and converted here and published by `host`. Throws InstagramImageError when neither works.
 */
export async function prepareInstagramImage(url: string, signal: AbortSignal, host?: ImageHost): Promise<string> {
  const image = await fetchImage(url, signal, FETCH_MAX_BYTES);
  const probe = probeImage(image.bytes);
  if (!probe) throw new InstagramImageError('errorInstagramImage', `unreadable image ${image.type}`);
  if (probe.type === 'jpg' && probe.bytes <= INSTAGRAM_IMAGE.maxBytes && ratioFits(probe.width, probe.height, INSTAGRAM_IMAGE.range)) return url;
  if (!host) throw new InstagramImageError('errorInstagramNoHost', `${probe.type} ${probe.width}x${probe.height} needs converting`);
  let jpeg: Uint8Array;
  try {
    jpeg = await convertToJpeg(image.bytes, image.type, INSTAGRAM_IMAGE);
  } catch (error) {
    throw new InstagramImageError('errorInstagramImage', error instanceof Error ? error.message : 'conversion failed');
  }
  const hosted = await host(jpeg, signal);
  if (!hosted) throw new InstagramImageError('errorInstagramNoHost', 'no public host connected');
  return hosted;
}
