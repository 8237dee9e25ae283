import type { Fake, FakeResponse } from './fake';

// The agency's own website: the page image that adapters fetch (without any network's token)
// before uploading it to X, Mastodon or Bluesky.

export const PAGE_HOST = 'www.example.go.id';
export const IMAGE_URL = `https://${PAGE_HOST}/img/foto.jpg`;
/** A tiny JPEG-looking payload; fakes only check it arrives intact. */
export const IMAGE_BYTES = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]);

export function createImagesFake(): Fake & { requests: number } {
  const fake = {
    hosts: [PAGE_HOST],
    requests: 0,
    handle(request: { path: string }): FakeResponse {
      fake.requests++;
      if (request.path === '/img/foto.jpg') return { status: 200, headers: { 'content-type': 'image/jpeg' }, body: IMAGE_BYTES };
      if (request.path === '/page.html') return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html></html>' };
      return { status: 404, headers: { 'content-type': 'text/html' }, body: 'not found' };
    },
  };
  return fake;
}
