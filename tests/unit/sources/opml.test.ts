import { describe, expect, it } from 'vitest';
import { escapeXml, exportOpml, importOpml } from '../../../utils/sources/opml';

const sample = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Langganan Humas</title></head>
  <body>
    <outline text="Nasional">
      <outline text="ANTARA Terkini" type="rss" xmlUrl="https://www.antaranews.com/rss/terkini.xml" htmlUrl="https://www.antaranews.com"/>
      <outline text="Daerah">
        <outline title="Pemprov &amp; Kota" type="rss" xmlUrl="https://pemprov.example.go.id/feed"/>
      </outline>
    </outline>
    <outline text="Duplikat" type="rss" xmlUrl="https://www.antaranews.com/rss/terkini.xml"/>
    <outline text="Jahat" type="rss" xmlUrl="javascript:alert(1)"/>
    <outline text="Rusak" type="rss" xmlUrl="not a url"/>
    <outline text="Tanpa judul" type="rss" xmlUrl="https://tanpa.example.id/rss"/>
    <outline text="Folder kosong"/>
  </body>
</opml>`;

describe('importOpml', () => {
  it('flattens folders, skips and counts invalid and duplicate URLs', () => {
    expect(importOpml(sample)).toEqual({
      ok: true,
      title: 'Langganan Humas',
      feeds: [
        { title: 'ANTARA Terkini', url: 'https://www.antaranews.com/rss/terkini.xml' },
        { title: 'Pemprov & Kota', url: 'https://pemprov.example.go.id/feed' },
        { title: 'Tanpa judul', url: 'https://tanpa.example.id/rss' },
      ],
      invalid: 2,
      duplicates: 1,
    });
  });

  it('reads bytes and never throws on garbage', () => {
    expect(importOpml(new TextEncoder().encode(sample))).toMatchObject({ ok: true });
    for (const input of ['', '<html><body>no</body></html>', '<opml><body><outline text="x"', '\u0000\u0001', '{"a":1}']) {
      expect(importOpml(input).ok).toBe(false);
    }
  });

  it('survives deep nesting', () => {
    const deep = `<opml version="2.0"><body>${'<outline text="f">'.repeat(200)}<outline text="x" xmlUrl="https://deep.example/rss"/>${'</outline>'.repeat(200)}</body></opml>`;
    expect(() => importOpml(deep)).not.toThrow();
  });
});

describe('exportOpml', () => {
  it('escapes titles and URLs and round-trips through import', () => {
    const feeds = [
      { title: 'Kata "kutip" & <tag> \'apos\'', url: 'https://a.example/rss?x=1&y=2' },
      { title: 'Baris\nbaru\u0001', url: 'https://b.example/feed' },
    ];
    const xml = exportOpml(feeds, { title: 'Ekspor <Siar>', now: Date.UTC(2024, 11, 3) });
    expect(xml).toContain('xmlUrl="https://a.example/rss?x=1&amp;y=2"');
    expect(xml).toContain('text="Kata &quot;kutip&quot; &amp; &lt;tag&gt; &apos;apos&apos;"');
    expect(xml).toContain('<title>Ekspor &lt;Siar&gt;</title>');
    expect(xml).toContain('<dateCreated>Tue, 03 Dec 2024 00:00:00 GMT</dateCreated>');
    expect(xml).not.toContain('\u0001');
    const back = importOpml(xml);
    expect(back).toMatchObject({ ok: true, title: 'Ekspor <Siar>', invalid: 0 });
    expect(back.ok && back.feeds.map((feed) => feed.url)).toEqual(feeds.map((feed) => feed.url));
    expect(back.ok && back.feeds[0]?.title).toBe(feeds[0]?.title);
  });

  it('escapeXml drops characters XML cannot carry', () => {
    expect(escapeXml('a\u0000b\uFFFEc')).toBe('abc');
  });
});
