import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** A cell LibreOffice read from a CSV file, as its flat ODS export shows it. */
export interface SheetCell {
  text: string;
  formula?: string;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * Opens each CSV file the way a spreadsheet user would: LibreOffice Calc (Debian's libreoffice-calc-nogui,
 * headless) imports it with `separator` (',' or ';'), double-quote text delimiter and UTF-8, then saves
 * it as flat ODS, whose `table:formula` attributes say which cells became formulas. One soffice start
 * for all files (a start costs ~30 s on a busy machine). Filter options: LibreOffice help "CSV Filter
 * Options" (token 1 separator code, 2 text delimiter code, 3 charset 76 = UTF-8, 4 first line).
 */
export function openInCalc(files: Record<string, string>, separator: ',' | ';'): Record<string, SheetCell[]> {
  const dir = mkdtempSync(join(tmpdir(), 'siar-calc-'));
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      const path = join(dir, `${name}.csv`);
      writeFileSync(path, text);
      return path;
    });
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        `--infilter=CSV:${separator.charCodeAt(0)},34,76,1`,
        '--convert-to',
        'fods',
        '--outdir',
        dir,
        ...paths,
      ],
      { stdio: 'pipe', timeout: 240_000 },
    );
    return Object.fromEntries(
      paths.map((path) => {
        const xml = readFileSync(join(dir, basename(path).replace(/\.csv$/, '.fods')), 'utf8');
        const cells = [...xml.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].map((match) => {
          const formula = /table:formula="([^"]*)"/.exec(match[1]!)?.[1];
          const text = unescapeXml((match[2] ?? '').replace(/<[^>]+>/g, ''));
          return formula === undefined ? { text } : { text, formula: unescapeXml(formula) };
        });
        return [basename(path, '.csv'), cells.filter((cell) => cell.text || cell.formula)];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A cell as LibreOffice holds it: its shown text, its type and typed value, and any formula. */
export interface CalcCell {
  text: string;
  type?: string;
  /** `office:date-value` (ISO local time, no zone) or `office:value` of a number. */
  value?: string;
  formula?: string;
}

/**
 * Opens each file in LibreOffice Calc (headless) and returns its first sheet as rows of cells,
 * expanding `table:number-columns-repeated`. `.csv` files are imported with `separator`, `"` as text
 * delimiter and UTF-8 (LibreOffice help, "CSV Filter Options"); `.xlsx` files with Calc's own Excel
 * import. Both come back through flat ODS (OpenDocument 1.3 part 3, table:table-cell), the same reader
 * for either format. One soffice start per format.
 */
export function readInCalc(files: Record<string, Buffer | string>, separator: ',' | ';' = ';'): Record<string, CalcCell[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'siar-calc-'));
  try {
    const byFormat = new Map<string, string[]>();
    for (const [name, content] of Object.entries(files)) {
      const path = join(dir, name);
      writeFileSync(path, content);
      const ext = name.split('.').pop()!;
      byFormat.set(ext, [...(byFormat.get(ext) ?? []), path]);
    }
    for (const [ext, paths] of byFormat) {
      const filter = ext === 'csv' ? [`--infilter=CSV:${separator.charCodeAt(0)},34,76,1`] : [];
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', ...filter, '--convert-to', 'fods', '--outdir', join(dir, 'out'), ...paths],
        { stdio: 'pipe', timeout: 240_000 },
      );
    }
    return Object.fromEntries(
      Object.keys(files).map((name) => {
        const xml = readFileSync(join(dir, 'out', name.replace(/\.[a-z]+$/, '.fods')), 'utf8');
        const table = /<table:table [\s\S]*?<\/table:table>/.exec(xml)?.[0] ?? '';
        const rows = [...table.matchAll(/<table:table-row[^>]*?(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)].map((row) => {
          const cells: CalcCell[] = [];
          for (const match of (row[1] ?? '').matchAll(/<table:(?:covered-)?table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
            const attrs = match[1]!;
            const attr = (attribute: string) => {
              const v = new RegExp(`${attribute}="([^"]*)"`).exec(attrs)?.[1];
              return v === undefined ? undefined : unescapeXml(v);
            };
            // Only what is inside <text:p> is the cell's text (flat ODS is indented between elements).
            const paragraphs = [...(match[2] ?? '').matchAll(/<text:p(?:\s[^>]*)?>([\s\S]*?)<\/text:p>|<text:p[^>]*\/>/g)].map((p) => p[1] ?? '');
            const text = unescapeXml(
              paragraphs
                .join('\n')
                .replace(/<text:s(?: text:c="(\d+)")?\/>/g, (_s, n?: string) => ' '.repeat(Number(n ?? 1)))
                .replace(/<text:line-break\/>/g, '\n')
                .replace(/<text:tab\/>/g, '\t')
                .replace(/<[^>]+>/g, ''),
            );
            const cell: CalcCell = { text };
            const type = attr('office:value-type');
            if (type) cell.type = type;
            const value = attr('office:date-value') ?? attr('office:value');
            if (value !== undefined) cell.value = value;
            const formula = attr('table:formula');
            if (formula !== undefined) cell.formula = formula;
            const repeat = Math.min(Number(attr('table:number-columns-repeated') ?? 1), 64);
            for (let i = 0; i < repeat; i++) cells.push(cell);
          }
          while (cells.length && !cells.at(-1)!.text && !cells.at(-1)!.formula) cells.pop();
          return cells;
        });
        while (rows.length && rows.at(-1)!.length === 0) rows.pop();
        return [name, rows];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
