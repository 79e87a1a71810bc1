/**
 * The end-to-end pipeline of the benchmark: Wechaty on puppet-mock with the 70 grid groups and
 * their members, driven by a stream of group messages, with either
 * - the bare echo bot: receives each message and says its text back through `room.say` (the
 *   natural minimum a Wechaty bot does), or
 * - the full bot: `createThreadedRuntime` as `npm start` builds it (the app in its worker thread:
 *   journal store with fsync, parser, order logic, outbox; the outgoing queue), send pacing off.
 *
 * A message is done when the bot has handled it (echo: its reply is said; full bot: the app has
 * applied it; its replies wait for the disk). At most `window` messages are in flight; the clock stops when every
 * message, the people's and the bot's, has reached Wechaty's listeners and the bot is idle
 * (STACK-NOTES, "Knowing a line is finished").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WechatyBuilder, type Wechaty } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import type { AppConfig } from '../src/core/config-schema.js';
import { createRuntime } from '../src/adapters/runtime.js';
import { createThreadedRuntime } from '../src/adapters/threaded-runtime.js';
import type { AttachedBot } from '../src/adapters/wechaty/attach-bot.js';
import type { AppThreadInfo } from '../src/adapters/app-thread/protocol.js';
import type { AppThread } from '../src/adapters/app-thread/app-thread.js';
import { createLogger } from '../src/adapters/log.js';
import { NO_PACING } from '../src/adapters/wechaty/outgoing-queue.js';
import { BOT_DISPLAY_NAME } from '../src/messages/index.js';
import { personName, residentId, RESIDENTS_PER_GRID, rng } from './bench-world.js';
import type { StreamMessage } from './bench-stream.js';

export type BotKind = 'echo' | 'full';

/** What the benchmark uses of the full bot, whichever thread its app runs in. */
export interface BenchRuntime {
  bot: Wechaty;
  attached: AttachedBot;
  /** Resolves once the whole store is loaded. */
  info(): Promise<AppThreadInfo>;
  /** The app thread's event-loop utilisation (absent when the app runs in the main thread). */
  utilisation?: AppThread['utilisation'];
  stop(): Promise<void>;
}

export interface BenchWorld {
  kind: BotKind;
  /** The full bot's runtime; null for the echo bot. */
  runtime: BenchRuntime | null;
  /** Plays `messages` with at most `window` in flight; resolves with the seconds taken. */
  play(messages: readonly StreamMessage[], window?: number): Promise<number>;
  stop(): Promise<void>;
}

const BOT_ID = 'bot';
/** Messages in flight at most: about one per group (a follow-up comes `GAP` messages after its cause). */
export const WINDOW = 70;

/**
 * The bot's clock: a weekday morning (no quiet hours), moving with real time. Generated histories
 * end at this moment. Messages carry the real time, which is later: none counts as history.
 */
export const BENCH_START = Date.parse('2026-06-10T09:30:00+08:00');

