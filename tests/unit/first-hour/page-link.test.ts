import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINK_CARRIER, textHasPageLink, withPageLink } from '../../../utils/compose/page-link';
import { quoteExtent, quoteText, QUOTE_MAX_GRAPHEMES } from '../../../utils/compose/quote';
import { replyTargetOf } from '../../../utils/compose/reply';
import { validateDraft } from '../../../utils/compose/validate';
import { NETWORK_IDS } from '../../../utils/networks/ids';

const PAGE = 'https://humas.jatengprov.go.id/berita/rapat-koordinasi?id=7';

describe('the page link on every post', () => {
  it.each([
    ['x', 'Rapat hari ini', 'appended', `Rapat hari ini\n${PAGE}`],
    ['mastodon', 'Rapat hari ini  ', 'appended', `Rapat hari ini\n${PAGE}`],
    ['telegram', 'Rapat hari ini', 'appended', `Rapat hari ini\n${PAGE}`],
    ['threads', 'Rapat hari ini', 'appended', `Rapat hari ini\n${PAGE}`],
    ['facebook', 'Rapat hari ini', 'card', 'Rapat hari ini'],
    ['linkedin', 'Rapat hari ini', 'card', 'Rapat hari ini'],
    ['bluesky', 'Rapat hari ini', 'card', 'Rapat hari ini'],
    // Already in the text, also with a UTM preset, www. or a trailing slash: left as written.
    ['x', `Rapat ${PAGE}`, 'in-text', `Rapat ${PAGE}`],
    [
      'mastodon',
      'Rapat https://www.humas.jatengprov.go.id/berita/rapat-koordinasi/?utm_source=mastodon',
      'in-text',
      'Rapat https://www.humas.jatengprov.go.id/berita/rapat-koordinasi/?utm_source=mastodon',
    ],
    // Another page's link is not this page's.
    ['telegram', 'Lihat https://jatengprov.go.id/layanan', 'appended', `Lihat https://jatengprov.go.id/layanan\n${PAGE}`],
  ] as const)('%s with %j → %s', (network, text, link, sent) => {
    expect(withPageLink(network, text, PAGE)).toEqual({ text: sent, link });
  });

  it('Facebook: a link card for a text post, the caption for a photo post', () => {
    expect(withPageLink('facebook', 'Rapat', PAGE, false)).toEqual({ text: 'Rapat', link: 'card' });
    expect(withPageLink('facebook', 'Rapat', PAGE, true)).toEqual({ text: `Rapat\n${PAGE}`, link: 'appended' });
    expect(withPageLink('bluesky', 'Rapat', PAGE, true)).toEqual({ text: 'Rapat', link: 'card' });
  });

  it.each([['chrome://extensions'], [''], ['about:blank'], [undefined]])('never attaches a non-web page (%j)', (url) => {
    expect(withPageLink('x', 'Teks', url)).toEqual({ text: 'Teks', link: 'none' });
  });

  it('an empty text stays empty (the link alone is not a post)', () => {
    expect(withPageLink('x', '  ', PAGE)).toEqual({ text: '  ', link: 'none' });
  });

  it('every network has a carrier', () => expect(Object.keys(LINK_CARRIER).sort()).toEqual([...NETWORK_IDS].sort()));

  it('property: after attaching, a text network always carries the page link, and attaching twice changes nothing', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }).filter((s) => s.trim() !== ''),
        fc.constantFrom('x', 'mastodon', 'telegram', 'threads' as const),
        (text, network) => {
          const once = withPageLink(network, text, PAGE);
          expect(textHasPageLink(once.text, PAGE)).toBe(true);
          expect(withPageLink(network, once.text, PAGE).text).toBe(once.text);
        },
      ),
    );
  });

  it('the composer counts what goes out: the appended link is measured, and a reply goes as written', () => {
    const check = validateDraft({ text: 'Rapat hari ini', variants: {}, targets: ['x', 'mastodon'], hasImage: false, pageUrl: PAGE });
    expect(check.checks.x.link).toBe('appended');
    expect(check.checks.x.measure.length).toBe('Rapat hari ini\n'.length + 23);
    const reply = validateDraft({
      text: '@warga Terima kasih',
      variants: {},
      targets: ['x'],
      hasImage: false,
      pageUrl: 'https://x.com/warga/status/1',
      replyTo: 'x',
    });
    expect([reply.checks.x.link, reply.checks.x.text]).toEqual(['none', '@warga Terima kasih']);
  });
});

describe('a quote is never cut silently', () => {
  it('says how much of a long selection the quote keeps, and the full quote keeps all of it', () => {
    const selection = 'Informasi publik harus sampai ke warga pada hari yang sama, '.repeat(6).trim();
    const extent = quoteExtent(selection);
    expect(extent).toMatchObject({ total: 359, cut: true });
    expect(extent.kept).toBeLessThan(QUOTE_MAX_GRAPHEMES);
    expect(quoteText({ selection }).length).toBe(extent.kept + 3);
    expect(quoteText({ selection, maxGraphemes: Number.POSITIVE_INFINITY })).toBe(`“${selection}”`);
    expect(quoteExtent('Singkat saja.')).toEqual({ kept: 13, total: 13, cut: false });
  });
});

describe('which mentions can be answered as replies', () => {
  it.each([
    [
      { guid: 'x:1888000000000000001', source: 'x', author: '@warga' },
      { network: 'x', remoteId: '1888000000000000001', author: '@warga' },
    ],
    [
      { guid: 'mastodon:https://mastodon.social/users/a/statuses/1', source: 'mastodon' },
      { network: 'mastodon', remoteId: 'https://mastodon.social/users/a/statuses/1', author: undefined },
    ],
    [
      { guid: 'bluesky:at://did:plc:abc/app.bsky.feed.post/3k', source: 'bluesky' },
      { network: 'bluesky', remoteId: 'at://did:plc:abc/app.bsky.feed.post/3k', author: undefined },
    ],
    [{ guid: 'rss:https://berita.example.id/1', source: 'rss' }, undefined],
    [{ guid: 'googlenews:abc', source: 'googlenews' }, undefined],
    [{ guid: 'x:not-a-number', source: 'x' }, undefined],
    [{ guid: 'bluesky:https://bsky.app/profile/a/post/1', source: 'bluesky' }, undefined],
  ])('%j → %j', (mention, expected) => expect(replyTargetOf(mention)).toEqual(expected));
});
