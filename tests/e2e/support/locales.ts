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

/**
 * `message` with substitutions as chrome.i18n.getMessage makes them: each `$NAME$` names a placeholder
 * whose content `$n` is the n-th substitution (developer.chrome.com/docs/extensions/reference/api/i18n).
 */
export function label(lang: 'id' | 'en') {
  return (key: string, substitutions?: string | string[]): string => {
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const entry = (
      JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8')) as Record<
        string,
        { message: string; placeholders?: Record<string, { content: string }> }
      >
    )[key];
    if (!entry) throw new Error(`missing locale key ${lang}/${key}`);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_m, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (_c, n: string) => subs[Number(n) - 1] ?? '');
    });
  };
}
