import { describe, expect, it } from 'vitest';
import { formatPath, parseSettingsFile, type ProblemKind } from '../../../utils/settings-file/parse';
import { DROP, validFile, withChange } from './samples';

const valid = JSON.stringify(validFile());

describe('settings file parsing', () => {
  it('accepts a complete file and keeps every part', () => {
    const result = parseSettingsFile(valid);
    expect(result).toMatchObject({ ok: true, file: { profile: { name: 'Sari' }, accounts: { telegram: { chatId: '@humasprov' } } } });
  });

  it.each<[string, string, ProblemKind, string, string?]>([
    ['truncated JSON', valid.slice(0, valid.length / 2), 'json', ''],
    ['empty file', '', 'json', ''],
    ['a list at the top', '[]', 'type', '', 'object'],
    ['null at the top', 'null', 'type', '', 'object'],
    ['a bare string', '"siar"', 'type', '', 'object'],
    ['another program’s file', withChange('format', 'other-app'), 'format', 'format', 'siar-settings'],
    ['no version', withChange('version', DROP), 'version', 'version', '1'],
    ['a newer version', withChange('version', 2), 'version', 'version', '1'],
    ['version as a string', withChange('version', '1'), 'version', 'version', '1'],
    ['__proto__ at the top', valid.replace('{', '{"__proto__":{"polluted":true},'), 'forbidden-key', '__proto__'],
    [
      '__proto__ deep inside',
      withChange('sources[0].config', JSON.parse('{"url":"https://a.go.id/rss","__proto__":{"x":1}}')),
      'forbidden-key',
      'sources[0].config.__proto__',
    ],
    ['constructor key in presets', withChange('presets.constructor', { prototype: {} }), 'forbidden-key', 'presets.constructor'],
    ['prototype key in an account', withChange('accounts.telegram.prototype', 'x'), 'forbidden-key', 'accounts.telegram.prototype'],
    ['an extra top-level key', withChange('extra', 1), 'unknown-key', 'extra'],
    ['a misspelt presets key', withChange('presets.hashtag', []), 'unknown-key', 'presets.hashtag'],
    ['an extra key in a watch', withChange('watches[0].colour2', '#000000'), 'unknown-key', 'watches[0].colour2'],
    ['an unknown network', withChange('accounts.myspace', { token: 'x' }), 'unknown-key', 'accounts.myspace'],
    ['a secret field nobody knows', withChange('accounts.telegram.password', 'x'), 'unknown-key', 'accounts.telegram.password'],
    ['profile as a string', withChange('profile', 'Sari'), 'type', 'profile', 'object'],
    ['hashtags not a list', withChange('presets.hashtags', 'x'), 'type', 'presets.hashtags', 'array'],
    ['tags as a number', withChange('presets.hashtags[0].tags', 5), 'type', 'presets.hashtags[0].tags', 'string'],
    ['includesSecrets as text', withChange('includesSecrets', 'no'), 'type', 'includesSecrets', 'boolean'],
    ['a missing profile', withChange('profile', DROP), 'type', 'profile', 'object'],
    ['a huge officer name', withChange('profile.name', 'x'.repeat(100_000)), 'too-long', 'profile.name', '120'],
    ['a huge hashtag set', withChange('presets.hashtags[0].tags', '#a'.repeat(300)), 'too-long', 'presets.hashtags[0].tags', '500'],
    [
      'too many watches',
      withChange(
        'watches',
        Array.from({ length: 1001 }, () => (validFile().watches as unknown[])[0]),
      ),
      'too-many',
      'watches',
      '1000',
    ],
    ['an empty preset label', withChange('presets.signatures[0].label', ''), 'too-short', 'presets.signatures[0].label', '1'],
    ['retention of zero days', withChange('preferences.retention.days', 0), 'too-small', 'preferences.retention.days', '1'],
    ['retention of a fraction', withChange('preferences.retention.days', 1.5), 'type', 'preferences.retention.days', 'int'],
    ['UTM for an unknown network', withChange('presets.utm.friendster', { source: 'a', medium: 'b', campaign: 'c' }), 'unknown-key', 'presets.utm.friendster'],
    ['an unknown source kind', withChange('sources[0].kind', 'gopher'), 'value', 'sources[0].kind'],
    ['a watch searching an unknown kind', withChange('watches[0].sources', ['myspace']), 'value', 'watches[0].sources[0]'],
    ['a Mastodon instance over http', withChange('accounts.mastodon.instance', 'http://sosial.example.go.id'), 'pattern', 'accounts.mastodon.instance', 'url'],
    ['a Telegram channel with spaces', withChange('accounts.telegram.chatId', 'kanal humas'), 'pattern', 'accounts.telegram.chatId', 'regex'],
    ['a colour that is no colour', withChange('watches[0].colour', 'blue'), 'pattern', 'watches[0].colour', 'regex'],
    ['a quiet hour of 25:00', withChange('preferences.quietHours.from', '25:0'), 'pattern', 'preferences.quietHours.from', 'regex'],
    ['an export date that is no date', withChange('exportedAt', 'kemarin'), 'pattern', 'exportedAt', 'datetime'],
    ['a file over 5 MB', JSON.stringify({ ...validFile(), padding: 'x'.repeat(5 * 1024 * 1024) }), 'too-large', '', '5 MB'],
  ])('rejects %s, naming the field and what was expected', (_label, text, kind, path, expected) => {
    const result = parseSettingsFile(text);
    expect(result).toMatchObject({ ok: false, problem: { kind, path, ...(expected === undefined ? {} : { expected }) } });
  });

  it('never lets a __proto__ key reach Object.prototype', () => {
    parseSettingsFile(valid.replace('{', '{"__proto__":{"polluted":true},'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [['presets', 'hashtags', 0, 'label'], 'presets.hashtags[0].label'],
    [['accounts', 'x-y'], 'accounts["x-y"]'],
    [[], ''],
  ] as const)('formats the path %j as %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
