import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../utils/export/csv';

// OWASP CSV injection (https://owasp.org/www-community/attacks/CSV_Injection), ASVS 5.0 V1.2.10 and
// RFC 4180 §2.6-2.7: every field quoted, quotes doubled, = + - @ tab CR NUL neutralised with a leading '.
describe('csvCell (issue 13.3)', () => {
  it.each([
    ['plain', '"plain"'],
    ['', '""'],
    [undefined, '""'],
    [42, '"42"'],
    ['a,b', '"a,b"'],
    ['kata "kutip"', '"kata ""kutip"""'],
    ['baris\nbaru', '"baris\nbaru"'],
    ['=1+2', '"\'=1+2"'],
    ['+62 811', '"\'+62 811"'],
    ['-5 persen', '"\'-5 persen"'],
    ['@warga', '"\'@warga"'],
    ['\t=cmd', '"\'\t=cmd"'],
    ['\r=cmd', '"\'\r=cmd"'],
    ['\0=cmd', '"\'\0=cmd"'],
    ['=HYPERLINK("https://evil","x")', '"\'=HYPERLINK(""https://evil"",""x"")"'],
    // The Indonesian list separator: a reader splitting on `;` must not find a formula either.
    ['pemerintah;=1+1;x', '"pemerintah;\'=1+1;x"'],
    ['a,=1+1', '"a,\'=1+1"'],
    ['a; =SUM(1)', '"a; \'=SUM(1)"'],
    ['a;"=1+1"', '"a;""\'=1+1"""'],
    ['Café — 5%', '"Café — 5%"'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes a UTF-8 BOM, CRLF line ends, `;` by default (Indonesian Excel) and quotes the header too', () => {
    expect(toCsv(['a', 'b'], [[1, 'x;y']])).toBe('\uFEFF"a";"b"\r\n"1";"x;y"\r\n');
    expect(toCsv(['a', 'b'], [[1, 'x,y']], ',')).toBe('\uFEFF"a","b"\r\n"1","x,y"\r\n');
  });

  it('leaves no piece that starts with a formula character, whichever separator splits it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', ';', ',', '"', ' ', '\t', 'a', '1') }), (text) => {
        const cell = csvCell(text);
        const inner = cell.slice(1, -1).replace(/""/g, '"');
        for (const piece of inner.split(/[,;]/)) expect(piece.replace(/^[ "]*/, '')).not.toMatch(/^[=+\-@\t\r\0]/);
      }),
      { numRuns: 1000 },
    );
  });
});
