/**
 * The app's own thread (`npm start`): the store, the parser, the order logic and the schedules run
 * here, Wechaty and the puppet in the main thread. A message costs the main thread only its
 * hand-over, so WeChat's traffic is read and replies are sent while the app works on the other
 * core; a long job (a year's ledger, a points table after a restart) holds up the app's queue but
 * never the connection.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { noteLoggedIn, noteLoggedOut } from '../../app/connection-notices.js';
import type { Reply } from '../../app/ports.js';
import { createLogger } from '../log.js';
import { guardProcess } from '../process-guard.js';
import { openApp } from '../open-app.js';
import { startTicker } from '../scheduler/cron-ticker.js';
import { startDailyBackups } from '../store/backups.js';
import { errorData, type AppThreadInfo, type AppThreadInit, type Request, type WorkerNote } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('app-worker runs as a worker thread (see threaded-runtime.ts)');
const init = workerData as AppThreadInit;
// What the worker says while handling one event goes over in one message (see app-thread.ts).
let notes: WorkerNote[] = [];
const post = (note: WorkerNote) => {
  if (notes.push(note) === 1) queueMicrotask(() => {
    const batch = notes;
    notes = [];
    port.postMessage(batch);
  });
};
const log = createLogger(init.logLevel, (line) => post({ t: 'log', line }));
const clock = { now: () => Date.now() + init.clockOffsetMs };
// As in the main thread: a library's stray error is logged in one line and the app keeps running
// (its own work catches its errors where they happen). Anything else ends the thread, and the
// main thread then ends the process (`onFatal` in main.ts).
guardProcess(log);

async function start(): Promise<void> {
  const { app, store } = await openApp({ config: init.config, dataDir: init.dataDir, fsync: init.fsync, clock, log });
  let loggedIn = false;
  const push = (replies: Reply[]) => {
    if (replies.length) post({ t: 'push', replies });
  };
  const ticker = init.schedules ? startTicker(app, clock, push, log, init.config.timezone, () => loggedIn) : null;
  const backups = init.schedules ? startDailyBackups(store, (fn) => app.serial(fn), clock.now, { keep: init.backupsKeep, timezone: init.config.timezone }, log) : null;

  const answer = async (c: Request): Promise<unknown> => {
    switch (c.op) {
      case 'message': {
        const { replies, durable } = await app.applyMessage(c.msg);
        if (c.applied) post({ t: 'applied', id: c.id });
        await durable;
        return replies;
      }
      case 'sent':
        return app.markSent(c.replyId);
      case 'failed':
        return app.markFailed(c.reply, c.error);
      case 'pending':
        return app.pendingReplies();
      case 'loggedIn':
        loggedIn = true;
        return noteLoggedIn(app, c.at);
      case 'loggedOut':
        loggedIn = false;
        return noteLoggedOut(app, c.at);
      case 'tick':
        await ticker?.tick();
        return undefined;
      case 'info':
        await store.whenLoaded();
        return { orders: store.size('orders'), nextOrderId: (store.get<number>('meta', 'order') ?? 0) + 1 } satisfies AppThreadInfo;
      case 'close':
        ticker?.stop();
        backups?.stop();
        await app.serial(async () => undefined);
        await store.close();
        return undefined; // the main thread ends this thread once it has the answer
    }
  };
  port!.on('message', (batch: Request[]) => {
    for (const r of batch) {
      answer(r).then(
        (value) => post({ t: 'answer', id: r.id, ok: true, value }),
        (e: unknown) => post({ t: 'answer', id: r.id, ok: false, error: errorData(e) }),
      );
    }
  });
  post({ t: 'ready', featureRooms: app.featureRooms() });
}

start().catch((e: unknown) => {
  post({ t: 'failed-to-start', error: errorData(e) });
});