/** Builds the mock world (people, 70 rooms), starts the bot, logs in and waits until it is ready. */
export async function startWorld(config: AppConfig, kind: BotKind, dataDir?: string): Promise<BenchWorld> {
  const realStart = Date.now();
  const clock = { now: () => BENCH_START + (Date.now() - realStart) };
  const mocker = new mock.Mocker();
  const undelivered = new Set<string>();
  const m = mocker as unknown as { messagePayload: (id: string, payload?: { id: string }) => unknown };
  const original = m.messagePayload.bind(mocker);
  m.messagePayload = (id: string, payload?: { id: string }) => {
    if (payload) undelivered.add(payload.id);
    return original(id, payload);
  };
  const puppet = new PuppetMock({ mocker });
  let handled = 0;
  let saying = 0;
  let waiters: (() => void)[] = [];
  const done = () => {
    handled++;
    if (waiters.length) waiters.splice(0).forEach((w) => w());
  };

  let bot: Wechaty;
  let runtime: BenchRuntime | null = null;
  if (kind === 'full') {
    const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gb-bench-'));
    // A message counts as handled once the app has applied it (the window only keeps a follow-up
    // behind its cause); its replies still wait for the disk, and the clock stops when all are sent.
    const o = { config, dataDir: dir, clock, log: createLogger('error'), pacing: NO_PACING, puppet, fsync: process.env.BENCH_FSYNC !== '0', onApplied: done };
    if (process.env.BENCH_APP_THREAD === 'main') {
      // Diagnosis (BENCHMARKS.md): the app in the main thread, as the simulator runs it.
      // BENCH_VARIANT `noop` replaces the app by one that answers nothing (what Wechaty and the
      // adapter cost alone); `no-send` records replies but sends none.
      const rt = await createRuntime(o);
      const variant = (process.env.BENCH_VARIANT ?? '').split(',');
      if (variant.includes('no-send')) rt.attached.queue.push = () => undefined;
      if (variant.includes('noop'))
        rt.app.handleMessage = async (_m, applied) => {
          applied?.();
          return [];
        };
      runtime = { ...rt, info: async () => (await rt.store.whenLoaded(), { orders: rt.store.size('orders'), nextOrderId: (rt.store.get<number>('meta', 'order') ?? 0) + 1 }) };
    } else {
      // As `npm start` runs it: the app and its store in a worker thread.
      const rt = await createThreadedRuntime({ ...o, logLevel: 'error', onFatal: (e) => { throw e; } });
      runtime = { ...rt, info: () => rt.app.info(), utilisation: (since) => rt.app.utilisation(since) };
    }
    bot = runtime.bot;
  } else {
    bot = WechatyBuilder.build({ puppet });
    bot.on('error', () => undefined); // the mock's spurious "no payload found" on room changes
    bot.on('message', async (msg) => {
      if (msg.self()) return;
      saying++;
      try {
        await msg.room()?.say(msg.text());
      } finally {
        saying--;
        done();
      }
    });
  }
  bot.on('message', (msg) => {
    undelivered.delete(msg.id);
  });
  await bot.start();

  // The people and the groups: every grid group holds its residents, volunteers, workers and chief.
  const r = rng(11);
  const contacts = new Map<string, ReturnType<typeof mocker.createContact>>();
  const person = (id: string, name: string) => {
    if (!contacts.has(id)) contacts.set(id, mocker.createContact({ id, name }));
  };
  for (const s of config.staff) person(s.id, s.name);
  for (const w of config.gridWorkers) person(w.id, w.name);
  for (const v of config.volunteers) person(v.id, v.name);
  const self = mocker.createContact({ id: BOT_ID, name: BOT_DISPLAY_NAME });
  contacts.set(BOT_ID, self);
  const rooms = new Map<string, ReturnType<typeof mocker.createRoom>>();
  config.grids.forEach((g, gi) => {
    const members = new Set<string>([BOT_ID, ...g.workerIds, ...(g.chiefId ? [g.chiefId] : [])]);
    for (const v of config.volunteers) if (v.gridIds.includes(g.id)) members.add(v.id);
    for (let n = 0; n < RESIDENTS_PER_GRID; n++) {
      const id = residentId(gi, n);
      person(id, personName(r));
      members.add(id);
    }
    for (const id of members) if (!contacts.has(id)) person(id, id);
    rooms.set(g.roomId, mocker.createRoom({ id: g.roomId, topic: g.name, memberIdList: [...members] }));
  });
  rooms.set(config.staffRoomId, mocker.createRoom({ id: config.staffRoomId, topic: 'staff', memberIdList: [BOT_ID, ...config.staff.map((s) => s.id)] }));
  const loggedIn = new Promise<void>((res) => bot.once('login', () => res()));
  mocker.login(self);
  await loggedIn;
  if (runtime) await runtime.info();

  const idle = () => undelivered.size === 0 && (runtime ? runtime.attached.busy === 0 && runtime.attached.queue.size === 0 : saying === 0);
  const tick = () => new Promise<void>((res) => setImmediate(res));
  const drain = async (timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await tick();
      if (idle()) {
        await tick();
        if (idle()) return;
      }
      if (Date.now() > deadline) throw new Error(`${kind} bot: ${undelivered.size} messages never arrived`);
    }
  };
  const progress = (seen: number) =>
    new Promise<void>((res, rej) => {
      if (handled > seen) return res();
      const t = setTimeout(() => rej(new Error(`${kind} bot stalled at ${handled} messages handled`)), 30_000);
      waiters.push(() => {
        clearTimeout(t);
        res();
      });
    });
  const send = (s: StreamMessage) => {
    const talker = contacts.get(s.from);
    const room = rooms.get(s.room);
    if (!talker || !room) throw new Error(`unknown talker ${s.from} or room ${s.room}`);
    talker.say(s.text).to(room);
  };

  return {
    kind,
    runtime,
    async play(messages, window = WINDOW) {
      await drain();
      const start = handled;
      const t0 = performance.now();
      let sent = 0;
      while (sent < messages.length) {
        while (sent < messages.length && sent - (handled - start) < window) send(messages[sent++]!);
        await progress(handled);
      }
      await drain();
      return (performance.now() - t0) / 1000;
    },
    async stop() {
      waiters = [];
      if (runtime) await runtime.stop();
      else await bot.stop();
    },
  };
}

/** One chat line in every room, so that no room is cold when the clock starts. */
export function warmRooms(config: AppConfig): StreamMessage[] {
  return config.grids.flatMap((g, gi) => [
    { room: g.roomId, from: residentId(gi, 0), text: '大家好', kind: 'chat' as const },
    { room: g.roomId, from: g.workerIds[0]!, text: '收到', kind: 'chat' as const },
  ]);
}
