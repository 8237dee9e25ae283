import type { Fake, FakeResponse } from './fake';
import { makeJpeg, makePng } from './test-images';

// The agency's own website: the page image that adapters fetch (without any network's token)
// before uploading it to X, Mastodon or Bluesky.

export const PAGE_HOST = 'www.example.go.id';
export const IMAGE_URL = `https://${PAGE_HOST}/img/foto.jpg`;
/** A tiny JPEG-looking payload; fakes only check it arrives intact. */
export const IMAGE_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);

/** Real files for Instagram's checks: a JPEG it takes, a PNG banner and a too-wide JPEG it refuses. */
export const IG_JPEG_URL = `https://${PAGE_HOST}/img/foto-ig.jpg`;
export const IG_PNG_URL = `https://${PAGE_HOST}/img/spanduk.png`;
export const IG_WIDE_URL = `https://${PAGE_HOST}/img/panorama.jpg`;
const FILES: Record<string, { type: string; bytes: () => Buffer }> = {
  '/img/foto-ig.jpg': { type: 'image/jpeg', bytes: () => makeJpeg(600, 500) },
  '/img/spanduk.png': { type: 'image/png', bytes: () => makePng(900, 300) },
  '/img/panorama.jpg': { type: 'image/jpeg', bytes: () => makeJpeg(1000, 300) },
};
const made = new Map<string, Buffer>();

export function createImagesFake(): Fake & { requests: number } {
  const fake = {
    hosts: [PAGE_HOST],
    requests: 0,
    handle(request: { path: string }): FakeResponse {
      fake.requests++;
      if (request.path === '/img/foto.jpg') return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: IMAGE_BYTES };
      const file = FILES[request.path];
      if (file) {
        if (!made.has(request.path)) made.set(request.path, file.bytes());
        return { status: 200, headers: { 'content-type': file.type }, body: made.get(request.path) };
      }
      if (request.path === '/spanduk.html') {
        // An agency page whose only image is a wide PNG banner: Instagram needs it cropped and converted.
        return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!doctype html><html lang="id"><head><title>Spanduk Pelayanan Publik</title><meta property="og:image" content="/img/spanduk.png"><meta property="og:image:alt" content="Spanduk jam layanan"></head><body><h1>Spanduk Pelayanan Publik</h1><p>Jam layanan baru.</p></body></html>' };
      }
      if (request.path === '/page.html') return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html></html>' };
      return { status: 404, headers: { 'content-type': 'text/html' }, body: 'not found' };
    },
  };
  return fake;
}
