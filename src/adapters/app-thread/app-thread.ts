/**
 * The main thread's side of the app's worker thread: the app as an `AppEndpoint` whose calls are
 * messages to the worker (see app-worker.ts).
 */
import { Worker } from 'node:worker_threads';
import type { EventLoopUtilization } from 'node:perf_hooks';
import type { Clock, Reply } from '../../app/ports.js';
import type { AppEndpoint } from '../app-endpoint.js';
import type { Level, Logger } from '../log.js';
import { StoreError } from '../store/journal-store.js';
import type { AppConfig } from '../../core/config-schema.js';
import type { AppThreadInfo, AppThreadInit, Call, ErrorData, Request, WorkerNote } from './protocol.js';

export interface AppThreadOptions {
  config: AppConfig;
  dataDir: string;
  fsync?: boolean;
  clock: Clock;
  log: Logger;
  logLevel: Level;
  /** The minute ticker and the daily backups (npm start); off in benchmarks. */
  schedules?: boolean;
  backupsKeep?: number;
  /** Where the worker's log lines go (already formatted). */
  writeLog?: (line: string) => void;
  /** Replies the worker's ticker made. */
  onPush(replies: Reply[]): void;
  /** The worker died: nothing more can be handled. */
  onFatal(e: Error): void;
  /** Another worker script speaking the same protocol (tests of this side); default app-worker. */
  workerUrl?: URL;
}

export interface AppThread extends AppEndpoint {
  info(): Promise<AppThreadInfo>;
  /** Runs the ticker once now (after a login: what fell due meanwhile). */
  tick(): Promise<void>;
  /** How busy the worker's event loop has been (`performance.eventLoopUtilization`; benchmarks). */
  utilisation(since?: EventLoopUtilization): EventLoopUtilization;
}

/**
 * The worker's young generation, in MB. V8 grows it to 32 MB while a year of orders loads and keeps
 * it: with 8 the process holds about 25 MB less (RSS 273 against 293–309 MB with 100,000 orders),
 * and messages are handled as fast (their garbage dies young either way).
 */
const YOUNG_GENERATION_MB = 8;

/** The code the worker runs: the built file next to the bundle, or the sources through tsx. */
function workerEntry(): { url: URL; entry?: string } {
  const here = import.meta.url;
  if (/\.[cm]?ts$/.test(here)) return { url: new URL('./boot-tsx.mjs', here), entry: new URL('./app-worker.ts', here).href };
  return { url: new URL('./start.cjs', here) }; // dist/bundle: start.cjs loads app-worker.cjs in a worker
}

function toError(e: ErrorData): Error {
  const err = e.name === 'StoreError' ? new StoreError(e.message) : new Error(e.message);
  if (e.name !== 'StoreError') err.name = e.name;
  return err;
}

/** Starts the worker and resolves once its store is open and its app built. */
export function startAppThread(o: AppThreadOptions): Promise<AppThread> {
  const init: AppThreadInit = {
    config: o.config,
    dataDir: o.dataDir,
    fsync: o.fsync ?? true,
    clockOffsetMs: o.clock.now() - Date.now(),
    logLevel: o.logLevel,
    schedules: o.schedules ?? false,
    backupsKeep: o.backupsKeep ?? 7,
  };
  const { url, entry } = o.workerUrl ? { url: o.workerUrl, entry: undefined } : workerEntry();
  const worker = new Worker(url, { workerData: { ...init, entry }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  const writeLog = o.writeLog ?? ((line: string) => process.stderr.write(`${line}\n`));
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  let dead: Error | null = null;
  let closing = false;
  const appliedCalls = new Map<number, () => void>();

  const die = (e: Error) => {
    if (dead) return;
    dead = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    appliedCalls.clear();
  };
  // Calls made in one turn of the event loop go over in one message: a message port costs about
  // as much per message as the app does per chat line, and a busy bot makes dozens of calls a turn.
  let outbox: Request[] = [];
  const flush = () => {
    const batch = outbox;
    outbox = [];
    if (!dead) worker.postMessage(batch);
  };
  const call = <T>(c: Call, applied?: () => void): Promise<T> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (applied) appliedCalls.set(id, applied);
      if (outbox.push({ ...c, id } as Request) === 1) setImmediate(flush);
    });
  };

  return new Promise<AppThread>((resolveStart, rejectStart) => {
    let started = false;
    const thread: AppThread = {
      config: o.config,
      featureRooms: () => [],
      handleMessage: (msg, applied) => call({ op: 'message', msg, ...(applied ? { applied: true } : {}) }, applied),
      markSent: (replyId) => call({ op: 'sent', replyId }),
      markFailed: (reply, error) => call({ op: 'failed', reply, error }),
      pendingReplies: () => call({ op: 'pending' }),
      noteLoggedIn: (at) => call({ op: 'loggedIn', at }),
      noteLoggedOut: (at) => call({ op: 'loggedOut', at }),
      info: () => call({ op: 'info' }),
      tick: () => call({ op: 'tick' }),
      utilisation: (since) => worker.performance.eventLoopUtilization(since),
      async close() {
        if (dead) return;
        closing = true;
        await call({ op: 'close' });
        await worker.terminate();
        die(new Error('the app thread is closed'));
      },
    };
    const note = (n: WorkerNote) => {
      switch (n.t) {
        case 'answer': {
          const w = waiting.get(n.id);
          if (!w) return;
          waiting.delete(n.id);
          appliedCalls.delete(n.id);
          if (n.ok) w.resolve(n.value);
          else w.reject(toError(n.error));
          return;
        }
        case 'applied': {
          const cb = appliedCalls.get(n.id);
          appliedCalls.delete(n.id);
          cb?.();
          return;
        }
        case 'log':
          writeLog(n.line);
          return;
        case 'push':
          o.onPush(n.replies);
          return;
        case 'ready': {
          started = true;
          const rooms = n.featureRooms;
          thread.featureRooms = () => rooms;
          resolveStart(thread);
          return;
        }
        case 'failed-to-start':
          die(toError(n.error));
          void worker.terminate();
          rejectStart(dead);
          return;
      }
    };
    worker.on('message', (notes: WorkerNote[]) => notes.forEach(note));
    const lost = (e: Error) => {
      if (closing && !e.message.startsWith('the app thread failed')) return;
      const first = !dead;
      die(e);
      if (!started) rejectStart(e);
      else if (first) o.onFatal(e);
    };
    worker.on('error', (e) => lost(new Error(`the app thread failed: ${e.message}`)));
    worker.on('exit', (code) => lost(new Error(`the app thread stopped (exit code ${code})`)));
  });
}
