import { describe, expect, it } from 'vitest';
import { compileWatches } from '../../../utils/monitor/matcher';
import { planQuery } from '../../../utils/sidepanel/filters';
import { searchTest } from '../../../utils/sidepanel/search';

// The side panel's search matches as a watch does (issue 16, cause 9): what a watch query finds, the
// same words typed in the search box find among the stored mentions.

const row = (title: string, summary = '') => ({ title, summary, url: 'https://berita.example.id/1', source: 'rss' });
const finds = (text: string, title: string, summary = '') => searchTest(text, planQuery({ state: 'all', text }).terms)(row(title, summary));

describe('side-panel search', () => {
  it.each([
    ['medsos', 'Ramai di Media Sosial, Video Pungli Diusut', true],
    ['medsos', 'Kampanye #MediaSosialSehat', true],
    ['jatim', 'Pemerintah Provinsi Jawa Timur Siapkan Beasiswa', true],
    ['korupsi', 'Dana Desa Diduga Dikorupsi Kades', true],
    ['PAJAK', 'Pemilik kafe mengeluh pajaknya', true],
    ['seko', 'Sekolah Rusak Diterjang Banjir', false],
    ['dpr', 'Dewan Perwakilan Rakyat Daerah Gelar Paripurna', false],
    ['banjir ATAU longsor', 'Longsor Tutup Jalan', true],
    ['banjir -hoaks', 'Hoaks Banjir Susulan', false],
    ['"jalan rusak"~2', 'Jalan yang Rusak Parah', true],
    // an open quote while typing: its words are searched
    ['"jalan rusak', 'Jalan Rusak di Pantura', true],
    ['cafe pemilik', 'Kafe di Jakarta', false],
    ['=banjir', 'Ratusan Rumah Kebanjiran', false],
  ])('%j finds %j: %s', (text, title, expected) => {
    expect(finds(text, title)).toBe(expected);
  });

  it('agrees with a watch of the same query on every row', () => {
    const titles = [
      'Viral di Sosmed, Jalan Rusak Diperbaiki',
      'Bantuan Sosial Tahap II Cair',
      'Bansos Beras Tiba',
      'Kemenpan-RB Evaluasi Daerah',
      'Reformasi Birokrasi Daerah',
    ];
    for (const query of ['medsos', 'bansos', 'kemenpanrb', '#ReformasiBirokrasi']) {
      const watch = compileWatches([{ id: 1, query, aliases: [], languages: [] }]);
      for (const title of titles) {
        expect([query, title, finds(query, title)]).toEqual([query, title, watch.match({ ...row(title), summary: '' }).length > 0]);
      }
    }
  });
});
