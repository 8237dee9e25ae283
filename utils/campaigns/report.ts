import type { DeliveryRow, DeliveryState, PostRow } from '../db';
import type { NetworkId } from '../networks/ids';
import type { Kit } from './kit';

// The dissemination report ("Laporan Diseminasi", issue 19.4–5): where each campaign kit — or, without a
// campaign, each ordinary post — went, when, with the post links as proof, and how long after the kit's
// publication the first share went out ("the event happens today, the news is uploaded tomorrow").

/** One delivery in the report. `at`: when it was sent (ms), only for `sent`. */
export interface ReportRow {
  kitId?: string;
  postId: number;
  network: NetworkId;
  state: DeliveryState;
  at?: number;
  url?: string;
}

/** One kit (or the group of posts with no kit, `kit` undefined) and its deliveries. */
export interface ReportGroup {
  kit?: Pick<Kit, 'id' | 'title' | 'start' | 'link'>;
  rows: ReportRow[];
  /** Networks with at least one sent delivery / with any delivery. */
  networksSent: NetworkId[];
  networksTried: NetworkId[];
  /** The first sent delivery's time, and its delay after the kit's publication (`kit.start`), in ms. */
  firstShareAt?: number;
  delayMs?: number;
}

export interface DisseminationReport {
  from: number;
  to: number;
  groups: ReportGroup[];
  totals: { posts: number; deliveries: number; sent: number; failed: number; waiting: number; medianDelayMs?: number };
}

export interface ReportInput {
  posts: readonly (PostRow & { id: number; kitId?: string })[];
  deliveries: readonly DeliveryRow[];
  kits: readonly Pick<Kit, 'id' | 'title' | 'start' | 'link'>[];
  /** The period, ms since the epoch, `from` inclusive, `to` exclusive; a post counts by its creation time. */
  from: number;
  to: number;
  /** Only these campaigns; undefined: every post in the period (kits and ordinary posts). */
  kitIds?: readonly string[];
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * Builds the report. A delivery's sent time is its `updatedAt` once `sent` (a sent delivery never changes
 * again). Groups: one per selected kit (in kit start order, kits with no post in the period included, so a
 * campaign not yet shared shows as such), then the ordinary posts when `kitIds` is undefined.
 */
export function disseminationReport(input: ReportInput): DisseminationReport {
  const wanted = input.kitIds ? new Set(input.kitIds) : undefined;
  const posts = input.posts.filter(
    (post) => post.createdAt >= input.from && post.createdAt < input.to && (!wanted || (post.kitId !== undefined && wanted.has(post.kitId))),
  );
  const postIds = new Set(posts.map((post) => post.id));
  const kitOfPost = new Map(posts.map((post) => [post.id, post.kitId]));
  const rows: ReportRow[] = input.deliveries
    .filter((delivery) => postIds.has(delivery.postId))
    .map((delivery) => ({
      ...(kitOfPost.get(delivery.postId) ? { kitId: kitOfPost.get(delivery.postId) } : {}),
      postId: delivery.postId,
      network: delivery.network,
      state: delivery.state,
      ...(delivery.state === 'sent' ? { at: delivery.updatedAt } : {}),
      ...(delivery.state === 'sent' && delivery.remoteUrl ? { url: delivery.remoteUrl } : {}),
    }))
    .sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || a.postId - b.postId || a.network.localeCompare(b.network));

  const group = (kit: ReportGroup['kit'], own: ReportRow[]): ReportGroup => {
    const sent = own.filter((row) => row.state === 'sent');
    const firstShareAt = sent.length ? Math.min(...sent.map((row) => row.at!)) : undefined;
    return {
      ...(kit ? { kit } : {}),
      rows: own,
      networksSent: [...new Set(sent.map((row) => row.network))],
      networksTried: [...new Set(own.map((row) => row.network))],
      ...(firstShareAt !== undefined ? { firstShareAt } : {}),
      ...(firstShareAt !== undefined && kit ? { delayMs: Math.max(0, firstShareAt - kit.start) } : {}),
    };
  };
  const kits = input.kits.filter((kit) => (wanted ? wanted.has(kit.id) : rows.some((row) => row.kitId === kit.id))).toSorted((a, b) => a.start - b.start);
  const known = new Set(kits.map((kit) => kit.id));
  const groups = kits.map((kit) =>
    group(
      kit,
      rows.filter((row) => row.kitId === kit.id),
    ),
  );
  const loose = rows.filter((row) => !row.kitId || !known.has(row.kitId));
  if (!wanted && loose.length) groups.push(group(undefined, loose));

  const delays = groups.flatMap((g) => (g.delayMs !== undefined ? [g.delayMs] : []));
  const medianDelayMs = median(delays);
  return {
    from: input.from,
    to: input.to,
    groups,
    totals: {
      posts: posts.length,
      deliveries: rows.length,
      sent: rows.filter((row) => row.state === 'sent').length,
      failed: rows.filter((row) => row.state === 'failed' || row.state === 'needs-auth').length,
      waiting: rows.filter((row) => row.state === 'pending' || row.state === 'sending').length,
      ...(medianDelayMs !== undefined ? { medianDelayMs } : {}),
    },
  };
}

/** "2 jam 5 menit" / "2 h 5 min"; under a minute "< 1 menit". */
export function formatDelay(ms: number, lang: 'id' | 'en'): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return lang === 'id' ? '< 1 menit' : '< 1 min';
  const days = Math.floor(minutes / 1440),
    hours = Math.floor((minutes % 1440) / 60),
    rest = minutes % 60;
  const unit = lang === 'id' ? { d: 'hari', h: 'jam', m: 'menit' } : { d: 'd', h: 'h', m: 'min' };
  return [days && `${days} ${unit.d}`, hours && `${hours} ${unit.h}`, rest && `${rest} ${unit.m}`].filter(Boolean).join(' ');
}

/**
 * The short text an officer pastes into the coordinator's chat, one paragraph per campaign:
 * "Kampanye HUT RI ke-81: 3/3 kanal (dibagikan 2 jam 5 menit setelah terbit)\n- X: https://…".
 * Only sent deliveries' links are listed; ordinary posts are summarised as "Unggahan lain".
 * `networkName`: the display name of a network in the UI language (utils/networks/names.ts).
 */
export function chatSummary(report: DisseminationReport, lang: 'id' | 'en', networkName: (id: NetworkId) => string): string {
  const words =
    lang === 'id'
      ? { campaign: 'Kampanye', other: 'Unggahan lain', channels: 'kanal', after: 'dibagikan', since: 'setelah terbit', none: 'belum dibagikan' }
      : { campaign: 'Campaign', other: 'Other posts', channels: 'channels', after: 'shared', since: 'after publication', none: 'not shared yet' };
  return report.groups
    .map((group) => {
      const head = group.kit ? `${words.campaign} ${group.kit.title}` : words.other;
      const count = `${group.networksSent.length}/${Math.max(group.networksTried.length, group.networksSent.length)} ${words.channels}`;
      const delay = group.delayMs !== undefined ? ` (${words.after} ${formatDelay(group.delayMs, lang)} ${words.since})` : '';
      const links = group.rows.filter((row) => row.url).map((row) => `- ${networkName(row.network)}: ${row.url}`);
      return [`${head}: ${group.networksSent.length ? count + delay : words.none}`, ...links].join('\n');
    })
    .join('\n\n');
}
