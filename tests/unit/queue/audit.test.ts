import { describe, expect, it } from 'vitest';
import { auditToCsv } from '../../../utils/queue/audit';

describe('audit CSV', () => {
  const row = { at: Date.UTC(2026, 10, 28, 7, 5, 9), actor: 'Sari — Biro Humas', event: 'sent', network: 'x' as const };

  it('writes a BOM, a header and times in the officer zone', () => {
    const csv = auditToCsv([row], 'Asia/Jakarta');
    expect(csv.startsWith('\uFEFF"at","actor","network","event","result","url","pageUrl","text"\r\n')).toBe(true);
    expect(csv).toContain('"2026-11-28 14:05:09","Sari — Biro Humas","x","sent",');
  });

  it.each([
    ['comma', 'a,b', '"a,b"'],
    ['quote', 'say "hi"', '"say ""hi"""'],
    ['newline', 'line1\nline2', '"line1\nline2"'],
    ['formula', '=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ['plus formula', '+62 811', '"\'+62 811"'],
  ])('escapes a %s in the text', (_label, text, expected) => {
    const csv = auditToCsv([{ ...row, text }]);
    expect(csv.trimEnd().split('\r\n')[1]!.endsWith(`,${expected}`)).toBe(true);
  });
});
