import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { aliasGroups, DEFAULT_ALIASES, GOVERNMENT_NAMES } from '../../../utils/monitor/aliases';
import { normaliseTerm } from '../../../utils/monitor/normalise';

const require = createRequire(import.meta.url);

describe('built-in alias data', () => {
  it('has one group per province, named as in idn-area-data (Ministry of Home Affairs codes)', () => {
    const csv = readFileSync(require.resolve('idn-area-data/data/provinces.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
    const official = csv.map((row) => row.split(',')[1]!.toLowerCase());
    expect(official).toHaveLength(38);
    const groups = aliasGroups('provinces');
    expect(groups).toHaveLength(38);
    for (const name of official) {
      // "Daerah Khusus Ibukota Jakarta" and the rest appear verbatim as a member of exactly one group.
      expect([name, groups.filter((g) => g.includes(name)).length]).toEqual([name, 1]);
    }
  });

  it.each(DEFAULT_ALIASES.map((g) => [g[0], g]))('group %s: at least two spellings, lower case, each with words', (_first, group) => {
    expect(group.length).toBeGreaterThanOrEqual(2);
    for (const member of group) {
      expect(member).toBe(member.toLowerCase());
      expect(normaliseTerm(member)).not.toEqual([]);
    }
  });

  it('lists government names longest first for masking, without ordinary spelling variants', () => {
    expect(GOVERNMENT_NAMES).toContain('kementerian pendayagunaan aparatur negara dan reformasi birokrasi');
    expect(GOVERNMENT_NAMES).toContain('jatim');
    expect(GOVERNMENT_NAMES).not.toContain('praktek');
    const lengths = GOVERNMENT_NAMES.map((n) => n.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });
});
