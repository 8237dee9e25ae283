import { describe, expect, it } from 'vitest';
import { clockTime } from '../../../utils/sources/labels';

// Source health times follow the officer's zone from the preferences, not the browser's (issue 14.9).
describe('clockTime', () => {
  const at = Date.UTC(2026, 10, 30, 23, 30); // 1 Dec 06.30 WIB, 07.30 WITA, 08.30 WIT
  it.each([
    ['Asia/Jakarta', '06.30'],
    ['Asia/Makassar', '07.30'],
    ['Asia/Jayapura', '08.30'],
  ])('%s shows %s on 1 Dec', (zone, clock) => {
    const text = clockTime(at, 'id', zone);
    expect(text).toContain(clock);
    expect(text).toContain('1 Des');
  });
});
