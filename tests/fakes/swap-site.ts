import type { Fake } from './fake';

// A regional government news site whose pages declare links an attacker (or a broken CMS) could use to
// swap what the officer shares (issue 13.2, 22.4). Each page is a real article on the site's own host.
export const SWAP_HOST = 'humas.semarangkota.go.id';

const page = (head: string, body = '') => `<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Pemkot gelar vaksinasi massal</title>${head}</head><body><article><h1>Pemkot gelar vaksinasi massal</h1>${body}</article></body></html>`;

/** Path → the declared link it carries; every one of them must lose to the tab's own address. */
export const SWAP_PAGES: Record<string, { html: string; declared?: string }> = {
  '/berita/kanonik-lain': { html: page('<link rel="canonical" href="https://evil.example/berita">'), declared: 'https://evil.example/berita' },
  '/berita/og-lain': { html: page('<meta property="og:url" content="https://evil.example/og">'), declared: 'https://evil.example/og' },
  '/berita/userinfo': {
    html: page(`<link rel="canonical" href="https://${SWAP_HOST}:x@evil.example/">`),
    declared: `https://${SWAP_HOST}:x@evil.example/`,
  },
  '/berita/turun-http': {
    html: page(`<link rel="canonical" href="http://${SWAP_HOST}/berita/turun-http">`),
    declared: `http://${SWAP_HOST}/berita/turun-http`,
  },
  '/berita/kanonik-beranda': { html: page(`<link rel="canonical" href="https://${SWAP_HOST}/">`), declared: `https://${SWAP_HOST}/` },
  // A canonical tag in the body (a comment or widget): not the page's own, so ignored without a notice.
  '/berita/kanonik-di-body': { html: page('', '<link rel="canonical" href="https://evil.example/body">') },
};

export function createSwapSite(): Fake {
  return {
    hosts: [SWAP_HOST],
    handle(request) {
      const found = SWAP_PAGES[request.path];
      return found
        ? { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: found.html }
        : { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
    },
  };
}
