/**
 * npm run crash-test -- [--rounds N] [--requests N] [--seed N] [--data DIR] [--config FILE]
 *
 * Proves "no acknowledgement before the write is durable". A driver streams residents' requests
 * into the bot (the simulator in a CHILD process: `sim --script - --json`, real Wechaty on
 * puppet-mock, journal store with fsync), kills it with SIGKILL at random moments, restarts it on
 * the same data folder and sends again every request whose acknowledgement it has not seen, with
 * the SAME message id (as a real puppet re-delivers a message after a reconnect; the bot keeps
 * the ids it has handled in the store). After the last round it checks, from the transcript and
 * the store:
 *  - every acknowledged order (`已登记 #n` seen) exists; no request became two orders; none was lost;
 *  - no reply was lost: every reply recorded in the outbox was sent at least once and the outbox
 *    is empty; replies sent again after a kill (at-least-once delivery) are counted, not hidden.
 * Prints the counts; exits 1 if any check fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { JournalStore } from '../src/adapters/store/journal-store.js';
import type { TranscriptLine } from '../src/adapters/wechaty/simulator.js';
import type { Order } from '../src/core/model.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIM = path.join(ROOT, 'src/cli/sim.ts');
const ROOMS = ['grid1@chatroom', 'grid2@chatroom', 'grid3@chatroom'];

export interface CrashTestOptions {
  /** How many times the bot is killed (the run after the last kill goes to the end). */
  rounds: number;
  requests: number;
  seed: number;
  dataDir?: string;
  config?: string;
  /** Give up waiting for the last acknowledgements after this long. */
  finalTimeoutMs?: number;
  /** Progress lines (one per run of the bot). */
  progress?: (line: string) => void;
}

export interface CrashTestResult {
  seed: number;
  kills: number;
  /** Kills that hit the bot before it printed anything (start-up, replay, compaction). */
  killsDuringStartup: number;
  runs: number;
  requests: number;
  linesSent: number;
  /** Request lines sent again after a kill because their acknowledgement had not been seen. */
  resent: number;
  ordersInStore: number;
  acknowledged: number;
  duplicateOrders: number;
  lostRequests: number;
  acknowledgedButMissing: number;
  ordersNeverAcknowledged: number;
  repliesRecorded: number;
  repliesSent: number;
  distinctRepliesSent: number;
  /** Replies sent a second time after a kill (sent, then killed before "sent" was recorded). */
  repeatedReplies: number;
  lostReplies: number;
  outboxLeft: number;
  failedLeft: number;
  dataDir: string;
  problems: string[];
}

/** A small seeded generator (mulberry32): the same seed gives the same requests and kill points. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Request {
  talker: string;
  line: string;
}

function makeRequests(n: number, rnd: () => number): Request[] {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const out: Request[] = [];
  for (let k = 1; k <= n; k++) {
    const room = ROOMS[int(0, ROOMS.length - 1)]!;
    const where = `${int(1, 12)}号楼${int(1, 4)}单元${int(1, 6)}0${int(1, 4)}`;
    const text =
      rnd() < 0.5
        ? `${where}厨房水管漏了 能来人看看吗 138${String(int(0, 99_999_999)).padStart(8, '0')}`
        : `帮我代缴下这个月电费 ${where}`;
    const talker = `cr-${k}`;
    out.push({ talker, line: JSON.stringify({ from: talker, name: `居民${k}`, room, text, id: `req-${k}` }) });
  }
  return out;
}

/** Lines of chatter (no reply expected) mixed into the stream, so kills also land on quiet messages. */
function chatter(k: number, rnd: () => number): string {
  const room = ROOMS[Math.floor(rnd() * ROOMS.length)]!;
  return JSON.stringify({ from: `cr-${k}`, room, text: ['收到', '谢谢', '好的👍'][k % 3], id: `chat-${k}` });
}

