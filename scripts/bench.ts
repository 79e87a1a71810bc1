/**
 * npm run bench [-- --json] [--rounds 5] [--messages 4000] [--warm 4000] [--skip-startup] [--skip-ledger]
 *
 * The benchmark (not a test). Prints a table and, with --json, one JSON object as its last line:
 *   e2e_ratio        full bot msgs/s ÷ bare echo bot msgs/s, same Wechaty + puppet-mock pipeline,
 *                    same messages, 70 rooms, pacing off, same run (median of the rounds' ratios)
 *   e2e_msgs_per_s   the full bot's figure (empty store; median)
 *   history_ratio    full bot msgs/s with 100,000 stored orders ÷ with an empty store (median)
 *   startup_ms_100k  `npm start`'s process (dist/bundle/start.cjs) with 100,000 stored orders, on
 *                    puppet-mock (no network): process start → "grid bot started" (median of 3,
 *                    after one start that writes the code cache)
 *   rss_mb_100k      its resident memory once the stored history is loaded
 *   parse_per_s      parser readings per second on one core (scripts/bench-parse.ts)
 *   ledger_s_100k    seconds for `npm run ledger` to export 100,000 orders to xlsx, as it reports
 *                    them (open, rows, write; null without the script); the whole command in details
 *
 * BENCH_CPU_PROFILE=FILE.cpuprofile with `--child KIND` writes a CPU profile of the timed phase;
 * BENCH_VARIANT=noop|no-send with `--child full` replaces parts of the full bot (diagnosis).
 *
 * Each end-to-end run is a child process of its own (`--child`), so no run warms the code of the
 * next; the three kinds take turns within each round, so a busy machine slows them alike.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { JournalStore } from '../src/adapters/store/journal-store.js';
import { benchParse } from './bench-parse.js';
import { buildStream, mix } from './bench-stream.js';
import { benchConfig } from './bench-world.js';
import { writeHistory } from './gen-history.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HISTORY_ORDERS = 100_000;
/** Bump when gen-history or the data layout changes: the cached history is made again. */
const HISTORY_VERSION = 4;
const KINDS = ['echo', 'full', 'full100k'] as const;
type Kind = (typeof KINDS)[number];

const GOALS = {
  e2e_ratio: { goal: '≥ 0.5', ok: (v: number) => v >= 0.5 },
  e2e_msgs_per_s: { goal: 'report', ok: () => true },
  history_ratio: { goal: '≥ 0.9', ok: (v: number) => v >= 0.9 },
  startup_ms_100k: { goal: '≤ 1500', ok: (v: number) => v <= 1500 },
  rss_mb_100k: { goal: '≤ 300', ok: (v: number) => v <= 300 },
  parse_per_s: { goal: '≥ 20000', ok: (v: number) => v >= 20000 },
  ledger_s_100k: { goal: '≤ 10', ok: (v: number) => v <= 10 },
} as const;

interface E2eResult {
  kind: Kind;
  messages: number;
  seconds: number;
  msgs_per_s: number;
  cpu_ms_per_msg: number;
  /** Time the main thread (the event loop) was busy, per message (wall clock: includes time taken by other processes). */
  main_ms_per_msg: number;
  /** CPU time of the main thread alone per message (Linux; null elsewhere): what limits the rate, unmoved by other load. */
  main_cpu_ms_per_msg: number | null;
  /** Time the app's worker thread was busy per message (full bot; null for the echo bot or the app in the main thread). */
  app_thread_ms_per_msg: number | null;
  /** CPU time per message of each thread that ran (Linux): the main thread first, then the busiest (the app's worker, V8's GC helpers, libuv's pool). */
  cpu_ms_per_msg_by_thread: number[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};
const round = (x: number, d = 0) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);
const log = (s: string) => process.stderr.write(`${s}\n`);

