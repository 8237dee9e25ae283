import { describe, expect, it } from 'vitest';
import { MAX_FEED_BYTES, MAX_FEED_ITEMS, parseFeed, type ParseFeedResult } from '../../../utils/sources/parse-feed';
import type { RawItem } from '../../../utils/sources/types';
import { fixture } from './helpers';

const utf8 = (text: string) => new TextEncoder().encode(text);

function ok(result: ParseFeedResult) {
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.code}: ${result.error.detail}`);
  return result;
}

describe('parseFeed over the fixture corpus', () => {
  it.each([
    ['antaranews-terkini.xml', 'application/rss+xml; charset=UTF-8', 'rss', 3, 'ANTARA News - Berita Terkini'],
    ['detik-news.xml', 'text/xml', 'rss', 2, 'news.detik'],
    ['kompas-nasional.xml', undefined, 'rss', 2, 'Kompas.com - Nasional'],
    ['kominfo-blog-atom.xml', 'application/atom+xml', 'atom', 2, 'Siaran Pers Kementerian'],
    ['slashdot-rdf.xml', 'application/rdf+xml', 'rdf', 2, 'Slashdot'],
    ['jsonfeed-microblog.json', 'application/feed+json', 'json', 2, 'Catatan Humas'],
    ['googlenews-search.xml', 'application/xml; charset=utf-8', 'rss', 3, '"banjir jakarta" - Google Berita'],
    ['userland-rss091.xml', 'text/xml', 'rss', 2, 'WriteTheWeb'],
    ['windows-1252.xml', 'text/xml', 'rss', 1, 'Warta Daerah – Édisi Pagi'],
    ['iso-8859-1.xml', undefined, 'rss', 1, 'Café Régional'],
    ['utf-16le-bom.xml', undefined, 'rss', 1, 'Berita UTF-16 “kutip”'],
  ] as const)('%s (%s) → %s, %i items', (file, contentType, format, count, title) => {
    const result = ok(parseFeed(fixture(file), contentType));
    expect(result.format).toBe(format);
    expect(result.items).toHaveLength(count);
    expect(result.title).toBe(title);
    for (const item of result.items) {
      expect(item.url).toMatch(/^https?:\/\//);
      expect(item.guid).not.toBe('');
      expect(`${item.title} ${item.summary} ${item.outlet}`).not.toMatch(
        /<\/?(?:p|b|i|a|img|script|div|br|font|span|strong|em|ol|li|iframe|style)\b|<!|&(?:lt|gt|nbsp|#\d+);/i,
      );
    }
  });

  it.each([
    ['empty.xml', 'empty'],
    ['whitespace.xml', 'empty'],
    ['html-page.html', 'not-a-feed'],
    ['not-a-feed.xml', 'not-a-feed'],
  ] as const)('%s → %s', (file, code) => {
    const result = parseFeed(fixture(file), 'text/html; charset=utf-8');
    expect(result).toMatchObject({ ok: false, error: { code } });
  });
});

describe('item fields', () => {
  it('reads an RSS 2.0 news item as plain text with date, language and outlet', () => {
    const [first, , third] = ok(parseFeed(fixture('antaranews-terkini.xml'))).items;
    expect(first).toEqual<RawItem>({
      guid: 'https://www.antaranews.com/berita/4512345/pemprov-dki-siagakan-1200-pompa-hadapi-puncak-musim-hujan',
      url: 'https://www.antaranews.com/berita/4512345/pemprov-dki-siagakan-1200-pompa-hadapi-puncak-musim-hujan',
      title: 'Pemprov DKI siagakan 1.200 pompa hadapi puncak musim hujan',
      summary:
        'Jakarta (ANTARA) - Pemerintah Provinsi DKI Jakarta menyiagakan 1.200 pompa air stasioner dan mobile untuk menghadapi puncak musim hujan & potensi banjir rob.',
      outlet: 'ANTARA News - Berita Terkini',
      publishedAt: Date.UTC(2024, 11, 3, 3, 30, 5),
      language: 'id',
    });
    expect(third?.summary).toContain('“hingga malam hari”');
  });

  it('decodes escaped HTML once, reads dc:creator, WIB and Indonesian month names', () => {
    const [first, second] = ok(parseFeed(fixture('detik-news.xml'))).items;
    expect(first?.summary).toBe('Warga kini bisa mengurus 200 jenis izin di satu gedung.');
    expect(first?.author).toBe('Tim detikcom');
    expect(first?.publishedAt).toBe(Date.UTC(2024, 11, 3, 3, 41, 2));
    expect(first?.language).toBe('id-id');
    expect(second?.summary).toBe('Polda Metro Jaya mengimbau warga menghindari ruas Jalan Sudirman & Thamrin.');
    expect(second?.publishedAt).toBe(Date.UTC(2024, 11, 2, 14, 5, 44));
  });

  it('resolves relative links against the document URL (RFC 3986 §5.1.3), not the channel link, and drops invalid dates', () => {
    const [first, second] = ok(parseFeed(fixture('kompas-nasional.xml'), undefined, { baseUrl: 'https://www.kompas.com/rss/nasional' })).items;
    expect(first?.url).toBe('https://www.kompas.com/read/2024/12/03/10300071/menpan-rb-minta-asn-gunakan-media-sosial-untuk-layanan-publik');
    expect(first?.author).toBe('Fika Nurul Ulya');
    // "2024-12-03 10:30:00" names no zone and the feed's language is id: read in WIB (issue 15, fault 6).
    expect(first?.publishedAt).toBe(Date.UTC(2024, 11, 3, 3, 30));
    expect(second?.url).toBe('https://www.kompas.com/rss/read/2024/12/03/09150011/dpr-setujui-ruu-penyiaran');
    expect(second?.guid).toBe(second?.url);
    expect(second?.publishedAt).toBeUndefined();
  });

  it('honours Atom text types, alternate links, xml:lang and published over updated', () => {
    const [first, second] = ok(parseFeed(fixture('kominfo-blog-atom.xml'))).items;
    expect(first).toMatchObject({
      guid: 'tag:blogger.com,1999:blog-1234567890.post-111',
      url: 'https://siaranpers.example.go.id/2024/12/literasi-digital.html',
      title: 'Siaran Pers: Program Literasi Digital Jangkau 5 Juta Warga',
      summary: 'Program literasi digital telah menjangkau 5 juta warga.',
      author: 'Biro Humas',
      publishedAt: Date.UTC(2024, 11, 3, 2, 0),
      language: 'id',
    });
    // type="text": markup-looking text is literal, and entities are not decoded a second time.
    expect(second?.title).toBe('AT&amp;T <not a tag> dalam teks biasa');
    expect(second?.summary).toBe('Isi xhtml entri kedua.');
    expect(second?.publishedAt).toBe(Date.UTC(2024, 11, 2, 15));
  });

  it('reads RDF items with dc fields and JSON Feed items', () => {
    const rdf = ok(parseFeed(fixture('slashdot-rdf.xml'))).items;
    expect(rdf[0]).toMatchObject({ author: 'msmash', language: 'en-us', publishedAt: Date.UTC(2024, 11, 2, 19, 20), outlet: 'Slashdot' });
    const json = ok(parseFeed(fixture('jsonfeed-microblog.json'))).items;
    expect(json[0]).toMatchObject({
      title: 'Rilis: Layanan aduan 24 jam',
      summary: 'Layanan aduan kini buka 24 jam & bisa lewat WhatsApp.',
      author: 'Tim Humas',
      language: 'id-id',
    });
    expect(json[1]).toMatchObject({
      url: 'https://humas.example.id/2024/12/02/catatan.html',
      title: '',
      summary: 'Catatan singkat tanpa judul <tetap teks>.',
      author: 'Sari',
      language: 'en',
    });
  });

  it('keeps the publisher from <source> as outlet', () => {
    const [first] = ok(parseFeed(fixture('googlenews-search.xml'))).items;
    expect(first?.outlet).toBe('ANTARA News');
  });

  it('never lets script, handlers or non-http links through', () => {
    const result = ok(parseFeed(fixture('hostile.xml')));
    expect(result.title).toBe('Hostile feed');
    const urls = result.items.map((item) => item.url);
    expect(urls.every((url) => url.startsWith('https://'))).toBe(true);
    // The javascript: and data: items fall back to the feed's site; they still carry their text.
    expect(result.items[0]).toMatchObject({ guid: 'hostile-1', url: 'https://hostile.example/', title: 'Klik di sini &lol2;', summary: 'Teks aman' });
    expect(result.items[2]).toMatchObject({ title: 'Tautan \uFFFD \uFFFD 😀', summary: 'Isi normal', url: 'https://ok.example/1' });
  });

  it('gives link-less items the site URL and a content hash guid, and skips empty ones', () => {
    const result = ok(parseFeed(fixture('no-links.xml')));
    expect(result.items).toHaveLength(1);
    expect(result.skipped).toBe(1);
    expect(result.items[0]?.url).toBe('https://dinas.example.go.id/');
    expect(result.items[0]?.guid).toMatch(/^h:[0-9a-f]{32}$/);
    const again = ok(parseFeed(fixture('no-links.xml')));
    expect(again.items[0]?.guid).toBe(result.items[0]?.guid);
  });
});

describe('encoding', () => {
  it('decodes windows-1252 smart quotes and euro from the XML prolog', () => {
    const [item] = ok(parseFeed(fixture('windows-1252.xml'))).items;
    expect(item?.title).toBe('Bupati: “Anggaran €1 juta untuk café UMKM” — kata pejabat');
    expect(item?.summary).toBe('Harga naik 5%… Résumé acara ‘sosialisasi’™');
  });

  it('uses the Content-Type charset when there is no prolog, and windows-1252 for undeclared bytes that are not UTF-8', () => {
    const bytes = fixture('iso-8859-1-noprolog.xml');
    expect(ok(parseFeed(bytes, 'application/rss+xml; charset=ISO-8859-1')).items[0]?.title).toBe('Déjà vu à Montréal - «señor» ñandú');
    expect(ok(parseFeed(bytes, 'application/rss+xml')).items[0]?.title).toBe('Déjà vu à Montréal - «señor» ñandú');
  });

  it('lets the header charset win over the prolog', () => {
    const text =
      '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Kopi ☕</title><item><title>Çay</title><link>https://a.example/1</link></item></channel></rss>';
    expect(ok(parseFeed(utf8(text), 'text/xml; charset="utf-8"')).title).toBe('Kopi ☕');
  });

  it('ignores unknown charset labels instead of failing', () => {
    const text = '<?xml version="1.0" encoding="x-made-up"?><rss version="2.0"><channel><title>Aman</title></channel></rss>';
    expect(ok(parseFeed(utf8(text), 'text/xml; charset=bogus')).title).toBe('Aman');
  });
});

describe('limits', () => {
  it('answers (does not throw or hang) on 50,000 nested elements', () => {
    const nested = utf8(`<rss version="2.0"><channel><title>x</title>${'<item><title>'.repeat(50_000)}`);
    const started = performance.now();
    const result = parseFeed(nested);
    expect(typeof result.ok).toBe('boolean');
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 20_000);

  function bigFeed(count: number, pad = 0): string {
    const filler = 'x'.repeat(pad);
    const items: string[] = [];
    for (let i = 0; i < count; i++) {
      const date = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toUTCString();
      items.push(`<item><title>Berita ${i}</title><link>https://big.example/${i}</link><pubDate>${date}</pubDate><description>${filler}</description></item>`);
    }
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>Besar</title><link>https://big.example/</link>${items.join('')}</channel></rss>`;
  }

  it(`keeps the newest ${MAX_FEED_ITEMS} of 10,000 items and says how many were dropped`, () => {
    const result = ok(parseFeed(utf8(bigFeed(10_000))));
    expect(result.items).toHaveLength(MAX_FEED_ITEMS);
    expect(result.dropped).toBe(10_000 - MAX_FEED_ITEMS);
    expect(result.items[0]?.title).toBe('Berita 9999');
    expect(result.items.at(-1)?.title).toBe(`Berita ${10_000 - MAX_FEED_ITEMS}`);
  }, 30_000);

  it('refuses a feed over 10 MB without parsing it, and accepts one just under', () => {
    const over = utf8(bigFeed(2100, 5000));
    expect(over.byteLength).toBeGreaterThan(MAX_FEED_BYTES);
    expect(parseFeed(over)).toMatchObject({ ok: false, error: { code: 'too-large' } });
    const under = utf8(bigFeed(1900, 5000));
    expect(under.byteLength).toBeLessThan(MAX_FEED_BYTES);
    expect(ok(parseFeed(under)).items).toHaveLength(1900);
  }, 30_000);
});
