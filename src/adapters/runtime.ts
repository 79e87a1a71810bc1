/** Composition shared by `npm start` and the simulator: store → app → Wechaty → adapter. */
import { WechatyBuilder, type Wechaty } from 'wechaty';
import type { AppConfig } from '../core/config-schema.js';
import { BotApp } from '../app/bot-app.js';
import { installFeatures } from '../app/features.js';
import type { Clock } from '../app/ports.js';
import { JournalStore } from './store/journal-store.js';
import { attachBot, type AttachedBot } from './wechaty/attach-bot.js';
import { keepConnected, type ConnectionKeeper, type RetryPolicy } from './wechaty/connection-keeper.js';
import { noteLoggedIn, noteLoggedOut } from '../app/connection-notices.js';
import type { PacingOptions } from './wechaty/outgoing-queue.js';
import type { Logger } from './log.js';

export interface RuntimeOptions {
  config: AppConfig;
  dataDir: string;
  clock: Clock;
  log: Logger;
  pacing: PacingOptions;
  /** A puppet instance (mock) or a puppet name (`wechaty-puppet-wechat4u`). */
  puppet: NonNullable<Parameters<typeof WechatyBuilder.build>[0]>['puppet'];
  /** Wechaty `name`: keeps the login in `<name>.memory-card.json`. Omit for the simulator. */
  name?: string;
  fsync?: boolean;
  /** Restart the puppet with backoff while WeChat cannot be reached (npm start); omit in the simulator. */
  retry?: RetryPolicy | null;
}

export interface Runtime {
  bot: Wechaty;
  app: BotApp;
  store: JournalStore;
  attached: AttachedBot;
  keeper: ConnectionKeeper;
  /**
   * Stop taking messages, send what is queued (for at most `drainMs`; the rest stays in the outbox
   * for the next start), stop the bot, close the store. `keepLogin` leaves the puppet running so
   * the process can exit without logging the account out (wechat4u logs out when stopped).
   */
  stop(opts?: { keepLogin?: boolean; drainMs?: number }): Promise<void>;
}

export async function createRuntime(o: RuntimeOptions): Promise<Runtime> {
  // The store reads finished orders after start-up and folds its journal in the background when
  // it grows, and every night at 04:00.
  const store = await JournalStore.open(o.dataDir, {
    fsync: o.fsync ?? true,
    now: () => o.clock.now(),
    dailyCompaction: { at: '04:00', timezone: o.config.timezone },
    onError: (e) => o.log.error('data store', e),
    archiveAfterMs: 2000,
  });
  void store.whenLoaded().then(() => o.log.info(`data loaded: ${store.size('orders')} orders`));
  const app = installFeatures(new BotApp({ config: o.config, store, clock: o.clock }));
  const bot = WechatyBuilder.build({ puppet: o.puppet, ...(o.name ? { name: o.name } : {}) } as Parameters<typeof WechatyBuilder.build>[0]);
  const attached = attachBot(bot, app, { clock: o.clock, log: o.log, pacing: o.pacing });
  // Puppet errors are logged in one line each, never fatal (the mock emits spurious "no payload
  // found" errors on room changes); an unreachable WeChat is retried with backoff before login.
  const keeper = keepConnected(bot, {
    log: o.log,
    retry: o.retry ?? null,
    onLogout: () => void noteLoggedOut(app, o.clock.now()).catch((e) => o.log.error('could not record the logout', e)),
    onLogin: () =>
      void noteLoggedIn(app, o.clock.now())
        .then((r) => attached.queue.push(r))
        .catch((e) => o.log.error('could not queue the back-online notice', e)),
  });
  return {
    bot,
    app,
    store,
    attached,
    keeper,
    async stop(opts = {}) {
      attached.pause();
      keeper.stop();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([attached.idle(), new Promise((res) => (timer = setTimeout(res, opts.drainMs ?? 5000)))]);
      clearTimeout(timer);
      // Anything still running commits through the app's queue: wait for it before closing the files.
      await app.serial(async () => undefined);
      if (!opts.keepLogin) await bot.stop().catch((e) => o.log.warn(`stopping wechaty: ${(e as Error).message}`));
      await store.close();
    },
  };
}
