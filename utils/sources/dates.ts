// Feed dates are free text. Date.parse alone is both too lenient (V8 reads "2" as the year 2001) and too
// strict for local feeds ("Senin, 02 Des 2024 10:00:00 WIB"), so we recognise the two shapes feeds use
// (RFC 822 and ISO 8601) ourselves, with Indonesian month names and zone abbreviations.

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, mei: 4, jun: 5, jul: 6, aug: 7, agu: 7, agt: 7, agus: 7,
  sep: 8, sept: 8, oct: 9, okt: 9, nov: 10, dec: 11, des: 11,
};

// Minutes east of UTC.
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wib: 420, wita: 480, wit: 540,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

const MIN_TIME = Date.UTC(1990, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  return ZONES[zone.toLowerCase()];
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number | undefined): number | undefined {
  if (offset === undefined || mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return undefined;
  const time = Date.UTC(y, mo, d, h, mi, s) - offset * 60_000;
  // Reject dates that roll over (31 Feb) and dates no news item can have.
  if (new Date(Date.UTC(y, mo, d)).getUTCDate() !== d) return undefined;
  return time >= MIN_TIME && time < MAX_TIME ? time : undefined;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const RFC822 = /^(?:[A-Za-z]{2,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2})?$/;

/** Milliseconds since the epoch, or undefined for anything that is not a plausible date. */
export function parseFeedDate(raw: unknown): number | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 64) return undefined;
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    return build(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), zoneOffset(zone));
  }
  const rfc = RFC822.exec(text);
  if (rfc) {
    const [, d, monthName = '', y = '', h, mi, s, zone] = rfc;
    const month = MONTHS[monthName.toLowerCase()] ?? MONTHS[monthName.slice(0, 3).toLowerCase()];
    let year = Number(y);
    if (y.length === 2) year += year < 70 ? 2000 : 1900;
    if (month === undefined || y.length === 3) return undefined;
    return build(year, month, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), zoneOffset(zone));
  }
  return undefined;
}
