import { describe, expect, it } from 'vitest';
import { ingestItems } from '../../../utils/monitor/ingest';
import { parseFeed, type ParseFeedResult } from '../../../utils/sources/parse-feed';
import { addWatch, freshDatabase } from '../listen/helpers';

// Issue 15: the faults found by reading 156 real feeds against a reference reader, each on a small input
// shaped like the real feed that showed it (file names are in ../shared/feeds-real/SOURCES.md).

const utf8 = (text: string) => new TextEncoder().encode(text);

function ok(result: ParseFeedResult) {
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.code}: ${result.error.detail}`);
  return result;
}

const rss = (items: string, channel = '<title>Berita</title><link>https://berita.example.id/</link>') =>
  utf8(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`);

describe('fault 1: RSS 1.0 items missing from the channel <items> list', () => {
  it('reads every <item> of the document, listed or not (as in id__bbcindonesia-dunia-2017.xml)', () => {
    const feed = utf8(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
  <channel rdf:about="https://www.bbc.co.uk/indonesian/"><title>BBC Indonesia</title><link>https://www.bbc.co.uk/indonesian/</link>
    <items><rdf:Seq><rdf:li rdf:resource="https://www.bbc.co.uk/indonesian/1"/></rdf:Seq></items></channel>
  <item rdf:about="https://www.bbc.co.uk/indonesian/1"><title>Tercantum</title><link>https://www.bbc.co.uk/indonesian/1</link></item>
  <item rdf:about="https://www.bbc.co.uk/indonesian/2"><title>Tidak tercantum</title><link>https://www.bbc.co.uk/indonesian/2</link></item>
</rdf:RDF>`);
    const result = ok(parseFeed(feed));
    expect(result.format).toBe('rdf');
    expect(result.items.map((item) => item.title)).toEqual(['Tercantum', 'Tidak tercantum']);
  });
});

describe('fault 2: all HTML named character references', () => {
  it.each([
    ['&lrm;', 'OSO \u200Eyang diproduksi'],
    ['&infin;', 'violent. ∞ Permalink'],
  ])('decodes %s in titles and summaries', (entity, expected) => {
    const text = entity === '&lrm;' ? 'OSO &amp;lrm;yang diproduksi' : 'violent. &amp;infin; Permalink';
    const [item] = ok(parseFeed(rss(`<item><title>${text}</title><description>${text}</description><link>https://a.example/1</link></item>`))).items;
    expect(item?.title).toBe(expected);
    expect(item?.summary).toBe(expected);
  });
});

describe('fault 3: escaped "<" that is not markup', () => {
  it('keeps "&lt;Rp12 ribu" in title and summary, while real markup is still dropped', () => {
    const [item] = ok(
      parseFeed(
        rss(`<item><title>Harga beras &lt;Rp12 ribu per kg</title>
      <description>&lt;p&gt;Harga beras &lt;Rp12 ribu per kg, kata &lt;b&gt;Bulog&lt;/b&gt;&lt;/p&gt; dan x &lt;y</description>
      <link>https://a.example/beras</link></item>`),
      ),
    ).items;
    expect(item?.title).toBe('Harga beras <Rp12 ribu per kg');
    expect(item?.summary).toBe('Harga beras <Rp12 ribu per kg, kata Bulog dan x <y');
  });
});

describe('fault 4: items without a link', () => {
  const linkless = Array.from(
    { length: 22 },
    (_, i) =>
      `<item><title>Pengumuman ${i + 1}</title><description>Isi pengumuman nomor ${i + 1} tentang banjir.</description><pubDate>Mon, 02 Dec 2024 0${i % 10}:00:00 +0700</pubDate></item>`,
  ).join('');

  it('gives 22 link-less items 22 identities from title + date + feed, not from the channel link', () => {
    const result = ok(parseFeed(rss(linkless), undefined, { baseUrl: 'https://dinas.example.go.id/rss' }));
    expect(result.items).toHaveLength(22);
    expect(new Set(result.items.map((item) => item.guid)).size).toBe(22);
    expect(result.items.every((item) => item.url === 'https://berita.example.id/' && item.siteOnly === true)).toBe(true);
    // The same item in another feed is another item.
    const other = ok(parseFeed(rss(linkless), undefined, { baseUrl: 'https://lain.example.go.id/rss' }));
    expect(other.items[0]?.guid).not.toBe(result.items[0]?.guid);
  });

  it('stores them as 22 mentions, and none again on the next poll', async () => {
    const database = await freshDatabase();
    await addWatch(database, 'banjir');
    const watches = await database.watches.toArray();
    const { items } = ok(parseFeed(rss(linkless), undefined, { baseUrl: 'https://dinas.example.go.id/rss' }));
    const first = await ingestItems(database, items, { kind: 'rss', id: 7 }, watches, Date.UTC(2024, 11, 3));
    expect(first.added).toHaveLength(22);
    const second = await ingestItems(database, items, { kind: 'rss', id: 7 }, watches, Date.UTC(2024, 11, 3, 1));
    expect(second).toMatchObject({ added: [], duplicates: 22 });
  });
});

describe('fault 5: relative links follow xml:base, then the document URL', () => {
  it('resolves Atom links against the entry xml:base, then the root xml:base (RFC 4287 §2)', () => {
    const atom = utf8(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://root.example/blog/">
      <title>t</title><link href="https://site.example/"/>
      <entry xml:base="https://entry.example/a/"><id>tag:x,2024:1</id><title>Satu</title><link href="satu.html"/></entry>
      <entry><id>tag:x,2024:2</id><title>Dua</title><link href="dua.html"/></entry>
      <entry xml:base="sub/"><id>tag:x,2024:3</id><title>Tiga</title><link href="/tiga"/></entry>
    </feed>`);
    const items = ok(parseFeed(atom, undefined, { baseUrl: 'https://fetched.example/feed.xml' })).items;
    expect(items.map((item) => item.url)).toEqual(['https://entry.example/a/satu.html', 'https://root.example/blog/dua.html', 'https://root.example/tiga']);
  });

  it('without xml:base, resolves against the URL the feed was fetched from, not the channel link', () => {
    const items = ok(
      parseFeed(
        rss('<item><title>A</title><link>/gulpjs/gulp/releases/tag/v3.9.0</link></item>', '<title>t</title><link>https://github.com/</link>'),
        undefined,
        { baseUrl: 'https://feeds.example/releases.atom' },
      ),
    ).items;
    expect(items[0]?.url).toBe('https://feeds.example/gulpjs/gulp/releases/tag/v3.9.0');
  });

  it('reads RSS xml:base on the root and on the item', () => {
    const feed = utf8(
      '<rss version="2.0" xml:base="https://root.example/x/"><channel><title>t</title><item><title>A</title><link>a</link></item><item xml:base="https://item.example/"><title>B</title><link>b</link></item></channel></rss>',
    );
    expect(ok(parseFeed(feed, undefined, { baseUrl: 'https://fetched.example/' })).items.map((item) => item.url)).toEqual([
      'https://root.example/x/a',
      'https://item.example/b',
    ]);
  });
});

describe('fault 6: dates in an Indonesian feed', () => {
  const dated = (date: string, language = 'id') =>
    rss(
      `<item><title>A</title><link>https://a.example/1</link><pubDate>${date}</pubDate></item>`,
      `<title>t</title><link>https://a.example/</link><language>${language}</language>`,
    );
  const now = Date.UTC(2024, 11, 8);

  it.each([
    ["Jum'at, 06 Des 2024 10:30:00 +0700", 'id', Date.UTC(2024, 11, 6, 3, 30)],
    ['Sabtu, 07 Des 2024 - 10:30 WIB', 'id', Date.UTC(2024, 11, 7, 3, 30)],
    ['2024-12-07 10:30:00 WIB', 'id', Date.UTC(2024, 11, 7, 3, 30)],
    ['Mon, May 25 2020 04:45:26 +0000', 'en', Date.UTC(2020, 4, 25, 4, 45, 26)],
    ['2024-12-07 10:30:00', 'id', Date.UTC(2024, 11, 7, 3, 30)],
    ['2024-12-07 10:30:00', 'en', Date.UTC(2024, 11, 7, 10, 30)],
    ['Sat, 07 Dec 2024 10:30:00', 'id-ID', Date.UTC(2024, 11, 7, 3, 30)],
    ['Tue, 10 Dec 2024 10:30:00 +0700', 'id', undefined],
  ] as const)('%j in a feed in %s', (date, language, expected) => {
    expect(ok(parseFeed(dated(date, language), undefined, { now })).items[0]?.publishedAt).toBe(expected);
  });

  it('reads a zoneless date in WIB when the feed comes from a .id host, whatever its language tag says', () => {
    const feed = rss('<item><title>A</title><link>https://pemda.example.go.id/1</link><pubDate>2024-12-07 10:30:00</pubDate></item>', '<title>t</title>');
    expect(ok(parseFeed(feed, undefined, { baseUrl: 'https://pemda.example.go.id/rss', now })).items[0]?.publishedAt).toBe(Date.UTC(2024, 11, 7, 3, 30));
  });
});

describe('fault 7: error codes and charsets', () => {
  it('calls a JSON Feed cut off mid-file malformed, not "not a feed"', () => {
    const json = '{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","url":"https://a.example/1","content_text":"Isi';
    expect(parseFeed(utf8(json), 'application/feed+json')).toMatchObject({ ok: false, error: { code: 'malformed' } });
  });

  it('reads UTF-8 bytes served with a wrong charset=utf-16 header', () => {
    const result = ok(parseFeed(rss('<item><title>Kopi ☕ “enak”</title><link>https://a.example/1</link></item>'), 'application/rss+xml; charset=utf-16'));
    expect(result.items[0]?.title).toBe('Kopi ☕ “enak”');
  });

  it('reads the items before the cut of an XML feed cut off in transit, and says it was cut off', () => {
    const whole = new TextDecoder().decode(
      rss('<item><title>Satu</title><link>https://a.example/1</link></item><item><title>Dua</title><link>https://a.example/2</link></item>'),
    );
    const cut = utf8(whole.slice(0, whole.indexOf('<title>Dua') + 8));
    const result = ok(parseFeed(cut));
    expect(result.items.map((item) => item.title)).toEqual(['Satu']);
    expect(result.truncated).toBe(true);
    expect(ok(parseFeed(utf8(whole))).truncated).toBe(false);
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8 (as in intl__rssparser-uolNoticias.rss)', () => {
    const latin = Uint8Array.from([
      ...utf8('<rss><channel><title>UOL</title><item><title>Simula'),
      0xe7,
      0xf5,
      0x65,
      0x73,
      0x20,
      0x93,
      0x32,
      0xba,
      0x94,
      ...utf8('</title><link>https://a.example/1</link></item></channel></rss>'),
    ]);
    expect(ok(parseFeed(latin)).items[0]?.title).toBe('Simulações “2º”');
  });
});

describe('fault 8: YouTube channel feeds', () => {
  it('uses media:description when the entry has no summary or content (as in intl__feedrs-atom_mediarss_youtube_1.xml)', () => {
    const atom = utf8(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" xmlns:yt="http://www.youtube.com/xml/schemas/2015">
      <title>Kanal</title><link rel="alternate" href="https://www.youtube.com/channel/UC1"/>
      <entry><id>yt:video:abc</id><yt:videoId>abc</yt:videoId><title>Video</title><link rel="alternate" href="https://www.youtube.com/watch?v=abc"/>
        <media:group><media:title>Video</media:title><media:description>Sosialisasi vaksin di Puskesmas &amp; posyandu</media:description></media:group></entry>
    </feed>`);
    expect(ok(parseFeed(atom)).items[0]?.summary).toBe('Sosialisasi vaksin di Puskesmas & posyandu');
  });

  it('keeps the entry text when there is one', () => {
    const atom = utf8(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"><title>t</title>
      <entry><id>tag:x,1</id><title>V</title><link href="https://a.example/v"/><content type="html">Teks sendiri</content><media:description>Keterangan foto</media:description></entry></feed>`);
    expect(ok(parseFeed(atom)).items[0]?.summary).toBe('Teks sendiri');
  });
});
