import { describe, expect, it } from 'vitest';
import { cleanGoogleNewsItems, googleNewsSearchUrl } from '../../../utils/sources/googlenews';
import { parseFeed } from '../../../utils/sources/parse-feed';
import { renderBlueskyQueries, renderQuery, type SearchTerms } from '../../../utils/sources/query';
import { fixture } from './helpers';

const terms = (partial: Partial<SearchTerms>): SearchTerms => ({ all: [], any: [], none: [], sites: [], ...partial });

describe('googleNewsSearchUrl', () => {
  it('builds the Indonesian edition search feed URL', () => {
    expect(googleNewsSearchUrl('banjir jakarta')).toBe('https://news.google.com/rss/search?q=banjir%20jakarta&hl=id&gl=ID&ceid=ID:id');
  });

  it('accepts another edition and encodes the query', () => {
    const url = new URL(
      googleNewsSearchUrl(terms({ all: ['Wali Kota'], sites: ['https://www.antaranews.com/berita'] }), { hl: 'en-ID', gl: 'ID', ceid: 'ID:en' }),
    );
    expect(url.origin + url.pathname).toBe('https://news.google.com/rss/search');
    expect(url.searchParams.get('q')).toBe('"Wali Kota" site:www.antaranews.com');
    expect(url.searchParams.get('hl')).toBe('en-ID');
    expect(url.searchParams.get('ceid')).toBe('ID:en');
  });
});

describe('renderQuery', () => {
  const watch = terms({ all: ['pemprov dki', 'banjir'], any: ['pompa', 'rob'], none: ['hoaks'], sites: ['kompas.com', 'detik.com'] });
  it.each([
    ['google', '"pemprov dki" banjir (pompa OR rob) -hoaks (site:kompas.com OR site:detik.com)'],
    ['x', '"pemprov dki" banjir (pompa OR rob) -hoaks (url:"kompas.com" OR url:"detik.com")'],
    ['reddit', '"pemprov dki" banjir (pompa OR rob) NOT hoaks (site:kompas.com OR site:detik.com)'],
  ] as const)('%s', (dialect, expected) => {
    expect(renderQuery(watch, dialect)).toBe(expected);
  });

  it.each([
    [terms({ all: ['say "hi" there'] }), '"say hi there"'],
    [terms({ all: ['OR'] }), '"OR"'],
    [terms({ all: ['-minus', 'site:evil.com'] }), '"-minus" "site:evil.com"'],
    [terms({ any: ['satu'] }), 'satu'],
    [terms({ all: ['  ', ''], sites: ['not a domain'] }), ''],
  ])('keeps user text from becoming syntax: %j', (input, expected) => {
    expect(renderQuery(input, 'google')).toBe(expected);
  });

  it('passes text queries through unchanged', () => {
    expect(renderQuery('  "banjir" OR rob ', 'google')).toBe('"banjir" OR rob');
  });

  it('splits OR into separate Bluesky queries', () => {
    expect(renderBlueskyQueries(terms({ all: ['banjir'], any: ['pompa', 'rob'], none: ['hoaks'], sites: ['kompas.com'] }))).toEqual([
      'banjir -hoaks domain:kompas.com pompa',
      'banjir -hoaks domain:kompas.com rob',
    ]);
    expect(renderBlueskyQueries(terms({ all: ['banjir'] }))).toEqual(['banjir']);
  });
});

describe('cleanGoogleNewsItems', () => {
  const parsed = parseFeed(fixture('googlenews-search.xml'));
  if (!parsed.ok) throw new Error('fixture must parse');
  const items = cleanGoogleNewsItems(parsed.items, parsed.title);

  it('cuts the " - Publisher" suffix and keeps the publisher as outlet', () => {
    expect(items.map((item) => [item.title, item.outlet])).toEqual([
      ['Banjir Jakarta hari ini rendam 12 RT di Jakarta Timur', 'ANTARA News'],
      ['Pramono - Rano tinjau lokasi banjir - Jakarta', 'Kompas.com'],
      ['Tanpa sumber di judul', 'detikNews'],
    ]);
  });

  it('drops descriptions that only repeat title and publisher, keeps related coverage', () => {
    expect(items[0]?.summary).toBe('');
    expect(items[2]?.summary).toContain('Liputan terkait');
  });

  it('takes the outlet from the title when <source> is missing', () => {
    const [item] = cleanGoogleNewsItems(
      [{ guid: '1', url: 'https://news.google.com/a', title: 'Judul berita - Tempo.co', summary: '', outlet: 'q - Google Berita' }],
      'q - Google Berita',
    );
    expect(item).toMatchObject({ title: 'Judul berita', outlet: 'Tempo.co' });
  });
});
