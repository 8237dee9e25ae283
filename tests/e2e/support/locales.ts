import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Catalogue = Record<string, { message: string }>;
const cache = new Map<string, Catalogue>();

/** The string a page must show for `key` in `lang`, read from the shipped catalogue. */
export function message(lang: 'id' | 'en', key: string): string {
  if (!cache.has(lang)) {
    const file = resolve(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`);
    cache.set(lang, JSON.parse(readFileSync(file, 'utf8')) as Catalogue);
  }
  const entry = cache.get(lang)![key];
  if (!entry) throw new Error(`missing locale key ${lang}/${key}`);
  return entry.message;
}
