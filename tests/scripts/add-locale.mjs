#!/usr/bin/env node
// Adds (or replaces) one UI string in both catalogues at once, keeping them in step:
//   node tests/scripts/add-locale.mjs key "teks Indonesia" "English text" "what it is for"
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const [key, id, en, description = ''] = process.argv.slice(2);
if (!key || !id || !en || !/^[A-Za-z0-9_]+$/.test(key)) {
  console.error('usage: add-locale.mjs key "id text" "en text" ["description"]');
  process.exit(2);
}
for (const [lang, message] of [
  ['id', id],
  ['en', en],
]) {
  const file = new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url);
  const catalogue = JSON.parse(readFileSync(file, 'utf8'));
  const entry = { message, description };
  const placeholders = [...message.matchAll(/\$([A-Z0-9_]+)\$/g)].map((m) => m[1]);
  if (placeholders.length) {
    entry.placeholders = Object.fromEntries(placeholders.map((p, i) => [p.toLowerCase(), { content: `$${i + 1}` }]));
  }
  catalogue[key] = entry;
  const tmp = `${file.pathname}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(catalogue, null, 2)}\n`);
  renameSync(tmp, file);
}
