// Times as the officer reads them: relative in the list, calendar days in their own time zone.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Infinity],
];

// Building an Intl formatter costs far more than formatting with one, and the list formats two dates per
// row on every render: each formatter is built once per language and zone.
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.RelativeTimeFormat | Intl.DateTimeFormat>(key: string, build: () => F): F {
  let format = formatters.get(key) as F | undefined;
  if (!format) {
    format = build();
    formatters.set(key, format);
  }
  return format;
}

/** "5 menit yang lalu" / "5 minutes ago"; future times (clock skew of a feed) read "dalam 5 menit". */
export function relativeTime(epoch: number, now: number, lang: string): string {
  const format = cached(`relative ${lang}`, () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }));
  let value = (epoch - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(value) < size) return format.format(Math.trunc(value), unit);
    value /= size;
  }
  return format.format(Math.trunc(value), 'year');
}

/** Milliseconds `timeZone` is ahead of UTC at `epoch` (whole seconds; negative west of Greenwich). */
export function offsetAt(epoch: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(epoch)
      .map((p) => [p.type, p.value]),
  );
  return (
    Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) -
    Math.floor(epoch / 1000) * 1000
  );
}

/** Epoch ms of 00:00 on `date` (YYYY-MM-DD) in `timeZone`; undefined for a malformed or impossible date. */
export function startOfDay(date: string, timeZone: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const guess = Date.UTC(y, m - 1, d);
  if (new Date(guess).getUTCDate() !== d || new Date(guess).getUTCMonth() !== m - 1) return undefined;
  try {
    const first = guess - offsetAt(guess, timeZone);
    return guess - offsetAt(first, timeZone);
  } catch {
    return undefined;
  }
}

/** [start, end) of a calendar day in `timeZone` (days around a DST change are 23 or 25 hours). */
export function dayRange(date: string, timeZone: string): { from: number; to: number } | undefined {
  const from = startOfDay(date, timeZone);
  const next = from === undefined ? undefined : new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const to = next === undefined ? undefined : startOfDay(next, timeZone);
  return from === undefined || to === undefined ? undefined : { from, to };
}

/** YYYY-MM-DD of `epoch` in `timeZone`. */
export function dateInZone(epoch: number, timeZone: string): string {
  return cached(`day ${timeZone}`, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(epoch);
}

/** Date and time for a report or a tooltip, in the officer's zone and language. */
export function formatDateTime(epoch: number, timeZone: string, lang: string): string {
  return cached(
    `datetime ${lang} ${timeZone}`,
    () => new Intl.DateTimeFormat(lang, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }),
  ).format(epoch);
}
