import { describe, expect, it } from 'vitest';
import { parseFeedDate, parseRfc3339, WIB_OFFSET_MINUTES } from '../../../utils/sources/dates';
import { decodeBytes, sniffCharset } from '../../../utils/sources/encoding';
import { clip, decodeEntities, stripTags } from '../../../utils/text/html';

describe('stripTags', () => {
  it.each([
    ['<p>Halo <b>dunia</b></p>', 'Halo dunia'],
    ['a<br>b<br/>c', 'a b c'],
    ['<p>satu</p><p>dua</p>', 'satu dua'],
    ['#<span>tagar</span> <a href="x"><span class="invisible">https://</span>contoh.id</a>', '#tagar https://contoh.id'],
    ['<script>alert(1)</script>aman', 'aman'],
    ['<SCRIPT type="x">if (a < b) { x() }</SCRIPT>aman', 'aman'],
    ['<style>p { color: red }</style>teks', 'teks'],
    ['<a href="x" title="a > b">tautan</a>', 'tautan'],
    ["<img alt='1 > 0' src=x onerror=alert(1)>gambar", 'gambar'],
    ['<!-- <b>komentar</b> -->terlihat', 'terlihat'],
    ['<![CDATA[<i>miring</i>]]> teks', 'miring teks'],
    ['1 < 2 dan 3 > 2', '1 < 2 dan 3 > 2'],
    ['&lt;script&gt;alert(1)&lt;/script&gt;', '<script>alert(1)</script>'],
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'],
    ['Rp&nbsp;10.000 &mdash; &#8220;murah&#8221; &#x1F600;', 'Rp 10.000 — “murah” 😀'],
    ['&#0;&#xD800;&#99999999;', '\uFFFD\uFFFD\uFFFD'],
    ['&unknown; & &amp', '&unknown; & &amp'],
    ['tidak ditutup <a href="', 'tidak ditutup'],
    ['  banyak \n\t spasi\u0000 ', 'banyak spasi'],
    ['', ''],
  ])('%j → %j', (html, text) => {
    expect(stripTags(html)).toBe(text);
  });

  it('is linear on hostile input', () => {
    const hostile = '<a '.repeat(20_000) + '<script>'.repeat(5_000);
    const start = performance.now();
    stripTags(hostile);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('decodes entities exactly once', () => {
    expect(decodeEntities('&amp;amp;')).toBe('&amp;');
  });

  it('clips on a word boundary', () => {
    expect(clip('satu dua tiga empat', 12)).toBe('satu dua…');
    expect(clip('pendek', 12)).toBe('pendek');
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 03 Dec 2024 10:30:05 +0700', Date.UTC(2024, 11, 3, 3, 30, 5)],
    ['Tue, 03 Dec 2024 10:30:05 GMT', Date.UTC(2024, 11, 3, 10, 30, 5)],
    ['03 Dec 2024 10:30 WIB', Date.UTC(2024, 11, 3, 3, 30)],
    ['Senin, 02 Des 2024 21:05:44 WIB', Date.UTC(2024, 11, 2, 14, 5, 44)],
    ['Rabu, 17 Agu 2022 08:00:00 WITA', Date.UTC(2022, 7, 17, 0)],
    ['Mon, 2 Dec 24 10:00:00 EST', Date.UTC(2024, 11, 2, 15)],
    ['2024-12-03T03:10:11.000Z', Date.UTC(2024, 11, 3, 3, 10, 11)],
    ['2024-12-03T09:00:00+07:00', Date.UTC(2024, 11, 3, 2)],
    ['2024-12-03 10:30:00', Date.UTC(2024, 11, 3, 10, 30)],
    ['2024-12-03', Date.UTC(2024, 11, 3)],
    ['2', undefined],
    ['not a date', undefined],
    ['31 Feb 2024 10:00:00 GMT', undefined],
    ['2024-13-01', undefined],
    ['Tue, 03 Dec 2024 10:30:05 XYZ', undefined],
    ['0001-01-01T00:00:00Z', undefined],
    ['', undefined],
    // Issue 15, fault 6: month first, Indonesian day names, "tanggal - jam", ISO with a zone name.
    ['Mon, May 25 2020 04:45:26 +0000', Date.UTC(2020, 4, 25, 4, 45, 26)],
    ["Jum'at, 06 Des 2024 10:30:00 +0700", Date.UTC(2024, 11, 6, 3, 30)],
    ['Sabtu, 07 Des 2024 - 10:30 WIB', Date.UTC(2024, 11, 7, 3, 30)],
    ['2024-12-07 10:30:00 WIB', Date.UTC(2024, 11, 7, 3, 30)],
    ['Sat, Dec 16 2023 02:02:33 PM', Date.UTC(2023, 11, 16, 14, 2, 33)],
    ['Sat, Dec 16 2023 12:02:33 AM', Date.UTC(2023, 11, 16, 0, 2, 33)],
    ['mer, 16 nov 2022 00:38:15 +0100', Date.UTC(2022, 10, 15, 23, 38, 15)],
    ['May 25, 2020', Date.UTC(2020, 4, 25)],
    ['Sat, Dec 16 2023 13:02:33 PM', undefined],
    ['2020/1/10 14:33:00', undefined],
  ])('%j → %s', (raw, expected) => {
    expect(parseFeedDate(raw)).toBe(expected);
  });

  it('reads a zoneless date in the zone it is given (WIB for Indonesian feeds), UTC otherwise', () => {
    expect(parseFeedDate('2024-12-07 10:30:00', { zonelessOffset: WIB_OFFSET_MINUTES })).toBe(Date.UTC(2024, 11, 7, 3, 30));
    expect(parseFeedDate('Sabtu, 07 Des 2024 10:30', { zonelessOffset: WIB_OFFSET_MINUTES })).toBe(Date.UTC(2024, 11, 7, 3, 30));
    expect(parseFeedDate('Sabtu, 07 Des 2024 10:30')).toBe(Date.UTC(2024, 11, 7, 10, 30));
    // An explicit zone always wins over the feed's locale.
    expect(parseFeedDate('2024-12-07T10:30:00Z', { zonelessOffset: WIB_OFFSET_MINUTES })).toBe(Date.UTC(2024, 11, 7, 10, 30));
  });

  it('treats a date more than a day in the future as unknown', () => {
    const now = Date.UTC(2024, 11, 7, 12);
    expect(parseFeedDate('2024-12-08T11:00:00Z', { now })).toBe(Date.UTC(2024, 11, 8, 11));
    expect(parseFeedDate('2024-12-08T12:01:00Z', { now })).toBeUndefined();
    expect(parseFeedDate('Sat, 07 Dec 2030 10:30:00 GMT', { now })).toBeUndefined();
  });

  it.each([
    ['2019-05-31T19:17:58Z', Date.UTC(2019, 4, 31, 19, 17, 58)],
    ['2019-05-31T12:17:58.5-07:00', Date.UTC(2019, 4, 31, 19, 17, 58)],
    ['2018-01-06T08:00', undefined],
    ['Fri, 31 May 2019 12:17:58 -0700', undefined],
  ])('RFC 3339 (JSON Feed 1.1 dates) %j → %s', (raw, expected) => {
    expect(parseRfc3339(raw)).toBe(expected);
  });

  it('ignores non-strings', () => {
    expect(parseFeedDate(1733195400)).toBeUndefined();
    expect(parseFeedDate({})).toBeUndefined();
  });
});

describe('charset sniffing', () => {
  const prolog = (encoding: string) => new TextEncoder().encode(`<?xml version="1.0" encoding="${encoding}"?><rss/>`);

  it.each([
    [new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]), 'text/xml; charset=windows-1252', { charset: 'utf-8', origin: 'bom' }],
    [prolog('windows-1252'), 'text/xml; charset=ISO-8859-2', { charset: 'iso-8859-2', origin: 'header' }],
    [prolog('windows-1252'), 'text/xml', { charset: 'windows-1252', origin: 'prolog' }],
    [prolog('ISO-8859-1'), undefined, { charset: 'windows-1252', origin: 'prolog' }],
    [prolog('UTF-16'), undefined, { charset: 'utf-8', origin: 'default' }],
    [prolog('klingon'), 'text/xml; charset=nope', { charset: 'utf-8', origin: 'default' }],
  ])('%#', (bytes, contentType, expected) => {
    expect(sniffCharset(bytes, contentType)).toEqual(expected);
  });

  it('decodes the full windows-1252 upper range the way browsers do', () => {
    const bytes = new Uint8Array([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0xe9]);
    expect(decodeBytes(bytes, 'text/plain; charset=windows-1252')).toBe('€…‘’“”–—™é');
  });
});
