import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NETWORK_IDS } from '../../../utils/networks/ids';
import { parseSettingsFile } from '../../../utils/settings-file/parse';
import { settingsFileSchema } from '../../../utils/settings-file/schema';
import { DROP, validFile, withChange } from './samples';

// docs/settings.schema.json is generated from the zod schema; `SIAR_WRITE_SCHEMA=1 npx vitest run
// tests/unit/settings-file/json-schema.test.ts` rewrites it. This test fails when the two drift apart.
const FILE = resolve(import.meta.dirname, '../../../docs/settings.schema.json');
const generated = () => ({
  $id: 'https://siar.humas.go.id/settings.schema.json',
  title: 'Siar settings file',
  ...z.toJSONSchema(settingsFileSchema, { io: 'input', unrepresentable: 'any' }),
});

type Schema = { properties: Record<string, Schema>; required?: string[]; const?: unknown; additionalProperties?: unknown };

describe('published JSON Schema', () => {
  if (process.env.SIAR_WRITE_SCHEMA) writeFileSync(FILE, `${JSON.stringify(generated(), null, 2)}\n`);
  const published = JSON.parse(readFileSync(FILE, 'utf8')) as Schema;

  it('is exactly what the zod schema generates', () => {
    expect(published).toEqual(JSON.parse(JSON.stringify(generated())));
  });

  it('names the same required top-level fields the importer insists on', () => {
    const sample = validFile();
    expect(new Set(published.required)).toEqual(new Set(Object.keys(sample).filter((key) => key !== 'exportedAt')));
    for (const key of published.required ?? []) {
      expect(parseSettingsFile(withChange(key, DROP)).ok).toBe(false);
    }
  });

  it('pins the version and format the importer accepts, and lists every network', () => {
    expect(published.properties.version?.const).toBe(validFile().version);
    expect(published.properties.format?.const).toBe(validFile().format);
    expect(Object.keys(published.properties.accounts!.properties).sort()).toEqual([...NETWORK_IDS].sort());
  });

  it.each([
    ['the bureau sample', validFile()],
    ['a file with no accounts and no watches', { ...validFile(), accounts: {}, watches: [], sources: [] }],
    ['a file with secrets', { ...validFile(), includesSecrets: true, accounts: { telegram: { chatId: '@humasprov', botToken: '1:abc' } } }],
  ])('documents every field of %s', (_label, sample) => {
    expect(parseSettingsFile(JSON.stringify(sample)).ok).toBe(true);
    const walk = (value: unknown, schema: Schema | undefined, path: string) => {
      if (!value || typeof value !== 'object' || Array.isArray(value) || !schema?.properties) return;
      for (const [key, child] of Object.entries(value)) {
        expect(schema.properties, `${path}.${key}`).toHaveProperty(key);
        walk(child, schema.properties[key], `${path}.${key}`);
      }
    };
    walk(sample, published, '');
  });
});
