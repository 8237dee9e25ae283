import { describe, expect, it } from 'vitest';
import { categoryToHashtag, readCampaignSource } from '../../../utils/campaigns/from-feed';

const bytes = (text: string) => new TextEncoder().encode(text);
const NOW = Date.parse('2026-11-30T00:00:00Z');
const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
<title>Diskominfo Jatim — Kampanye</title><link>https://kominfo.jatimprov.go.id</link>
<item><title>Gerakan Pangan Murah</title><link>/kampanye/gpm</link><guid isPermaLink="false">gpm-2026</guid>
<description>&lt;p&gt;Pemprov Jatim menggelar &lt;b&gt;Gerakan Pangan Murah&lt;/b&gt; di 38 kabupaten/kota.&lt;/p&gt;</description>
<category>Pangan Murah</category><category>Jatim Bangkit</category>
<enclosure url="https://kominfo.jatimprov.go.id/img/gpm.jpg" type="image/jpeg" length="1000"/>
<pubDate>Mon, 30 Nov 2026 08:00:00 +0700</pubDate></item>
<item><title>Tanpa gambar</title><link>https://kominfo.jatimprov.go.id/kampanye/b</link>
<media:content url="https://kominfo.jatimprov.go.id/img/b.png" medium="image"><media:description>Poster B</media:description></media:content></item>
<item><title>Tautan jahat</title><link>javascript:alert(1)</link><description>x</description></item>
</channel></rss>`;

describe('campaign sources that are ordinary feeds', () => {
  it('maps RSS items to kits: title, link (resolved), text, categories as hashtags, enclosure as image', () => {
    const read = readCampaignSource(bytes(rss), 'application/rss+xml', 'https://kominfo.jatimprov.go.id/kampanye.xml', NOW);
    expect(read.fatal).toBeUndefined();
    const gpm = read.kits.find((kit) => kit.id === 'gpm-2026');
    expect(gpm).toMatchObject({
      title: 'Gerakan Pangan Murah',
      link: 'https://kominfo.jatimprov.go.id/kampanye/gpm',
      text: 'Pemprov Jatim menggelar Gerakan Pangan Murah di 38 kabupaten/kota.',
      hashtags: ['PanganMurah', 'JatimBangkit'],
      image: { url: 'https://kominfo.jatimprov.go.id/img/gpm.jpg', alt: 'Gerakan Pangan Murah' },
      start: Date.parse('2026-11-30T01:00:00Z'),
      updatedAt: Date.parse('2026-11-30T01:00:00Z'),
    });
    expect(gpm!.end).toBeUndefined();
  });

  it('takes a Media RSS image with its description as alt text; an undated item starts now', () => {
    const read = readCampaignSource(bytes(rss), null, 'https://kominfo.jatimprov.go.id/kampanye.xml', NOW);
    expect(read.kits.find((kit) => kit.title === 'Tanpa gambar')).toMatchObject({
      image: { url: 'https://kominfo.jatimprov.go.id/img/b.png', alt: 'Poster B' },
      start: NOW,
      text: 'Tanpa gambar',
    });
  });

  it('refuses an item whose link is not http(s), in one line, and keeps the others', () => {
    const read = readCampaignSource(bytes(rss), null, 'https://kominfo.jatimprov.go.id/kampanye.xml', NOW);
    expect(read.kits).toHaveLength(2);
    expect(read.problems).toEqual(['Kit 3 (Tautan jahat): link: must be an http(s) address']);
  });

  it('maps Atom entries (alternate link, enclosure link, category terms)', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>K</title><id>urn:k</id><updated>2026-11-30T00:00:00Z</updated>
<entry><id>urn:kit:1</id><title>Satu Data</title><updated>2026-11-29T10:00:00Z</updated>
<link href="https://data.go.id/kampanye"/><link rel="enclosure" type="image/png" href="https://data.go.id/p.png"/>
<category term="SatuData"/><summary>Satu Data Indonesia.</summary></entry></feed>`;
    const read = readCampaignSource(bytes(atom), 'application/atom+xml', 'https://data.go.id/feed', NOW);
    expect(read.kits).toEqual([
      expect.objectContaining({
        id: 'urn:kit:1',
        link: 'https://data.go.id/kampanye',
        hashtags: ['SatuData'],
        image: { url: 'https://data.go.id/p.png', alt: 'Satu Data' },
        text: 'Satu Data Indonesia.',
      }),
    ]);
  });

  it('reads a Siar kit file served from the same kind of address', () => {
    const kitFile = JSON.stringify({
      siarKits: 1,
      kits: [{ id: 'a', updated: '2026-11-30T00:00:00Z', title: 'A', period: { start: '2026-11-30T00:00:00Z' }, link: 'https://a.go.id/', text: 'Teks' }],
    });
    expect(readCampaignSource(bytes(kitFile), 'application/json', 'https://a.go.id/kits.json', NOW).kits.map((kit) => kit.id)).toEqual(['a']);
  });

  it.each([
    ['an HTML page', '<!doctype html><html><body>Not a feed</body></html>'],
    ['random bytes', '\u0000\u0001garbage'],
  ])('says in one sentence that %s is neither a kit file nor a feed', (_name, text) => {
    expect(readCampaignSource(bytes(text), 'text/html', 'https://a.go.id/', NOW).fatal).toBe(
      'This address gives neither a Siar kit file nor an RSS/Atom feed.',
    );
  });

  it.each([
    ['HUT RI ke-81', 'HUTRIke81'],
    ['#SatuNarasi', 'SatuNarasi'],
    ['Pangan_Murah 2026', 'Pangan_Murah2026'],
    ['!!!', undefined],
  ])('category %j becomes hashtag %j', (category, tag) => {
    expect(categoryToHashtag(category)).toBe(tag);
  });
});
