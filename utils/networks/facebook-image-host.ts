import { z } from 'zod';
import { GRAPH_VERSION, graphFailure } from './facebook';
import { http, parse } from './http';
import type { AccountFor } from './registry';

// A public URL for an image Siar made in the browser, the one documented way open to a tool with no
// server: upload it to the agency's own Facebook Page as an unpublished photo (POST /{page-id}/photos
// with `source` and published=false: developers.facebook.com/docs/graph-api/reference/page/photos/#Creating)
// and read the stored copy's address from the Photo node's `images` list
// (developers.facebook.com/docs/graph-api/reference/photo/#fields). The photo stays off the Page's
// timeline. Meta documents both steps, but not that Instagram may fetch that address: it is an ordinary
// public HTTPS image, which is all content publishing asks for.

const uploaded = z.object({ id: z.string().min(1) });
const photo = z.object({ images: z.array(z.object({ source: z.string().url(), width: z.number(), height: z.number() })).min(1) });

/** Uploads `jpeg` unpublished to the Page and returns the URL of its largest stored copy. */
export async function hostOnFacebookPage(account: AccountFor<'facebook'>, jpeg: Uint8Array, signal: AbortSignal): Promise<string> {
  const graph = `https://graph.facebook.com/${GRAPH_VERSION}`;
  const headers = { authorization: `Bearer ${account.token}` };
  const body = new FormData();
  body.set('published', 'false');
  body.set('source', new Blob([jpeg as BlobPart], { type: 'image/jpeg' }), 'siar-instagram.jpg');
  const created = await http(`${graph}/${encodeURIComponent(account.pageId)}/photos`, { method: 'POST', headers, body, signal });
  if (!created.ok) throw graphFailure(created);
  const { id } = parse(uploaded, created.data, 'Facebook');
  const read = await http(`${graph}/${encodeURIComponent(id)}?fields=images`, { method: 'GET', headers, signal });
  if (!read.ok) throw graphFailure(read);
  const { images } = parse(photo, read.data, 'Facebook');
  return images.reduce((best, image) => (image.width > best.width ? image : best)).source;
}
