/**
 * npx tsx scripts/bench-council.ts
 * Figures for the mediation and council features (not a test: nothing here is asserted):
 *  - the cost they add to every group message (chat that is neither a command nor a dispute);
 *  - a vote of a 1,600-member grid: time per ballot, time to close the vote, journal bytes.
 */
process.env.WECHATY_LOG ??= 'silent';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../src/config/load-config.js';
import { BotApp } from '../src/app/bot-app.js';
import { council } from '../src/app/features/council.js';
import { mediation } from '../src/app/features/mediation.js';
import { MemoryStore } from '../src/adapters/store/memory-store.js';
import { JournalStore } from '../src/adapters/store/journal-store.js';
import type { Store } from '../src/app/ports.js';

const config = parseConfig(readFileSync('config/default.json', 'utf8'), 'config/default.json');
const T0 = Date.parse('2026-06-10T09:30:00+08:00');
const CHAT = ['早上好', '收到', '今天天气真好', '谢谢大家', '[玫瑰][玫瑰]', '楼下超市今天打折', '明天几点开会', '好的'];

function build(store: Store, withFeatures: boolean) {
  const clock = { t: T0, now() { return this.t; } };
  const app = new BotApp({ config, store, clock });
  if (withFeatures) app.use(council(app)).use(mediation(app));
  return { app, clock };
}

async function chatRate(withFeatures: boolean, n: number): Promise<number> {
  const { app, clock } = build(new MemoryStore(), withFeatures);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    clock.t += 1000;
    await app.handleMessage({ id: `c${i}`, roomId: 'grid1@chatroom', talkerId: `res-${i % 400}`, talkerName: `居民${i % 400}`, text: CHAT[i % CHAT.length]!, mentionIds: [], mentionsBot: false, at: clock.t });
  }
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function bigVote(members: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-council-'));
  const store = await JournalStore.open(dir, { fsync: false });
  const { app, clock } = build(store, true);
  let n = 0;
  const say = (who: string, text: string, roomId: string | null = 'grid1@chatroom') => {
    clock.t += 1000;
    return app.handleMessage({ id: `m${++n}`, roomId, talkerId: who, talkerName: who, text, mentionIds: [], mentionsBot: false, at: clock.t });
  };
  for (let i = 0; i < members; i++) await say(`res-${i}`, '大家好');
  await say('res-0', '议题 5号楼加装电梯');
  await say('staff-liu', '/表决 #T1 同意 反对 弃权 截止 周五 18:00', 'staff@chatroom');
  const before = store.journalSize;
  let start = process.hrtime.bigint();
  for (let i = 0; i < members; i++) await say(`res-${i}`, `投票 #T1 ${i % 3 === 0 ? '反对' : '同意'}`);
  const voteMs = Number(process.hrtime.bigint() - start) / 1e6;
  const bytes = store.journalSize - before;
  start = process.hrtime.bigint();
  const out = await app.runDueJobs(Date.parse('2026-06-12T18:00:00+08:00'));
  const closeMs = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`vote of ${members} members: ${(voteMs / members).toFixed(3)} ms per ballot, journal +${(bytes / 1024).toFixed(0)} KiB (${(bytes / members).toFixed(0)} B per ballot), closing ${closeMs.toFixed(1)} ms`);
  console.log(`  ${out[0]?.text}`);
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const n = 20_000;
  await chatRate(true, 2000); // warm-up
  const base = await chatRate(false, n);
  const withF = await chatRate(true, n);
  console.log(`chat, ${n} messages: ${(base / n * 1000).toFixed(1)} µs/message without the features, ${(withF / n * 1000).toFixed(1)} µs with them (+${((withF - base) / n * 1000).toFixed(1)} µs)`);
  await bigVote(1600);
}

void main();
