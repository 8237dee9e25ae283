import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Fake } from './fake';

export const NEWS_HOST = 'humas.jatengprov.go.id';
const PNG = readFileSync(resolve(import.meta.dirname, '../../public/icon/128.png'));

const article = (title: string, head: string, body: string) => `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body><article><h1>${title}</h1>${body}</article></body></html>`;

/** A provincial Humas news site: an article with canonical and Open Graph tags, and some broken pages. */
export function createNewsSite(): Fake {
  const pages: Record<string, string> = {
    '/berita/rapat-koordinasi': article(
      'Rapat Koordinasi Humas Se-Jawa Tengah | Humas Jateng',
      `<link rel="canonical" href="https://${NEWS_HOST}/berita/rapat-koordinasi?utm_source=newsletter&amp;id=7">
       <meta property="og:title" content="Rapat Koordinasi Humas Se-Jawa Tengah">
       <meta property="og:description" content="Pemprov Jateng memperkuat koordinasi kehumasan lintas OPD.">
       <meta property="og:image" content="/img/rapat.png">`,
      '<p id="kutipan">Informasi publik harus sampai ke warga pada hari yang sama.</p><p>Isi berita lainnya.</p>',
    ),
    '/tanpa-judul': `<!doctype html><html><head><meta property="og:image" content="/img/hilang.png"></head><body><p>Tanpa judul</p></body></html>`,
  };
  return {
    hosts: [NEWS_HOST],
    handle(request) {
      if (request.path === '/img/rapat.png') return { status: 200, headers: { 'content-type': 'image/png' }, body: PNG };
      const page = pages[request.path];
      if (page) return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page };
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
    },
  };
}

/** The share pages of every network (x.com/intent, wa.me…): answers 200 so the opened URL can be read. */
export function createShareTargets(): Fake {
  return {
    hosts: ['x.com', 'www.facebook.com', 'wa.me', 't.me', 'www.linkedin.com', 'bsky.app', 'www.threads.net', 'www.threads.com', 'mastodon.social'],
    handle: () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>share</title>' }),
  };
}