/** A copy of the year of history (made once per version and kept in the temp folder). */
async function historyCopy(): Promise<string> {
  const cache = path.join(os.tmpdir(), `grid-bot-bench-history-v${HISTORY_VERSION}-${HISTORY_ORDERS}`);
  if (!fs.existsSync(path.join(cache, 'done'))) {
    log(`generating ${HISTORY_ORDERS.toLocaleString('en-US')} orders of history in ${cache} (once)…`);
    fs.rmSync(cache, { recursive: true, force: true });
    await writeHistory(cache, { orders: HISTORY_ORDERS, config: benchConfig() });
    fs.writeFileSync(path.join(cache, 'done'), '');
  }
  // The store never writes into its snapshot (a new one replaces it by rename): a hard link serves
  // as a copy without writing 126 MB that the disk would still be flushing during the next run.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-bench-100k-'));
  const snap = JournalStore.snapshotPath(cache);
  try {
    fs.linkSync(snap, JournalStore.snapshotPath(dir));
  } catch {
    fs.copyFileSync(snap, JournalStore.snapshotPath(dir));
  }
  fs.copyFileSync(JournalStore.journalPath(cache), JournalStore.journalPath(dir));
  return dir;
}

/** Runs this script as a child for one end-to-end run and reads its JSON line. */
function runChild(args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, WECHATY_LOG: 'silent', BROLOG_LEVEL: 'silent' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(last));
      } catch (e) {
        reject(new Error(`bench child ${args.join(' ')} failed (${(e as Error).message}): ${out.slice(-500)}`));
      }
    });
  });
}

/** One end-to-end run (in the child): warm the rooms and the code, then time the stream. */
async function e2eChild(kind: Kind, messages: number, warmMessages: number, dataDir?: string): Promise<E2eResult> {
  const { startWorld, warmRooms } = await import('./bench-pipeline.js');
  const config = benchConfig();
  const world = await startWorld(config, kind === 'echo' ? 'echo' : 'full', dataDir);
  // Let the work of getting ready (reading the archive, the collections it leaves) die down.
  await new Promise((res) => setTimeout(res, 1000));
  const firstId = world.runtime ? (await world.runtime.info()).nextOrderId : 1;
  await world.play(warmRooms(config), 8);
  const warm = buildStream(config, warmMessages, firstId, 1);
  await world.play(warm.messages);
  const timed = buildStream(config, messages, warm.nextOrderId, 2);
  const profile = process.env.BENCH_CPU_PROFILE ? await startProfile() : null;
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const appElu0 = world.runtime?.utilisation?.();
  const main0 = mainThreadCpuNs();
  const threads0 = threadsCpuNs();
  const seconds = await world.play(timed.messages);
  const cpu = process.cpuUsage(cpu0);
  const elu = performance.eventLoopUtilization(elu0);
  const appElu = appElu0 ? world.runtime!.utilisation!(appElu0) : null;
  const mainCpu = main0 === null ? null : (mainThreadCpuNs()! - main0) / 1e6 / messages;
  const threads = threadsCpuNs();
  // Node names no thread: the main one has the process's id; the others are listed busiest first.
  const perThread = [...threads]
    .map(([tid, t]) => ({ tid, ms: (t.ns - (threads0.get(tid)?.ns ?? 0)) / 1e6 / messages }))
    .filter((t) => t.ms >= 0.001)
    .sort((a, b) => Number(b.tid === String(process.pid)) - Number(a.tid === String(process.pid)) || b.ms - a.ms)
    .map((t) => round(t.ms, 3)!);
  if (profile) await profile.stopTo(process.env.BENCH_CPU_PROFILE!);
  await world.stop();
  return { kind, messages, seconds, msgs_per_s: messages / seconds, cpu_ms_per_msg: (cpu.user + cpu.system) / 1000 / messages, main_ms_per_msg: elu.active / messages, main_cpu_ms_per_msg: mainCpu, app_thread_ms_per_msg: appElu ? appElu.active / messages : null, cpu_ms_per_msg_by_thread: perThread };
}

