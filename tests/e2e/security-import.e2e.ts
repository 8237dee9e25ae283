import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionRow } from '../../utils/db';
import { OptionsPage } from './pages/options';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { HOUR, mention, seed, watch } from './support/mentions';
import { readTable } from './support/worker';

// Issues 13.4 and 13.5: a settings file from someone else must not quietly delete the officer's triaged
// mentions, nor point the connect forms at a server that would receive the app password.

let siar: SiarBrowser;
beforeAll(async () => {
  siar = await launchSiar();
});
afterAll(async () => {
  await siar.close();
});

const now = Date.now();
/** 300 mentions two days old: every third answered with a note, every third starred, the rest untouched. */
const MENTIONS: MentionRow[] = Array.from({ length: 300 }, (_, i) =>
  mention(i + 1, {
    publishedAt: now - 48 * HOUR - i * 1000,
    state: 'read',
    ...(i % 3 === 0
      ? { response: { status: 'ditanggapi' as const, note: 'Sudah dijawab di kolom komentar', at: now } }
      : i % 3 === 1
        ? { starred: 1 as const }
        : {}),
  }),
);

describe('settings import safety', () => {
  it("lists what a short retention deletes, asks separately, and never deletes the officer's work", async () => {
    const options = await OptionsPage.openIn(siar, 'options.html');
    await seed(options.page, { mentions: MENTIONS, watches: [watch(1, 'Banjir', '#1f77b4')] });
    const file = JSON.parse(await options.exportSettings());
    file.preferences.retention = { days: 1, maxCount: 100 };
    file.accounts = { ...file.accounts, bluesky: { handle: 'humas.example.go.id', service: 'https://evil.example' } };
    await options.chooseImport('dari-grup-wa.json', JSON.stringify(file));

    const preview = options.byTestId('import-preview');
    await expect.poll(() => preview.textContent()).toContain(message('id', 'importHosts').replace('$HOSTS$', 'evil.example'));
    expect(await options.byTestId('import-losses').textContent()).toContain(message('id', 'importDeletesOld').replace('$COUNT$', '100').replace('$DAYS$', '1'));
    expect(await options.byTestId('import-apply').isDisabled()).toBe(true);
    // The worker refuses it too when the confirmation is missing (a page bug or another caller).
    const refused = await options.page.evaluate((text) => chrome.runtime.sendMessage({ type: 'settingsImportApply', payload: { text } }), JSON.stringify(file));
    expect(refused).toMatchObject({ ok: true, data: { ok: false, problem: { kind: 'unconfirmed-loss' } } });

    await options.byTestId('import-confirm-loss').check();
    await options.byTestId('import-apply').click();
    await expect.poll(() => options.byTestId('transfer-notice').textContent()).toBe(message('id', 'importApplied'));

    // The next tick applies the new retention: only untouched mentions go.
    await siar.worker.evaluate(() => (self as unknown as { siarListen: { tick(): Promise<unknown> } }).siarListen.tick());
    const left = await readTable<MentionRow>(siar.worker, 'mentions');
    expect(left).toHaveLength(200);
    expect(left.every((m) => m.starred === 1 || m.response.status === 'ditanggapi')).toBe(true);

    // The imported Bluesky server is shown with a warning, and Connect waits for the officer's word.
    await options.page.reload();
    await options.ready();
    await expect.poll(() => options.byTestId('account-bluesky-service').inputValue()).toBe('https://evil.example');
    expect(await options.byTestId('account-bluesky-server-warning').textContent()).toContain('evil.example');
    expect(await options.byTestId('account-bluesky-connect').isDisabled()).toBe(true);
    await options.byTestId('account-bluesky-server-confirm').click();
    expect(await options.byTestId('account-bluesky-connect').isDisabled()).toBe(false);
    await options.page.close();
    expect(siar.errors).toEqual([]);
  });
});
