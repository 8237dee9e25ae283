import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
type Catalogue = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const load = (lang: string) => JSON.parse(readFileSync(join(root, `public/_locales/${lang}/messages.json`), 'utf8')) as Catalogue;
const id = load('id');
const en = load('en');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

/** Every message key the code refers to: t('key'), messageKey: 'key', subtitle="key", __MSG_key__. */
function keysUsedInCode(): Map<string, string> {
  const used = new Map<string, string>();
  const patterns = [
    /\bt\(\s*'([A-Za-z0-9_]+)'/g,
    /messageKey:\s*'([A-Za-z0-9_]+)'/g,
    /__MSG_([A-Za-z0-9_]+)__/g,
    /\b(?:subtitle|titleKey|labelKey)=\{?["']([A-Za-z0-9_]+)["']/g,
    /: MessageKey = '([A-Za-z0-9_]+)'/g,
  ];
  for (const file of [...sourceFiles('entrypoints'), ...sourceFiles('components'), ...sourceFiles('utils'), 'wxt.config.ts']) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) used.set(match[1]!, file);
  }
  return used;
}

describe('UI strings', () => {
  it('id and en define exactly the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
  });

  it.each(Object.keys(id))('%s has the same placeholders and a non-empty text in both languages', (key) => {
    expect(id[key]!.message.trim()).not.toBe('');
    expect(en[key]!.message.trim()).not.toBe('');
    const names = (entry: Catalogue[string]) => [...entry.message.matchAll(/\$([A-Z0-9_]+)\$/g)].map((m) => m[1]).sort();
    expect(names(en[key]!)).toEqual(names(id[key]!));
    expect(Object.keys(en[key]!.placeholders ?? {}).sort()).toEqual(Object.keys(id[key]!.placeholders ?? {}).sort());
  });

  it('every key used in the code exists in both catalogues', () => {
    const used = keysUsedInCode();
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter(([key]) => !id[key] || !en[key]).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('the manifest name, description and menu title come from the catalogues', () => {
    const config = readFileSync(join(root, 'wxt.config.ts'), 'utf8');
    expect(config).toContain("name: '__MSG_extName__'");
    expect(config).toContain("description: '__MSG_extDescription__'");
    const menu = readFileSync(join(root, 'utils/worker/context-menu.ts'), 'utf8');
    expect(menu).toContain("title: t('contextMenuQuote')");
    expect(id.contextMenuQuote!.message).toBe('Kutip ke medsos');
    expect(en.contextMenuQuote!.message).toBe('Quote to social');
  });
});
