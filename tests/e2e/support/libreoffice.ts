import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** A cell LibreOffice read from a CSV file, as its flat ODS export shows it. */
export interface SheetCell {
  text: string;
  formula?: string;
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

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
    execFileSync('soffice', [
      `-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless',
      `--infilter=CSV:${separator.charCodeAt(0)},34,76,1`, '--convert-to', 'fods', '--outdir', dir, ...paths,
    ], { stdio: 'pipe', timeout: 240_000 });
    return Object.fromEntries(paths.map((path) => {
      const xml = readFileSync(join(dir, basename(path).replace(/\.csv$/, '.fods')), 'utf8');
      const cells = [...xml.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)].map((match) => {
        const formula = /table:formula="([^"]*)"/.exec(match[1]!)?.[1];
        const text = unescapeXml((match[2] ?? '').replace(/<[^>]+>/g, ''));
        return formula === undefined ? { text } : { text, formula: unescapeXml(formula) };
      });
      return [basename(path, '.csv'), cells.filter((cell) => cell.text || cell.formula)];
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
