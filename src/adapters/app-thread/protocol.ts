/** What the main thread and the app's worker thread say to each other (structured-clone data only). */
import type { AppConfig } from '../../core/config-schema.js';
import type { InboundMessage, Reply } from '../../app/ports.js';
import type { Level } from '../log.js';

/** Given to the worker when it starts. */
export interface AppThreadInit {
  config: AppConfig;
  dataDir: string;
  fsync: boolean;
  /** The app's clock is `Date.now() + clockOffsetMs` (0 except in benchmarks). */
  clockOffsetMs: number;
  logLevel: Level;
  /** Run the minute ticker (reminders, follow-ups, reports) and the daily backups in the worker. */
  schedules: boolean;
  /** Daily backups kept (with `schedules`). */
  backupsKeep: number;
}

/** The main thread's calls; each is answered once, by `id`. */
export type Call =
  /** `applied`: also say when the change is made (note `applied`), before it is on disk. */
  | { op: 'message'; msg: InboundMessage; applied?: boolean }
  | { op: 'sent'; replyId: string }
  | { op: 'failed'; reply: Reply; error: string }
  | { op: 'pending' }
  | { op: 'loggedIn'; at: number }
  | { op: 'loggedOut'; at: number }
  | { op: 'tick' }
  | { op: 'info' }
  | { op: 'close' };

export type Request = Call & { id: number };

/** What `info` answers. */
export interface AppThreadInfo {
  orders: number;
  /** The number the next order gets. */
  nextOrderId: number;
}

export interface ErrorData {
  name: string;
  message: string;
}

/** From the worker: answers, and what it says on its own. */
export type WorkerNote =
  | { t: 'answer'; id: number; ok: true; value: unknown }
  | { t: 'answer'; id: number; ok: false; error: ErrorData }
  | { t: 'applied'; id: number }
  | { t: 'ready'; featureRooms: string[] }
  | { t: 'failed-to-start'; error: ErrorData }
  /** Replies the ticker made (due reminders, follow-ups): to send. */
  | { t: 'push'; replies: Reply[] }
  | { t: 'log'; line: string };

export function errorData(e: unknown): ErrorData {
  return e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
}
