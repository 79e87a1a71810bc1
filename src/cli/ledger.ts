/**
 * npm run ledger -- [--config FILE] [--data DIR] [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE
 * The work ledger (台账) from the bot's data: FILE ending in .xlsx (orders + summary sheets) or
 * .csv (orders), or `-` for CSV on standard output. Orders created from --from to --to (both days
 * included, in the community's zone); all orders when neither is given. The data is opened
 * read-only: the tool can run beside the bot.
 */
import path from 'node:path';
import { configPath, loadConfig } from '../config/load-config.js';
import { JournalStore } from '../adapters/store/journal-store.js';
import { ledgerTarget, writeLedgerFile } from '../adapters/export/ledger-file.js';
import { ledgerContext } from '../app/ledger.js';
import { periodFromTo } from '../core/period.js';
import { periodLabel } from '../messages/staff.js';
import { cliArgs, fail } from './args.js';

const USAGE = 'usage: npm run ledger -- [--config FILE] [--data DIR] [--from YYYY-MM-DD] [--to YYYY-MM-DD] --out FILE.xlsx|FILE.csv|-';

async function main(): Promise<void> {
  let args;
  try {
    args = cliArgs({ config: { type: 'string' }, data: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`, 2);
  }
  const { values } = args;
  if (!values.out) fail(USAGE, 2);
  const target = ledgerTarget(values.out);
  if (!target) fail(`--out ${values.out}: the file must end in .xlsx or .csv, or be - for CSV on standard output\n${USAGE}`, 2);
  const config = loadConfig(configPath(process.argv));
  const r = periodFromTo(values.from, values.to, config.timezone);
  if (!r.ok) {
    const why = r.code === 'REVERSED' ? `--from ${values.from} is after --to ${values.to}` : `--from/--to: expected dates like 2026-06-01 (got ${values.from ?? ''} ${values.to ?? ''})`;
    fail(`${why}\n${USAGE}`, 2);
  }
  const { period } = r;
  const dir = path.resolve(values.data ?? process.env.GRID_BOT_DATA ?? 'data');
  const started = Date.now();
  const store = await JournalStore.open(dir, { readOnly: true });
  const ctx = ledgerContext(store, config, period, Date.now());
  await writeLedgerFile(ctx, target);
  await store.close();
  const where = target.kind === 'stdout' ? 'standard output' : target.file;
  const span = period.firstDay || period.lastDay ? `${period.firstDay ?? '…'} to ${period.lastDay ?? '…'}` : periodLabel(period);
  process.stderr.write(`ledger: ${ctx.orders.length} orders (${span}) written to ${where} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
