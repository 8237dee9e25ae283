import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { importedServer } from '../../../utils/accounts/forms';
import type { MentionRow } from '../../../utils/db';
import { pruneMentions } from '../../../utils/monitor/ingest';
import { countPrunable, keptByOfficer } from '../../../utils/monitor/retention';
import { parseSettingsFile } from '../../../utils/settings-file/parse';
import { isDestructive, planImport } from '../../../utils/settings-file/transfer';
import { freshDatabase } from '../listen/helpers';
import { validFile } from './samples';

const NOW = Date.UTC(2026, 10, 30, 3);
const DAY = 86_400_000;
const base: Omit<MentionRow, 'guid'> = {
  url: '',
  canonicalUrl: '',
  title: 't',
  summary: '',
  source: 'rss',
  outlet: 'o',
  fetchedAt: NOW,
  watchIds: [1],
  keywords: [],
  storyKey: 't',
  tone: 'neutral',
  state: 'read',
  starred: 0,
  response: { status: 'baru' },
  publishedAt: NOW - 5 * DAY,
};

beforeEach(() => fakeBrowser.reset());

describe("retention keeps the officer's work (issue 13.4)", () => {
  it.each([
    ['untouched', {}, false],
    ['read only', { state: 'read' }, false],
    ['starred', { starred: 1 }, true],
    ['with a note', { response: { status: 'baru', note: 'Dikonfirmasi ke dinas' } }, true],
    ['with a blank note', { response: { status: 'baru', note: '  ' } }, false],
    ['reviewed', { response: { status: 'ditinjau' } }, true],
    ['responded to', { response: { status: 'ditanggapi', at: NOW } }, true],
    ['with a corrected tone', { toneCorrected: true }, true],
  ] as const)('%s → kept: %s', (_label, over, kept) => {
    expect(keptByOfficer({ ...base, ...over } as MentionRow)).toBe(kept);
  });

  it('a one-day retention deletes only untouched mentions, and the preview counts exactly those', async () => {
    const database = await freshDatabase();
    await database.mentions.bulkAdd(
      Array.from({ length: 300 }, (_, i) => ({
        ...base,
        guid: `m${i}`,
        ...(i % 3 === 0 ? { response: { status: 'ditanggapi' as const, note: 'Sudah dijawab' } } : i % 3 === 1 ? { starred: 1 as const } : {}),
      })),
    );
    const retention = { days: 1, maxCount: 100 };
    const counted = await countPrunable(database, retention, NOW);
    expect(counted).toEqual({ old: 100, excess: 0 });
    expect(await pruneMentions(database, retention, NOW)).toBe(100);
    const left = await database.mentions.toArray();
    expect(left).toHaveLength(200);
    expect(left.every(keptByOfficer)).toBe(true);
  });
});

describe('import plan lists losses and hosts (issues 13.4, 13.5)', () => {
  it('counts the mentions a short retention deletes, names every host, and calls it destructive', async () => {
    const database = await freshDatabase();
    await database.mentions.bulkAdd(Array.from({ length: 5 }, (_, i) => ({ ...base, guid: `m${i}` })));
    const file = validFile() as Record<string, Record<string, unknown>>;
    file.preferences!.retention = { days: 1, maxCount: 100 };
    file.accounts = { bluesky: { handle: 'humas.go.id', service: 'https://evil.example' }, mastodon: { instance: 'https://sosial.example.go.id' } };
    const parsed = parseSettingsFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    const planned = await planImport(parsed.file, database, NOW);
    if (!planned.ok) throw new Error('plan failed');
    const { plan } = planned.planned;
    expect(plan.deletes).toEqual({ old: 5, excess: 0, days: 1, maxCount: 100 });
    expect(plan.hosts).toEqual(['evil.example', 'sosial.example.go.id', 'www.antaranews.com']);
    expect(isDestructive(plan)).toBe(true);
  });

  it('a file that keeps the default retention loses nothing', async () => {
    const database = await freshDatabase();
    await database.mentions.bulkAdd(Array.from({ length: 5 }, (_, i) => ({ ...base, guid: `m${i}` })));
    const parsed = parseSettingsFile(JSON.stringify(validFile()));
    if (!parsed.ok) throw new Error('parse failed');
    const planned = await planImport(parsed.file, database, NOW);
    expect(planned.ok && isDestructive(planned.planned.plan)).toBe(false);
  });
});

describe('importedServer (issue 13.5)', () => {
  it.each([
    ['bluesky', { service: 'https://evil.example' }, { service: 'https://evil.example' }, 'evil.example'],
    ['bluesky', { service: 'https://bsky.social' }, { service: 'https://bsky.social' }, undefined],
    ['bluesky', { service: 'https://evil.example' }, { service: 'https://bsky.social' }, undefined],
    ['mastodon', { instance: 'https://sosial.example.go.id' }, { instance: 'https://sosial.example.go.id' }, 'sosial.example.go.id'],
    ['mastodon', undefined, { instance: 'mastodon.social' }, undefined],
    ['telegram', { chatId: '@humas' }, { chatId: '@humas' }, undefined],
  ] as const)('%s %j with %j → %s', (network, draft, values, expected) => {
    expect(importedServer(network, draft, values)).toBe(expected);
  });
});
