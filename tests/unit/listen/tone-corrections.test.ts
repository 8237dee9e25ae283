import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, type MentionRow } from '../../../utils/db';
import { detectTone } from '../../../utils/monitor/tone';
import { toAdjustment } from '../../../utils/monitor/tone-adjust';
import { SETTINGS, readSetting } from '../../../utils/settings';
import { listenHandlers, updateMentions } from '../../../utils/listen/service';

// The worker's side of a tone correction: the mention keeps the officer's tone (as before) and the
// device's learnt adjustment grows; "forget what Siar learned" drops the adjustment only.

const NOW = Date.UTC(2026, 10, 30);
const TEXT = 'Harga Saham Emiten Ini Naik Tipis Usai Rilis Laporan Keuangan';

function mention(guid: string, title: string): MentionRow {
  return {
    guid,
    url: '',
    canonicalUrl: '',
    title,
    summary: '',
    source: 'rss',
    outlet: 'o',
    publishedAt: NOW,
    fetchedAt: NOW,
    watchIds: [1],
    keywords: [],
    storyKey: guid,
    tone: detectTone(`${title}. `).tone,
    state: 'unread',
    starred: 0,
    response: { status: 'baru' },
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await db.mentions.clear();
});

describe('tone corrections', () => {
  it('a correction is kept on the mention and teaches the device; forgetting keeps the mention as corrected', async () => {
    const id = (await db.mentions.add(mention('a', TEXT)))!;
    const was = (await db.mentions.get(id))!.tone;
    const wanted = was === 'negative' ? 'positive' : 'negative';

    await updateMentions([id], { tone: wanted }, NOW);
    expect(await db.mentions.get(id)).toMatchObject({ tone: wanted, toneCorrected: true });
    const learning = await readSetting(SETTINGS.toneLearning);
    expect(learning.corrections).toBe(1);
    expect(detectTone(`${TEXT}. `, { adjust: toAdjustment(learning) }).tone).toBe(wanted);
    await expect(listenHandlers.toneLearningStatus({}, {})).resolves.toEqual({ corrections: 1 });

    // Choosing the tone the mention already has teaches nothing new.
    await updateMentions([id], { tone: wanted }, NOW);
    expect((await readSetting(SETTINGS.toneLearning)).corrections).toBe(1);

    await expect(listenHandlers.toneForget({}, {})).resolves.toEqual({ ok: true });
    expect(await readSetting(SETTINGS.toneLearning)).toMatchObject({ corrections: 0, weights: {} });
    expect(await db.mentions.get(id)).toMatchObject({ tone: wanted, toneCorrected: true });
  });

  it('a correction of many mentions at once learns each of them', async () => {
    const ids = (await db.mentions.bulkAdd([mention('a', TEXT), mention('b', 'Rupiah Melemah Tajam, IHSG Ambles')], { allKeys: true })) as number[];
    await updateMentions(ids, { tone: 'neutral' }, NOW);
    const rows = await db.mentions.bulkGet(ids);
    const changed = rows.filter((row) => row!.tone === 'neutral').length;
    expect(changed).toBe(2);
    expect((await readSetting(SETTINGS.toneLearning)).corrections).toBe(
      [TEXT, 'Rupiah Melemah Tajam, IHSG Ambles'].filter((t) => detectTone(`${t}. `).tone !== 'neutral').length,
    );
  });
});
