/**
 * npx tsx scripts/bench-schedule.ts
 * How long the scheduler's pure planning takes at a sub-district's scale (70 grids, a year of
 * orders), and how the simulator's clock lines cost when they jump from due moment to due moment
 * versus ticking every minute (what a feature without `nextDueAt` gets).
 */
process.env.WECHATY_LOG ??= 'silent';
process.env.BROLOG_LEVEL ??= 'silent';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load-config.js';
import { planDue, nextDueAt, type SentRecord } from '../src/core/plan-due.js';
import type { Order, OrderStatus } from '../src/core/model.js';
import { Simulator, type ScriptStep } from '../src/adapters/wechaty/simulator.js';

const base = loadConfig('config/default.json');
const grids = Array.from({ length: 70 }, (_, i) => ({ id: `g${i + 1}`, name: `${i + 1}网格`, roomId: `grid${i + 1}@chatroom`, workerIds: ['wk-li'], chiefId: 'chief-zhao' }));
const config = { ...base, grids } as typeof base;

const T0 = Date.parse('2026-06-10T09:30:00+08:00');
function fakeOrders(n: number, open: number): Order[] {
  const out: Order[] = [];
  for (let i = 1; i <= n; i++) {
    const at = T0 - (n - i) * 300_000;
    const isOpen = i > n - open;
    const status: OrderStatus = isOpen ? (['dispatched', 'claimed', 'reported'] as const)[i % 3]! : 'followed_up';
    const history = [
      { action: 'submit' as const, from: null, to: 'submitted' as const, by: 'r', at },
      { action: 'accept' as const, from: 'submitted' as const, to: 'accepted' as const, by: 'bot', at },
      { action: 'dispatch' as const, from: 'accepted' as const, to: 'dispatched' as const, by: 'bot', at },
      ...(status !== 'dispatched' ? [{ action: 'claim' as const, from: 'dispatched' as const, to: 'claimed' as const, by: 'vol-zhang', at: at + 60_000 }] : []),
      ...(status === 'reported' || status === 'followed_up' ? [{ action: 'resolve' as const, from: 'claimed' as const, to: 'resolved' as const, by: 'vol-zhang', at: at + 3_600_000 }] : []),
    ];
    out.push({
      id: i, gridId: `g${(i % 70) + 1}`, roomId: `grid${(i % 70) + 1}@chatroom`, kind: 'service', category: 'home_repair', text: '', summary: '', residentId: 'r', residentName: 'r',
      address: null, phone: null, when: null, urgent: false, status, createdAt: at, updatedAt: at, acceptedBy: 'bot', claimerId: status === 'dispatched' ? null : 'vol-zhang',
      invitedIds: [], rating: status === 'followed_up' ? 5 : null, ratingNote: null, history,
    });
  }
  return out;
}

function time(label: string, runs: number, fn: () => unknown): void {
  for (let i = 0; i < 10; i++) fn(); // warm up the JIT: the bot plans every minute for months
  const a = performance.now();
  for (let i = 0; i < runs; i++) fn();
  console.log(`${label}: ${((performance.now() - a) / runs).toFixed(2)} ms`);
}

for (const [n, open] of [[10_000, 300], [100_000, 1_000]] as const) {
  const orders = fakeOrders(n, open);
  const sent = new Map<string, SentRecord>();
  const state = { orders, sent: (k: string) => sent.get(k), held: [], since: T0 - 86_400_000 };
  time(`planDue, ${n} orders (${open} open), 70 grids`, 50, () => planDue(state, config, T0 + 3_600_000));
  time(`nextDueAt, ${n} orders (${open} open), 70 grids`, 50, () => nextDueAt(state, config, T0 + 3_600_000));
}

async function simDay(minuteTicks: boolean): Promise<number> {
  const script: ScriptStep[] = [
    { at: '2026-06-10T09:30:00+08:00' },
    { from: 'res-li', name: '李奶奶', room: 'grid1@chatroom', text: '7号楼3单元马桶堵了 麻烦来人看看 13833334444' },
    { at: '2026-06-10T17:31:00+08:00' },
  ];
  const sim = await Simulator.create({ config: base, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), script, startAt: Date.parse('2026-06-10T09:30:00+08:00') });
  // A feature with `due` but no `nextDueAt` makes the clock lines tick every minute.
  if (minuteTicks) sim.app.use({ name: 'probe', due() {} });
  await sim.play(script[0]!);
  await sim.play(script[1]!);
  const a = performance.now();
  await sim.play(script[2]!);
  const ms = performance.now() - a;
  const ladder = sim.transcript.filter((l) => l.bot && /无人接单/.test(l.text)).length;
  await sim.stop();
  if (ladder !== 4) throw new Error(`expected 4 ladder steps, saw ${ladder}`);
  return ms;
}

console.log(`simulator 09:30 → 17:31, jumping to due moments: ${(await simDay(false)).toFixed(0)} ms`);
console.log(`simulator 09:30 → 17:31, ticking every minute (481 ticks): ${(await simDay(true)).toFixed(0)} ms`);
process.exit(0);
