import { AuthError, TransientError } from '../errors';
import { IMAGE_LIMITS } from './image-limits';
import type { ImageHost } from './instagram-image';
import { fitPageImage } from './page-image';
import type { DeliveryNotice } from './types';

/**
 * The `image_url` for a Threads image post, or the notice why the post goes as text (with its link):
 * Threads fetches the image itself and takes JPEG and PNG up to 8 MB (IMAGE_LIMITS.threads). A page
 * image that already fits is given by its own URL; one that needs converting is converted here and
 * hosted by `host` (the connected Facebook Page, as for Instagram: ./facebook-image-host.ts). With no
 * host, or a host that fails for a reason a retry would not fix, the post goes without the image.
 */
export async function prepareThreadsImage(url: string, signal: AbortSignal, host?: ImageHost): Promise<{ imageUrl?: string; notice?: DeliveryNotice }> {
  const noHost: DeliveryNotice = { messageKey: 'imageNoticeNoHost', detail: 'a converted copy needs a connected Facebook Page' };
  const fitted = await fitPageImage(url, IMAGE_LIMITS.threads, signal, host ? undefined : noHost);
  // Threads fetches image_url from Meta's servers: a file the extension could not get (no CORS answer for
  // an extension, a slow host) may well reach Threads, as it did before Siar checked images itself.
  if (!fitted.image) return fitted.unfetched ? { imageUrl: url } : { notice: fitted.notice };
  if (!fitted.image.converted) return { imageUrl: url };
  if (!host) return { notice: noHost };
  try {
    const hosted = await host(fitted.image.bytes, signal);
    return hosted ? { imageUrl: hosted } : { notice: { messageKey: 'imageNoticeNoHost', detail: 'no Facebook Page connected' } };
  } catch (error) {
    if (error instanceof TransientError || signal.aborted) throw error;
    const detail = error instanceof AuthError ? 'Facebook Page token refused' : error instanceof Error ? error.message : 'host failed';
    return { notice: { messageKey: 'imageNoticeHostFailed', detail } };
  }
}
