/** The bot with its app in this thread: the simulator and the tests (`npm start` runs `threaded-runtime.ts`). */
import type { Wechaty } from 'wechaty';
import type { AppConfig } from '../core/config-schema.js';
import { BotApp } from '../app/bot-app.js';
import type { Store } from '../app/ports.js';
import { installFeatures } from '../app/features.js';
import { noteLoggedIn, noteLoggedOut } from '../app/connection-notices.js';
import type { JournalStore } from './store/journal-store.js';
import { openStore } from './store/open-store.js';
import { composeBot, type AppEndpoint, type BotOptions } from './compose-bot.js';
import type { AttachedBot } from './wechaty/attach-bot.js';
import type { ConnectionKeeper } from './wechaty/connection-keeper.js';

export interface RuntimeOptions extends BotOptions {
  config: AppConfig;
  dataDir: string;
  fsync?: boolean;
}

export interface Runtime {
  bot: Wechaty;
  app: BotApp;
  store: JournalStore;
  attached: AttachedBot;
  keeper: ConnectionKeeper;
  /** See `ComposedBot.stop`. */
  stop(opts?: { keepLogin?: boolean; drainMs?: number }): Promise<void>;
}

/** `BotApp` as the Wechaty side sees it. */
export function appEndpoint(app: BotApp, store: Pick<Store, 'close'>): AppEndpoint {
  return {
    config: app.config,
    featureRooms: () => app.featureRooms(),
    handleMessage: (msg, applied) => app.handleMessage(msg, applied),
    markSent: (id) => app.markSent(id),
    markFailed: (r, e) => app.markFailed(r, e),
    pendingReplies: () => app.pendingReplies(),
    noteLoggedIn: (at) => noteLoggedIn(app, at),
    noteLoggedOut: (at) => noteLoggedOut(app, at),
    async close() {
      await app.serial(async () => undefined);
      await store.close();
    },
  };
}

export async function createRuntime(o: RuntimeOptions): Promise<Runtime> {
  const store = await openStore({ ...o, now: () => o.clock.now(), onError: (e) => o.log.error('data store', e) });
  void store.whenLoaded().then(() => o.log.info(`data loaded: ${store.size('orders')} orders`));
  const app = installFeatures(new BotApp({ config: o.config, store, clock: o.clock }));
  const composed = composeBot(appEndpoint(app, store), o);
  return { ...composed, app, store };
}
