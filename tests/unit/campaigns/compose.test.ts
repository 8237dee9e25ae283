import { describe, expect, it } from 'vitest';
import { kitDraft, kitWarnings } from '../../../utils/campaigns/compose';

const kit = {
  text: 'Mari rayakan HUT RI ke-81 bersama.',
  variants: { x: 'Rayakan HUT RI ke-81!' },
  hashtags: ['HUTRI81', 'IndonesiaMaju'],
};

describe('a kit opened in the composer', () => {
  it('gives the base text and each variant with the kit hashtags and the officer signature', () => {
    expect(kitDraft(kit, '— Humas Diskominfo Jateng')).toEqual({
      text: 'Mari rayakan HUT RI ke-81 bersama.\n\n#HUTRI81 #IndonesiaMaju\n— Humas Diskominfo Jateng',
      variants: { x: 'Rayakan HUT RI ke-81!\n\n#HUTRI81 #IndonesiaMaju\n— Humas Diskominfo Jateng' },
    });
  });

  it('adds no signature line when the officer has none', () => {
    expect(kitDraft({ ...kit, variants: {} }, '').text).toBe('Mari rayakan HUT RI ke-81 bersama.\n\n#HUTRI81 #IndonesiaMaju');
  });

  it.each([
    ['every post carries the hashtag', 'Teks #HUTRI81', {}, []],
    [
      'the base text dropped it',
      'Teks tanpa tagar',
      {},
      [
        { network: 'mastodon', missing: ['#HUTRI81'] },
        { network: 'x', missing: ['#HUTRI81'] },
      ],
    ],
    ['only the X variant dropped it', 'Teks #hutri81', { x: 'Pendek' }, [{ network: 'x', missing: ['#HUTRI81'] }]],
    [
      'a longer tag does not count',
      'Teks #HUTRI81x',
      {},
      [
        { network: 'mastodon', missing: ['#HUTRI81'] },
        { network: 'x', missing: ['#HUTRI81'] },
      ],
    ],
  ])('warns per network when %s', (_name, text, variants, expected) => {
    expect(kitWarnings(['#HUTRI81'], text, variants, ['mastodon', 'x'])).toEqual(expected);
  });

  it('warns about nothing for a kit without mandatory elements', () => {
    expect(kitWarnings([], '', {}, ['x'])).toEqual([]);
  });
});

describe('UTM presets on a kit', () => {
  const withLink = { ...kit, link: 'https://www.komdigi.go.id/berita/hut-ri-81?id=7' };
  const utm = {
    x: { source: 'x', medium: 'social', campaign: 'hutri81' },
    facebook: { source: 'facebook', medium: 'social', campaign: 'hutri81' },
    mastodon: { source: '', medium: '', campaign: '' },
  };

  it('puts the tagged link in the text of networks that take links from the text only', () => {
    const draft = kitDraft(withLink, '', utm);
    expect(draft.variants.x).toBe(
      'Rayakan HUT RI ke-81!\n\n#HUTRI81 #IndonesiaMaju\nhttps://www.komdigi.go.id/berita/hut-ri-81?id=7&utm_source=x&utm_medium=social&utm_campaign=hutri81',
    );
  });

  it('leaves card networks (Facebook) and networks with an empty preset on the plain page link', () => {
    const draft = kitDraft(withLink, '', utm);
    expect(draft.variants.facebook).toBeUndefined();
    expect(draft.variants.mastodon).toBeUndefined();
    expect(draft.text).not.toContain('utm_');
  });
});
