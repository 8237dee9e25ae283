// Quiet hours are written as local clock times in the agency's time zone ("22:00"–"06:00"), so the
// check happens in that zone, not in the zone of whichever computer the officer uses.

export interface QuietHours {
  enabled: boolean;
  from: string;
  to: string;
}

const minutes = (clock: string) => {
  const [h = 0, m = 0] = clock.split(':').map(Number);
  return h * 60 + m;
};

/** Minutes since midnight at `now` in `timeZone` (falls back to UTC for an unknown zone). */
export function localMinutes(now: number, timeZone: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  }
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return value('hour') * 60 + value('minute');
}

/** True inside [from, to); a window past midnight (22:00–06:00) wraps. Equal ends mean no quiet time. */
export function inQuietHours(quiet: QuietHours, now: number, timeZone: string): boolean {
  if (!quiet.enabled) return false;
  const from = minutes(quiet.from);
  const to = minutes(quiet.to);
  if (from === to) return false;
  const at = localMinutes(now, timeZone);
  return from < to ? at >= from && at < to : at >= from || at < to;
}
