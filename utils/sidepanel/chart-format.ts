// How the volume chart writes its numbers and dates: in the UI language (Intl, i.e. CLDR's patterns:
// "10 Mar 09.00" in Indonesian, "Mar 10, 09:00" in English) and the officer's zone, and counts as whole
// numbers only. uPlot's own defaults are English month names and ticks at 0.5 steps.

/** Y-axis tick steps uPlot may choose from: whole numbers only (a mention count is never 2.5). */
export const WHOLE_INCREMENTS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000];

export interface ChartFormats {
  /** A bucket start (seconds since the epoch) as the legend shows it. */
  date(seconds: number): string;
  /** An x-axis tick: short enough for a 320 px panel — hourly ticks show the time, or the date at midnight. */
  tick(seconds: number): string;
  /** A count with the language's digit grouping; null (no value) as an en dash. */
  count(value: number | null | undefined): string;
}

/** Formatters for one language, zone and bucket size (an hour bucket shows its time, a day bucket only its date). */
export function chartFormats(lang: string, timeZone: string, granularity: 'hour' | 'day'): ChartFormats {
  const date = new Intl.DateTimeFormat(
    lang,
    granularity === 'hour'
      ? { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : { timeZone, day: 'numeric', month: 'short' },
  );
  const day = new Intl.DateTimeFormat(lang, { timeZone, day: 'numeric', month: 'short' });
  const clock = new Intl.DateTimeFormat(lang, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const hourOf = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  return {
    date: (seconds) => date.format(seconds * 1000),
    tick: (seconds) => (granularity === 'day' || hourOf.format(seconds * 1000) === '00:00' ? day : clock).format(seconds * 1000),
    count: (value) => (value === null || value === undefined || !Number.isFinite(value) ? '–' : number.format(Math.round(value))),
  };
}
