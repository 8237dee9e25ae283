import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ExtensionPage } from './base';

/** The options page's audit section (components/options/AuditLog.tsx). */
export class AuditSection extends ExtensionPage {
  static on(page: Page) {
    return new AuditSection(page);
  }

  async ready() {
    await this.byTestId('audit-section').waitFor();
  }

  rows() {
    return this.byTestId('audit-row');
  }

  /** Clicks "Ekspor CSV" and returns the downloaded file's text. */
  async exportCsv(): Promise<{ name: string; text: string }> {
    const { name, bytes } = await this.exportFile('audit-export');
    return { name, text: bytes.toString('utf8') };
  }

  /** Clicks "Ekspor Excel (.xlsx)" and returns the downloaded file. */
  exportXlsx(): Promise<{ name: string; bytes: Buffer }> {
    return this.exportFile('audit-export-xlsx');
  }

  private async exportFile(testId: string): Promise<{ name: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.byTestId(testId).click();
    const file = await download;
    return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
  }
}

/** Parses Siar's CSV (RFC 4180 quoting, CRLF, BOM; `;` unless told) into objects keyed by the header row. */
export function parseCsv(text: string, separator: ';' | ',' = ';'): Record<string, string>[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      record.push(field);
      field = '';
    } else if (c === '\n') {
      record.push(field.replace(/\r$/, ''));
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  const [header, ...rows] = records;
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}
