// Feed dates are free text. Date.parse alone is both too lenient (V8 reads "2" as the year 2001) and too
// strict for local feeds ("Senin, 02 Des 2024 10:00:00 WIB"). Written here rather than with a date library:
// the shapes are RFC 822 (RSS 2.0 pubDate) and ISO 8601 / RFC 3339 (Atom, JSON Feed) as real feeds bend
// them — Indonesian day and month names, WIB/WITA/WIT, "- 10:30", month before day, a 12-hour clock —
// and no maintained parser on npm reads those zones or names without trying format after format, which
// the ingest path cannot afford for thousands of items per poll.

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  mei: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  agu: 7,
  agt: 7,
  agus: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  okt: 9,
  nov: 10,
  dec: 11,
  des: 11,
};

// Minutes east of UTC: RFC 822 §5.1 zones, plus Indonesia's WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wib: 420,
  wita: 480,
  wit: 540,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

/** Western Indonesia Time, the zone of a zoneless date in an Indonesian feed. */
export const WIB_OFFSET_MINUTES = 420;
const DAY_MS = 86_400_000;
const MIN_TIME = Date.UTC(1990, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

export interface FeedDateOptions {
  /** Minutes east of UTC for a date that names no zone (WIB for an Indonesian feed); 0 by default. */
  zonelessOffset?: number;
  /** Now, in ms since the epoch: a date more than a day after it is a publisher's clock error, so unknown. */
  now?: number;
}

function zoneOffset(zone: string | undefined, zoneless: number): number | undefined {
  if (!zone) return zoneless;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  return ZONES[zone.toLowerCase()];
}

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  meridiem?: string;
  offset: number | undefined;
}

function build({ y, mo, d, h, mi, s, meridiem, offset }: Parts, options: FeedDateOptions): number | undefined {
  let hour = h;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  if (offset === undefined || mo < 0 || mo > 11 || d < 1 || d > 31 || hour > 24 || mi > 59 || s > 60) return undefined;
  // Reject dates that roll over (31 Feb) and dates no news item can have.
  if (new Date(Date.UTC(y, mo, d)).getUTCDate() !== d) return undefined;
  const time = Date.UTC(y, mo, d, hour, mi, s) - offset * 60_000;
  if (time < MIN_TIME || time >= MAX_TIME) return undefined;
  if (options.now !== undefined && time > options.now + DAY_MS) return undefined;
  return time;
}

function year(text: string): number | undefined {
  if (text.length === 3) return undefined;
  const value = Number(text);
  // RFC 822 two-digit years, read as RFC 5322 §4.3 says: 00–49 → 20xx, 50–99 → 19xx.
  return text.length === 2 ? value + (value < 50 ? 2000 : 1900) : value;
}

function month(name: string): number | undefined {
  const lower = name.toLowerCase();
  return MONTHS[lower] ?? MONTHS[lower.slice(0, 3)];
}

const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*([AaPp][Mm]))?`;
const ZONE = String.raw`([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})`;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|z|[+-]\d{2}:?\d{2}|[A-Za-z]{2,5})?)?$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
// Day first (RFC 822 §5.1 "25 May 2020"), month first ("May 25 2020", "May 25, 2020").
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2,4})(?:[\s,]+${TIME})?(?:\s*${ZONE})?$`);
const MONTH_FIRST = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:[\s,]+${TIME})?(?:\s*${ZONE})?$`);
// A leading day name in any language ("Mon,", "Jum'at,", "mer,"): RFC 822 makes it optional and redundant.
const DAY_NAME = /^([A-Za-z][A-Za-z']{1,9})\.?(,?)\s*/;

function withoutDayName(text: string): string {
  const match = DAY_NAME.exec(text);
  // "May 25 2020" starts with its month, not a day name; "Mon, …" or "Jum'at …" do not.
  if (!match || (!match[2] && month(match[1] ?? '') !== undefined && /^[A-Za-z]+\.?\s*\d/.test(text))) return text;
  return text.slice(match[0].length);
}

/**
 * Reads a feed date: RFC 822 (RSS 2.0 pubDate, with Indonesian names and zones, month first, a 12-hour
 * clock, "tanggal - jam") or ISO 8601. A date with no zone is in `zonelessOffset` (UTC unless the caller
 * knows the feed is Indonesian). Returns ms since the epoch, or undefined for anything that is not a
 * plausible date (before 1990, after 2200, more than a day after `now`).
 */
export function parseFeedDate(raw: unknown, options: FeedDateOptions = {}): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 64) return undefined;
  const zoneless = options.zonelessOffset ?? 0;
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    return build(
      { y: Number(y), mo: Number(mo) - 1, d: Number(d), h: Number(h ?? 0), mi: Number(mi ?? 0), s: Number(s ?? 0), offset: zoneOffset(zone, zoneless) },
      options,
    );
  }
  const rest = withoutDayName(text).replace(/ - (?=\d{1,2}[:.]\d{2})/, ' ');
  const dayFirst = DAY_FIRST.exec(rest);
  const monthFirst = dayFirst ? undefined : MONTH_FIRST.exec(rest);
  const match = dayFirst ?? monthFirst;
  if (!match) return undefined;
  const [, a = '', b = '', y = '', h, mi, s, meridiem, zone] = match;
  const [dayText, monthName] = dayFirst ? [a, b] : [b, a];
  const mo = month(monthName);
  const fullYear = year(y);
  if (mo === undefined || fullYear === undefined) return undefined;
  return build(
    { y: fullYear, mo, d: Number(dayText), h: Number(h ?? 0), mi: Number(mi ?? 0), s: Number(s ?? 0), meridiem, offset: zoneOffset(zone, zoneless) },
    options,
  );
}

/**
 * RFC 3339 §5.6 date-time only (full date, time with seconds, and a zone), as JSON Feed 1.1 requires
 * for `date_published` / `date_modified` (https://www.jsonfeed.org/version/1.1/).
 */
export function parseRfc3339(raw: unknown, options: FeedDateOptions = {}): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const match = RFC3339.exec(raw.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, zone = 'Z'] = match;
  return build({ y: Number(y), mo: Number(mo) - 1, d: Number(d), h: Number(h), mi: Number(mi), s: Number(s), offset: zoneOffset(zone, 0) }, options);
}
