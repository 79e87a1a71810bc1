/**
 * Process-wide error handlers for `npm start`, for LIBRARY faults only: the bot's own handlers
 * catch their errors where they happen and never rely on these.
 *
 * wechat4u installs an `uncaughtException` handler when it is imported that prints every stray
 * error, stack and all, to stdout (and the puppet leaves a few stray rejections behind when it is
 * stopped). We import the puppet ourselves, remove what it installed, and log one line instead.
 */
import type { Logger } from './log.js';
import { shortError } from './wechaty/connection-keeper.js';
import { importPuppet } from './wechaty/import-puppet.js';

const EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
type Listener = (...args: unknown[]) => void;
/** process.listeners() is typed per event; both events hold plain functions. */
const listeners = (e: (typeof EVENTS)[number]): Listener[] => process.listeners(e as 'uncaughtException') as unknown as Listener[];

/** Imports a module and removes the process-wide error handlers its import installed. Returns how many. */
export async function importWithoutProcessHandlers(specifier: string): Promise<number> {
  const before = new Map(EVENTS.map((e) => [e, new Set(listeners(e))]));
  await importPuppet(specifier);
  let removed = 0;
  for (const e of EVENTS) {
    for (const l of listeners(e)) {
      if (!before.get(e)!.has(l)) {
        process.off(e, l);
        removed++;
      }
    }
  }
  return removed;
}

export interface ProcessGuard {
  readonly caught: number;
  uninstall(): void;
}

/**
 * Logs a stray library error in one line (repeats of the same message within a minute are counted,
 * not printed) and keeps the bot running: its state is on disk and its own work is caught inside.
 * `expected()` says the keeper is restarting the puppet: errors then are noise and go to debug.
 */
export function guardProcess(log: Logger, expected: () => boolean = () => false, now: () => number = Date.now): ProcessGuard {
  let caught = 0;
  const last = new Map<string, { at: number; repeats: number }>();
  const handler = (e: unknown) => {
    caught++;
    const text = shortError(e);
    if (expected()) {
      log.debug(`library error while the puppet restarts: ${text}`);
      return;
    }
    const seen = last.get(text);
    if (seen && now() - seen.at < 60_000) {
      seen.repeats++;
      return;
    }
    const repeats = seen?.repeats ? ` (repeated ${seen.repeats} times in the last minute)` : '';
    log.warn(`a library failed outside the bot's handlers: ${text}${repeats}; the bot keeps running`);
    last.set(text, { at: now(), repeats: 0 });
  };
  for (const e of EVENTS) process.on(e, handler);
  return {
    get caught() {
      return caught;
    },
    uninstall() {
      for (const e of EVENTS) process.off(e, handler);
    },
  };
}
