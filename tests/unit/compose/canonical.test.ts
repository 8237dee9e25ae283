import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseLink, siteOf } from '../../../utils/compose/canonical';
import { applyQuote, pageFromCapture, type PageInfo } from '../../../utils/compose/page';

const TAB = 'https://www.jatengprov.go.id/berita/banjir-semarang';

// Sites per the Public Suffix List (https://publicsuffix.org/list/public_suffix_list.dat): go.id, co.id and
// github.io are public suffixes, so each agency or account under them is its own site.
describe('siteOf (registrable domain)', () => {
  it.each([
    ['www.jatengprov.go.id', 'jatengprov.go.id'],
    ['kominfo.go.id', 'kominfo.go.id'],
    ['berita.kompas.co.id', 'kompas.co.id'],
    ['humas.github.io', 'humas.github.io'],
    ['10.0.0.5', '10.0.0.5'],
    ['intranet', 'intranet'],
  ])('%s → %s', (host, site) => expect(siteOf(host)).toBe(site));
});

describe('chooseLink (issue 13.2, 22.4)', () => {
  it.each([
    ['a canonical on the same site', [`https://jatengprov.go.id/berita/banjir-semarang`], 'https://jatengprov.go.id/berita/banjir-semarang', undefined],
    ['a relative canonical', ['/berita/banjir-semarang?id=5'], 'https://www.jatengprov.go.id/berita/banjir-semarang?id=5', undefined],
    ['an og:url when there is no canonical', [undefined, 'https://m.jatengprov.go.id/b/1'], 'https://m.jatengprov.go.id/b/1', undefined],
    ['an http page whose canonical upgrades to https', ['https://jatengprov.go.id/b'], 'https://jatengprov.go.id/b', undefined, 'http://jatengprov.go.id/b'],
    ['a canonical on another site', ['https://evil.example/berita'], TAB, 'https://evil.example/berita'],
    ['another agency under go.id', ['https://kominfo.go.id/berita'], TAB, 'https://kominfo.go.id/berita'],
    ['userinfo that looks like the agency', ['https://kominfo.go.id:x@evil.example/'], TAB, 'https://kominfo.go.id:x@evil.example/'],
    ['userinfo on the very same site', ['https://u:p@www.jatengprov.go.id/b'], TAB, 'https://u:p@www.jatengprov.go.id/b'],
    ['a downgrade to http', ['http://www.jatengprov.go.id/berita/banjir-semarang'], TAB, 'http://www.jatengprov.go.id/berita/banjir-semarang'],
    ['a javascript: canonical', ['javascript:alert(1)'], TAB, undefined],
    ['a canonical at the site root on an article (22.4)', ['https://www.jatengprov.go.id/'], TAB, 'https://www.jatengprov.go.id/'],
    ['a bad canonical, then a good og:url', ['https://evil.example/', 'https://jatengprov.go.id/b/1'], 'https://jatengprov.go.id/b/1', 'https://evil.example/'],
  ])('%s', (_label, declared, url, ignored, tab = TAB) => {
    const choice = chooseLink(tab, declared as (string | undefined)[]);
    expect(choice).toEqual(ignored ? { url, ignored } : { url });
  });

  it('keeps a root canonical on the home page itself', () => {
    expect(chooseLink('https://jatengprov.go.id/?utm_source=x', ['https://jatengprov.go.id/'])).toEqual({ url: 'https://jatengprov.go.id/' });
  });

  it("never shares userinfo, nor a host other than the tab's site", () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withUserInfo: true } }), (declared) => {
        const { url } = chooseLink(TAB, [declared]);
        const chosen = new URL(url);
        expect(chosen.username + chosen.password).toBe('');
        expect(siteOf(chosen.hostname)).toBe('jatengprov.go.id');
      }),
      { numRuns: 200 },
    );
  });

  it('removes userinfo from the tab address itself', () => {
    expect(chooseLink('https://kominfo.go.id:x@evil.example/a', [])).toEqual({ url: 'https://evil.example/a' });
  });
});

describe('pageFromCapture with hostile links', () => {
  it('shares the tab URL and says which link it refused', () => {
    const page = pageFromCapture({ url: TAB, title: 'Banjir', canonical: 'https://evil.example/x', ogUrl: 'https://evil.example/y' }, { url: TAB, id: 3 });
    expect(page).toMatchObject({ url: TAB, ignoredLink: 'https://evil.example/x' });
  });
});

describe('applyQuote: a context-menu link (issue 13.6)', () => {
  const page: PageInfo = { url: TAB, title: 'Banjir', description: '', selection: '', limited: false };
  it.each([
    ['javascript:alert(document.domain)', TAB],
    ['data:text/html,<script>alert(1)</script>', TAB],
    ['file:///etc/passwd', TAB],
    ['https://kominfo.go.id/siaran?utm_source=x', 'https://kominfo.go.id/siaran'],
    ['http://kominfo.go.id:x@evil.example/', 'http://evil.example/'],
  ])('%s → %s', (linkUrl, url) => {
    expect(applyQuote(page, { selection: '', linkUrl, pageTitle: '' }).url).toBe(url);
  });

  it('keeps only an http(s) image', () => {
    expect(applyQuote(page, { selection: '', imageUrl: 'file:///home/humas/foto.png', pageTitle: '' }).imageUrl).toBeUndefined();
  });
});
