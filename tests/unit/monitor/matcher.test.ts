import { describe, expect, it } from 'vitest';
import { compileWatches, compileWatchesAsRegexes, type MatchItem, type WatchSpec } from '../../../utils/monitor/matcher';
import { rootOf } from '../../../utils/monitor/stem';
import { makeItems, rng, vocabulary } from '../../fixtures/monitor/corpus';

const item = (over: Partial<MatchItem> = {}): MatchItem => ({
  title: '',
  summary: '',
  url: 'https://contoh.id/berita/1',
  source: 'rss',
  ...over,
});
const watch = (query: string, over: Partial<WatchSpec> = {}): WatchSpec => ({ id: 1, query, aliases: [], languages: [], ...over });
const matches = (w: WatchSpec, i: MatchItem) => compileWatches([w]).match(i).length > 0;

describe('matcher: query × text', () => {
  it.each([
    // whole words
    ['korupsi', 'Dugaan korupsi dana desa', true],
    ['korupsi', 'Antikorupsi digalakkan', false],
    ['korupsi', 'KORUPSI!', true],
    ['korupsi', '𝐊𝐨𝐫𝐮𝐩𝐬𝐢 dana desa', true],
    // word families (stem.ts)
    ['desa', 'pedesaan', true],
    ['=desa', 'pedesaan', false],
    // AND / implicit AND / OR / NOT
    ['korupsi desa', 'korupsi dana desa', true],
    ['korupsi desa', 'korupsi dana kota', false],
    ['korupsi AND desa', 'desa bebas korupsi', true],
    ['korupsi OR pungli', 'pungli di terminal', true],
    ['korupsi OR pungli', 'terminal tertib', false],
    ['korupsi -hoaks', 'korupsi itu hoaks', false],
    ['korupsi -hoaks', 'korupsi terbukti', true],
    ['korupsi NOT (hoaks OR fitnah)', 'korupsi atau fitnah', false],
    ['(banjir OR longsor) demak', 'longsor di Demak', true],
    ['(banjir OR longsor) demak', 'longsor di Kudus', false],
    ['NOT (NOT banjir)', 'banjir rob', true],
    // phrases
    ['"dinas pendidikan"', 'Dinas Pendidikan Kota', true],
    ['"dinas pendidikan"', 'dinas kota pendidikan', false],
    ['"dinas pendidikan"', 'pendidikan dinas', false],
    ['"jalan rusak" -"sudah diperbaiki"', 'jalan rusak belum diperbaiki', true],
    ['"jalan rusak" -"sudah diperbaiki"', 'jalan rusak sudah diperbaiki', false],
    ['"media sosial"', '#MediaSosial ramai', true],
    ['pemprov.jateng', 'pemprov jateng bergerak', true],
    // prefix
    ['korup*', 'para koruptor ditangkap', true],
    ['korup*', 'Korupsi lagi', true],
    ['korup*', 'antikorupsi', false],
    ['korup* -hoaks', 'koruptor hoaks', false],
    // aliases (built-in and per watch)
    ['medsos', 'Ramai di media sosial', true],
    ['"medsos"', 'Ramai di media sosial', true],
    ['"media sosial"', 'ramai di medsos', true],
    // unquoted words that spell a name are that name
    ['media sosial', 'ramai di medsos', true],
    ['pemprov jateng', 'Pemerintah Provinsi Jateng', true],
    ['"pemerintah provinsi"', 'pemprov sigap', true],
    ['pemerintah provinsi', 'pemprov sigap', true],
    ['bpbd', 'Badan Penanggulangan Bencana Daerah siaga', true],
    ['kpk', 'komisi pemberantasan', false],
    // normalisation cases
    ['berita', 'beritanya viral', true],
    ['beritanya', 'beritanya viral', true],
    ['beritanya', 'berita viral', false],
    ['kata2', 'kata-kata kasar', true],
    ['kata-kata', 'kata2 kasar', true],
    ['e-ktp', 'layanan eKTP', true],
    ['cafe', 'Kafe dan Café', true],
    ['sosial', '#MediaSosial', true],
  ])('%s ~ %j → %s', (query, title, expected) => {
    expect(matches(watch(query), item({ title }))).toBe(expected);
  });

  it.each([
    ['site:jatengprov.go.id', { url: 'https://jatengprov.go.id/berita' }, true],
    ['site:jatengprov.go.id', { url: 'https://humas.jatengprov.go.id/x' }, true],
    ['site:jatengprov.go.id', { url: 'https://jatengprov.go.id.evil.com/x' }, false],
    ['site:jatengprov.go.id', { url: 'https://notjatengprov.go.id/x' }, false],
    ['banjir site:go.id', { title: 'banjir', url: 'https://bpbd.semarangkota.go.id/x' }, true],
    ['banjir -site:detik.com', { title: 'banjir', url: 'https://news.detik.com/x' }, false],
    ['banjir lang:id', { title: 'banjir', language: 'id-ID' }, true],
    ['banjir lang:id', { title: 'banjir', language: 'en' }, false],
    // unknown language passes lang:, as it passes the watch's language filter
    ['banjir lang:id', { title: 'banjir' }, true],
    ['banjir source:rss', { title: 'banjir', source: 'RSS' }, true],
    ['banjir source:"Google News"', { title: 'banjir', source: 'googlenews' }, true],
    ['banjir source:mastodon', { title: 'banjir', source: 'rss' }, false],
    ['korupsi', { summary: '<a title="korupsi">x</a>' }, false],
    ['korupsi', { summary: '<p>Kasus <b>korupsi</b></p>' }, true],
    ['"dana desa"', { title: 'Kasus dana', summary: 'desa' }, false],
  ] as [string, Partial<MatchItem>, boolean][])('%s ~ %j → %s', (query, over, expected) => {
    expect(matches(watch(query), item(over))).toBe(expected);
  });

  it('watch alias groups match as OR', () => {
    const w = watch('ganjar', { aliases: [['ganjar', 'gubernur jateng', 'GP']] });
    expect(matches(w, item({ title: 'Gubernur Jateng meninjau' }))).toBe(true);
    expect(matches(w, item({ title: 'GP meninjau' }))).toBe(true);
    expect(matches(w, item({ title: 'Gubernur Jatim meninjau' }))).toBe(false);
  });

  it('watch languages filter known languages and let unknown ones through', () => {
    const w = watch('banjir', { languages: ['id'] });
    expect(matches(w, item({ title: 'banjir', language: 'en-US' }))).toBe(false);
    expect(matches(w, item({ title: 'banjir', language: 'id' }))).toBe(true);
    expect(matches(w, item({ title: 'banjir' }))).toBe(true);
  });
});

