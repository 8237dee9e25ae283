import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, dedupeItems, storyKey, stripPublisher } from '../../../utils/monitor/story';

describe('storyKey', () => {
  it.each([
    ['Gubernur Tinjau Banjir di Demak - Kompas.com', 'Gubernur tinjau banjir Demak | detikNews'],
    ['Gubernur Tinjau Banjir di Demak - Kompas.com', 'Banjir Demak, Gubernur Tinjau - Antara News'],
    ['Gubernur Tinjau Banjir di Demak', '[VIDEO] Gubernur Tinjau Banjir di Demak — Tribun Jateng'],
    ['Pemkot Semarang Raih WTP', 'Pemkot Semarang raih WTP - Suara Merdeka - Google News'],
    ['Harga Beras Naik Lagi', 'HARGA BERAS NAIK LAGI!!!'],
    ['Cafe di Kota Lama', 'Café di Kota Lama'],
    ['<b>Jalan</b> Rusak di Pati', 'Jalan Rusak di Pati &ndash; Radar Pati'],
  ])('%j groups with %j', (a, b) => {
    expect(storyKey(a)).toBe(storyKey(b));
    expect(storyKey(a)).not.toBe('');
  });

  it.each([
    ['Gubernur Tinjau Banjir di Demak', 'Gubernur Tinjau Banjir di Kudus'],
    ['Harga Beras Naik', 'Harga Beras Turun'],
    ['Pemkot Semarang Raih WTP', 'Pemkab Semarang Raih WTP'],
  ])('%j does not group with %j', (a, b) => {
    expect(storyKey(a)).not.toBe(storyKey(b));
  });

  it('keeps a dash that is part of the headline', () => {
    expect(stripPublisher('Tol Semarang - Demak dibuka untuk umum besok pagi')).toBe('Tol Semarang - Demak dibuka untuk umum besok pagi');
    expect(stripPublisher('Banjir - Kompas')).toBe('Banjir - Kompas');
  });

  it('falls back to all words when every word is a stopword, and to empty for no words', () => {
    expect(storyKey('Yang Ini dan Itu')).toBe('dan ini itu yang');
    expect(storyKey('!!!')).toBe('');
  });
});

describe('canonicalizeUrl', () => {
  it.each([
    ['https://WWW.Detik.com/berita/123', 'https://detik.com/berita/123'],
    ['http://detik.com/berita/123', 'https://detik.com/berita/123'],
    ['https://detik.com:443/berita/123/', 'https://detik.com/berita/123'],
    ['http://detik.com:80/berita/123', 'https://detik.com/berita/123'],
    ['https://detik.com:8080/berita/123', 'https://detik.com:8080/berita/123'],
    ['https://detik.com/berita/123#komentar', 'https://detik.com/berita/123'],
    ['https://detik.com/berita/123?utm_source=x&utm_medium=y&fbclid=abc&gclid=d', 'https://detik.com/berita/123'],
    ['https://detik.com/berita/123?page=2&utm_campaign=z&id=5', 'https://detik.com/berita/123?id=5&page=2'],
    ['https://detik.com/berita/123/amp', 'https://detik.com/berita/123'],
    ['https://detik.com/amp/berita/123', 'https://detik.com/berita/123'],
    ['https://detik.com/berita/123?amp=1', 'https://detik.com/berita/123'],
    ['https://detik.com/berita/123?outputType=amp', 'https://detik.com/berita/123'],
    ['https://m.detik.com/berita/123', 'https://detik.com/berita/123'],
    ['https://amp.kompas.com/berita/123', 'https://kompas.com/berita/123'],
    ['https://www-detik-com.cdn.ampproject.org/c/s/www.detik.com/berita/123', 'https://detik.com/berita/123'],
    ['https://detik.com', 'https://detik.com/'],
    ['https://detik.com/', 'https://detik.com/'],
    ['https://detik.com/Berita/ABC', 'https://detik.com/Berita/ABC'],
    ['https://m.id/x', 'https://m.id/x'],
    ['  https://detik.com/a  ', 'https://detik.com/a'],
    ['bukan url', 'bukan url'],
    ['mailto:humas@jatengprov.go.id', 'mailto:humas@jatengprov.go.id'],
  ])('%s → %s', (url, canonical) => {
    expect(canonicalizeUrl(url)).toBe(canonical);
  });
});

describe('dedupeItems', () => {
  it('drops items already stored by guid or canonical URL and repeats within the batch', () => {
    const items = [
      { guid: 'g1', url: 'https://detik.com/a?utm_source=rss' },
      { guid: 'g2', url: 'https://www.detik.com/a' },
      { guid: 'g3', url: 'https://kompas.com/b' },
      { guid: 'g3', url: 'https://kompas.com/c' },
      { guid: 'old', url: 'https://tempo.co/d' },
      { guid: 'g5', url: 'https://antaranews.com/e/amp' },
      { guid: 'g6', url: 'https://antaranews.com/f' },
    ];
    const { fresh, duplicates } = dedupeItems(items, {
      guids: new Set(['old']),
      canonicalUrls: new Set(['https://antaranews.com/e']),
    });
    expect(fresh.map((i) => [i.guid, i.canonicalUrl])).toEqual([
      ['g1', 'https://detik.com/a'],
      ['g3', 'https://kompas.com/b'],
      ['g6', 'https://antaranews.com/f'],
    ]);
    expect(duplicates.map((i) => i.guid)).toEqual(['g2', 'g3', 'old', 'g5']);
  });

  it('does not mutate the stored sets', () => {
    const guids = new Set<string>();
    dedupeItems([{ guid: 'a', url: 'https://x.id/a' }], { guids, canonicalUrls: new Set() });
    expect(guids.size).toBe(0);
  });
});
