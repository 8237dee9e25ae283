import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { derivedSources } from '../../../utils/listen/watches';
import { NETWORKS } from '../../../utils/networks/registry';
import { SEARCH_KINDS, SOURCE_CATALOG, SOURCE_KINDS } from '../../../utils/sources/kinds';
import { SOURCES } from '../../../utils/sources/registry';
import { startFakeServer, type FakeServer } from '../../fakes/https-server';
import { SOURCE_FAKES } from '../../fakes/sources';
import { routeFetch, type RoutedFetch } from '../../support/route-fetch';

// The structure test of issue 21: every source kind recorded in utils/sources/kinds.ts has its whole
// contract, the way `Record<SourceKind, …>` tables fail compilation today. A kind added to the catalog
// without an adapter, a config schema that checks something, a label in both catalogues, origins, a
// fake under tests/fakes that its adapter can actually poll, or (for search kinds) a search config
// its own schema accepts, fails here.

const locale = (lang: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, unknown>;
const catalogues = { id: locale('id'), en: locale('en') };

describe.each(SOURCE_KINDS)('source kind %s', (kind) => {
  const adapter = SOURCES[kind];
  const info = SOURCE_CATALOG[kind];
  const fake = SOURCE_FAKES[kind];

  it('has an adapter registered under its own kind, with a config schema that refuses an empty config', () => {
    expect(adapter?.kind).toBe(kind);
    expect(adapter.configSchema.safeParse({}).success).toBe(false);
    expect(adapter.configSchema.safeParse(fake.config).success).toBe(true);
  });

  it('has a label in both UI catalogues and names the hosts its sources call', () => {
    expect(catalogues.id[info.label]).toBeDefined();
    expect(catalogues.en[info.label]).toBeDefined();
    const origins = info.origins(fake.config);
    expect(origins.length).toBeGreaterThan(0);
    for (const origin of origins) expect(origin).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });

  it('is offered to watches exactly when its adapter can build a search config from a query', () => {
    expect((SEARCH_KINDS as readonly string[]).includes(kind)).toBe(info.search);
    expect(typeof adapter.searchConfigs === 'function').toBe(info.search);
    if (!info.search) return;
    const rows = derivedSources({ query: 'banjir rob', sources: [kind] });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(adapter.configSchema.safeParse(row.config).success).toBe(true);
  });

  describe('polled through its fake', () => {
    let server: FakeServer;
    let routed: RoutedFetch;
    beforeEach(async () => {
      server = await startFakeServer([fake.create()], { tls: false });
      routed = routeFetch(server.port);
    });
    afterEach(async () => {
      routed.restore();
      await server.close();
    });

    it('returns items, calling only the hosts its origins name', async () => {
      const credentials =
        fake.accounts &&
        adapter.credentials?.(fake.config, {
          accounts: fake.accounts,
          blueskyGet: (account, nsid, params, signal) => NETWORKS.bluesky.get(account, nsid, params, signal),
        });
      const result = await adapter.fetch(fake.config, {}, AbortSignal.timeout(10_000), { now: Date.now(), credentials });
      expect(result.items.length).toBeGreaterThan(0);
      const allowed = info.origins(fake.config).map((origin) => origin.slice(0, -2));
      expect(routed.calls.length).toBeGreaterThan(0);
      for (const call of routed.calls) {
        expect(allowed.some((origin) => call.startsWith(origin))).toBe(true);
      }
    });
  });
});

describe('the source catalog', () => {
  it('lists every search kind once, and only kinds that exist', () => {
    expect(new Set(SEARCH_KINDS).size).toBe(SEARCH_KINDS.length);
    expect([...SEARCH_KINDS].sort()).toEqual(SOURCE_KINDS.filter((kind) => SOURCE_CATALOG[kind].search).sort());
  });
});