/** CPU nanoseconds of each of this process's threads by id, with the thread's name (Linux; empty elsewhere). */
function threadsCpuNs(): Map<string, { name: string; ns: number }> {
  const out = new Map<string, { name: string; ns: number }>();
  try {
    for (const tid of fs.readdirSync('/proc/self/task')) {
      const name = fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      out.set(tid, { name, ns: Number(fs.readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) });
    }
  } catch {
    // not Linux
  }
  return out;
}

/** Nanoseconds the calling thread has run on a CPU (Linux's schedstat), or null where unknown. */
function mainThreadCpuNs(): number | null {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

/** V8's sampling profiler around the timed phase only (`BENCH_CPU_PROFILE=FILE.cpuprofile`). */
async function startProfile(): Promise<{ stopTo(file: string): Promise<void> }> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return {
    async stopTo(file) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

interface StartupResult {
  ready_ms: number;
  cpu_ms: number;
  loaded_ms: number;
  rss_mb: number;
}

/** Starts `npm start`'s process on a copy of the history (puppet-mock: no network) and watches it. */
function startupRun(configFile: string, dataDir: string): Promise<StartupResult> {
  const main = path.join(ROOT, 'dist/bundle/start.cjs');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run "npm run bundle" first (npm run bench does)`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [main, '--config', configFile, '--data', dataDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WECHATY_PUPPET: 'wechaty-puppet-mock', WECHATY_LOG: 'silent', BROLOG_LEVEL: 'silent', GRID_BOT_LOG: 'info' },
    });
    const proc = (f: string) => fs.readFileSync(`/proc/${child.pid}/${f}`, 'utf8');
    const cpuMs = () => {
      const fields = proc('stat').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    };
    const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(proc('status'))![1]) / 1024;
    let text = '';
    let ready: { ms: number; cpu: number } | null = null;
    let loadedAt = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bot did not get ready: ${text.slice(-800)}`));
    }, 120_000);
    const watch = (d: Buffer) => {
      text += d;
      if (!ready && text.includes('grid bot started')) {
        ready = { ms: performance.now() - t0, cpu: os.platform() === 'linux' ? cpuMs() : NaN };
      }
      if (!loadedAt && text.includes('data loaded')) loadedAt = performance.now() - t0;
      if (ready && loadedAt) {
        child.stdout.off('data', watch);
        child.stderr.off('data', watch);
        // Let the last background work settle, then read the resident memory (3 s after loading).
        setTimeout(() => {
          const rss = os.platform() === 'linux' ? rssMb() : NaN;
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve({ ready_ms: ready!.ms, cpu_ms: ready!.cpu, loaded_ms: loadedAt, rss_mb: rss });
        }, 3000);
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('exit', (code) => {
      if (!ready || !loadedAt) {
        clearTimeout(timer);
        reject(new Error(`the bot exited (${code}) before it was ready: ${text.slice(-800)}`));
      }
    });
  });
}

/**
 * `npm run ledger` (the staff-tools issue) on a copy of the history, if this checkout has it:
 * the export as the tool times it (open the data, build the rows, write the .xlsx), and the whole
 * command (with npm and the TypeScript loader starting).
 */
function ledgerRun(dataDir: string, configFile: string): { export_s: number; command_s: number } | null {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (!pkg.scripts?.ledger) return null;
  const out = path.join(dataDir, 'ledger.xlsx');
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', '--silent', 'ledger', '--', '--config', configFile, '--data', dataDir, '--out', out], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, WECHATY_LOG: 'silent' },
  });
  const command = (performance.now() - t0) / 1000;
  const stderr = r.stderr.toString();
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`npm run ledger failed: ${stderr.slice(-500)}`);
  const told = /in ([\d.]+) s/.exec(stderr);
  return { export_s: told ? Number(told[1]) : command, command_s: command };
}

