import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../utils/db';
import { mergeResponse, updateMentions } from '../../../utils/listen/service';
import { protocol } from '../../../utils/messages';
import { mention } from '../../e2e/support/mentions';

// A response status and a note are written separately: the side panel saves a note with a row whose status
// may not have refreshed yet, and a bulk status change covers rows that carry the officer's notes. Neither
// may overwrite the other (the brief: never delete what the officer annotated without asking).

const NOW = Date.UTC(2026, 10, 30, 3);

beforeEach(async () => {
  fakeBrowser.reset();
  await db.mentions.clear();
});

describe('mergeResponse', () => {
  it.each([
    ['a status keeps the note', { status: 'ditinjau', note: 'cek ke dinas' }, { status: 'ditanggapi' }, { status: 'ditanggapi', note: 'cek ke dinas' }],
    ['a note keeps the status', { status: 'perlu-klarifikasi' }, { note: 'hubungi redaksi' }, { status: 'perlu-klarifikasi', note: 'hubungi redaksi' }],
    ['both at once', { status: 'baru' }, { status: 'ditinjau', note: 'x' }, { status: 'ditinjau', note: 'x' }],
    ['an empty note clears it', { status: 'ditinjau', note: 'lama' }, { note: '  ' }, { status: 'ditinjau' }],
    ['a note is trimmed', { status: 'baru' }, { note: '  spasi  ' }, { status: 'baru', note: 'spasi' }],
    ['an empty patch keeps both', { status: 'ditanggapi', note: 'n' }, {}, { status: 'ditanggapi', note: 'n' }],
  ] as const)('%s', (_name, stored, patch, expected) => {
    expect(mergeResponse({ ...stored }, { ...patch }, NOW)).toEqual({ ...expected, at: NOW });
  });
});

describe('updateMentions with a response', () => {
  it("a bulk status change keeps each mention's note", async () => {
    const ids = (await db.mentions.bulkAdd(
      [mention(1, { response: { status: 'baru', note: 'catatan A' } }), mention(2, { response: { status: 'ditinjau' } })],
      {
        allKeys: true,
      },
    )) as number[];
    await updateMentions(ids, { response: { status: 'ditanggapi' } }, NOW);
    expect((await db.mentions.bulkGet(ids)).map((row) => row!.response)).toEqual([
      { status: 'ditanggapi', note: 'catatan A', at: NOW },
      { status: 'ditanggapi', at: NOW },
    ]);
  });

  it('a note saved from a row with a stale status keeps the status set just before', async () => {
    const id = (await db.mentions.add(mention(1, { response: { status: 'baru' } })))!;
    await updateMentions([id], { response: { status: 'perlu-klarifikasi' } }, NOW);
    await updateMentions([id], { response: { note: 'minta data BPBD' } }, NOW + 1);
    expect((await db.mentions.get(id))!.response).toEqual({ status: 'perlu-klarifikasi', note: 'minta data BPBD', at: NOW + 1 });
  });

  it('the protocol takes a note alone and a status alone, and refuses an unknown status', () => {
    const request = protocol.mentionsUpdate.request;
    expect(request.safeParse({ ids: [1], patch: { response: { note: 'n' } } }).success).toBe(true);
    expect(request.safeParse({ ids: [1], patch: { response: { status: 'ditinjau' } } }).success).toBe(true);
    expect(request.safeParse({ ids: [1], patch: { response: { status: 'selesai' } } }).success).toBe(false);
  });
});
