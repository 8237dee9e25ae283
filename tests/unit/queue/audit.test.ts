import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../../utils/export/table';
import { auditResult, auditTable } from '../../../utils/queue/audit';
import { label } from '../../e2e/support/locales';

// Headers and sentences come from the shipped catalogues (public/_locales), read as chrome.i18n does.
const id = label('id');
const en = label('en');

describe('audit export', () => {
  const row = { id: 1, at: Date.UTC(2026, 10, 28, 7, 5, 9), actor: 'Sari — Biro Humas', event: 'sent', network: 'x' as const, result: 'ok' };

  it('writes a BOM, a header in the UI language, `;` and times in the officer zone', () => {
    const csv = tableToCsv(auditTable([row], 'Asia/Jakarta', 'WIB', id));
    expect(csv.startsWith('\uFEFF"Waktu (WIB)";"Pelaku";"Jaringan";"Peristiwa";"Hasil";')).toBe(true);
    expect(csv).toContain('"2026-11-28 14:05:09";"Sari — Biro Humas";"X (Twitter)";"terkirim";"Berhasil";');
    expect(tableToCsv(auditTable([row], 'Asia/Jayapura', 'WIT', en), ',')).toContain(
      '"2026-11-28 16:05:09","Sari — Biro Humas","X (Twitter)","sent","Succeeded",',
    );
  });

  it.each([
    ['comma', 'a,b', '"a,b"'],
    ['quote', 'say "hi"', '"say ""hi"""'],
    ['newline', 'line1\nline2', '"line1\nline2"'],
    ['formula', '=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ['plus formula', '+62 811', '"\'+62 811"'],
  ])('escapes a %s in the text', (_label, text, expected) => {
    const csv = tableToCsv(auditTable([{ ...row, text }], 'Asia/Jakarta', 'WIB', id));
    expect(csv.trimEnd().split('\r\n')[1]!.endsWith(`;${expected};""`)).toBe(true);
  });
});

describe('audit result sentences (issue 14.13: no raw codes)', () => {
  it.each([
    [{ result: 'ok' }, 'Berhasil', undefined],
    [{ result: 'auth: HTTP 401 Unauthorized' }, id('errorAuth'), 'HTTP 401 Unauthorized'],
    [{ result: 'rate-limit:' }, id('errorRateLimited'), undefined],
    [{ result: 'content: 403 duplicate', resultKey: 'errorDuplicate' as const }, id('errorDuplicate'), '403 duplicate'],
    [{ result: 'interrupted: worker stopped during send' }, id('errorInterrupted'), 'worker stopped during send'],
    [{ result: 'failed' }, id('stateFailed'), undefined],
    [{ result: 'x telegram' }, `Untuk: ${id('networkX')}, ${id('networkTelegram')}`, undefined],
    [{ result: 'sesuatu yang lain' }, 'sesuatu yang lain', undefined],
    [{}, '', undefined],
  ])('%j reads as a sentence', (row, text, detail) => {
    expect(auditResult(row, id)).toEqual(detail === undefined ? { text } : { text, detail });
  });

  it('puts the service detail after the sentence in exports', () => {
    const table = auditTable([{ id: 2, at: 0, actor: 'a', event: 'attempt-failed', result: 'transient: HTTP 503' }], 'UTC', 'UTC', en);
    expect(table.rows[0]![4]).toBe(`${en('errorNetwork')} Details from the service: HTTP 503`);
    expect(table.rows[0]![3]).toBe(en('auditEventAttemptFailed'));
  });
});
