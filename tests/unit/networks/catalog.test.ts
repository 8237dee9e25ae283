import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENT_NAMES } from '../../../utils/networks/intents';
import { RULES } from '../../../utils/networks/rules';
import { ACCOUNT_SCHEMAS } from '../../../utils/networks/accounts';
import { NETWORK_CATALOG, NETWORK_IDS, networkMeta, type NetworkId } from '../../../utils/networks/catalog';
import { connectForms, type ConnectForm } from '../../../utils/networks/connect-forms';
import { createNetworks } from '../../../utils/networks/registry';
import { parseSettingsFile } from '../../../utils/settings-file/parse';
import { fileAccountsSchema } from '../../../utils/settings-file/schema';
import { validFile } from '../settings-file/samples';

// The structure test of issue 21: a network is one catalog entry plus its adapter, counting rule, account
// schema, fake and tests. Tables keyed by NetworkId fail compilation when one is missing (registry,
// RULES, ACCOUNT_SCHEMAS); this test catches what the types cannot see (files, keys inside strings).

const ROOT = resolve(import.meta.dirname, '../../..');
const messages = (lang: string) => JSON.parse(readFileSync(resolve(ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, unknown>;

/** The field names an account schema accepts (for X, across its ways of connecting). */
function accountFields(id: NetworkId): Set<string> {
  type Def = { shape?: Record<string, unknown>; options?: { _zod: { def: Def } }[] };
  const def = (ACCOUNT_SCHEMAS[id] as unknown as { _zod: { def: Def } })._zod.def;
  const shapes = def.options ? def.options.map((option) => option._zod.def.shape ?? {}) : [def.shape ?? {}];
  return new Set(shapes.flatMap((shape) => Object.keys(shape)));
}

describe('network catalog', () => {
  it('lists the same networks as the adapter registry, the account schemas and the settings file', () => {
    const adapters = createNetworks();
    expect(Object.keys(adapters).sort()).toEqual([...NETWORK_IDS].sort());
    for (const id of NETWORK_IDS) expect(adapters[id].id).toBe(id);
    expect(Object.keys(ACCOUNT_SCHEMAS).sort()).toEqual([...NETWORK_IDS].sort());
    expect(Object.keys(fileAccountsSchema.shape).sort()).toEqual([...NETWORK_IDS].sort());
  });

  it.each(NETWORK_IDS)('%s has a counting rule, a fake, adapter tests and a share-link decision', (id) => {
    const meta = networkMeta(id);
    expect(RULES[meta.rule as keyof typeof RULES], `rule ${meta.rule}`).toBeDefined();
    expect(existsSync(resolve(ROOT, `tests/fakes/${id}.ts`)), `tests/fakes/${id}.ts`).toBe(true);
    expect(existsSync(resolve(ROOT, `tests/unit/networks/${id}.test.ts`)), `tests/unit/networks/${id}.test.ts`).toBe(true);
    // A share link, or a sentence saying why there is none.
    const decision = 'build' in meta.share ? 'link' : meta.share.none.length > 10 ? 'none, explained' : 'missing';
    expect([decision, INTENT_NAMES.includes(id as never)]).toEqual('build' in meta.share ? ['link', true] : ['none, explained', false]);
  });

  it.each(NETWORK_IDS)('%s names only fields its account schema has', (id) => {
    const meta = networkMeta(id);
    const fields = accountFields(id);
    const forms: ConnectForm[] = Object.values(connectForms(id));
    const named = [...meta.publicFields, ...forms.flatMap((form) => form.fields.map((spec) => spec.key)), ...(meta.server ? [meta.server.field] : [])];
    expect(named.filter((key) => !fields.has(key))).toEqual([]);
  });

  it.each(NETWORK_IDS)('%s has its name, help, labels and share label in both locale catalogues', (id) => {
    const meta = networkMeta(id);
    const forms: ConnectForm[] = Object.values(connectForms(id));
    const keys = [
      meta.name,
      meta.help,
      ...('label' in meta.share ? [meta.share.label] : []),
      ...forms.flatMap((form) => form.fields.flatMap((spec) => [spec.label, ...(spec.hint ? [spec.hint] : [])])),
    ];
    expect(['id', 'en'].map((lang) => [lang, keys.filter((key) => !(key in messages(lang)))])).toEqual([
      ['id', []],
      ['en', []],
    ]);
  });

  it.each(NETWORK_IDS)('%s asks only for https origins of its own', (id) => {
    for (const origin of NETWORK_CATALOG[id].origins) expect(origin).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\/[a-z0-9/-]*\*$/);
  });
});

describe('settings file accounts, built from the account schemas', () => {
  const withAccounts = (accounts: object) => JSON.stringify({ ...validFile(), includesSecrets: true, accounts });

  it('refuses a token the account schema would refuse, naming the field, instead of dropping it', () => {
    expect(parseSettingsFile(withAccounts({ telegram: { chatId: '@humasprov', botToken: 'a'.repeat(201) } }))).toEqual({
      ok: false,
      problem: { kind: 'too-long', path: 'accounts.telegram.botToken', expected: '200' },
    });
  });

  it('refuses the never-exported Bluesky session', () => {
    const session = { did: 'did:plc:abc', accessJwt: 'a', refreshJwt: 'b' };
    expect(parseSettingsFile(withAccounts({ bluesky: { handle: 'humas.go.id', session } }))).toMatchObject({
      ok: false,
      problem: { kind: 'unknown-key', path: 'accounts.bluesky.session' },
    });
  });

  it('leaves a default the file left out unfilled, and names every network for an unknown one', () => {
    const parsed = parseSettingsFile(withAccounts({ mastodon: { instance: 'https://mastodon.go.id' } }));
    expect(parsed.ok && parsed.file.accounts.mastodon).toEqual({ instance: 'https://mastodon.go.id' });
    expect(parseSettingsFile(withAccounts({ myspace: {} }))).toMatchObject({ ok: false, problem: { kind: 'unknown-key', path: 'accounts.myspace' } });
  });

  it('takes X in either way of connecting, keyed by auth', () => {
    expect(parseSettingsFile(withAccounts({ x: { auth: 'oauth2', clientId: 'abc' } })).ok).toBe(true);
    expect(parseSettingsFile(withAccounts({ x: { auth: 'oauth1', appKey: 'k', appSecret: 's' } })).ok).toBe(true);
    expect(parseSettingsFile(withAccounts({ x: { auth: 'basic' } }))).toMatchObject({ ok: false, problem: { kind: 'value', path: 'accounts.x.auth' } });
  });
});
