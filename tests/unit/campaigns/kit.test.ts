import { describe, expect, it } from 'vitest';
import { kitPhase, MAX_KIT_FILE_BYTES, MAX_KITS, parseKitFile, readKits } from '../../../utils/campaigns/kit';

const valid = {
  id: 'hut-ri-81',
  updated: '2026-08-10T08:00:00+07:00',
  title: 'HUT RI ke-81',
  period: { start: '2026-08-10T00:00:00+07:00', end: '2026-08-20T00:00:00+07:00' },
  link: 'https://www.komdigi.go.id/berita/hut-ri-81',
  image: { url: 'https://www.komdigi.go.id/img/hut81.jpg', alt: 'Logo HUT RI ke-81' },
  text: 'Mari rayakan HUT RI ke-81 bersama.',
  variants: { x: 'Rayakan HUT RI ke-81!' },
  hashtags: ['#HUTRI81', 'IndonesiaMaju'],
  mandatory: ['#HUTRI81'],
};
const file = (kits: unknown[]) => JSON.stringify({ siarKits: 1, publisher: { name: 'Komdigi' }, kits });

describe('campaign kit files', () => {
  it('reads a valid kit with times in ms, hashtags without #, variants per network', () => {
    const read = parseKitFile(file([valid]));
    expect(read.problems).toEqual([]);
    expect(read.publisher).toBe('Komdigi');
    expect(read.kits).toEqual([
      {
        id: 'hut-ri-81',
        updatedAt: Date.parse('2026-08-10T01:00:00Z'),
        title: 'HUT RI ke-81',
        start: Date.parse('2026-08-09T17:00:00Z'),
        end: Date.parse('2026-08-19T17:00:00Z'),
        link: 'https://www.komdigi.go.id/berita/hut-ri-81',
        image: valid.image,
        text: valid.text,
        variants: { x: 'Rayakan HUT RI ke-81!' },
        hashtags: ['HUTRI81', 'IndonesiaMaju'],
        mandatory: ['#HUTRI81'],
      },
    ]);
  });

  it.each([
    ['a javascript: link', { link: 'javascript:alert(1)' }, 'link: must be an http(s) address'],
    ['a data: image', { image: { url: 'data:image/png;base64,AA', alt: '' } }, 'image.url: must be an http(s) address'],
    ['a link with userinfo', { link: 'https://komdigi.go.id:x@evil.example/' }, 'link: must be an http(s) address'],
    ['no text', { text: '  ' }, 'text'],
    [
      'a period that ends before it starts',
      { period: { start: '2026-08-10T00:00:00Z', end: '2026-08-01T00:00:00Z' } },
      'period.end: the period ends before it starts',
    ],
    ['a date without a zone', { updated: '2026-08-10 08:00' }, 'updated'],
    ['a hashtag with a space', { hashtags: ['HUT RI'] }, 'hashtags.0: must be one word'],
    ['an unknown network variant', { variants: { myspace: 'x' } }, 'variants'],
  ])('skips a kit with %s and says so in one line; the others still load', (_name, change, said) => {
    const read = parseKitFile(
      file([
        { ...valid, ...change },
        { ...valid, id: 'other' },
      ]),
    );
    expect(read.kits.map((kit) => kit.id)).toEqual(['other']);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]).toMatch(/^Kit 1 \(hut-ri-81\): /);
    expect(read.problems[0]).toContain(said);
  });

  it.each([
    ['not JSON', '{"siarKits":1,"kits":[', 'not valid JSON'],
    ['another JSON file', '{"version":1}', 'not a Siar kit file'],
    ['a huge file', ' '.repeat(MAX_KIT_FILE_BYTES + 1), 'larger than 1024 KB'],
  ])('refuses %s with one sentence', (_name, text, said) => {
    const read = parseKitFile(text);
    expect(read.kits).toEqual([]);
    expect(read.fatal).toContain(said);
  });

  it('keeps the newest version of a kit id (kits are versioned by id and update time)', () => {
    const older = { ...valid, text: 'lama', updated: '2026-08-09T00:00:00Z' };
    const newer = { ...valid, text: 'baru', updated: '2026-08-11T00:00:00Z' };
    expect(readKits([newer, older]).kits.map((kit) => kit.text)).toEqual(['baru']);
    expect(readKits([older, newer]).kits.map((kit) => kit.text)).toEqual(['baru']);
  });

  it(`reads at most ${MAX_KITS} kits, newest first, and says how many were left out`, () => {
    const many = Array.from({ length: MAX_KITS + 3 }, (_, i) => ({
      ...valid,
      id: `k${i}`,
      updated: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    }));
    const read = readKits(many);
    expect(read.kits).toHaveLength(MAX_KITS);
    expect(read.kits[0]!.id).toBe(`k${MAX_KITS + 2}`);
    expect(read.problems).toEqual([`3 older kits left out (at most ${MAX_KITS} are read)`]);
  });

  it.each([
    [Date.parse('2026-08-09T00:00:00Z'), 'upcoming'],
    [Date.parse('2026-08-12T00:00:00Z'), 'active'],
    [Date.parse('2026-08-25T00:00:00Z'), 'ended'],
  ] as const)('at %s a kit is %s', (now, phase) => {
    const [kit] = parseKitFile(file([valid])).kits;
    expect(kitPhase(kit!, now)).toBe(phase);
  });

  it('a kit with no stated end stays active', () => {
    expect(kitPhase({ start: 0 }, Date.parse('2030-01-01T00:00:00Z'))).toBe('active');
  });
});
