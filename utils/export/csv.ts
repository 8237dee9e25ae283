// The one CSV writer for every export (mentions, clipping report, audit log, campaign reports). Exported text is
// untrusted (headlines, posts, notes), and a spreadsheet runs a cell that starts with = + - @ as a
// formula. Following OWASP's CSV-injection guidance (https://owasp.org/www-community/attacks/CSV_Injection)
// and ASVS 5.0 V1.2.10: every field is quoted, quotes are doubled (RFC 4180 §2.6-2.7), and a single quote
// goes before a formula start. Indonesian spreadsheets use `;` as the list separator, so a comma file may
// be split on `;` (or the other way round): `pemerintah;=1+1;x` would then put `=1+1` in a cell of its
// own. So the formula starts are neutralised at the start of the field and after every `,` or `;`
// inside it (past any spaces or quotes a parser might strip), whichever separator the reader picks.

/** A formula start (= + - @, tab, CR, NUL) at the start of a field or of any piece after `,`/`;`. */
const FORMULA_START = /(^|[,;])([ "]*)(?=[=+\-@\t\r\0])/g;

/** One field: quoted, quotes doubled, formula starts neutralised with a leading `'`. */
export function csvCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  const safe = text.replace(FORMULA_START, "$1$2'");
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The field separators an export may use: `;` is what Indonesian Excel expects (its decimal mark is `,`). */
export const CSV_SEPARATORS = [';', ','] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/**
 * RFC 4180 CSV with every field quoted, CRLF line ends and a UTF-8 BOM so spreadsheet programs read
 * Indonesian text correctly. `separator` is `;` by default: Excel with Indonesian regional settings uses
 * `,` as the decimal mark and `;` as the list separator, so a `;` file opens straight into columns
 * (RFC 4180 names the comma; the spreadsheet's locale decides what "comma-separated" means). No `sep=`
 * line: Excel then ignores the BOM and misreads UTF-8. `rows` hold any values; undefined and null become
 * empty fields.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], separator: CsvSeparator = ';'): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
