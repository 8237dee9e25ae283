import { createServer, type Server } from 'node:http';

/** The news article the officer quotes from: a local page, so the suite needs no network. */
export const ARTICLE = {
  title: 'Banjir di Jakarta Utara',
  quote: 'Banjir setinggi satu meter melanda Jakarta Utara pagi ini.',
};

/** Serves ARTICLE on 127.0.0.1 at a free port. */
export async function startArticleServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="id"><head><title>${ARTICLE.title}</title>
      <meta name="description" content="Laporan banjir."></head>
      <body><h1>${ARTICLE.title}</h1><p id="quote" style="font-size:32px">${ARTICLE.quote}</p></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