function spawnBot(dataDir: string, config: string | undefined): ChildProcess {
  // node --import tsx runs the bot in THIS child: a SIGKILL hits the bot itself, not a wrapper.
  const env: NodeJS.ProcessEnv = { ...process.env, WECHATY_LOG: 'silent', BROLOG_LEVEL: 'silent' };
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not for the child
  const args = ['--import', 'tsx', SIM, '--script', '-', '--json', '--data', dataDir, ...(config ? ['--config', config] : [])];
  return spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
}

export async function runCrashTest(o: CrashTestOptions): Promise<CrashTestResult> {
  const rnd = random(o.seed);
  const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'grid-bot-crash-'));
  const requests = makeRequests(o.requests, rnd);
  const byTalker = new Map(requests.map((r) => [r.talker, r]));
  const acked = new Map<string, number[]>(); // talker → order numbers acknowledged to them
  const ackNumbers = new Set<number>();
  const sentCount = new Map<string, number>(); // reply (where + text) → times sent
  let current: string | null = null; // the talker of the last person line: replies that follow are theirs
  let linesSent = 0;
  let resent = 0;
  let kills = 0;
  let killsDuringStartup = 0;
  let runs = 0;
  let startupMs = 2500;
  const everSent = new Set<string>();
  const problems: string[] = [];

  const onLine = (l: TranscriptLine) => {
    if (!l.bot) {
      current = l.from;
      return;
    }
    const key = `${l.room ?? `to:${l.to}`}\n${l.text}`;
    sentCount.set(key, (sentCount.get(key) ?? 0) + 1);
    const m = /^已登记 #(\d+)/.exec(l.text);
    if (m && current) {
      const n = Number(m[1]);
      ackNumbers.add(n);
      const list = acked.get(current) ?? [];
      if (!list.includes(n)) list.push(n);
      acked.set(current, list);
    }
  };

  for (let round = 0; round <= o.rounds; round++) {
    const final = round === o.rounds;
    runs++;
    const child = spawnBot(dataDir, o.config);
    const spawnedAt = Date.now();
    let printed = 0;
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    child.stdin!.on('error', () => undefined); // EPIPE after a kill
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));

    // Kill point: mostly after a random number of transcript lines (mid-handling, mid-commit,
    // mid-send), sometimes at a random time during start-up (journal replay, compaction, outbox flush).
    const duringStartup = !final && rnd() < 0.15;
    // About a third of the remaining work per run on average, so kills land all along the stream.
    const killAfterLines = 1 + Math.floor(rnd() * Math.max(12, Math.ceil((6 * o.requests) / Math.max(1, o.rounds))));
    const killDelayMs = Math.floor(rnd() * 15);
    let killTimer: NodeJS.Timeout | undefined;
    const kill = (startup: boolean) => {
      if (child.exitCode !== null || child.killed) return;
      child.kill('SIGKILL');
      kills++;
      if (startup) killsDuringStartup++;
    };
    if (duringStartup) killTimer = setTimeout(() => kill(printed === 0), Math.floor(rnd() * startupMs));
    // A bot that never starts is killed (and reported); one that has nothing left to print is killed idle.
    let idleTimer: NodeJS.Timeout | undefined = setTimeout(() => {
      problems.push(`run ${runs}: printed nothing in 120 s`);
      kill(true);
    }, 120_000);
    const idleKill = () => {
      clearTimeout(idleTimer);
      if (!final) idleTimer = setTimeout(() => kill(false), 1000);
    };

    const lines = readline.createInterface({ input: child.stdout!, crlfDelay: Infinity });
    let allAcked: () => void = () => undefined;
    const done = new Promise<void>((res) => (allAcked = res));
    const pending = () => requests.filter((r) => !acked.has(r.talker));
    lines.on('line', (raw) => {
      if (!raw.trim()) return;
      let l: TranscriptLine;
      try {
        l = JSON.parse(raw) as TranscriptLine;
      } catch {
        problems.push(`run ${runs}: not a transcript line: ${raw.slice(0, 80)}`);
        return;
      }
      if (printed === 0 && !duringStartup) startupMs = Date.now() - spawnedAt;
      printed++;
      idleKill();
      onLine(l);
      if (!final && !duringStartup && printed === killAfterLines) setTimeout(() => kill(false), killDelayMs);
      if (final && pending().length === 0) allAcked();
    });

    // First a line that gets no answer: once it is printed the bot is up, even with nothing left to do.
    child.stdin!.write(`${JSON.stringify({ from: 'cr-probe', room: ROOMS[0], text: '收到', id: `probe-${runs}` })}\n`);
    linesSent++;
    // Then every request not yet acknowledged (with its original id), with some chatter between.
    for (const r of pending()) {
      const k = Number(r.talker.slice(3));
      if (everSent.has(r.talker)) resent++;
      everSent.add(r.talker);
      child.stdin!.write(`${r.line}\n`);
      linesSent++;
      if (rnd() < 0.2) {
        child.stdin!.write(`${chatter(k, rnd)}\n`);
        linesSent++;
      }
    }

    if (final) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), o.finalTimeoutMs ?? 120_000)));
      if (pending().length === 0) allAcked();
      const r = await Promise.race([done, timedOut, exited.then(() => 'exited' as const)]);
      clearTimeout(timer);
      if (r === 'timeout') problems.push(`the last run did not acknowledge ${pending().length} requests in time`);
      if (r === 'exited') problems.push(`the last run exited early: ${stderr.trim().slice(-300)}`);
      child.stdin!.end();
      const code = await exited;
      clearTimeout(idleTimer);
      if (code !== 0 && r !== 'exited') problems.push(`the last run exited with ${code}: ${stderr.trim().slice(-300)}`);
    } else {
      // A run that ends by itself before its kill point (it cannot, stdin stays open) is a failure.
      const code = await exited;
      clearTimeout(killTimer);
      clearTimeout(idleTimer);
      if (child.signalCode !== 'SIGKILL') problems.push(`run ${runs} ended without being killed (code ${code}): ${stderr.trim().slice(-300)}`);
    }
    lines.close();
    o.progress?.(`run ${runs}: ${printed} transcript lines, ${requests.length - pending().length}/${requests.length} acknowledged${final ? '' : ', killed'}`);
  }

  // ── checks against the store ──
  const store = await JournalStore.open(dataDir, { readOnly: true });
  const orders = [...store.values<Order>('orders')];
  const ordersOf = new Map<string, Order[]>();
  for (const ord of orders) ordersOf.set(ord.residentId, [...(ordersOf.get(ord.residentId) ?? []), ord]);
  const byId = new Map(orders.map((x) => [x.id, x]));

  let duplicateOrders = 0;
  let lostRequests = 0;
  for (const r of requests) {
    const mine = ordersOf.get(r.talker) ?? [];
    if (mine.length > 1) {
      duplicateOrders++;
      problems.push(`${r.talker}: one request became ${mine.length} orders (#${mine.map((x) => x.id).join(' #')})`);
    }
    if (mine.length === 0) {
      lostRequests++;
      problems.push(`${r.talker}: no order in the store`);
    }
  }
  let acknowledgedButMissing = 0;
  for (const n of ackNumbers) {
    if (!byId.has(n)) {
      acknowledgedButMissing++;
      problems.push(`#${n} was acknowledged but is not in the store`);
    }
  }
  for (const [talker, ns] of acked) {
    if (!byTalker.has(talker)) problems.push(`an acknowledgement followed ${talker}'s line, which was no request`);
    for (const n of ns) {
      const ord = byId.get(n);
      if (ord && ord.residentId !== talker) problems.push(`#${n} was acknowledged after ${talker}'s request but belongs to ${ord.residentId}`);
    }
  }
  let ordersNeverAcknowledged = 0;
  for (const ord of orders) {
    if (!ackNumbers.has(ord.id)) {
      ordersNeverAcknowledged++;
      problems.push(`#${ord.id} is in the store but its acknowledgement was never sent`);
    }
  }
  const repliesRecorded = store.get<number>('meta', 'outbox') ?? 0;
  const distinctRepliesSent = sentCount.size;
  const repliesSent = [...sentCount.values()].reduce((a, b) => a + b, 0);
  const lostReplies = Math.max(0, repliesRecorded - distinctRepliesSent);
  if (lostReplies) problems.push(`${lostReplies} recorded replies were never sent`);
  if (distinctRepliesSent > repliesRecorded) problems.push(`${distinctRepliesSent - repliesRecorded} replies were sent that were never recorded`);
  const outboxLeft = store.size('outbox');
  const failedLeft = store.size('failed');
  if (outboxLeft) problems.push(`${outboxLeft} replies are still in the outbox`);
  if (failedLeft) problems.push(`${failedLeft} replies failed`);
  await store.close();

  return {
    seed: o.seed,
    kills,
    killsDuringStartup,
    runs,
    requests: requests.length,
    linesSent,
    resent,
    ordersInStore: orders.length,
    acknowledged: ackNumbers.size,
    duplicateOrders,
    lostRequests,
    acknowledgedButMissing,
    ordersNeverAcknowledged,
    repliesRecorded,
    repliesSent,
    distinctRepliesSent,
    repeatedReplies: repliesSent - distinctRepliesSent,
    lostReplies,
    outboxLeft,
    failedLeft,
    dataDir,
    problems,
  };
}

