/**
 * Link hygiene. Both functions edit the query string as text, so every parameter they do not touch
 * keeps its exact spelling, encoding and order (URLSearchParams would re-encode all of them).
 */

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'yclid',
  'ysclid',
  '_ga',
  '_gl',
  'ref_src',
  'ref_url',
  'twclid',
  'ttclid',
  'li_fat_id',
  'epik',
  'srsltid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'rb_clickid',
  's_cid',
  'wickedid',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_'];
// `si` is a share-tracking id on these hosts only; elsewhere it may be a real parameter.
const SHARE_ID_HOSTS = /(^|\.)(youtube\.com|youtu\.be|spotify\.com)$/i;

interface SplitUrl {
  base: string;
  params: string[];
  hash: string;
  host: string;
}

function splitUrl(url: string): SplitUrl | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const hashAt = url.indexOf('#');
  const withoutHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const queryAt = withoutHash.indexOf('?');
  if (queryAt < 0) return { base: withoutHash, params: [], hash, host: parsed.hostname };
  const query = withoutHash.slice(queryAt + 1);
  return {
    base: withoutHash.slice(0, queryAt),
    params: query === '' ? [] : query.split('&'),
    hash,
    host: parsed.hostname,
  };
}

function joinUrl({ base, params, hash }: SplitUrl): string {
  const query = params.join('&');
  return `${base}${query ? `?${query}` : ''}${hash}`;
}

function paramName(param: string): string {
  const raw = param.split('=')[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/** True for a click or campaign tracker (name lower-cased); also used to build dedupe keys. */
export function isTracking(name: string, host: string): boolean {
  if (TRACKING_PARAMS.has(name)) return true;
  if (TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix))) return true;
  return name === 'si' && SHARE_ID_HOSTS.test(host);
}

/** Removes click and campaign trackers; anything that is not an http(s) URL comes back unchanged. */
export function stripTracking(url: string): string {
  const split = splitUrl(url);
  if (!split) return url;
  const kept = split.params.filter((param) => param !== '' && !isTracking(paramName(param), split.host));
  if (kept.length === split.params.length) return url;
  return joinUrl({ ...split, params: kept });
}

export interface UtmTags {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}

/** Sets utm_* parameters, replacing existing ones in place and appending new ones; blank values are skipped. */
export function applyUtm(url: string, tags: UtmTags): string {
  const split = splitUrl(url);
  if (!split) return url;
  const params = [...split.params];
  for (const [key, value] of Object.entries(tags)) {
    const trimmed = typeof value === 'string' ? value.trim() : '';
    if (!trimmed) continue;
    const name = `utm_${key}`;
    const param = `${name}=${encodeURIComponent(trimmed)}`;
    const existing = params.findIndex((candidate) => paramName(candidate) === name);
    if (existing >= 0) params[existing] = param;
    else params.push(param);
  }
  return joinUrl({ ...split, params });
}
