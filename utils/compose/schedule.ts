// Scheduled posts are entered as wall-clock time in the officer's zone ("14:00 WIB") and stored as
// epoch milliseconds. Intl has no "parse in zone", so the zone offset is read back from Intl and applied.
import { offsetAt } from '../time';

const DAY_MS = 24 * 60 * 60_000;

/**
 * `2026-11-28T14:00` in `Asia/Jakarta` → epoch ms; undefined for malformed or impossible input
 * (31 February, 24:00) or unknown zones. Around a DST change it resolves like Temporal's
 * "compatible": a repeated wall time takes its first occurrence, a skipped one moves forward.
 */
export function zonedTimeToEpoch(local: string, timeZone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const back = new Date(wall);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || back.getUTCHours() !== h) return undefined;
  try {
    // No zone changes offset twice within two days, so the offsets a day either side are the candidates.
    const before = offsetAt(wall - DAY_MS, timeZone);
    const after = offsetAt(wall + DAY_MS, timeZone);
    const fits = [wall - before, wall - after].filter((epoch) => epoch + offsetAt(epoch, timeZone) === wall);
    return fits.length ? Math.min(...fits) : wall - before;
  } catch {
    return undefined;
  }
}

// Indonesia's three zones by their everyday names; other zones show their IANA name.
const ZONE_LABELS: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** `Asia/Makassar` → `WITA`, for labels such as "Jadwalkan (WITA)". */
export function zoneLabel(timeZone: string): string {
  return ZONE_LABELS[timeZone] ?? timeZone;
}

/** Epoch ms → `HH:MM` (and the date when not today) in the officer's zone and language. */
export function formatZoned(epoch: number, timeZone: string, locale: string, now = Date.now()): string {
  const day = (t: number) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(t);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(epoch);
  if (day(epoch) === day(now)) return time;
  const date = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short' }).format(epoch);
  return `${date} ${time}`;
}

/** Epoch ms → `2026-11-28T14:00`, the wall-clock value a datetime-local input shows, in `timeZone`. */
export function epochToZonedInput(epoch: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(epoch)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
