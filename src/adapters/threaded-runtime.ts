/**
 * `npm start`'s composition: the app and its store in a worker thread (app-thread/), Wechaty and
 * the puppet in this one. Replies the worker's ticker makes go out through the same queue.
 */
import type { Wechaty } from 'wechaty';
import type { AppConfig } from '../core/config-schema.js';
import { composeBot, type BotOptions } from './compose-bot.js';
import { startAppThread, type AppThread } from './app-thread/app-thread.js';
import type { AttachedBot } from './wechaty/attach-bot.js';
import type { ConnectionKeeper } from './wechaty/connection-keeper.js';
import type { Level } from './log.js';

export interface ThreadedRuntimeOptions extends BotOptions {
  config: AppConfig;
  dataDir: string;
  fsync?: boolean;
  logLevel: Level;
  /** The minute ticker and the daily backups (npm start). */
  schedules?: boolean;
  /** The app thread died: the process should end (and be restarted by its service manager). */
  onFatal(e: Error): void;
  /** Work for this thread while the worker opens the store on the other core (loading the puppet). */
  whileStarting?: () => Promise<unknown>;
}

export interface ThreadedRuntime {
  bot: Wechaty;
  app: AppThread;
  attached: AttachedBot;
  keeper: ConnectionKeeper;
  /** See `ComposedBot.stop`. */
  stop(opts?: { keepLogin?: boolean; drainMs?: number }): Promise<void>;
}

export async function createThreadedRuntime(o: ThreadedRuntimeOptions): Promise<ThreadedRuntime> {
  let attached: AttachedBot | null = null;
  const early: Parameters<AttachedBot['queue']['push']>[0][] = [];
  const starting = startAppThread({
    config: o.config,
    dataDir: o.dataDir,
    ...(o.fsync !== undefined ? { fsync: o.fsync } : {}),
    clock: o.clock,
    log: o.log,
    logLevel: o.logLevel,
    schedules: o.schedules ?? false,
    backupsKeep: o.config.backups.keep,
    onPush: (r) => (attached ? attached.queue.push(r) : early.push(r)),
    onFatal: o.onFatal,
  });
  if (o.whileStarting) {
    try {
      await o.whileStarting();
    } catch (e) {
      await starting.then((a) => a.close()).catch(() => undefined);
      throw e;
    }
  }
  const app = await starting;
  const composed = composeBot(app, o);
  attached = composed.attached;
  for (const r of early.splice(0)) attached.queue.push(r);
  return { ...composed, app };
}
