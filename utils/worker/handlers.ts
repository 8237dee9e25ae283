import { browser } from '#imports';
import { accountHandlers } from '../accounts/service';
import { settingsFileHandlers } from '../settings-file/service';
import { ContentError } from '../errors';
import { db } from '../db';
import type { Handlers } from '../messages';
import { createPost } from '../queue/posts';
import { retryDelivery } from '../queue/retry';
import { cancelScheduled, listScheduled, reschedulePost } from '../queue/scheduled';
import { SETTINGS, checkAllSettings, writeSetting } from '../settings';
import { auditExport, auditList } from './audit-service';
import { capturePage, composerAccounts, composerContext, postStatus } from './composer-service';
import { listenHandlers } from './listen-handlers';
import { panelHandlers } from './panel-service';
import { pumpQueue, queueDeps } from './queue-service';

/** The worker's answer to every message of utils/messages.ts. */
export const handlers: Handlers = {
  ...accountHandlers,
  ...settingsFileHandlers,
  ...panelHandlers,
  ping: async () => ({ version: browser.runtime.getManifest().version }),
  settingsStatus: async () => ({ warnings: await checkAllSettings() }),
  dismissSettingsWarnings: async () => {
    await writeSetting(SETTINGS.settingsWarnings, []);
    return { ok: true as const };
  },
  publish: async (request) => {
    if (!request.text.trim() && Object.values(request.variants).every((v) => !v?.trim())) {
      throw new ContentError('empty', 'empty text');
    }
    const created = await createPost(db, request, await queueDeps.actor());
    void pumpQueue();
    return created;
  },
  retryDelivery: async ({ deliveryId }) => {
    const ok = await retryDelivery(db, deliveryId, await queueDeps.actor());
    if (ok) void pumpQueue();
    return { ok };
  },
  composerStart: async ({ tabId }) => {
    // The accounts are read while the page is captured: the officer waits for this answer.
    const accounts = composerAccounts();
    const page = await capturePage(tabId);
    return { page, context: await composerContext(page.url, accounts) };
  },
  postStatus: async ({ postId }) => ({ deliveries: await postStatus(postId) }),
  ...listenHandlers,
  auditList: ({ offset, limit }) => auditList(offset, limit),
  auditExport: () => auditExport(),
  scheduledList: async () => ({ posts: await listScheduled(db) }),
  scheduledMove: async ({ postId, at }) => {
    const ok = await reschedulePost(db, postId, at, await queueDeps.actor());
    // The due alarm is armed for the earliest pending time; pumping re-arms it for the new one.
    if (ok) void pumpQueue();
    return { ok };
  },
  scheduledCancel: async ({ postId }) => ({ ok: await cancelScheduled(db, postId, await queueDeps.actor()) }),
};
