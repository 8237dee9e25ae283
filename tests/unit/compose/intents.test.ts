import { describe, expect, it } from 'vitest';
import { INTENT_NAMES, intentUrl, mastodonOrigin, type IntentName } from '../../../utils/networks/intents';

const share = {
  text: 'Pajak kita untuk kita & bersama: 100% transparan!',
  url: 'https://kemenkeu.go.id/berita?id=5&lang=id',
  title: 'Siaran Pers #12',
};
const encodedText = 'Pajak%20kita%20untuk%20kita%20%26%20bersama%3A%20100%25%20transparan!';
const encodedUrl = 'https%3A%2F%2Fkemenkeu.go.id%2Fberita%3Fid%3D5%26lang%3Did';

describe('intentUrl', () => {
  it.each<[IntentName, string | undefined]>([
    ['x', `https://x.com/intent/post?text=${encodedText}&url=${encodedUrl}`],
    ['facebook', `https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`],
    ['whatsapp', `https://wa.me/?text=${encodedText}%20${encodedUrl}`],
    ['telegram', `https://t.me/share/url?url=${encodedUrl}&text=${encodedText}`],
    ['linkedin', `https://www.linkedin.com/sharing/share-offsite/?url=${encodedUrl}`],
    ['bluesky', `https://bsky.app/intent/compose?text=${encodedText}%20${encodedUrl}`],
    ['threads', `https://www.threads.net/intent/post?text=${encodedText}&url=${encodedUrl}`],
    ['mastodon', undefined],
    ['email', `mailto:?subject=Siaran%20Pers%20%2312&body=${encodedText}%0A%0A${encodedUrl}`],
  ])('%s', (name, expected) => expect(intentUrl(name, share)).toBe(expected));

  it('covers every share button name', () => {
    expect([...INTENT_NAMES]).toEqual(['x', 'facebook', 'whatsapp', 'telegram', 'linkedin', 'bluesky', 'threads', 'mastodon', 'email']);
  });

  it('builds the Mastodon share link on the instance', () => {
    expect(intentUrl('mastodon', share, { mastodonInstance: 'mastodon.social' })).toBe(`https://mastodon.social/share?text=${encodedText}%20${encodedUrl}`);
  });

  it('parses the query exactly as given', () => {
    const params = new URL(intentUrl('x', share) ?? '').searchParams;
    expect(params.get('text')).toBe(share.text);
    expect(params.get('url')).toBe(share.url);
  });

  it.each<[IntentName, string]>([
    ['x', 'https://x.com/intent/post?text=Baca%20ini&url=https%3A%2F%2Fa.go.id%2Fx'],
    ['telegram', 'https://t.me/share/url?url=https%3A%2F%2Fa.go.id%2Fx&text=Baca%20ini'],
    ['threads', 'https://www.threads.net/intent/post?text=Baca%20ini&url=https%3A%2F%2Fa.go.id%2Fx'],
    ['whatsapp', 'https://wa.me/?text=Baca%20ini%0Ahttps%3A%2F%2Fa.go.id%2Fx'],
    ['bluesky', 'https://bsky.app/intent/compose?text=Baca%20ini%0Ahttps%3A%2F%2Fa.go.id%2Fx'],
  ])('%s does not repeat a URL the text already has', (name, expected) => {
    expect(intentUrl(name, { text: 'Baca ini\nhttps://a.go.id/x', url: 'https://a.go.id/x', title: '' })).toBe(expected);
  });

  it.each<IntentName>(['facebook', 'telegram', 'linkedin'])('%s needs a URL', (name) => {
    expect(intentUrl(name, { text: 'halo', url: '', title: '' })).toBeUndefined();
  });

  it('omits empty parameters', () => {
    expect(intentUrl('x', { text: 'halo', url: '', title: '' })).toBe('https://x.com/intent/post?text=halo');
    expect(intentUrl('email', { text: '', url: 'https://a.go.id', title: '' })).toBe('mailto:?body=https%3A%2F%2Fa.go.id');
  });
});

describe('mastodonOrigin', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social'],
    ['https://mastodon.social/', 'https://mastodon.social'],
    ['  https://sosial.kemenkeu.go.id/about  ', 'https://sosial.kemenkeu.go.id'],
    ['@humas@mastodon.social', 'https://mastodon.social'],
    ['humas@mastodon.social', 'https://mastodon.social'],
    ['', undefined],
    [undefined, undefined],
    ['bukan instance', undefined],
    ['javascript:alert(1)', undefined],
    ['http://localhost:3000/', 'http://localhost:3000'], // the e2e fake server
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['ftp://mastodon.social', undefined],
  ])('%j → %j', (input, expected) => expect(mastodonOrigin(input)).toBe(expected));
});
