/**
 * A tiny CSV writer for every export (a class report, officers' results): RFC 4180
 * (comma-separated, CRLF, a field quoted when it holds a comma, a quote or a line break),
 * UTF-8 with a byte-order mark so that Excel reads Polish letters correctly. Text that a
 * spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) is made
 * inert with a leading apostrophe (OWASP, "CSV Injection"); numbers are written as numbers.
 */

/** A cell is text (which may need defusing) or a number (written as it is). */
export type CsvCell = string | number;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: CsvCell): string {
  const text = typeof cell === 'number' ? String(cell) : FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(',');
}

/** The whole file: a byte-order mark, then every line ended by CRLF. */
export function csvDocument(lines: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${lines.map((cells) => `${csvLine(cells)}\r\n`).join('')}`;
}
