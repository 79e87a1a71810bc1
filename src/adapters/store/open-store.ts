import type { AppConfig } from '../../core/config-schema.js';
import { JournalStore } from './journal-store.js';

/** Opens the store the way `npm start` does (also in the app's worker thread). */
export async function openStore(o: { config: AppConfig; dataDir: string; fsync?: boolean; now: () => number; onError: (e: unknown) => void }): Promise<JournalStore> {
  // The store reads finished orders after start-up and folds its journal in the background when
  // it grows, and every night at 04:00.
  return JournalStore.open(o.dataDir, {
    fsync: o.fsync ?? true,
    now: o.now,
    dailyCompaction: { at: '04:00', timezone: o.config.timezone },
    onError: o.onError,
    archiveAfterMs: 2000,
  });
}
