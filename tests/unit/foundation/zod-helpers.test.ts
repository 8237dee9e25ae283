import { describe, expect, it } from 'vitest';
import { httpsUrl, ok, optionalStr, optionalText, rowId, str, stringId, text } from '../../../utils/zod-helpers';

// The shared small schemas (utils/zod-helpers.ts) keep the limits the protocol, settings and account
// schemas had when each file defined its own: these rows are those limits.
describe('shared zod helpers', () => {
  it.each<[string, { safeParse(value: unknown): { success: boolean } }, unknown, boolean]>([
    ['str(3) takes an empty string', str(3), '', true],
    ['str(3) takes 3 characters', str(3), 'abc', true],
    ['str(3) refuses 4 characters', str(3), 'abcd', false],
    ['str(3) refuses a number', str(3), 3, false],
    ['optionalStr(3) takes undefined', optionalStr(3), undefined, true],
    ['optionalStr(3) refuses 4 characters', optionalStr(3), 'abcd', false],
    ['text() refuses blank text', text(), '   ', false],
    ['text(3) measures after trimming', text(3), '  abc  ', true],
    ['text(3) refuses 4 characters', text(3), 'abcd', false],
    ['text() takes 2000 characters', text(), 'a'.repeat(2000), true],
    ['text() refuses 2001 characters', text(), 'a'.repeat(2001), false],
    ['optionalText() takes undefined', optionalText(), undefined, true],
    ['stringId refuses an empty id', stringId, '', false],
    ['stringId takes a UUID', stringId, '0b9c8a1e-3f5d-4c2a-9e7b-1a2b3c4d5e6f', true],
    ['stringId refuses 65 characters', stringId, 'a'.repeat(65), false],
    ['rowId takes 1', rowId, 1, true],
    ['rowId refuses 0', rowId, 0, false],
    ['rowId refuses a fraction', rowId, 1.5, false],
    ['httpsUrl takes an https URL', httpsUrl, 'https://mastodon.social', true],
    ['httpsUrl refuses http', httpsUrl, 'http://mastodon.social', false],
    ['httpsUrl refuses 501 characters', httpsUrl, `https://a.id/${'a'.repeat(488)}`, false],
    ['ok takes { ok: true }', ok, { ok: true }, true],
    ['ok refuses { ok: false }', ok, { ok: false }, false],
  ])('%s', (_label, schema, value, accepted) => {
    expect(schema.safeParse(value).success).toBe(accepted);
  });

  it('trims what text() returns', () => {
    expect(text().parse('  Kominfo  ')).toBe('Kominfo');
  });
});
