/**
 * The Wechaty half of the bot, shared by both ways of running the app: in this thread (the
 * simulator, tests: `runtime.ts`) or in a worker thread of its own (`npm start`: `threaded-runtime.ts`).
 */
import { WechatyBuilder, type Wechaty } from 'wechaty';
import type { Clock } from '../app/ports.js';
import type { AppEndpoint } from './app-endpoint.js';

export type { AppEndpoint } from './app-endpoint.js';
import { attachBot, type AttachedBot } from './wechaty/attach-bot.js';
import { keepConnected, type ConnectionKeeper, type RetryPolicy } from './wechaty/connection-keeper.js';
import type { PacingOptions } from './wechaty/outgoing-queue.js';
import type { Logger } from './log.js';

export interface BotOptions {
  clock: Clock;
  log: Logger;
  pacing: PacingOptions;
  /** A puppet instance (mock) or a puppet name (`wechaty-puppet-wechat4u`). */
  puppet: NonNullable<Parameters<typeof WechatyBuilder.build>[0]>['puppet'];
  /** Wechaty `name`: keeps the login in `<name>.memory-card.json`. Omit for the simulator. */
  name?: string;
  /** Restart the puppet with backoff while WeChat cannot be reached (npm start); omit in the simulator. */
  retry?: RetryPolicy | null;
  /** Called once the app has applied an inbound message (before its replies are on disk); the benchmark counts with it. */
  onApplied?: () => void;
}

export interface ComposedBot {
  bot: Wechaty;
  attached: AttachedBot;
  keeper: ConnectionKeeper;
  /**
   * Stop taking messages, send what is queued (for at most `drainMs`; the rest stays in the outbox
   * for the next start), stop the bot, close the app's data. `keepLogin` leaves the puppet running
   * so the process can exit without logging the account out (wechat4u logs out when stopped).
   */
  stop(opts?: { keepLogin?: boolean; drainMs?: number }): Promise<void>;
}

export function composeBot(app: AppEndpoint, o: BotOptions): ComposedBot {
  const bot = WechatyBuilder.build({ puppet: o.puppet, ...(o.name ? { name: o.name } : {}) } as Parameters<typeof WechatyBuilder.build>[0]);
  const attached = attachBot(bot, app, { clock: o.clock, log: o.log, pacing: o.pacing, ...(o.onApplied ? { onApplied: o.onApplied } : {}) });
  // Puppet errors are logged in one line each, never fatal (the mock emits spurious "no payload
  // found" errors on room changes); an unreachable WeChat is retried with backoff before login.
  const keeper = keepConnected(bot, {
    log: o.log,
    retry: o.retry ?? null,
    onLogout: () => void app.noteLoggedOut(o.clock.now()).catch((e) => o.log.error('could not record the logout', e)),
    onLogin: () =>
      void app
        .noteLoggedIn(o.clock.now())
        .then((r) => attached.queue.push(r))
        .catch((e) => o.log.error('could not queue the back-online notice', e)),
  });
  return {
    bot,
    attached,
    keeper,
    async stop(opts = {}) {
      attached.pause();
      keeper.stop();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([attached.idle(), new Promise((res) => (timer = setTimeout(res, opts.drainMs ?? 5000)))]);
      clearTimeout(timer);
      if (!opts.keepLogin) await bot.stop().catch((e) => o.log.warn(`stopping wechaty: ${(e as Error).message}`));
      // Anything still running commits through the app's queue: close waits for it.
      await app.close();
    },
  };
}