/** The result as the few lines `npm run crash-test` prints. */
export function formatResult(r: CrashTestResult): string {
  return [
    `crash test (seed ${r.seed}): ${r.kills} kills with SIGKILL (${r.killsDuringStartup} during start-up), ${r.runs} runs of the bot on ${r.dataDir}`,
    `requests: ${r.requests}; lines sent: ${r.linesSent} (${r.resent} requests sent again after a kill, same message id)`,
    `orders in the store: ${r.ordersInStore}; acknowledged: ${r.acknowledged}; duplicate orders: ${r.duplicateOrders}; lost requests: ${r.lostRequests}; acknowledged but missing: ${r.acknowledgedButMissing}; never acknowledged: ${r.ordersNeverAcknowledged}`,
    `replies recorded: ${r.repliesRecorded}; sent: ${r.repliesSent} (distinct ${r.distinctRepliesSent}, repeated after a kill ${r.repeatedReplies}); lost: ${r.lostReplies}; left in the outbox: ${r.outboxLeft}; failed: ${r.failedLeft}`,
    r.problems.length ? `FAILED:\n  ${r.problems.slice(0, 20).join('\n  ')}` : 'OK: nothing acknowledged was lost or duplicated, no reply was lost',
  ].join('\n');
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string', default: '20' },
      requests: { type: 'string', default: '200' },
      seed: { type: 'string' },
      data: { type: 'string' },
      config: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const num = (name: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) {
      process.stderr.write(`--${name} must be a whole number ≥ ${min}\nusage: npm run crash-test -- [--rounds N] [--requests N] [--seed N] [--data DIR] [--config FILE]\n`);
      process.exit(2);
    }
    return n;
  };
  const seed = values.seed === undefined ? Date.now() % 1_000_000 : num('seed', values.seed, 0);
  const r = await runCrashTest({
    rounds: num('rounds', values.rounds, 0),
    requests: num('requests', values.requests, 1),
    seed,
    dataDir: values.data ? path.resolve(values.data) : undefined,
    config: values.config ? path.resolve(values.config) : undefined,
    progress: values.quiet ? undefined : (l) => process.stderr.write(`${l}\n`),
  });
  process.stdout.write(`${formatResult(r)}\n`);
  process.exit(r.problems.length ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  cli().catch((e) => {
    process.stderr.write(`crash test failed to run: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
