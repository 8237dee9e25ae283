import { describe, expect, it } from 'vitest';
import { applyUtm, stripTracking } from '../../../utils/compose/link';

describe('stripTracking', () => {
  it.each([
    ['https://kemenkeu.go.id/berita?utm_source=fb&utm_medium=social&id=5', 'https://kemenkeu.go.id/berita?id=5'],
    ['https://a.go.id/?fbclid=IwAR0abc', 'https://a.go.id/'],
    ['https://a.go.id/x?gclid=1&dclid=2&gbraid=3&wbraid=4&msclkid=5', 'https://a.go.id/x'],
    ['https://a.go.id/x?mc_cid=1&mc_eid=2&igshid=3&yclid=4&_ga=5&_gl=6&ref_src=twsrc', 'https://a.go.id/x'],
    ['https://a.go.id/x?UTM_Source=caps&page=2', 'https://a.go.id/x?page=2'],
    ['https://a.go.id/x?b=2&utm_campaign=c&a=1#bagian-2', 'https://a.go.id/x?b=2&a=1#bagian-2'],
    ['https://a.go.id/x?q=pajak%20daerah&utm_source=x&sort=new+est', 'https://a.go.id/x?q=pajak%20daerah&sort=new+est'],
    ['https://www.youtube.com/watch?v=abc123&si=XYZ', 'https://www.youtube.com/watch?v=abc123'],
    ['https://youtu.be/abc123?si=XYZ&t=42', 'https://youtu.be/abc123?t=42'],
    ['https://open.spotify.com/episode/1?si=abc', 'https://open.spotify.com/episode/1'],
    ['https://a.go.id/x?si=keep', 'https://a.go.id/x?si=keep'],
    ['https://a.go.id/x?id=1&ref=beranda', 'https://a.go.id/x?id=1&ref=beranda'],
    ['https://a.go.id/x', 'https://a.go.id/x'],
    ['https://a.go.id/x?', 'https://a.go.id/x?'],
    ['https://a.go.id/x#utm_source=keep-fragment', 'https://a.go.id/x#utm_source=keep-fragment'],
    ['bukan url', 'bukan url'],
    ['', ''],
    ['mailto:humas@a.go.id?utm_source=x', 'mailto:humas@a.go.id?utm_source=x'],
    ['kemenkeu.go.id/?utm_source=x', 'kemenkeu.go.id/?utm_source=x'],
  ])('%s → %s', (input, expected) => expect(stripTracking(input)).toBe(expected));
});

describe('applyUtm', () => {
  it.each<[string, Parameters<typeof applyUtm>[1], string]>([
    ['https://a.go.id/x', { source: 'siar', medium: 'social', campaign: 'hut-ri' }, 'https://a.go.id/x?utm_source=siar&utm_medium=social&utm_campaign=hut-ri'],
    ['https://a.go.id/x?id=5#top', { source: 'siar' }, 'https://a.go.id/x?id=5&utm_source=siar#top'],
    ['https://a.go.id/x?utm_source=old&id=5', { source: 'siar' }, 'https://a.go.id/x?utm_source=siar&id=5'],
    ['https://a.go.id/x', { source: 'siar', medium: '', campaign: '  ' }, 'https://a.go.id/x?utm_source=siar'],
    ['https://a.go.id/x', { campaign: 'HUT RI 80 & 2025' }, 'https://a.go.id/x?utm_campaign=HUT%20RI%2080%20%26%202025'],
    ['https://a.go.id/x', {}, 'https://a.go.id/x'],
    ['bukan url', { source: 'siar' }, 'bukan url'],
  ])('%s + %j', (url, tags, expected) => expect(applyUtm(url, tags)).toBe(expected));

  it('round-trips with stripTracking', () => {
    const url = 'https://a.go.id/x?id=5&q=a%20b#top';
    expect(stripTracking(applyUtm(url, { source: 's', medium: 'm', campaign: 'c' }))).toBe(url);
  });
});
