import { db } from '../db';
import type { Handlers } from '../messages';
import type { campaignProtocol } from './protocol';
import { kitPhase } from './kit';
import { newCampaignSource, pollCampaignSource } from './poll';
import { kitShares, latestKits, markKitsSeen, storeKits } from './store';
import { SETTINGS, readSetting, updateSetting, type CampaignSource } from '../settings';

// The worker's side of campaigns (issue 19): the one-minute tick reads due campaign sources, new kits
// light the badge, and the popup and options page ask for kits and sources through messages. The badge
// and the error log belong to the worker, which hands them in through setCampaignHooks at start-up.

export interface CampaignHooks {
  /** New or seen kits change what the toolbar badge counts. */
  kitsChanged(): Promise<void>;
  /** A failure that must not fail the read itself (the kits are stored). */
  recordError(error: unknown): Promise<void> | void;
}

const hooks: CampaignHooks = { kitsChanged: async () => undefined, recordError: () => undefined };

/** Called once by the worker at start-up. */
export function setCampaignHooks(given: CampaignHooks): void {
  Object.assign(hooks, given);
}

/** Under the 30 s an MV3 worker may spend on one event (as for listening sources). */
const CAMPAIGN_DEADLINE_MS = 24_000;

/** Writes one source's poll result, unless the officer removed the source meanwhile. */
async function keep(source: CampaignSource) {
  await updateSetting(SETTINGS.campaignSources, (all) => all.map((known) => (known.id === source.id && known.url === source.url ? source : known)));
}

async function pollOne(source: CampaignSource): Promise<{ source: CampaignSource; fresh: number }> {
  const now = Date.now();
  const result = await pollCampaignSource(source, AbortSignal.timeout(CAMPAIGN_DEADLINE_MS), now);
  // Kits first, then the validators: a 304 must never hide kits that were not stored.
  const fresh = result.kits ? await storeKits(db, source.id, result.kits, now) : 0;
  await keep(result.source);
  return { source: result.source, fresh };
}

let running: Promise<number> | undefined;

/** Reads every due campaign source (or the given ones, due or not). Returns how many kits were new. */
export function campaignTick(only?: string[]): Promise<number> {
  const run = async () => {
    const now = Date.now();
    const sources = (await readSetting(SETTINGS.campaignSources)).filter((s) => (only ? only.includes(s.id) : s.nextDueAt <= now));
    let fresh = 0;
    for (const source of sources) fresh += (await pollOne(source)).fresh;
    // The kits are stored: a badge that cannot be drawn is recorded, not a failed read.
    if (fresh > 0) await hooks.kitsChanged().catch((error: unknown) => hooks.recordError(error));
    return fresh;
  };
  // Overlapping ticks share one run; an explicit read waits for it, then runs.
  if (!only) {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  }
  return (running ?? Promise.resolve(0)).then(run);
}

export const campaignHandlers: Pick<Handlers, keyof typeof campaignProtocol> = {
  campaignSourceList: async () => ({ sources: await readSetting(SETTINGS.campaignSources) }),
  campaignSourceSave: async ({ url, name }) => {
    const parsed = (() => {
      try {
        const address = new URL(url.trim());
        return /^https?:$/.test(address.protocol) && !address.username && !address.password ? address : undefined;
      } catch {
        return undefined;
      }
    })();
    if (!parsed) return { ok: false as const, messageKey: 'sourceInvalidUrl' };
    const all = await readSetting(SETTINGS.campaignSources);
    const existing = all.find((source) => source.url === parsed.href);
    if (existing) return { ok: true as const, source: existing };
    if (all.length >= 50) return { ok: false as const, messageKey: 'campaignTooManySources' };
    const created = newCampaignSource(crypto.randomUUID(), parsed.href, name?.trim() || parsed.hostname, Date.now());
    await updateSetting(SETTINGS.campaignSources, (current) => [...current, created]);
    await campaignTick([created.id]);
    const stored = (await readSetting(SETTINGS.campaignSources)).find((source) => source.id === created.id) ?? created;
    return { ok: true as const, source: stored };
  },
  campaignSourceDelete: async ({ id }) => {
    await updateSetting(SETTINGS.campaignSources, (all) => all.filter((source) => source.id !== id));
    return { ok: true as const };
  },
  campaignSourceRetry: async ({ id }) => {
    await campaignTick([id]);
    const source = (await readSetting(SETTINGS.campaignSources)).find((known) => known.id === id);
    return source ? { source } : {};
  },
  campaignKits: async () => {
    const now = Date.now();
    const kits = await latestKits(db);
    const shares = await kitShares(
      db,
      kits.map((kit) => kit.key),
    );
    return { now, kits: kits.map((kit) => ({ ...kit, phase: kitPhase(kit, now), shares: shares[kit.key] ?? [] })) };
  },
  campaignKitsSeen: async () => {
    if ((await markKitsSeen(db)) > 0) await hooks.kitsChanged();
    return { ok: true as const };
  },
};
