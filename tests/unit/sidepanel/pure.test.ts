import { describe, expect, it } from 'vitest';
import { highlightRanges, highlightSegments } from '../../../utils/sidepanel/highlight';
import { keyAction, moveIndex } from '../../../utils/sidepanel/keys';
import { safeHttpUrl } from '../../../utils/net/safe-url';
import { safeColour } from '../../../utils/sidepanel/colour';
import { dateInZone, dayRange, relativeTime, startOfDay } from '../../../utils/time';

const NOW = Date.parse('2026-11-28T10:00:00Z');
const MIN = 60_000;

describe('highlight', () => {
  it.each([
    ['BANJIR melanda Jakarta', ['banjir', 'jakarta'], ['BANJIR', 'Jakarta']],
    ['Pemilik café mengeluh', ['cafe'], ['café']],
    ['Pemilik cafe mengeluh', ['Café'], ['cafe']],
    ['Pemilik cafe\u0301 mengeluh', ['café'], ['cafe\u0301']],
    ['Pantai indah, AI canggih', ['ai'], ['AI']],
    ['pajaknya naik lagi', ['pajak'], ['pajak']],
    ['Kartu Prakerja dibuka', ['kartu prakerja'], ['Kartu Prakerja']],
    ['İstanbul ve ISTANBUL', ['istanbul'], ['İstanbul', 'ISTANBUL']],
    ['#BanjirJakarta hari ini', ['#banjirjakarta'], ['BanjirJakarta']],
    ['𝐁𝐞𝐫𝐢𝐭𝐚 penting', ['berita'], ['𝐁𝐞𝐫𝐢𝐭𝐚']],
    ['tidak ada', ['banjir'], []],
    ['', ['banjir'], []],
    ['<script>alert(1)</script>', ['script'], ['script', 'script']],
  ])('%j with %j marks %j', (text, terms, marked) => {
    expect(highlightRanges(text, terms).map(([s, e]) => text.slice(s, e))).toEqual(marked);
  });

  it.each([
    ['banjir banjir', ['banjir', 'banjir banjir'], [[0, 13]]],
    [
      'ab abc',
      ['ab', 'abc'],
      [
        [0, 2],
        [3, 6],
      ],
    ],
  ])('merges overlapping ranges in %j', (text, terms, ranges) => {
    expect(highlightRanges(text, terms)).toEqual(ranges);
  });

  it('cuts the whole text into adjacent plain and marked segments', () => {
    const text = 'Banjir di <b>Jakarta</b>';
    const segments = highlightSegments(text, ['jakarta']);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments).toEqual([
      { text: 'Banjir di <b>', mark: false },
      { text: 'Jakarta', mark: true },
      { text: '</b>', mark: false },
    ]);
  });
});

describe('relative time', () => {
  it.each([
    [NOW - 5 * MIN, 'id', '5 menit yang lalu'],
    [NOW - 5 * MIN, 'en', '5 minutes ago'],
    [NOW - 20_000, 'en', '20 seconds ago'],
    [NOW, 'id', 'sekarang'],
    [NOW - 3 * 60 * MIN, 'id', '3 jam yang lalu'],
    [NOW - 24 * 60 * MIN, 'id', 'kemarin'],
    [NOW - 24 * 60 * MIN, 'en', 'yesterday'],
    [NOW - 3 * 24 * 60 * MIN, 'en', '3 days ago'],
    [NOW - 15 * 24 * 60 * MIN, 'en', '2 weeks ago'],
    [NOW - 400 * 24 * 60 * MIN, 'en', 'last year'],
    [NOW + 5 * MIN, 'en', 'in 5 minutes'],
  ])('%i in %s reads %j', (epoch, lang, text) => {
    expect(relativeTime(epoch, NOW, lang)).toBe(text);
  });
});

describe('calendar days in the officer zone', () => {
  it.each([
    ['2026-03-10', 'Asia/Jakarta', '2026-03-09T17:00:00.000Z', '2026-03-10T17:00:00.000Z'],
    ['2026-03-10', 'Asia/Jayapura', '2026-03-09T15:00:00.000Z', '2026-03-10T15:00:00.000Z'],
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z'],
    ['2026-12-31', 'UTC', '2026-12-31T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
  ])('%s in %s is [%s, %s)', (date, zone, from, to) => {
    const range = dayRange(date, zone);
    expect(range && [new Date(range.from).toISOString(), new Date(range.to).toISOString()]).toEqual([from, to]);
    expect(dateInZone(range!.from, zone)).toBe(date);
  });

  it.each(['2026-02-31', '2026-13-01', '26-01-01', '', 'kemarin', '2026-1-1'])('refuses %j', (date) => {
    expect(startOfDay(date, 'Asia/Jakarta')).toBeUndefined();
    expect(dayRange(date, 'Asia/Jakarta')).toBeUndefined();
  });

  it('refuses an unknown time zone', () => {
    expect(startOfDay('2026-03-10', 'Mars/Olympus')).toBeUndefined();
  });
});

describe('links and colours', () => {
  it.each([
    ['https://kompas.com/a?b=1', 'https://kompas.com/a?b=1'],
    ['http://detik.com', 'http://detik.com/'],
    ['  https://x.com/a  ', 'https://x.com/a'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['java\tscript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['vbscript:msgbox(1)', undefined],
    ['file:///etc/passwd', undefined],
    ['//evil.example/x', undefined],
    ['/relative', undefined],
    ['chrome-extension://abc/popup.html', undefined],
    ['', undefined],
    [42, undefined],
  ])('%j → %j', (value, safe) => {
    expect(safeHttpUrl(value)).toBe(safe);
  });

  it.each([
    ['#1f77b4', '#1f77b4'],
    ['#abc', '#abc'],
    ['red', '#8a9a9c'],
    ['#123456; background:url(x)', '#8a9a9c'],
    [undefined, '#8a9a9c'],
  ])('colour %j → %j', (value, colour) => {
    expect(safeColour(value)).toBe(colour);
  });
});

describe('keyboard triage', () => {
  const key = (k: string, over: object = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, targetTag: 'BODY', ...over });
  it.each([
    [key('j'), 'next'],
    [key('k'), 'previous'],
    [key('s'), 'star'],
    [key('e'), 'archive'],
    [key('o'), 'open'],
    [key('x'), 'select'],
    [key('q'), undefined],
    [key('J'), undefined],
    [key('s', { ctrlKey: true }), undefined],
    [key('e', { metaKey: true }), undefined],
    [key('j', { targetTag: 'INPUT' }), undefined],
    [key('s', { targetTag: 'textarea' }), undefined],
    [key('x', { targetTag: 'SELECT' }), undefined],
    [key('j', { editable: true }), undefined],
  ])('%j → %s', (event, action) => {
    expect(keyAction(event)).toBe(action);
  });

  it.each([
    [-1, 'next', 5, 0],
    [0, 'next', 5, 1],
    [4, 'next', 5, 4],
    [0, 'previous', 5, 0],
    [3, 'previous', 5, 2],
    [2, 'next', 0, -1],
  ] as const)('from %i, %s in %i rows → %i', (current, action, count, next) => {
    expect(moveIndex(current, action, count)).toBe(next);
  });
});
