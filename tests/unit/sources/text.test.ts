import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../utils/sources/dates';
import { decodeBytes, sniffCharset } from '../../../utils/sources/encoding';
import { clip, decodeEntities, stripTags } from '../../../utils/sources/text';

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
  ])('%j → %s', (raw, expected) => {
    expect(parseFeedDate(raw)).toBe(expected);
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
