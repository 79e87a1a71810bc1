/** Composition shared by `npm start` and the simulator: store → app → Wechaty → adapter. */
import { WechatyBuilder, type Wechaty } from 'wechaty';
import type { AppConfig } from '../core/config-schema.js';
import { BotApp } from '../app/bot-app.js';
import { installFeatures } from '../app/features.js';
import type { Clock } from '../app/ports.js';
import { JournalStore } from './store/journal-store.js';
import { attachBot, type AttachedBot } from './wechaty/attach-bot.js';
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
}

export interface Runtime {
  bot: Wechaty;
  app: BotApp;
  store: JournalStore;
  attached: AttachedBot;
  /** Stop taking messages, send what is queued, stop the bot, close the store. */
  stop(): Promise<void>;
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
  bot.on('error', (e) => {
    // The mock emits spurious "no payload found" errors on room changes; real faults are logged, never fatal.
    o.log.warn(`wechaty: ${e instanceof Error ? e.message : String(e)}`);
  });
  const attached = attachBot(bot, app, { clock: o.clock, log: o.log, pacing: o.pacing });
  return {
    bot,
    app,
    store,
    attached,
    async stop() {
      attached.pause();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([attached.idle(), new Promise((res) => (timer = setTimeout(res, 5000)))]);
      clearTimeout(timer);
      await bot.stop().catch((e) => o.log.warn(`stopping wechaty: ${(e as Error).message}`));
      await store.close();
    },
  };
}
