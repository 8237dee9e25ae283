import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { kitFileDocSchema, parseKitFile } from '../../../utils/campaigns/kit';

// docs/campaign-kit.schema.json is generated from the zod schema, for coordinators who publish kit files;
// `SIAR_WRITE_SCHEMA=1 npx vitest run tests/unit/campaigns/kit-schema.test.ts` rewrites it.
const FILE = resolve(import.meta.dirname, '../../../docs/campaign-kit.schema.json');
const generated = () => ({
  $id: 'https://siar.humas.go.id/campaign-kit.schema.json',
  title: 'Siar campaign kit file',
  description:
    'Joint-campaign ("Satu Narasi") kits a coordinating office publishes on any static host. Links and image URLs must be http(s) without userinfo; times are RFC 3339 with a zone.',
  ...z.toJSONSchema(kitFileDocSchema, { io: 'input', unrepresentable: 'any' }),
});

describe('published kit JSON Schema', () => {
  if (process.env.SIAR_WRITE_SCHEMA) writeFileSync(FILE, `${JSON.stringify(generated(), null, 2)}\n`);
  const published = JSON.parse(readFileSync(FILE, 'utf8')) as { required: string[]; properties: { kits: { items: { required: string[] } } } };

  it('is exactly what the zod schema generates', () => {
    expect(published).toEqual(JSON.parse(JSON.stringify(generated())));
  });

  it('requires what the reader requires of each kit', () => {
    expect(published.required.toSorted()).toEqual(['kits', 'siarKits']);
    const kit = { id: 'a', updated: '2026-11-30T00:00:00Z', title: 'A', period: { start: '2026-11-30T00:00:00Z' }, link: 'https://a.go.id/', text: 'T' };
    expect(published.properties.kits.items.required.toSorted()).toEqual(Object.keys(kit).toSorted());
    for (const key of Object.keys(kit)) {
      const { [key]: _dropped, ...rest } = kit as Record<string, unknown>;
      expect(parseKitFile(JSON.stringify({ siarKits: 1, kits: [rest] })).kits).toEqual([]);
    }
    expect(parseKitFile(JSON.stringify({ siarKits: 1, kits: [kit] })).kits).toHaveLength(1);
  });
});
