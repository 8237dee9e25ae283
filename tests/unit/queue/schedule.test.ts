import { describe, expect, it } from 'vitest';
import { formatZoned, zonedTimeToEpoch, zoneLabel } from '../../../utils/compose/schedule';

const utc = (iso: string) => Date.parse(`${iso}Z`);

describe("zonedTimeToEpoch: the officer's wall-clock time to the instant it fires", () => {
  it.each([
    ['14:00 WIB', '2026-11-28T14:00', 'Asia/Jakarta', '2026-11-28T07:00'],
    ['14:00 WIB in Pontianak', '2026-11-28T14:00', 'Asia/Pontianak', '2026-11-28T07:00'],
    ['14:00 WITA', '2026-11-28T14:00', 'Asia/Makassar', '2026-11-28T06:00'],
    ['14:00 WIT', '2026-11-28T14:00', 'Asia/Jayapura', '2026-11-28T05:00'],
    ['just after midnight WIB is the previous UTC day', '2026-01-01T00:30', 'Asia/Jakarta', '2025-12-31T17:30'],
    ['29 February of a leap year', '2028-02-29T08:15', 'Asia/Jakarta', '2028-02-29T01:15'],
    ['UTC itself', '2026-06-01T12:00', 'UTC', '2026-06-01T12:00'],
    ['a summer time zone in summer', '2026-07-01T09:00', 'Europe/Amsterdam', '2026-07-01T07:00'],
    ['a summer time zone in winter', '2026-01-15T09:00', 'Europe/Amsterdam', '2026-01-15T08:00'],
    ['a wall time repeated when clocks go back takes the first one', '2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30'],
    ['a wall time skipped when clocks go forward moves forward', '2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30'],
    ['the same skip in Europe', '2026-03-29T02:30', 'Europe/Berlin', '2026-03-29T01:30'],
  ])('%s', (_label, local, zone, expected) => {
    expect(zonedTimeToEpoch(local, zone)).toBe(utc(expected));
  });

  it.each([
    ['29 February of a common year', '2026-02-29T10:00', 'Asia/Jakarta'],
    ['month 13', '2026-13-01T10:00', 'Asia/Jakarta'],
    ['hour 24', '2026-01-01T24:00', 'Asia/Jakarta'],
    ['minute 60', '2026-01-01T10:60', 'Asia/Jakarta'],
    ['seconds', '2026-01-01T10:00:00', 'Asia/Jakarta'],
    ['a date only', '2026-01-01', 'Asia/Jakarta'],
    ['an empty field', '', 'Asia/Jakarta'],
    ['an unknown zone', '2026-01-01T10:00', 'Asia/Atlantis'],
  ])('refuses %s', (_label, local, zone) => {
    expect(zonedTimeToEpoch(local, zone)).toBeUndefined();
  });

  it('round-trips every quarter hour of a day in each Indonesian zone', () => {
    for (const zone of ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const local = `2026-08-17T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const epoch = zonedTimeToEpoch(local, zone)!;
        const back = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(epoch);
        expect(back.replace(' ', 'T')).toBe(local);
      }
    }
  });
});

describe('formatZoned: a time as the officer reads it', () => {
  const at = utc('2026-11-28T07:00');
  it.each([
    ['today in WIB, Indonesian', 'Asia/Jakarta', 'id', '2026-11-28T01:00', '14.00'],
    ['today in WIB, English', 'Asia/Jakarta', 'en', '2026-11-28T01:00', '14:00'],
    ['today in WITA', 'Asia/Makassar', 'id', '2026-11-28T01:00', '15.00'],
    ['another day adds the date', 'Asia/Jakarta', 'id', '2026-11-20T01:00', '28 Nov 14.00'],
    ['another day in English', 'Asia/Jakarta', 'en', '2026-11-20T01:00', 'Nov 28 14:00'],
    ['"today" is the officer\'s day, not UTC\'s', 'Asia/Jayapura', 'id', '2026-11-27T23:00', '16.00'],
  ])('%s', (_label, zone, locale, now, expected) => {
    expect(formatZoned(at, zone, locale, utc(now))).toBe(expected);
  });
});

describe('zoneLabel', () => {
  it.each([
    ['Asia/Jakarta', 'WIB'],
    ['Asia/Pontianak', 'WIB'],
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
    ['Europe/Amsterdam', 'Europe/Amsterdam'],
  ])('%s → %s', (zone, label) => expect(zoneLabel(zone)).toBe(label));
});
