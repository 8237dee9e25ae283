import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WHOLE_INCREMENTS, chartFormats } from '../../../utils/sidepanel/chart-format';

// The expected strings are CLDR's (the Unicode Common Locale Data Repository, which Intl implements):
// Indonesian writes "10 Mar, 09.00" (a dot in the time), groups thousands with "."; English
// writes "Mar 10" with ":" and groups with ",".
describe('volume chart formats (issue 14.13)', () => {
  const at = Date.parse('2026-03-10T02:00:00Z') / 1000;

  it.each([
    ['id', 'Asia/Jakarta', 'hour', '10 Mar, 09.00'],
    ['id', 'Asia/Jayapura', 'day', '10 Mar'],
    ['en', 'Asia/Makassar', 'hour', 'Mar 10, 10:00'],
    ['en', 'Asia/Jakarta', 'day', 'Mar 10'],
  ] as const)('%s %s %s → %s', (lang, zone, granularity, expected) => {
    expect(chartFormats(lang, zone, granularity).date(at)).toBe(expected);
  });

  it.each([
    ['id', 'Asia/Jakarta', 'hour', '2026-03-10T02:00:00Z', '09.00'],
    ['id', 'Asia/Jakarta', 'hour', '2026-03-09T17:00:00Z', '10 Mar'],
    ['en', 'Asia/Jakarta', 'hour', '2026-03-10T02:00:00Z', '09:00'],
    ['en', 'Asia/Jayapura', 'day', '2026-03-10T02:00:00Z', 'Mar 10'],
  ] as const)('tick %s %s %s %s → %s', (lang, zone, granularity, iso, expected) => {
    expect(chartFormats(lang, zone, granularity).tick(Date.parse(iso) / 1000)).toBe(expected);
  });

  it.each([
    ['id', 12345, '12.345'],
    ['en', 12345, '12,345'],
    ['id', 2.5, '3'],
    ['id', null, '–'],
  ] as const)('%s count %j → %s', (lang, value, expected) => {
    expect(chartFormats(lang, 'Asia/Jakarta', 'hour').count(value)).toBe(expected);
  });

  it('ticks step in whole numbers only, so every tick label is a whole count', () => {
    expect(WHOLE_INCREMENTS.every(Number.isInteger)).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom(...WHOLE_INCREMENTS), fc.integer({ min: 0, max: 50 }), (step, k) => {
        expect(chartFormats('id', 'Asia/Jakarta', 'day').count(step * k)).toMatch(/^[\d.]+$/);
      }),
    );
  });
});
