import { describe, expect, it } from 'vitest';
import { compileWatches, type MatchItem } from '../../../utils/monitor/matcher';
import { ALIAS_WATCH, LABELLED, type LabelledCase } from '../../fixtures/monitor/labelled';

// Precision and recall of the matcher on the labelled set (tests/fixtures/monitor/labelled.ts).
// Floors from issue 16: recall ≥ 0.95, precision ≥ 0.97.

function item(c: LabelledCase): MatchItem {
  const [title = '', summary = ''] = c.text.split('\n\n');
  return {
    title,
    summary,
    url: c.url ?? 'https://berita.example.id/a/1',
    source: 'rss',
    ...(c.outletUrl ? { outletUrl: c.outletUrl } : {}),
    ...(c.language ? { language: c.language } : {}),
  };
}

function predict(c: LabelledCase): boolean {
  const aliases = c.query in ALIAS_WATCH ? ALIAS_WATCH[c.query as keyof typeof ALIAS_WATCH].map((g) => [...g]) : [];
  const m = compileWatches([{ id: 1, query: c.query, aliases, languages: [] }]);
  expect(m.errors).toEqual([]);
  return m.match(item(c)).length > 0;
}

describe('labelled set', () => {
  const results = LABELLED.map((c) => ({ c, got: predict(c) }));
  const tp = results.filter((r) => r.got && r.c.expected).length;
  const fp = results.filter((r) => r.got && !r.c.expected);
  const fn = results.filter((r) => !r.got && r.c.expected);
  const precision = tp / (tp + fp.length);
  const recall = tp / (tp + fn.length);

  it('has at least 300 cases, with cases that must not match', () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(300);
    expect(LABELLED.filter((c) => !c.expected).length).toBeGreaterThanOrEqual(60);
  });

  it(`reaches recall ≥ 0.95 and precision ≥ 0.97`, () => {
    const show = (r: { c: LabelledCase }) => `${r.c.query} ~ ${JSON.stringify(r.c.text)}`;
    // The figures go in the closing note, so the run prints them.
    console.warn(
      `labelled set: ${LABELLED.length} cases, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        `\n  false hits: ${fp.map(show).join(' | ') || 'none'}\n  misses: ${fn.map(show).join(' | ') || 'none'}`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.97);
  });
});