/** How long one small synced append takes on the disk the data lives on. */
function fsyncMs(dir: string): number {
  const file = path.join(dir, 'fsync-probe');
  const fd = fs.openSync(file, 'w');
  const line = Buffer.alloc(300, 0x61);
  const t0 = performance.now();
  for (let i = 0; i < 30; i++) {
    fs.writeSync(fd, line);
    fs.fdatasyncSync(fd);
  }
  fs.closeSync(fd);
  fs.rmSync(file);
  return (performance.now() - t0) / 30;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    node: process.version,
    memory_gb: Math.round(os.totalmem() / 1e9),
    load_avg: os.loadavg().map((x) => round(x, 2)),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '5' },
      messages: { type: 'string', default: '4000' },
      warm: { type: 'string', default: '4000' },
      'skip-startup': { type: 'boolean', default: false },
      'skip-ledger': { type: 'boolean', default: false },
      child: { type: 'string' },
      data: { type: 'string' },
    },
    strict: true,
  });
  const messages = Number(values.messages);
  if (values.child) {
    const r = await e2eChild(values.child as Kind, messages, Number(values.warm), values.data);
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  }
  const rounds = Math.max(1, Number(values.rounds));
  const info = machine();
  log(`bench on ${info.cores} × ${info.cpu}, Node ${info.node}, load ${info.load_avg.join(' ')}`);

  const parse = benchParse(50_000);
  log(`parser: ${Math.round(parse).toLocaleString('en-US')} readings/s`);

  const config = benchConfig();
  const stream = buildStream(config, messages, 1, 2).messages;
  const runs: Record<Kind, E2eResult[]> = { echo: [], full: [], full100k: [] };
  const e2eRatios: number[] = [];
  const historyRatios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const round: Partial<Record<Kind, E2eResult>> = {};
    // Each round starts with another kind, so that none always runs after the same one.
    for (const kind of [...KINDS.slice(r % KINDS.length), ...KINDS.slice(0, r % KINDS.length)]) {
      const args = ['--child', kind, '--messages', String(messages), '--warm', values.warm];
      let dir: string | undefined;
      if (kind !== 'echo') {
        dir = kind === 'full100k' ? await historyCopy() : fs.mkdtempSync(path.join(os.tmpdir(), 'gb-bench-empty-'));
        args.push('--data', dir);
      }
      const res = (await runChild(args)) as unknown as E2eResult;
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      runs[kind].push(res);
      round[kind] = res;
      log(`round ${r + 1} ${kind.padEnd(8)} ${Math.round(res.msgs_per_s).toLocaleString('en-US').padStart(6)} msgs/s  ${res.cpu_ms_per_msg.toFixed(3)} ms CPU/msg  ${res.main_cpu_ms_per_msg?.toFixed(3) ?? '-'} ms main-thread CPU/msg`);
    }
    e2eRatios.push(round.full!.msgs_per_s / round.echo!.msgs_per_s);
    historyRatios.push(round.full100k!.msgs_per_s / round.full!.msgs_per_s);
  }

  let startup: StartupResult | null = null;
  const startups: StartupResult[] = [];
  let ledger: { export_s: number; command_s: number } | null = null;
  const configFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gb-bench-config-')), 'bench-70-grids.json');
  fs.writeFileSync(configFile, JSON.stringify(config));
  let firstStart: StartupResult | null = null;
  if (!values['skip-startup']) {
    // The first start after a build has no code cache yet (it writes it): measured apart.
    for (const f of ['grid-bot.cjs', 'app-worker.cjs']) fs.rmSync(path.join(ROOT, `dist/bundle/${f}.v8cache`), { force: true });
    for (let i = 0; i <= 3; i++) {
      const dir = await historyCopy();
      const s = await startupRun(configFile, dir);
      fs.rmSync(dir, { recursive: true, force: true });
      if (i === 0) {
        firstStart = s;
        await new Promise((res) => setTimeout(res, 500)); // the cache is written 3 s after start
      } else startups.push(s);
      log(`start-up ${i === 0 ? '(first, no code cache)' : i}: ready in ${Math.round(s.ready_ms)} ms (${Math.round(s.cpu_ms)} ms CPU), history loaded at ${Math.round(s.loaded_ms)} ms, ${Math.round(s.rss_mb)} MB resident`);
    }
    startup = {
      ready_ms: median(startups.map((s) => s.ready_ms)),
      cpu_ms: median(startups.map((s) => s.cpu_ms)),
      loaded_ms: median(startups.map((s) => s.loaded_ms)),
      rss_mb: median(startups.map((s) => s.rss_mb)),
    };
  }
  if (!values['skip-ledger']) {
    const dir = await historyCopy();
    ledger = ledgerRun(dir, configFile);
    if (ledger) log(`ledger: ${ledger.export_s} s to export (npm run ledger took ${ledger.command_s.toFixed(1)} s in all)`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-bench-fsync-'));
  const fsync = fsyncMs(probeDir);
  fs.rmSync(probeDir, { recursive: true, force: true });

  const result = {
    e2e_ratio: round(median(e2eRatios), 3),
    e2e_msgs_per_s: round(median(runs.full.map((r) => r.msgs_per_s))),
    history_ratio: round(median(historyRatios), 3),
    startup_ms_100k: startup ? round(startup.ready_ms) : null,
    rss_mb_100k: startup ? round(startup.rss_mb) : null,
    parse_per_s: round(parse),
    ledger_s_100k: ledger === null ? null : round(ledger.export_s, 1),
    details: {
      echo_msgs_per_s: round(median(runs.echo.map((r) => r.msgs_per_s))),
      full_100k_msgs_per_s: round(median(runs.full100k.map((r) => r.msgs_per_s))),
      cpu_ms_per_msg: Object.fromEntries(KINDS.map((k) => [k, round(median(runs[k].map((r) => r.cpu_ms_per_msg)), 3)])),
      main_cpu_ms_per_msg: Object.fromEntries(KINDS.map((k) => [k, round(median(runs[k].map((r) => r.main_cpu_ms_per_msg ?? NaN)), 3)])),
      app_thread_busy_ms_per_msg: Object.fromEntries(KINDS.filter((k) => k !== 'echo').map((k) => [k, round(median(runs[k].map((r) => r.app_thread_ms_per_msg ?? NaN)), 3)])),
      cpu_ms_per_msg_by_thread: Object.fromEntries(KINDS.map((k) => [k, runs[k].at(-1)?.cpu_ms_per_msg_by_thread ?? []])),
      rounds,
      messages_per_run: messages,
      warm_up_messages_per_run: Number(values.warm),
      message_mix: mix(stream),
      ledger_command_s_100k: ledger === null ? null : round(ledger.command_s, 1),
      startup_cpu_ms_100k: startup ? round(startup.cpu_ms) : null,
      startup_ms_100k_first: firstStart ? round(firstStart.ready_ms) : null,
      history_loaded_ms_100k: startup ? round(startup.loaded_ms) : null,
      fsync_ms: round(fsync, 2),
      machine: { ...info, load_avg_end: os.loadavg().map((x) => round(x, 2)) },
    },
  };

  const rows = (Object.keys(GOALS) as (keyof typeof GOALS)[]).map((k) => {
    const v = result[k];
    const g = GOALS[k];
    return [k, v === null ? 'null' : String(v), g.goal, v === null ? '–' : g.ok(v) ? 'ok' : 'MISSED'];
  });
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['key', 'value', 'goal', ''][i]!.length));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  process.stdout.write(`${line(['key', 'value', 'goal', ''])}\n${rows.map(line).join('\n')}\n`);
  process.stdout.write(
    `echo bot ${result.details.echo_msgs_per_s} msgs/s; full bot with 100k orders ${result.details.full_100k_msgs_per_s} msgs/s; ` +
      `CPU ms/msg ${JSON.stringify(result.details.cpu_ms_per_msg)}; fsync ${result.details.fsync_ms} ms; load ${info.load_avg.join(' ')} → ${result.details.machine.load_avg_end.join(' ')}\n`,
  );
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