describe('matcher: many watches at once', () => {
  const watches: WatchSpec[] = [
    { id: 10, query: 'korupsi', aliases: [], languages: [] },
    { id: 20, query: 'medsos OR korup*', aliases: [], languages: [] },
    { id: 30, query: 'banjir -hoaks', aliases: [], languages: [] },
    { id: 40, query: '((broken', aliases: [], languages: [] },
    { id: 50, query: 'site:detik.com', aliases: [], languages: [] },
  ];
  const m = compileWatches(watches);

  it('returns each matching watch once, in watch order, with the query terms that hit', () => {
    expect(m.match(item({ title: 'Korupsi di media sosial, korupsi lagi', url: 'https://news.detik.com/a' }))).toEqual([
      { watchId: 10, keywords: ['korupsi'] },
      { watchId: 20, keywords: ['medsos', 'korup*'] },
      { watchId: 50, keywords: [] },
    ]);
  });

  it('does not report excluded terms as keywords', () => {
    const only = compileWatches([watch('banjir -(hoaks OR demak)')]);
    expect(only.match(item({ title: 'banjir di kudus' }))).toEqual([{ watchId: 1, keywords: ['banjir'] }]);
  });

  it('lists watches whose query does not parse instead of throwing', () => {
    expect(m.errors).toEqual([{ watchId: 40, error: { position: 1, messageKey: 'queryUnclosedParen', params: [] } }]);
  });

  it('matches nothing for an item with no text', () => {
    expect(m.match(item())).toEqual([]);
  });

  it('state from one item does not leak into the next', () => {
    expect(m.match(item({ title: 'banjir' })).map((r) => r.watchId)).toEqual([30]);
    expect(m.match(item({ title: 'hoaks' }))).toEqual([]);
    expect(m.match(item({ title: 'banjir' })).map((r) => r.watchId)).toEqual([30]);
  });
});

describe('indexed matcher agrees with the regex-per-watch baseline', () => {
  // Simple queries over plain words only: the baseline knows nothing of clitics, hashtags or word
  // families, so each word here is a root whose family has no other member in the vocabulary.
  const all = vocabulary(300, 11).filter((w) => /^[a-z]+$/.test(w) && !/(nya|lah|kah|pun|ku|mu)$/.test(w));
  const rootCount = new Map<string, number>();
  for (const w of all) rootCount.set(rootOf(w), (rootCount.get(rootOf(w)) ?? 0) + 1);
  const vocab = all.filter((w) => rootOf(w) === w && rootCount.get(w) === 1);
  const r = rng(5);
  const pick = () => vocab[Math.floor(r() * vocab.length)] ?? 'warga';
  const shapes = [
    () => pick(),
    () => `${pick()} ${pick()}`,
    () => `${pick()} OR ${pick()}`,
    () => `"${pick()} ${pick()}"`,
    () => `${pick()} -${pick()}`,
    () => `(${pick()} OR ${pick()}) ${pick()}`,
    () => `${pick().slice(0, 3)}*`,
    () => `${pick()} site:detik.com`,
    () => `medsos ${pick()}`,
  ];
  const watches = Array.from({ length: 300 }, (_, i) =>
    watch((shapes[i % shapes.length] ?? shapes[0] ?? pick)(), { id: i + 1, languages: i % 7 === 0 ? ['id'] : [] }),
  );
  const items = makeItems(400, 9, vocab);

  it('on 300 watches × 400 items', () => {
    const fast = compileWatches(watches);
    const slow = compileWatchesAsRegexes(watches);
    expect(fast.errors).toEqual(slow.errors);
    let total = 0;
    for (const i of items) {
      const a = fast.match(i).map((x) => x.watchId);
      total += a.length;
      expect(a).toEqual(slow.match(i).map((x) => x.watchId));
    }
    expect(total).toBeGreaterThan(100);
  }, 60_000);
});
