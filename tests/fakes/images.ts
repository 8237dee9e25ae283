import type { Fake, FakeResponse } from './fake';
import { readFileSync } from 'node:fs';
import { makeBombPng, makeJpeg, makeNoisePng, makePng } from './test-images';

// The agency's own website: the page image that adapters fetch (without any network's token)
// before uploading it to X, Mastodon or Bluesky.

export const PAGE_HOST = 'www.example.go.id';
export const IMAGE_URL = `https://${PAGE_HOST}/img/foto.jpg`;
/** A small real JPEG (every network takes it as it is); fakes check it arrives intact. */
export const IMAGE_BYTES = makeJpeg(120, 80);

/** Real files for Instagram's checks: a JPEG it takes, a PNG banner and a too-wide JPEG it refuses. */
export const IG_JPEG_URL = `https://${PAGE_HOST}/img/foto-ig.jpg`;
export const IG_PNG_URL = `https://${PAGE_HOST}/img/spanduk.png`;
export const IG_WIDE_URL = `https://${PAGE_HOST}/img/panorama.jpg`;
/** Page images in the formats agency sites use (tests/fixtures/images/README.md says how each was made). */
export const PAGE_IMAGES = {
  webp: `https://${PAGE_HOST}/img/halaman.webp`,
  avif: `https://${PAGE_HOST}/img/halaman.avif`,
  heic: `https://${PAGE_HOST}/img/halaman.heic`,
  svg: `https://${PAGE_HOST}/img/halaman.svg`,
  gif: `https://${PAGE_HOST}/img/titik.gif`,
  bmp: `https://${PAGE_HOST}/img/halaman.bmp`,
  /** 800 × 600 noise PNG, about 1.44 MB: over Bluesky's thumb limit, under X's 5 MB. */
  bigPng: `https://${PAGE_HOST}/img/foto-besar.png`,
  /** 1600 × 1200 noise PNG, about 5.76 MB: over X's 5 MB, and a JPEG of it at quality 0.9 is over 1,000,000 bytes. */
  hugePng: `https://${PAGE_HOST}/img/foto-sangat-besar.png`,
  /** 20000 × 20000 1-bit PNG of about 48 KB that would decode to 1.5 GiB (makeBombPng). */
  bomb: `https://${PAGE_HOST}/img/bom.png`,
} as const;
const fixture = (name: string) => () => readFileSync(new URL(`../fixtures/images/${name}`, import.meta.url));
/** The same files behind agency pages whose og:image they are (`/halaman-webp.html`…). */
export const IMAGE_PAGES = Object.fromEntries(Object.keys(PAGE_IMAGES).map((kind) => [kind, `https://${PAGE_HOST}/halaman-${kind}.html`])) as Record<
  keyof typeof PAGE_IMAGES,
  string
>;

const FILES: Record<string, { type: string; bytes: () => Buffer }> = {
  '/img/halaman.webp': { type: 'image/webp', bytes: fixture('page.webp') },
  '/img/halaman.avif': { type: 'image/avif', bytes: fixture('page.avif') },
  '/img/halaman.heic': { type: 'image/heic', bytes: fixture('page.heic') },
  '/img/halaman.svg': { type: 'image/svg+xml', bytes: fixture('page.svg') },
  '/img/titik.gif': { type: 'image/gif', bytes: fixture('pixel.gif') },
  '/img/halaman.bmp': { type: 'image/bmp', bytes: fixture('page.bmp') },
  '/img/foto-besar.png': { type: 'image/png', bytes: () => makeNoisePng(800, 600) },
  '/img/foto-sangat-besar.png': { type: 'image/png', bytes: () => makeNoisePng(1600, 1200) },
  '/img/bom.png': { type: 'image/png', bytes: () => makeBombPng() },
  '/img/foto-ig.jpg': { type: 'image/jpeg', bytes: () => makeJpeg(600, 500) },
  '/img/spanduk.png': { type: 'image/png', bytes: () => makePng(900, 300) },
  '/img/panorama.jpg': { type: 'image/jpeg', bytes: () => makeJpeg(1000, 300) },
};
const made = new Map<string, Buffer>();

export function createImagesFake(): Fake & { requests: number } {
  const fake = {
    hosts: [PAGE_HOST],
    requests: 0,
    handle(request: { path: string; headers?: Record<string, string | string[] | undefined> }): FakeResponse {
      fake.requests++;
      if (request.path === '/img/bom.png' && request.headers?.['sec-fetch-dest'] === 'image') {
        // The popup's own preview (<img>) of this file would be decoded by the popup's renderer, which takes
        // seconds to tens of seconds on a busy machine and blocks the publish button: a separate problem of
        // the preview, left open in the closing note. The bomb goes to the worker's fetch, which is what
        // the decode bound protects.
        return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: IMAGE_BYTES };
      }
      if (request.path === '/img/foto.jpg') return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: IMAGE_BYTES };
      const file = FILES[request.path];
      if (file) {
        if (!made.has(request.path)) made.set(request.path, file.bytes());
        return { status: 200, headers: { 'content-type': file.type }, body: made.get(request.path) };
      }
      if (request.path === '/spanduk.html') {
        // An agency page whose only image is a wide PNG banner: Instagram needs it cropped and converted.
        return {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: '<!doctype html><html lang="id"><head><title>Spanduk Pelayanan Publik</title><meta property="og:image" content="/img/spanduk.png"><meta property="og:image:alt" content="Spanduk jam layanan"></head><body><h1>Spanduk Pelayanan Publik</h1><p>Jam layanan baru.</p></body></html>',
        };
      }
      const page = /^\/halaman-(webp|avif|heic|svg|gif|bmp|bigPng|hugePng|bomb)\.html$/.exec(request.path);
      if (page) {
        const image = PAGE_IMAGES[page[1] as keyof typeof PAGE_IMAGES];
        return {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: `<!doctype html><html lang="id"><head><title>Layanan Publik ${page[1]}</title><meta property="og:image" content="${image}"><meta property="og:image:alt" content="Petugas melayani warga"></head><body><h1>Layanan Publik ${page[1]}</h1><p>Jam layanan baru kantor pelayanan.</p></body></html>`,
        };
      }
      if (request.path === '/page.html') return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html></html>' };
      return { status: 404, headers: { 'content-type': 'text/html' }, body: 'not found' };
    },
  };
  return fake;
}
