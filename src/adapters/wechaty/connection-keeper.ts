/**
 * Keeps the bot connected and the log readable.
 *
 * wechaty-puppet-wechat4u retries on its own, in bursts of about fifteen errors every five
 * seconds, for ever, when WeChat cannot be reached. Before login nothing is lost by restarting the
 * puppet, so the keeper takes over: it stops the puppet, waits (5 s, 10 s, 20 s … up to a maximum)
 * and starts it again, and writes ONE line per retry. After login the puppet reconnects with the
 * saved session by itself (restarting it would log the account out), so the keeper only reports.
 * After a logout the puppet should show a new QR code; if it shows none within a minute, the
 * keeper restarts it the same way. Other puppet errors are logged once per distinct message and
 * minute, with a count of repeats.
 */
import type { Logger } from '../log.js';

/** The part of a Wechaty the keeper needs (a fake in tests). */
export interface KeeperBot {
  on(event: 'error', listener: (e: Error) => void): unknown;
  on(event: 'login' | 'logout' | 'scan', listener: () => void): unknown;
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly isLoggedIn: boolean;
}

export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface KeeperOptions {
  log: Logger;
  /** Restart the puppet with backoff while WeChat cannot be reached before login; null: only report (simulator). */
  retry: RetryPolicy | null;
  /** Called when the account is logged out (a QR scan is needed) and when it is back. */
  onLogout?(): void;
  onLogin?(): void;
  /** After a logout, restart the puppet if it shows no QR code within this long (default 60 s). */
  qrWaitMs?: number;
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
  now?(): number;
}

export type KeeperState = 'starting' | 'online' | 'waiting' | 'stopped';

export interface ConnectionKeeper {
  /** Starts the bot; a failing start is retried like an unreachable WeChat. */
  start(): Promise<void>;
  /** No more restarts (shutdown). */
  stop(): void;
  readonly state: KeeperState;
  /** Retries since the last login. */
  readonly attempts: number;
  /** Errors not logged one by one (while waiting to retry, or repeats). */
  readonly suppressed: number;
  /** True while the keeper has stopped the puppet on purpose: errors the puppet raises then are expected. */
  readonly restarting: boolean;
}

/** Errors that mean the network or WeChat's servers cannot be reached. */
const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|EPIPE|socket hang up|timeout of \d+ms exceeded|Network Error|网络错误|同步失败|未响应/i;

/** True if an error means WeChat cannot be reached. @example isNetworkError(new Error('getaddrinfo ENOTFOUND login.wx.qq.com')) // true */
export function isNetworkError(e: unknown): boolean {
  const text = e instanceof Error ? `${e.message} ${(e as NodeJS.ErrnoException).code ?? ''}` : String(e);
  return NETWORK.test(text);
}

/** The first line of an error, short: no stack, no payload. */
export function shortError(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = text.split('\n')[0]!.trim();
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

function seconds(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 100) / 10} s`;
}

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((res) => {
    const t = setTimeout(res, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      res();
    });
  });

/** Watches a bot's errors, logins and logouts; see the file comment. */
export function keepConnected(bot: KeeperBot, o: KeeperOptions): ConnectionKeeper {
  const { log } = o;
  const sleep = o.sleep ?? defaultSleep;
  const now = o.now ?? Date.now;
  const abort = new AbortController();
  let state: KeeperState = 'starting';
  let attempts = 0;
  let suppressed = 0;
  let running = false;
  let scans = 0;
  const seen = new Map<string, { at: number; repeats: number }>();
  const REPEAT_WINDOW_MS = 60_000;

  /** Logs a message once per minute; repeats in between are counted and reported with the next one. */
  const once = (level: 'warn' | 'error', text: string) => {
    const t = now();
    const s = seen.get(text);
    if (s && t - s.at < REPEAT_WINDOW_MS) {
      s.repeats++;
      suppressed++;
      return;
    }
    log[level](s?.repeats ? `${text} (repeated ${s.repeats} times in the last minute)` : text);
    seen.set(text, { at: t, repeats: 0 });
    if (seen.size > 200) seen.delete(seen.keys().next().value!);
  };

  /** Stops the puppet, waits (doubling each round, up to the maximum) and starts it again: one log line per round. */
  const retryCycle = (reason: string) => {
    if (running || abort.signal.aborted || !o.retry) return;
    running = true;
    void (async () => {
      attempts++;
      const delay = Math.min(o.retry!.firstDelayMs * 2 ** (attempts - 1), o.retry!.maxDelayMs);
      state = 'waiting';
      log.warn(`${reason}; retry ${attempts} in ${seconds(delay)}`);
      await bot.stop().catch(() => undefined);
      await sleep(delay, abort.signal);
      running = false;
      if (abort.signal.aborted) return; // shut down while waiting
      state = 'starting';
      try {
        await bot.start();
      } catch (err) {
        retryCycle(startFailure(err)); // a no-op if an error event already began the next round
      }
    })();
  };
  const unreachable = (e: unknown) => `cannot reach WeChat (${shortError(e)})`;
  const startFailure = (e: unknown) => (isNetworkError(e) ? unreachable(e) : `the puppet did not start (${shortError(e)})`);

  bot.on('error', (e: Error) => {
    if (state === 'waiting' || state === 'stopped') {
      suppressed++;
      return;
    }
    if (isNetworkError(e)) {
      if (!bot.isLoggedIn && o.retry) return retryCycle(unreachable(e));
      return once('warn', `connection to WeChat interrupted (${shortError(e)}); the puppet reconnects with the saved login`);
    }
    once('warn', `wechaty: ${shortError(e)}`);
  });

  bot.on('scan', () => {
    scans++;
  });

  bot.on('login', () => {
    if (attempts) log.info(`connected to WeChat after ${attempts} ${attempts === 1 ? 'retry' : 'retries'}`);
    attempts = 0;
    if (state !== 'stopped') state = 'online';
    o.onLogin?.();
  });

  bot.on('logout', () => {
    if (state === 'stopped' || state === 'waiting') return; // our own stop, or shutdown
    state = 'starting';
    log.warn('logged out of WeChat: scan the new QR code with the bot account to log in again (staff are told once it is back)');
    o.onLogout?.();
    // wechat4u starts a new login by itself; a puppet that shows no QR code in time is restarted.
    const scansBefore = scans;
    const wait = o.qrWaitMs ?? 60_000;
    void sleep(wait, abort.signal).then(() => {
      if (!abort.signal.aborted && scans === scansBefore && !bot.isLoggedIn && state === 'starting') {
        retryCycle(`no QR code ${seconds(wait)} after the logout`);
      }
    });
  });

  return {
    async start() {
      try {
        await bot.start();
      } catch (e) {
        if (!o.retry) throw e;
        retryCycle(startFailure(e));
      }
    },
    stop() {
      state = 'stopped';
      abort.abort();
    },
    get state() {
      return state;
    },
    get attempts() {
      return attempts;
    },
    get suppressed() {
      return suppressed;
    },
    get restarting() {
      return state === 'waiting';
    },
  };
}
