/** The app on its data, as `npm start` opens it: in the app's worker thread, and in the simulator. */
import type { AppConfig } from '../core/config-schema.js';
import { BotApp } from '../app/bot-app.js';
import { installFeatures } from '../app/features.js';
import type { Clock } from '../app/ports.js';
import { JournalStore } from './store/journal-store.js';
import type { Logger } from './log.js';

export async function openApp(o: { config: AppConfig; dataDir: string; fsync?: boolean; clock: Clock; log: Logger }): Promise<{ app: BotApp; store: JournalStore }> {
  // The store reads finished orders after start-up and folds its journal in the background when
  // it grows, and every night at 04:00.
  const store = await JournalStore.open(o.dataDir, {
    fsync: o.fsync ?? true,
    now: () => o.clock.now(),
    dailyCompaction: { at: '04:00', timezone: o.config.timezone },
    onError: (e) => o.log.error('data store', e),
    archiveAfterMs: 2000,
  });
  // The benchmark's start-up figures wait for this line.
  void store.whenLoaded().then(() => o.log.info(`data loaded: ${store.size('orders')} orders`));
  return { store, app: installFeatures(new BotApp({ config: o.config, store, clock: o.clock })) };
}
