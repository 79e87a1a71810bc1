/**
 * Sheets as data, and the two ways they are written: `.xlsx` through exceljs's streaming
 * WorkbookWriter (rows are written as they are produced, so 100,000 orders do not sit in memory
 * twice), and CSV (the first sheet only). Writing needs a stream, never a path: opening files is
 * the caller's business (the CLI), and the bot writes to memory.
 */
import { PassThrough, type Writable } from 'node:stream';
import type { LocalClock } from '../core/local-clock.js';

/** A time cell: written as a local date-time (xlsx) or `YYYY-MM-DD HH:mm` (CSV). */
export interface TimeCell {
  at: number;
}

export type Cell = string | number | TimeCell | null;

export interface Column {
  header: string;
  /** Width in characters (xlsx). */
  width?: number;
  /** `time` cells get a date-time format; `decimal` one decimal place. */
  format?: 'time' | 'decimal';
}

export interface Sheet {
  name: string;
  columns: Column[];
  /** Produced lazily, in order. */
  rows: Iterable<Cell[]>;
}

const TIME_FORMAT = 'yyyy-mm-dd hh:mm';

function isTime(c: Cell): c is TimeCell {
  return typeof c === 'object' && c !== null;
}

/** Days since 1899-12-30 of the local wall-clock time: Excel's date-time number (cheaper than a Date). */
function excelSerial(at: number, clock: LocalClock): number {
  return (at + clock.offset(at)) / 86_400_000 + 25_569;
}

/**
 * Writes sheets as an `.xlsx` workbook to a stream; resolves once everything is written.
 * Excel cells have no zone, so a time is written as the community's wall-clock time.
 */
export async function writeXlsx(sheets: readonly Sheet[], out: Writable, clock: LocalClock): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  // Fast deflate: the xml compresses well either way, and export time matters more than size.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } } as never);
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // One style object per column, shared by all its cells: exceljs caches a style's id by object
    // identity, and a fresh object per cell (its default) doubles the cost of writing.
    const styles = sheet.columns.map((c) => (c.format === 'time' ? { numFmt: TIME_FORMAT } : c.format === 'decimal' ? { numFmt: '0.0' } : {}));
    ws.columns = sheet.columns.map((c, i) => ({
      header: c.header,
      key: String(i),
      width: c.width ?? Math.max(8, Math.min(40, c.header.length * 2 + 2)),
      style: styles[i],
    }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for (const cells of sheet.rows) {
      // Empty cells are left out (undefined): exceljs then creates and writes nothing for them.
      const row = ws.addRow(cells.map((c) => (c === null ? undefined : isTime(c) ? excelSerial(c.at, clock) : c)));
      for (let i = 0; i < cells.length; i++) if (cells[i] !== null) (row.getCell(i + 1) as unknown as { style: object }).style = styles[i] ?? {};
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  await done;
}

/** Writes sheets as `.xlsx` into memory. @example await xlsxBuffer(sheets, clock) // <Buffer 50 4b …> */
export async function xlsxBuffer(sheets: readonly Sheet[], clock: LocalClock): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await writeXlsx(sheets, sink, clock);
  return Buffer.concat(chunks);
}

function csvField(c: Cell, clock: LocalClock): string {
  let s = c === null ? '' : isTime(c) ? clock.stamp(c.at) : String(c);
  // A resident's text starting with = + - @ would run as a formula when the CSV is opened in Excel.
  if (typeof c === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The CSV lines of one sheet (header first), each ending in CRLF.
 * @example [...csvLines(sheet, clock)][0] // '编号,网格,…\r\n'
 */
export function* csvLines(sheet: Sheet, clock: LocalClock): Generator<string> {
  yield `${sheet.columns.map((c) => csvField(c.header, clock)).join(',')}\r\n`;
  for (const row of sheet.rows) yield `${row.map((c) => csvField(c, clock)).join(',')}\r\n`;
}
