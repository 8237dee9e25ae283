import { describe, expect, it } from 'vitest';
import { privateHostOf } from '../../../utils/net/private-host';

// Ranges from RFC 1918, RFC 6890 (special-purpose IPv4), RFC 4193 / RFC 4291 (IPv6), RFC 6761 / 6762 / 8375.
describe('privateHostOf (issues 13.7, 13.10)', () => {
  it.each([
    ['http://10.0.0.5/foto.jpg', '10.0.0.5'],
    ['http://172.16.3.4/a.png', '172.16.3.4'],
    ['http://172.31.255.255/a.png', '172.31.255.255'],
    ['http://192.168.1.10:8080/a.png', '192.168.1.10:8080'],
    ['http://127.0.0.1/a.png', '127.0.0.1'],
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['http://100.64.0.1/a', '100.64.0.1'],
    ['http://0x0a.0.0.1/a', '10.0.0.1'],
    ['http://167772161/a', '10.0.0.1'],
    ['http://localhost:3000/a.png', 'localhost:3000'],
    ['http://app.localhost/a', 'app.localhost'],
    ['http://intranet/foto.png', 'intranet'],
    ['http://printer.local/a', 'printer.local'],
    ['http://nas.home.arpa/a', 'nas.home.arpa'],
    ['http://[::1]/a', '[::1]'],
    ['http://[fd12:3456::1]/a', '[fd12:3456::1]'],
    ['http://[fe80::1]/a', '[fe80::1]'],
    ['http://[::ffff:10.0.0.5]/a', '[::ffff:a00:5]'],
  ])('%s is private (%s)', (url, host) => {
    expect(privateHostOf(url)).toBe(host);
  });

  it.each([
    'https://jatengprov.go.id/img/a.png',
    'https://172.32.0.1/a',
    'https://192.169.0.1/a',
    'https://8.8.8.8/a',
    'https://[2001:db8::1]/a',
    'https://cdn.antaranews.com/x.jpg',
    'not a url',
    '',
  ])('%s is public (or not a URL)', (url) => {
    expect(privateHostOf(url)).toBeUndefined();
  });
});
