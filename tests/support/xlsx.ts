import { strFromU8, unzipSync } from 'fflate';

// Reads an XLSX workbook's first sheet back from its parts as ECMA-376 Part 1 defines them: §18.3 the
// worksheet's <c r="B2" t="…"> cells (t="s": an index into §18.4 xl/sharedStrings.xml, t="inlineStr":
// its own <is><t>, otherwise a <v> value), <f> a formula.

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export interface XlsxCell {
  ref: string;
  type?: string;
  value: string;
  formula?: string;
}

export function readXlsx(bytes: Uint8Array): { cells: XlsxCell[]; sheetName?: string; at(ref: string): string | undefined; rows(): string[][] } {
  const files = unzipSync(bytes);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
  const shared = files['xl/sharedStrings.xml']
    ? [...strFromU8(files['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
        [...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''),
      )
    : [];
  const cells = [...sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((m) => {
    const type = /t="(\w+)"/.exec(m[2]!)?.[1];
    const body = m[3] ?? '';
    const raw =
      type === 's'
        ? shared[Number(/<v>(\d+)<\/v>/.exec(body)?.[1])]
        : type === 'inlineStr'
          ? /<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1]
          : /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const formula = /<f>([\s\S]*?)<\/f>/.exec(body)?.[1];
    return { ref: m[1]!, ...(type ? { type } : {}), value: unescapeXml(raw ?? ''), ...(formula !== undefined ? { formula } : {}) };
  });
  const sheetName = /<sheet [^>]*name="([^"]*)"/.exec(strFromU8(files['xl/workbook.xml']!))?.[1];
  return {
    cells,
    ...(sheetName ? { sheetName: unescapeXml(sheetName) } : {}),
    at: (ref) => cells.find((cell) => cell.ref === ref)?.value,
    rows() {
      const byRow = new Map<number, string[]>();
      for (const cell of cells) {
        const [, col, row] = /^([A-Z]+)(\d+)$/.exec(cell.ref)!;
        const index = [...col!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
        const line = byRow.get(Number(row)) ?? [];
        line[index] = cell.value;
        byRow.set(Number(row), line);
      }
      // Empty cells are not written at all: every row is as wide as the widest.
      const width = Math.max(0, ...[...byRow.values()].map((line) => line.length));
      return [...byRow.entries()].sort(([a], [b]) => a - b).map(([, line]) => Array.from({ length: width }, (_, i) => line[i] ?? ''));
    },
  };
}
