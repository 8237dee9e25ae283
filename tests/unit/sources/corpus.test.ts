import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import allowList from './corpus-allowlist.json';
import { compareFile, corpusFiles, FIELDS, referenceReading, type Disagreement, type Field, type RefFeed } from './corpus';

// Every real feed in ../shared/feeds-real (copied from public repositories, see its SOURCES.md) is read by
// parseFeed and by a reference reader; every field that differs must be explained in corpus-allowlist.json,
// where the spec and the reference disagree and the spec wins.

interface AllowEntry {
  file: string;
  field: Field;
  /** Reference item indexes, or "all" for every item of the file (the count uses -1). */
  items: number[] | 'all';
  reason: string;
  spec: string;
}

const entries = allowList as AllowEntry[];

function allowedBy(disagreement: Disagreement): AllowEntry | undefined {
  return entries.find(
    (entry) => entry.file === disagreement.file && entry.field === disagreement.field && (entry.items === 'all' || entry.items.includes(disagreement.item)),
  );
}

let reference: Record<string, RefFeed>;
const files = corpusFiles();

beforeAll(() => {
  reference = referenceReading();
}, 300_000);

describe('real-feed corpus against the reference reader', () => {
  it('has the 156 feeds of SOURCES.md and a reference reading of each', () => {
    expect(files).toHaveLength(156);
    expect(Object.keys(reference).sort()).toEqual(files);
  });

  it('agrees on every item and field, except the allow-listed spec cases', () => {
    const all: Disagreement[] = [];
    let items = 0;
    for (const file of files) {
      const result = compareFile(file, reference[file] as RefFeed);
      items += result.items;
      all.push(...result.disagreements);
    }
    if (process.env.SIAR_CORPUS_DUMP) writeFileSync(process.env.SIAR_CORPUS_DUMP, JSON.stringify(all, null, 1));
    const rows = FIELDS.map((field) => {
      const compared = field === 'count' ? files.length : items;
      const differ = all.filter((entry) => entry.field === field);
      const allowed = differ.filter((entry) => allowedBy(entry)).length;
      const agree = compared - differ.length;
      return `| ${field} | ${compared} | ${agree} | ${allowed} | ${differ.length - allowed} | ${((100 * agree) / compared).toFixed(2)} % |`;
    });
    // The agreement table goes to the test log (warn is the console level the lint rules let tests use).
    console.warn(
      [
        `Corpus: ${files.length} feeds, ${items} reference items`,
        '| field | compared | agree | allow-listed | unexplained | agreement |',
        '|---|---|---|---|---|---|',
        ...rows,
      ].join('\n'),
    );
    const unexplained = all.filter((entry) => !allowedBy(entry));
    const shown = unexplained
      .slice(0, 40)
      .map(
        (entry) =>
          `${entry.file} #${entry.item} ${entry.field}: ours ${JSON.stringify(entry.ours.slice(0, 160))} ≠ reference ${JSON.stringify(entry.reference.slice(0, 160))}`,
      );
    expect({ unexplained: unexplained.length, first: shown }).toEqual({ unexplained: 0, first: [] });
    // An allow-list entry that no longer matches anything is stale: the fault it excused is gone.
    const stale = entries.filter((entry) => !all.some((d) => allowedBy(d) === entry)).map((entry) => `${entry.file} ${entry.field}`);
    expect(stale).toEqual([]);
  }, 300_000);

  it('gives every allow-list entry a reason and a spec section', () => {
    for (const entry of entries) {
      expect(entry.reason.length).toBeGreaterThan(20);
      expect(entry.spec).toMatch(/§|section|RFC|spec/i);
      expect(files).toContain(entry.file);
    }
  });
});
