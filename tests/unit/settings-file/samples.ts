import { SETTINGS_FILE_FORMAT, SETTINGS_FILE_VERSION } from '../../../utils/settings-file/schema';

/** A complete, valid settings file as a bureau would hand it out (no secrets). */
export function validFile(): Record<string, unknown> {
  return {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_FILE_VERSION,
    exportedAt: '2025-03-01T08:00:00.000Z',
    includesSecrets: false,
    profile: { name: 'Sari', unit: 'Biro Humas' },
    presets: {
      hashtags: [{ id: 'h1', label: 'Kampanye', tags: '#JatengGayeng' }],
      signatures: [{ id: 's1', label: 'Biro', text: '— Biro Humas' }],
      utm: { x: { source: 'x', medium: 'social', campaign: 'siaran' } },
    },
    preferences: { timeZone: 'Asia/Jakarta', quietHours: { enabled: false, from: '22:00', to: '06:00' }, retention: { days: 90, maxCount: 200000 } },
    accounts: { mastodon: { instance: 'https://sosial.example.go.id', maxChars: 800 }, telegram: { chatId: '@humasprov' } },
    watches: [{ name: 'Banjir', colour: '#1e88e5', query: 'banjir semarang', aliases: [], languages: ['id'], sources: ['googlenews'], notify: false }],
    sources: [{ kind: 'rss', name: 'Antara', config: { url: 'https://www.antaranews.com/rss/terkini.xml' }, intervalMin: 15 }],
  };
}

/** A copy of the valid file with `change` applied to it. */
/** The valid file with the value at `path` (e.g. `presets.hashtags[0].tags`) replaced, or removed when `value` is DROP. */
export const DROP = Symbol('drop');
export function withChange(path: string, value: unknown): string {
  const file = validFile();
  const keys = path.match(/[^.[\]]+/g) ?? [];
  let target = file as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === DROP) delete target[last];
  // defineProperty, so a key such as "__proto__" or "constructor" becomes a plain own property like JSON.parse makes it.
  else Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true });
  return JSON.stringify(file);
}
