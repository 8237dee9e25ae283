import { RichText } from '@atproto/api';
import { describe, expect, it } from 'vitest';
import { findFacetCandidates } from '../../../utils/text/bluesky-facets';

const spans = (text: string, kind?: string) =>
  findFacetCandidates(text)
    .filter((c) => !kind || c.kind === kind)
    .map((c) => text.slice(c.start, c.end));

// What bsky.app itself makes of the text (@atproto/api RichText, the app's own detection).
function appSpans(text: string, kind: string): string[] {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  const bytes = new TextEncoder().encode(text);
  return (rich.facets ?? [])
    .filter((facet) => facet.features[0]?.$type.endsWith(`#${kind}`))
    .map((facet) => new TextDecoder().decode(bytes.slice(facet.index.byteStart, facet.index.byteEnd)));
}

describe('Bluesky facets', () => {
  it.each(['#️⃣', 'Tekan #️⃣ lalu 1️⃣', '#⃣ tanpa FE0F', 'pilih #️⃣#Pemilu'])('a keycap never becomes a tag: %j', (text) => {
    expect(findFacetCandidates(text).filter((c) => c.kind === 'tag' && /^[\uFE0F\u20E3]/.test(c.value))).toEqual([]);
  });

  it.each([
    ['https://contoh.jp/パス', 'https://contoh.jp/パス'],
    ['Lihat https://contoh.jp/パス/ビル?hal=2 sekarang', 'https://contoh.jp/パス/ビル?hal=2'],
    ['contoh.jp/パス.', 'contoh.jp/パス'],
  ])('a URL with a non-ASCII path links in full: %j', (text, link) => {
    expect(spans(text, 'link')).toEqual([link]);
    expect(appSpans(text, 'link')).toEqual([link]);
  });

  it.each([
    ['#Bersatu-Kita', ['#Bersatu-Kita']],
    ["#Jatim's", ["#Jatim's"]],
    ["Hari ini #Jatim's.", ["#Jatim's"]],
    ['#HUTRI80! #PajakKita, #CekFakta…', ['#HUTRI80', '#PajakKita', '#CekFakta']],
    ['#2024 #1abc', ['#1abc']],
    ['halo\u00A0#Nusantara', ['#Nusantara']],
  ])('hashtag extent is what the app makes of %j', (text, tags) => {
    expect(spans(text, 'tag')).toEqual(tags);
    expect(appSpans(text, 'tag')).toEqual(tags);
  });

  it('keeps trailing quotes and dots out of links, where the app keeps some in (deliberately stricter)', () => {
    const text = 'Baca (https://contoh.id/berita".) dan https://contoh.id/a...';
    expect(spans(text, 'link')).toEqual(['https://contoh.id/berita', 'https://contoh.id/a']);
    expect(appSpans(text, 'link')).toEqual(['https://contoh.id/berita".', 'https://contoh.id/a..']);
  });

  it('finds a handle after a non-breaking space, and not a malformed one', () => {
    expect(spans('Terima kasih\u00A0@kominfo.bsky.social!', 'mention')).toEqual(['@kominfo.bsky.social']);
    expect(spans('@a..b.bsky.social @-x.bsky.social surat@kominfo.go.id', 'mention')).toEqual([]);
  });
});
