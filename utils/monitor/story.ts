import { htmlToText, normaliseTerm } from './normalise';
import { isTracking } from '../compose/link';

// Grouping the same story from several outlets, and recognising the same article twice.

// Function words that outlets add or drop freely when rewriting one headline.
const STOPWORDS = new Set(
  `
  yang di ke dari dan atau ini itu untuk dengan pada akan dalam oleh bagi sebagai juga sudah telah
  masih ada adalah ialah para si sang pun lah kah nya tak tidak bukan belum saja hanya lebih sangat
  agar supaya karena sebab jika kalau maka tapi tetapi namun serta hingga sampai soal terkait usai
  jadi kini bakal segera tengah sedang begini begitu tersebut antara atas bawah depan belakang
  the a an of to in on for and or is are was be by with at from as this that
  video foto infografis breaking terkini terbaru update live
`
    .trim()
    .split(/\s+/),
);

const SEPARATORS = [' - ', ' | ', ' — ', ' – ', ' :: ', ' » '];
const MAX_SUFFIX_WORDS = 5;

/** Removes a trailing " - Publisher" / " | Publisher" (up to twice, as aggregators add their own). */
export function stripPublisher(title: string): string {
  let t = title.trim();
  for (let round = 0; round < 2; round++) {
    let cut = -1;
    let sepLen = 0;
    for (const sep of SEPARATORS) {
      const at = t.lastIndexOf(sep);
      if (at > cut) {
        cut = at;
        sepLen = sep.length;
      }
    }
    if (cut < 0) break;
    const head = t.slice(0, cut);
    const tail = t.slice(cut + sepLen).trim();
    // Only a short tail is a publisher name, and the head must still read as a headline.
    if (tail.split(/\s+/).length > MAX_SUFFIX_WORDS || head.trim().split(/\s+/).length < 3) break;
    t = head.trim();
  }
  return t;
}

/**
 * A key equal for rewordings of one headline by different outlets: publisher suffix, "[VIDEO]"-style
 * tags, punctuation and stopwords removed; the remaining distinct words sorted, so word order
 * ("Gubernur Tinjau Banjir Demak" / "Banjir Demak, Gubernur Tinjau") does not split a story.
 */
export function storyKey(title: string): string {
  const plain = stripPublisher(htmlToText(typeof title === 'string' ? title : '')).replace(/^\s*[[(][^\])]{1,20}[\])]\s*/, '');
  const tokens = normaliseTerm(plain);
  const content = [...new Set(tokens.filter((t) => !STOPWORDS.has(t)))].sort();
  return (content.length ? content : [...new Set(tokens)].sort()).join(' ');
}

// Beyond the trackers the composer strips: parameters that only pick an AMP or campaign variant of
// the same article, which matter for grouping but not for a link the officer shares.
const VARIANT_PARAMS = new Set(['cmpid', 'amp', 'outputtype', 'spm']);

/**
 * The dedupe key of an article URL (not for navigation): https, lower-case host without www./m./amp.,
 * no default port, fragment, tracking parameters or AMP variants; remaining parameters sorted and the
 * trailing slash dropped. Unparseable input comes back trimmed.
 */
export function canonicalizeUrl(url: string): string {
  const raw = typeof url === 'string' ? url.trim() : '';
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return raw;
  // Google's AMP cache: https://www-x-com.cdn.ampproject.org/c/s/www.x.com/path
  const amp = u.hostname.endsWith('.cdn.ampproject.org') ? /^\/[a-z]\/(s\/)?(.+)$/.exec(u.pathname) : null;
  if (amp?.[2]) {
    try {
      u = new URL(`${amp[1] ? 'https' : 'http'}://${amp[2]}${u.search}`);
    } catch {
      return raw;
    }
  }
  const labels = u.hostname.toLowerCase().replace(/\.$/, '').split('.');
  while (labels.length > 2 && ['www', 'm', 'amp', 'mobile'].includes(labels[0] ?? '')) labels.shift();
  const host = labels.join('.');
  const port = u.port && u.port !== '80' && u.port !== '443' ? `:${u.port}` : '';

  let path = u.pathname.replace(/\/{2,}/g, '/');
  path = path
    .replace(/^\/amp(?=\/)/, '')
    .replace(/\/amp\/?$/, '/')
    .replace(/\.amp(?=$|\/)/, '');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  if (path === '') path = '/';

  const params = [...u.searchParams.entries()]
    .filter(([k]) => !isTracking(k.toLowerCase(), host) && !VARIANT_PARAMS.has(k.toLowerCase()))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const search = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `https://${host}${port}${path}${search}`;
}

export interface DedupeResult<T> {
  /** Items neither already stored nor repeated earlier in the batch, with their canonical URL. */
  fresh: (T & { canonicalUrl: string })[];
  duplicates: T[];
}

/** Splits a fetched batch into new items and ones already stored (by guid or canonical URL). */
export function dedupeItems<T extends { guid: string; url: string; siteOnly?: true }>(
  items: readonly T[],
  existing: { guids: ReadonlySet<string>; canonicalUrls: ReadonlySet<string> },
): DedupeResult<T> {
  const guids = new Set<string>();
  const urls = new Set<string>();
  const fresh: (T & { canonicalUrl: string })[] = [];
  const duplicates: T[] = [];
  for (const item of items) {
    const canonicalUrl = canonicalizeUrl(item.url);
    // A link-less feed item carries its feed's site URL, which says nothing about which item it is.
    const byUrl = canonicalUrl && !item.siteOnly;
    const seen =
      (item.guid && (existing.guids.has(item.guid) || guids.has(item.guid))) || (byUrl && (existing.canonicalUrls.has(canonicalUrl) || urls.has(canonicalUrl)));
    if (seen) {
      duplicates.push(item);
      continue;
    }
    if (item.guid) guids.add(item.guid);
    if (byUrl) urls.add(canonicalUrl);
    fresh.push({ ...item, canonicalUrl });
  }
  return { fresh, duplicates };
}
