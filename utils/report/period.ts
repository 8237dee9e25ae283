import { offsetAt, startOfDay } from '../time';
import { zoneStamp } from '../export/table';

// The report's period: two wall-clock times in the officer's zone, kept in the page URL as
// `from=YYYY-MM-DDTHH:mm&to=…` (the value format of <input type="datetime-local">, HTML §4.10.5.1.9),
// so a bookmarked or shared report shows the same period. `date=YYYY-MM-DD` (the side panel's link)
// means that whole day.

export interface Period {
  from: number;
  to: number;
}

/** The default period: the 24 hours up to `now`. */
export const DEFAULT_HOURS = 24;

/** Epoch ms of a `YYYY-MM-DDTHH:mm` wall-clock time in `timeZone`; undefined when malformed or impossible. */
export function fromLocalInput(value: string, timeZone: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [hour, minute] = [Number(match[2]), Number(match[3])];
  if (hour > 23 || minute > 59) return undefined;
  const day = startOfDay(match[1]!, timeZone);
  if (day === undefined) return undefined;
  // Correct for a zone whose offset changes within the day (not Indonesia's, but any IANA zone is allowed).
  const guess = day + (hour * 60 + minute) * 60_000;
  return guess - (offsetAt(guess, timeZone) - offsetAt(day, timeZone));
}

/** `YYYY-MM-DDTHH:mm` of `epoch` in `timeZone`, for a datetime-local input and the URL. */
export function toLocalInput(epoch: number, timeZone: string): string {
  return zoneStamp(epoch, timeZone).slice(0, 16).replace(' ', 'T');
}

/**
 * The period a report URL's query asks for. `from`/`to` win; else `date`; else the last 24 hours up to
 * `now`. Returns `problem: true` (and the default period) when the query holds a malformed or reversed
 * period, so the page can say so in one sentence instead of showing nothing.
 */
export function periodFromQuery(query: URLSearchParams, timeZone: string, now: number): { period: Period; problem: boolean } {
  const fallback = { from: now - DEFAULT_HOURS * 3_600_000, to: now };
  const fromText = query.get('from');
  const toText = query.get('to');
  if (fromText || toText) {
    const from = fromText ? fromLocalInput(fromText, timeZone) : undefined;
    const to = toText ? fromLocalInput(toText, timeZone) : undefined;
    if (from === undefined || to === undefined || from >= to) return { period: fallback, problem: true };
    return { period: { from, to }, problem: false };
  }
  const date = query.get('date');
  if (date) {
    const from = startOfDay(date, timeZone);
    const next = from === undefined ? undefined : new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const to = next === undefined ? undefined : startOfDay(next, timeZone);
    if (from === undefined || to === undefined) return { period: fallback, problem: true };
    return { period: { from, to }, problem: false };
  }
  return { period: fallback, problem: false };
}

/** The query string that keeps `period` (and the watch filter) in the URL. */
export function periodQuery(period: Period, timeZone: string, watchId?: number): string {
  const query = new URLSearchParams({ from: toLocalInput(period.from, timeZone), to: toLocalInput(period.to, timeZone) });
  if (watchId !== undefined) query.set('watch', String(watchId));
  return `?${query.toString()}`;
}
