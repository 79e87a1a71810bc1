import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { JournalStore } from '../../src/adapters/store/journal-store.js';
import { ledgerTarget, writeLedgerFile } from '../../src/adapters/export/ledger-file.js';
import { ledgerContext, LEDGER_SHEETS, ledgerSheets } from '../../src/app/ledger.js';
import { localClock } from '../../src/core/local-clock.js';
import { ALL_TIME, periodFromTo } from '../../src/core/period.js';
import type { Order } from '../../src/core/model.js';
import { demoConfig } from '../helpers/fixtures.js';
import { done, order, waiting } from '../helpers/orders.js';

const at = (local: string) => Date.parse(`${local}+08:00`);
const clock = localClock('Asia/Shanghai');
const config = demoConfig();
const NOW = at('2026-07-02T09:00:00');

function history(): Order[] {
  return [
    done(1, at('2026-05-31T23:30:00'), 'vol-zhang', 30, 120, 5),
    done(2, at('2026-06-01T00:10:00'), 'vol-zheng', 10, 50, 2, { category: 'utility_payment', kind: 'proxy', address: null, phone: null, residentName: '赵大爷' }),
    // A resident's text that would run as a formula in a spreadsheet.
    waiting(3, at('2026-06-15T08:00:00'), { text: '=HYPERLINK("http://x","点我"),急', residentName: '李"奶奶"' }),
    order(4, at('2026-06-30T23:59:00'), [['reject', 'staff-liu', 1, { note: '重复' }]]),
    waiting(5, at('2026-07-01T00:00:00')),
  ];
}

async function dataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-ledger-'));
  const store = await JournalStore.open(dir, { fsync: false });
  for (const o of history()) store.put('orders', String(o.id), o);
  store.put('contacts', 'res-1', { name: '王阿姨', gridId: 'g1' });
  await store.commit();
  await store.close();
  return dir;
}

function june() {
  const r = periodFromTo('2026-06-01', '2026-06-30', 'Asia/Shanghai');
  if (!r.ok) throw new Error('period');
  return r.period;
}

describe('the ledger file', () => {
  it('writes an xlsx that reads back as the store: orders of the period only, local times', async () => {
    const dir = await dataDir();
    const store = await JournalStore.open(dir, { readOnly: true });
    const ctx = ledgerContext(store, config, june(), NOW);
    const file = path.join(dir, '台账.xlsx');
    await writeLedgerFile(ctx, ledgerTarget(file)!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('工单台账')!;
    const ids: number[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const id = row.getCell(1).value as number;
      ids.push(id);
      const o = store.get<Order>('orders', String(id))!;
      expect(row.getCell(6).value).toBe(o.residentName);
      expect(row.getCell(9).value).toBe(o.text);
      expect(row.getCell(12).value).toEqual(clock.wallDate(o.createdAt));
      expect(row.getCell(12).numFmt).toBe('yyyy-mm-dd hh:mm');
    });
    // #1 was made at 23:30 on 05-31 and #5 at 00:00 on 07-01, Shanghai time: both outside June.
    expect(ids).toEqual([2, 3, 4]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await store.close();
  });

  it('writes CSV with a BOM for Excel, quoted where needed and without live formulas', async () => {
    const dir = await dataDir();
    const store = await JournalStore.open(dir, { readOnly: true });
    const file = path.join(dir, 'ledger.csv');
    await writeLedgerFile(ledgerContext(store, config, ALL_TIME, NOW), ledgerTarget(file)!);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF编号,网格,类型,服务分组,类别,居民,地址,电话,诉求内容')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 5);
    expect(lines[1]!.startsWith('1,一网格,服务,生活服务,家庭维修,王阿姨,3号楼2单元501,13812345678,3号楼2单元501厨房水管漏了,,,2026-05-31 23:30,')).toBe(true);
    expect(lines[2]).toContain(',代办,缴费服务,水电气暖代缴,赵大爷,,,');
    expect(lines[3]).toContain(`,"李""奶奶""",`);
    expect(lines[3]).toContain(`"'=HYPERLINK(""http://x"",""点我""),急"`);
    await store.close();
  });

  it('knows its targets', () => {
    expect(ledgerTarget('-')).toEqual({ kind: 'stdout' });
    expect(ledgerTarget('a/台账.XLSX')).toEqual({ kind: 'xlsx', file: 'a/台账.XLSX' });
    expect(ledgerTarget('x.csv')).toEqual({ kind: 'csv', file: 'x.csv' });
    expect(ledgerTarget('x.xls')).toBeNull();
  });

  it('builds the sheets from a list that later features can extend', () => {
    const ctx = ledgerContext(fakeStore(), config, ALL_TIME, NOW);
    expect(LEDGER_SHEETS.map((s) => s.name)).toEqual(['工单台账', '汇总', '调解台账', '房东报备']);
    const extra = { name: '调解案件', build: () => ({ name: '调解案件', columns: [{ header: '编号' }], rows: [[1]] }) };
    expect(ledgerSheets(ctx, [...LEDGER_SHEETS, extra]).map((s) => s.name)).toEqual(['工单台账', '汇总', '调解台账', '房东报备', '调解案件']);
  });
});

function fakeStore() {
  const orders = new Map(history().map((o) => [String(o.id), o]));
  const empty = new Map<string, unknown>();
  const col = (c: string) => (c === 'orders' ? orders : empty);
  return {
    get: <T>(c: string, k: string) => col(c).get(k) as T | undefined,
    put: () => undefined,
    delete: () => undefined,
    values: <T>(c: string) => col(c).values() as IterableIterator<T>,
    keys: (c: string) => col(c).keys(),
    size: (c: string) => col(c).size,
    commit: async () => undefined,
    close: async () => undefined,
  };
}

describe('npm run ledger', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ledger.ts', ...args], { encoding: 'utf8', env: { ...process.env, GRID_BOT_CONFIG: '' } });

  it('prints the period\'s CSV on standard output with --out -', async () => {
    const dir = await dataDir();
    const r = cli(['--data', dir, '--from', '2026-06-01', '--to', '2026-06-30', '--out', '-']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('编号,网格,类型')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['2', '3', '4']);
    expect(r.stderr).toMatch(/^ledger: 3 orders \(2026-06-01 to 2026-06-30\) written to standard output/);
  });

  it('refuses a bad file type or date with the usage, and a missing data folder', () => {
    const bad = cli(['--out', 'x.txt']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--out x.txt: the file must end in .xlsx or .csv');
    const date = cli(['--from', '2026-06-31', '--out', '-']);
    expect(date.status).toBe(2);
    expect(date.stderr).toContain('expected dates like 2026-06-01');
    const none = cli(['--data', path.join(os.tmpdir(), 'no-such-grid-bot-data'), '--out', '-']);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('No data folder');
  });
});
