/** The bot with its app in this thread: the simulator and the tests (`npm start` runs `threaded-runtime.ts`). */
import type { Wechaty } from 'wechaty';
import type { AppConfig } from '../core/config-schema.js';
import type { BotApp } from '../app/bot-app.js';
import type { Store } from '../app/ports.js';
import { noteLoggedIn, noteLoggedOut } from '../app/connection-notices.js';
import type { JournalStore } from './store/journal-store.js';
import { openApp } from './open-app.js';
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
  const { app, store } = await openApp(o);
  const composed = composeBot(appEndpoint(app, store), o);
  return { ...composed, app, store };
}
