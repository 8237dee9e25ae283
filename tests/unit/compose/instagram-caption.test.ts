import { describe, expect, it } from 'vitest';
import { withPageLink, shortLink } from '../../../utils/compose/page-link';
import { countHashtags, countMentions, INSTAGRAM_LIMIT, instagramRule } from '../../../utils/networks/rules/instagram';
import { RULES } from '../../../utils/networks/rules';
import { validateDraft } from '../../../utils/compose/validate';

// Instagram's caption limits from the IG User Media reference (developers.facebook.com/docs/
// instagram-platform/instagram-graph-api/reference/ig-user/media): at most 2,200 characters,
// 30 hashtags and 20 @ tags.

const tags = (n: number, prefix = '#') => Array.from({ length: n }, (_, i) => `${prefix}tag${i}`).join(' ');

describe('instagram caption rule', () => {
  it.each([
    ['plain text', 'Layanan SIM keliling hari ini.', true, undefined],
    ['exactly 2,200 characters', 'a'.repeat(2200), true, undefined],
    ['2,201 characters', 'a'.repeat(2201), false, 'length'],
    ['blank', '   \n ', false, 'empty'],
    ['30 hashtags', tags(30), true, undefined],
    ['31 hashtags', tags(31), false, 'hashtags'],
    ['20 mentions', tags(20, '@'), true, undefined],
    ['21 mentions', tags(21, '@'), false, 'mentions'],
    ['31 e-mail addresses are not mentions', Array.from({ length: 31 }, (_, i) => `humas${i}@example.go.id`).join(' '), true, undefined],
    ['emoji count two code units (safe side)', `${'a'.repeat(2198)}😀`, true, undefined],
    ['an emoji over the limit', `${'a'.repeat(2199)}😀`, false, 'length'],
  ])('%s', (_name, text, ok, detail) => {
    const measure = instagramRule.measure(text);
    expect(measure.ok).toBe(ok);
    expect(measure.detail).toBe(detail);
    expect(measure.limit).toBe(INSTAGRAM_LIMIT);
  });

  it.each([
    ['#Jateng #HumasJateng', 2, 0],
    ['Hubungi @humas.jateng dan @dinkes_jateng', 0, 2],
    ['kode warna &#39; dan a#b bukan tagar; #2026 juga bukan', 0, 0],
    ['#2026Sehat dihitung', 1, 0],
    ['surat ke humas@jatengprov.go.id', 0, 0],
    ['#satu #satu diulang dua kali', 2, 0],
  ])('counts tags in %j', (text, hashtags, mentions) => {
    expect(countHashtags(text)).toBe(hashtags);
    expect(countMentions(text)).toBe(mentions);
  });

  it('is registered as the instagram rule and is never split into a thread', () => {
    expect(RULES.instagram).toBe(instagramRule);
    expect(instagramRule.splittable).toBe(false);
  });

  it.each([
    ['31 hashtags', tags(31), true, 'composerTooManyHashtags'],
    ['21 mentions', tags(21, '@'), true, 'composerTooManyMentions'],
    ['no page image', 'Caption yang baik', false, 'composerNeedsImage'],
    ['a good caption with an image', 'Caption yang baik', true, undefined],
  ])('the composer names the broken Instagram rule: %s', (_name, caption, hasImage, key) => {
    const check = validateDraft({
      text: 'Teks dasar',
      variants: { instagram: caption },
      targets: ['instagram'],
      hasImage,
      pageUrl: 'https://www.example.go.id/a',
    });
    expect(check.problem?.key).toBe(key);
    expect(check.ok).toBe(key === undefined);
  });
});

describe('instagram page link', () => {
  it.each([
    ['https://www.example.go.id/berita/sim-keliling/', 'example.go.id/berita/sim-keliling'],
    ['https://humas.jatengprov.go.id/berita/1?utm_source=ig', 'humas.jatengprov.go.id/berita/1'],
    ['http://example.go.id', 'example.go.id'],
  ])('short form of %s is %s', (url, short) => {
    expect(shortLink(url)).toBe(short);
  });

  it.each([
    ['appends the short form on its own paragraph', 'SIM keliling hari ini.', 'SIM keliling hari ini.\n\nexample.go.id/berita/sim', 'appended'],
    ['leaves a caption that already names the page', 'Info: example.go.id/berita/sim', 'Info: example.go.id/berita/sim', 'in-text'],
    ['leaves the full link the officer typed', 'Info https://www.example.go.id/berita/sim', 'Info https://www.example.go.id/berita/sim', 'in-text'],
    ['adds nothing to an empty caption', '', '', 'none'],
  ])('%s', (_name, text, expected, link) => {
    expect(withPageLink('instagram', text, 'https://www.example.go.id/berita/sim?utm_medium=social', true)).toEqual({ text: expected, link });
  });
});
