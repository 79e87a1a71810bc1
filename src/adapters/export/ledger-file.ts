/**
 * Writes the ledger to a file (`.xlsx` or `.csv`) or to standard output (`-`, CSV). The xlsx is
 * written to a temporary file and renamed, so a half-written ledger never sits under the name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ledgerCsvLines, writeLedgerXlsx, type LedgerContext } from '../../app/ledger.js';

export type LedgerTarget = { kind: 'xlsx' | 'csv'; file: string } | { kind: 'stdout' };

/** `ledger.xlsx` → xlsx, `ledger.csv` → csv, `-` → CSV on stdout; anything else → null. */
export function ledgerTarget(out: string): LedgerTarget | null {
  if (out === '-') return { kind: 'stdout' };
  const ext = path.extname(out).toLowerCase();
  if (ext === '.xlsx') return { kind: 'xlsx', file: out };
  if (ext === '.csv') return { kind: 'csv', file: out };
  return null;
}

/** Writes a string to fd synchronously, retrying on EAGAIN (a slow pipe). */
function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text);
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}

function writeCsv(ctx: LedgerContext, fd: number, bom: boolean): void {
  // Excel reads a UTF-8 CSV as the local code page unless it starts with a BOM; pipes get none.
  let chunk = bom ? '\uFEFF' : '';
  for (const line of ledgerCsvLines(ctx)) {
    chunk += line;
    if (chunk.length > 64_000) {
      writeAll(fd, chunk);
      chunk = '';
    }
  }
  if (chunk) writeAll(fd, chunk);
}

/** Writes the ledger where `target` says. @example await writeLedgerFile(ctx, ledgerTarget('台账.xlsx')!) */
export async function writeLedgerFile(ctx: LedgerContext, target: LedgerTarget): Promise<void> {
  if (target.kind === 'stdout') return writeCsv(ctx, 1, false);
  const tmp = path.join(path.dirname(path.resolve(target.file)), `.${path.basename(target.file)}.${process.pid}.tmp`);
  try {
    if (target.kind === 'csv') {
      const fd = fs.openSync(tmp, 'w', 0o600);
      try {
        writeCsv(ctx, fd, true);
      } finally {
        fs.closeSync(fd);
      }
    } else {
      await writeLedgerXlsx(ctx, fs.createWriteStream(tmp, { mode: 0o600 }));
    }
    fs.renameSync(tmp, target.file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
