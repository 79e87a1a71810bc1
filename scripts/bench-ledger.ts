/**
 * npm run bench:ledger -- [--orders 100000] [--keep] [--data DIR]
 * Generates a year of realistic order history (seeded, so every run sees the same data), stores
 * it with the journal store, then times the ledger export: opening the data read-only, building
 * the rows and writing the .xlsx (both sheets) and the CSV. Goal: 100,000 orders to xlsx ≤ 10 s.
 * `--data DIR` reuses a history kept by an earlier run (`--keep`) instead of generating one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/load-config.js';
import { JournalStore } from '../src/adapters/store/journal-store.js';
import { writeLedgerFile } from '../src/adapters/export/ledger-file.js';
import { ledgerContext } from '../src/app/ledger.js';
import { ALL_TIME } from '../src/core/period.js';
import type { AppConfig } from '../src/core/config-schema.js';
import type { Order, OrderAction, OrderStatus, Transition } from '../src/core/model.js';

/** Small seeded PRNG (mulberry32): the same history on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS: Record<string, string[]> = {
  home_repair: ['厨房水管漏了 能来人看看吗', '马桶堵了 麻烦来人修一下', '卫生间灯泡坏了', '插座跳闸了'],
  utility_payment: ['帮我代缴下这个月电费', '燃气费该交了 帮忙交一下', '暖气费怎么交 能帮我代缴吗'],
  parcel: ['明天上午谁有空帮忙取个快递', '驿站有个包裹 帮我取一下'],
  civil_affairs: ['帮我申请下低保', '高龄补贴怎么办 能帮忙跑一趟吗'],
  social_insurance: ['我妈腿脚不方便,医保卡补办能帮忙跑一趟吗', '社保卡丢了 帮忙补办'],
  household_registration: ['身份证到期了 帮忙预约换证', '孩子上户口需要什么材料 能帮忙办吗'],
  errand: ['帮忙买点菜 腿脚不方便', '帮我取个药'],
  elderly_care: ['老人一个人在家 帮忙照看一下午', '帮老人理个发'],
  medical_escort: ['明天去医院复查 需要人陪诊', '帮忙挂个号 陪老人看病'],
  cleaning: ['家里需要打扫一下', '帮忙擦玻璃'],
  moving_help: ['搬家需要帮忙 搬几个柜子', '帮忙抬一下冰箱'],
  copy_print: ['帮忙打印几份材料', '复印身份证'],
  property_maintenance: ['楼道灯坏了好几天了', '电梯又坏了'],
  other_service: ['有点事想请社区帮忙'],
};
const WEIGHTS: [string, number][] = [
  ['home_repair', 18], ['utility_payment', 14], ['parcel', 12], ['errand', 10], ['property_maintenance', 8], ['elderly_care', 7],
  ['medical_escort', 6], ['social_insurance', 6], ['civil_affairs', 5], ['household_registration', 4], ['cleaning', 4],
  ['copy_print', 3], ['moving_help', 2], ['other_service', 1],
];
const NAMES = ['王阿姨', '赵大爷', '李奶奶', '刘叔', '陈阿姨', '孙大爷', '周奶奶', '吴叔', '郑阿姨', '冯大爷'];

/** A year of orders ending at `end`: grids, categories, times and ratings spread as in a real year. */
export function generateOrders(n: number, config: AppConfig, end: number, seed = 42): Order[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const total = WEIGHTS.reduce((s, [, w]) => s + w, 0);
  const category = () => {
    let r = rnd() * total;
    for (const [k, w] of WEIGHTS) if ((r -= w) < 0) return k;
    return 'other_service';
  };
  const year = 365 * 86_400_000;
  const kinds = new Map(config.catalogue.map((c) => [c.key, c.kind]));
  const out: Order[] = [];
  for (let id = 1; id <= n; id++) {
    const cat = category();
    const grid = pick(config.grids);
    const vols = config.volunteers.filter((v) => v.gridIds.includes(grid.id) && v.skills.includes(cat));
    const createdAt = end - year + Math.floor((id / n) * year) - Math.floor(rnd() * 60_000);
    const resident = `res-${Math.floor(rnd() * 5000)}`;
    const history: Transition[] = [{ action: 'submit', from: null, to: 'submitted', by: resident, at: createdAt }];
    let t = createdAt;
    let status: OrderStatus = 'submitted';
    const step = (action: OrderAction, to: OrderStatus, by: string, gap: number, note?: string) => {
      t += gap;
      history.push({ action, from: status, to, by, at: t, ...(note ? { note } : {}) });
      status = to;
    };
    const fate = rnd();
    let claimer: string | null = null;
    let rating: number | null = null;
    let note: string | null = null;
    if (fate < 0.02) step('reject', 'rejected', 'staff-liu', 20 * 60_000, '已由物业处理');
    else {
      step('accept', 'accepted', 'bot', 0);
      step('dispatch', 'dispatched', 'bot', 0);
      if (fate < 0.05) step('cancel', 'cancelled', resident, 30 * 60_000);
      else if (fate < 0.07 || !vols.length) {
        /* still waiting */
      } else {
        claimer = pick(vols).id;
        step('claim', 'claimed', claimer, Math.floor(rnd() * 3 * 3_600_000));
        if (rnd() < 0.04) {
          step('abandon', 'dispatched', claimer, 3_600_000, '临时有事');
          claimer = pick(vols).id;
          step('claim', 'claimed', claimer, Math.floor(rnd() * 3_600_000));
        }
        if (fate > 0.1) {
          step('start', 'in_progress', claimer, Math.floor(rnd() * 5 * 3_600_000));
          step('resolve', 'resolved', claimer, Math.floor(rnd() * 30 * 3_600_000), rnd() < 0.3 ? '已处理' : undefined);
          step('report', 'reported', 'bot', 0);
          if (fate > 0.16) {
            rating = rnd() < 0.7 ? 5 : rnd() < 0.8 ? 4 : rnd() < 0.5 ? 3 : rnd() < 0.5 ? 2 : 1;
            note = rating <= 2 ? '来得太晚' : null;
            step('rate', 'followed_up', resident, Math.floor(rnd() * 6 * 3_600_000), note ?? undefined);
          }
        }
      }
    }
    const text = `${pick(TEXTS[cat]!)} ${1 + Math.floor(rnd() * 20)}号楼${1 + Math.floor(rnd() * 4)}单元${1 + Math.floor(rnd() * 6)}0${1 + Math.floor(rnd() * 4)}`;
    out.push({
      id,
      gridId: grid.id,
      roomId: grid.roomId,
      kind: kinds.get(cat) ?? 'service',
      category: cat,
      text,
      summary: text.slice(0, 20),
      residentId: resident,
      residentName: pick(NAMES),
      address: { building: String(1 + Math.floor(rnd() * 20)), unit: String(1 + Math.floor(rnd() * 4)), room: `${1 + Math.floor(rnd() * 6)}0${1 + Math.floor(rnd() * 4)}` },
      phone: rnd() < 0.8 ? `13${Math.floor(100_000_000 + rnd() * 899_999_999)}` : null,
      when: null,
      urgent: rnd() < 0.05,
      status: status as OrderStatus,
      createdAt,
      updatedAt: t,
      acceptedBy: (status as OrderStatus) === 'rejected' ? null : 'bot',
      claimerId: claimer,
      invitedIds: [],
      rating,
      ratingNote: note,
      history,
    });
  }
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { orders: { type: 'string' }, keep: { type: 'boolean' }, data: { type: 'string' } } });
  let n = Number(values.orders ?? 100_000);
  const config = loadConfig(path.resolve('config/default.json'));
  const dir = values.data ? path.resolve(values.data) : fs.mkdtempSync(path.join(os.tmpdir(), 'grid-bot-ledger-bench-'));
  const end = Date.parse('2026-11-30T18:00:00+08:00');
  let t = performance.now();
  if (!values.data) {
    const store = await JournalStore.open(dir, { fsync: false });
    for (const o of generateOrders(n, config, end)) store.put('orders', String(o.id), o);
    store.put('meta', 'order', n);
    await store.compact();
    await store.close();
  }
  const genS = (performance.now() - t) / 1000;

  t = performance.now();
  const ro = await JournalStore.open(dir, { readOnly: true });
  const openS = (performance.now() - t) / 1000;
  n = ro.size('orders');

  // Wall time, and CPU time (less affected by a busy machine; the writer is single-threaded).
  const cpu = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
  const xlsx = path.join(dir, 'ledger.xlsx');
  t = performance.now();
  let c = process.cpuUsage();
  const ctx = ledgerContext(ro, config, ALL_TIME, end);
  await writeLedgerFile(ctx, { kind: 'xlsx', file: xlsx });
  const xlsxS = (performance.now() - t) / 1000;
  const xlsxCpu = cpu(process.cpuUsage(c));

  const csv = path.join(dir, 'ledger.csv');
  t = performance.now();
  c = process.cpuUsage();
  await writeLedgerFile(ledgerContext(ro, config, ALL_TIME, end), { kind: 'csv', file: csv });
  const csvS = (performance.now() - t) / 1000;
  const csvCpu = cpu(process.cpuUsage(c));

  const mb = (f: string) => (fs.statSync(f).size / 1024 / 1024).toFixed(1);
  const rows = [
    ['orders', String(n)],
    ['generate + store (s)', genS.toFixed(2)],
    ['open read-only (s)', openS.toFixed(2)],
    ['ledger_s_100k: rows + xlsx, 2 sheets (s)', xlsxS.toFixed(2)],
    ['  cpu (s)', xlsxCpu.toFixed(2)],
    ['xlsx size (MB)', mb(xlsx)],
    ['rows + csv (s)', csvS.toFixed(2)],
    ['  cpu (s)', csvCpu.toFixed(2)],
    ['csv size (MB)', mb(csv)],
  ];
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(44)} ${v}\n`);
  process.stdout.write(`${JSON.stringify({ orders: n, ledger_xlsx_s: Number(xlsxS.toFixed(2)), ledger_xlsx_cpu_s: Number(xlsxCpu.toFixed(2)), ledger_csv_s: Number(csvS.toFixed(2)), open_s: Number(openS.toFixed(2)) })}\n`);
  fs.rmSync(xlsx, { force: true });
  fs.rmSync(csv, { force: true });
  if (values.keep || values.data) process.stderr.write(`(data kept in ${dir})\n`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  });
}
