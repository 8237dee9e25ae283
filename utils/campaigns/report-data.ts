import type { KitRow, SiarDatabase } from '../db';
import { disseminationReport, type DisseminationReport } from './report';
import { latestKits } from './store';

// Reads what the dissemination report needs from the database: the posts created in the period, their
// deliveries, and the kits. A kit is shown as the version its first post shared, so a later feed update
// never rewrites a report already handed in.

export interface ReportQuery {
  /** ms since the epoch, `from` inclusive, `to` exclusive. */
  from: number;
  to: number;
  /** Kit keys; undefined: every post in the period (campaigns and ordinary posts). */
  kitKeys?: readonly string[];
}

export async function loadReport(database: SiarDatabase, query: ReportQuery): Promise<{ report: DisseminationReport; kits: KitRow[] }> {
  const [posts, kits] = await Promise.all([database.posts.where('createdAt').between(query.from, query.to, true, false).toArray(), latestKits(database)]);
  const deliveries = await database.deliveries
    .where('postId')
    .anyOf(posts.map((post) => post.id!))
    .toArray();
  const shared = new Map<string, number>();
  for (const post of posts.toSorted((a, b) => a.createdAt - b.createdAt)) {
    if (post.kitId && post.kitUpdatedAt !== undefined && !shared.has(post.kitId)) shared.set(post.kitId, post.kitUpdatedAt);
  }
  const versions = await Promise.all(
    kits.map(async (kit) => {
      const version = shared.get(kit.key);
      if (version === undefined || version === kit.updatedAt) return kit;
      return (await database.kits.get([kit.key, version])) ?? kit;
    }),
  );
  const report = disseminationReport({
    posts: posts as ((typeof posts)[number] & { id: number })[],
    deliveries,
    kits: versions.map((kit) => ({ id: kit.key, title: kit.title, start: kit.start, link: kit.link })),
    from: query.from,
    to: query.to,
    ...(query.kitKeys ? { kitIds: query.kitKeys } : {}),
  });
  return { report, kits };
}
