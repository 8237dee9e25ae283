// Addresses that point inside the officer's network rather than at the public internet. Siar asks before
// publishing an image from one (issue 13.7) and before following a feed to one (13.10): a page or a file
// could otherwise make the worker fetch an intranet resource and post it publicly.
// Ranges: RFC 1918 (private IPv4), RFC 6890 special-purpose registry (loopback 127/8, link-local
// 169.254/16, shared 100.64/10, "this network" 0/8), RFC 4193 (IPv6 unique local fc00::/7), RFC 4291
// (::1, link-local fe80::/10), RFC 6761/6762/8375 names (localhost, .local, home.arpa), and single-label
// names, which only an intranet's DNS resolves.

function ipv4(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

function privateIpv4([a, b]: number[]): boolean {
  return (
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b! >= 64 && b! <= 127)
  );
}

function privateIpv6(host: string): boolean {
  const h = host.toLowerCase();
  if (h === '::1' || h === '::') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (mapped) return privateIpv4(ipv4(mapped[1]!)!);
  // WHATWG URL prints mapped IPv4 as hex groups (::ffff:a00:5): read them back.
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (hexMapped) {
    const [hi, lo] = [parseInt(hexMapped[1]!, 16), parseInt(hexMapped[2]!, 16)];
    return privateIpv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  }
  return /^f[cd][0-9a-f]{2}:/.test(h) || /^fe[89ab][0-9a-f]:/.test(h);
}

/**
 * The host of `url` when it is a private, loopback, link-local or intranet address; undefined for a
 * public host or a string that is not a URL. The URL parser has already normalised IPv4 spellings
 * (0x0a.1, 167772161) to dotted decimal.
 */
export function privateHostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (!host) return undefined;
  const v4 = ipv4(host);
  const isPrivate = v4
    ? privateIpv4(v4)
    : host.includes(':')
      ? privateIpv6(host)
      : !host.includes('.') || host === 'localhost' || /\.(localhost|local|internal|home\.arpa|lan|intranet)$/.test(host);
  return isPrivate ? parsed.host : undefined;
}

/** True when `url` names a literal IP address (v4 or v6), as opposed to a domain name. */
export function isIpLiteral(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return ipv4(host) !== undefined || host.startsWith('[');
  } catch {
    return false;
  }
}
