import { describe, expect, it } from 'vitest';
import type { DeliveryRow } from '../../../utils/db';
import { chatSummary, disseminationReport, formatDelay } from '../../../utils/campaigns/report';
import type { NetworkId } from '../../../utils/networks/ids';

const H = 3_600_000;
const T0 = Date.parse('2026-08-10T00:00:00Z');
const kits = [
  { id: 'hut81', title: 'HUT RI ke-81', start: T0, link: 'https://komdigi.go.id/hut81' },
  { id: 'gpm', title: 'Pangan Murah', start: T0 + 24 * H, link: 'https://jatimprov.go.id/gpm' },
];
const post = (id: number, createdAt: number, kitId?: string) => ({
  id,
  text: 't',
  variants: {},
  pageUrl: 'https://x.go.id',
  pageTitle: 'p',
  createdBy: 'Humas',
  createdAt,
  ...(kitId ? { kitId } : {}),
});
let nextId = 1;
const delivery = (postId: number, network: NetworkId, state: DeliveryRow['state'], updatedAt: number, remoteUrl?: string): DeliveryRow => ({
  id: nextId++,
  postId,
  network,
  state,
  attempts: 1,
  nextAttemptAt: 0,
  idempotencyKey: `k${nextId}`,
  updatedAt,
  ...(remoteUrl ? { remoteUrl } : {}),
});
const posts = [post(1, T0 + 2 * H, 'hut81'), post(2, T0 + 30 * H, 'hut81'), post(3, T0 + 3 * H), post(4, T0 - 48 * H, 'hut81')];
const deliveries = [
  delivery(1, 'x', 'sent', T0 + 2 * H + 5 * 60_000, 'https://x.com/humas/status/1'),
  delivery(1, 'mastodon', 'sent', T0 + 2 * H + 60_000, 'https://sosial.go.id/@humas/1'),
  delivery(1, 'telegram', 'failed', T0 + 2 * H),
  delivery(2, 'telegram', 'sent', T0 + 31 * H, 'https://t.me/humas/9'),
  delivery(3, 'bluesky', 'sent', T0 + 3 * H, 'https://bsky.app/profile/humas/post/1'),
  delivery(4, 'x', 'sent', T0 - 47 * H, 'https://x.com/humas/status/0'),
];
const period = { from: T0, to: T0 + 72 * H };

describe('the dissemination report', () => {
  it('lists each campaign per network with times, links and the delay to the first share', () => {
    const report = disseminationReport({ posts, deliveries, kits, ...period, kitIds: ['hut81', 'gpm'] });
    const [hut, gpm] = report.groups;
    expect(hut!.kit!.id).toBe('hut81');
    expect(hut!.rows.map((row) => [row.network, row.state, row.url])).toEqual([
      ['mastodon', 'sent', 'https://sosial.go.id/@humas/1'],
      ['x', 'sent', 'https://x.com/humas/status/1'],
      ['telegram', 'sent', 'https://t.me/humas/9'],
      ['telegram', 'failed', undefined],
    ]);
    expect(hut!.networksSent.toSorted()).toEqual(['mastodon', 'telegram', 'x']);
    expect(hut!.firstShareAt).toBe(T0 + 2 * H + 60_000);
    expect(hut!.delayMs).toBe(2 * H + 60_000);
    // A campaign with no post yet is listed, not left out: the coordinator sees it was not shared.
    expect(gpm).toMatchObject({ kit: { id: 'gpm' }, rows: [], networksSent: [] });
    expect(gpm!.delayMs).toBeUndefined();
    expect(report.totals).toEqual({ posts: 2, deliveries: 4, sent: 3, failed: 1, waiting: 0, medianDelayMs: 2 * H + 60_000 });
  });

  it('counts a post by its creation time inside the period only', () => {
    const report = disseminationReport({ posts, deliveries, kits, ...period, kitIds: ['hut81'] });
    expect(report.groups[0]!.rows.some((row) => row.postId === 4)).toBe(false);
  });

  it('over every post (no campaign chosen) adds the ordinary posts as their own group: the monthly activity report', () => {
    const report = disseminationReport({ posts, deliveries, kits, ...period });
    expect(report.groups.map((group) => group.kit?.id)).toEqual(['hut81', undefined]);
    expect(report.groups[1]!.rows.map((row) => row.url)).toEqual(['https://bsky.app/profile/humas/post/1']);
    expect(report.totals.posts).toBe(3);
  });

  it('writes the chat summary the coordinator asked for', () => {
    const report = disseminationReport({ posts, deliveries, kits, ...period, kitIds: ['hut81', 'gpm'] });
    const name = (id: NetworkId) => (({ x: 'X', mastodon: 'Mastodon', telegram: 'Telegram' }) as Record<string, string>)[id] ?? id;
    expect(chatSummary(report, 'id', name)).toBe(
      [
        'Kampanye HUT RI ke-81: 3/3 kanal (dibagikan 2 jam 1 menit setelah terbit)',
        '- Mastodon: https://sosial.go.id/@humas/1',
        '- X: https://x.com/humas/status/1',
        '- Telegram: https://t.me/humas/9',
        '',
        'Kampanye Pangan Murah: belum dibagikan',
      ].join('\n'),
    );
    expect(chatSummary(report, 'en', name).split('\n')[0]).toBe('Campaign HUT RI ke-81: 3/3 channels (shared 2 h 1 min after publication)');
  });

  it.each([
    [30_000, '< 1 menit', '< 1 min'],
    [5 * 60_000, '5 menit', '5 min'],
    [26 * H + 60_000, '1 hari 2 jam 1 menit', '1 d 2 h 1 min'],
    [48 * H, '2 hari', '2 d'],
  ])('a delay of %i ms reads %j / %j', (ms, id, en) => {
    expect(formatDelay(ms, 'id')).toBe(id);
    expect(formatDelay(ms, 'en')).toBe(en);
  });
});
