/**
 * The app alone (no Wechaty): the benchmark's message stream straight into `BotApp.handleMessage`
 * with the journal store as `npm start` opens it; replies are marked sent at once. Diagnosis for
 * `npm run bench` (what the app itself costs per message): `tsx scripts/bench-app.ts [--messages N]`.
 * `BENCH_CPU_PROFILE=FILE.cpuprofile` profiles the timed phase.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import { BotApp } from '../src/app/bot-app.js';
import { installFeatures } from '../src/app/features.js';
import type { InboundMessage } from '../src/app/ports.js';
import { JournalStore } from '../src/adapters/store/journal-store.js';
import { benchConfig } from './bench-world.js';
import { buildStream, type StreamMessage } from './bench-stream.js';
import { BENCH_START } from './bench-pipeline.js';

const { values } = parseArgs({ options: { messages: { type: 'string', default: '20000' }, data: { type: 'string' } } });
const n = Number(values.messages);
const config = benchConfig();
const dir = values.data ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gb-app-'));
const realStart = Date.now();
const clock = { now: () => BENCH_START + (Date.now() - realStart) };
const store = await JournalStore.open(dir, { fsync: process.env.BENCH_FSYNC !== "0", now: clock.now, archiveAfterMs: 2000 });
await store.whenLoaded();
const app = installFeatures(new BotApp({ config, store, clock }));
let seq = 0;
const toInbound = (s: StreamMessage): InboundMessage => ({ id: `m${seq++}`, roomId: s.room, talkerId: s.from, talkerName: s.from, text: s.text, mentionIds: [], mentionsBot: false, at: clock.now() });
async function play(stream: readonly StreamMessage[]): Promise<void> {
  for (const s of stream) {
    const replies = await app.handleMessage(toInbound(s));
    for (const r of replies) if (r.id) await app.markSent(r.id);
  }
}
const firstId = (store.get<number>('meta', 'order') ?? 0) + 1;
const warm = buildStream(config, 2000, firstId, 1);
await play(warm.messages);
const timed = buildStream(config, n, warm.nextOrderId, 2);
const session = process.env.BENCH_CPU_PROFILE ? new Session() : null;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
}
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await play(timed.messages);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
if (session) {
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify(profile));
}
console.log(JSON.stringify({ messages: n, us_per_msg: (ms * 1000) / n, cpu_us_per_msg: (cpu.user + cpu.system) / n }));
await store.close();
