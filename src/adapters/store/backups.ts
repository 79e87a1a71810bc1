/**
 * Daily copies of the data file in `<data>/backups/grid-bot-YYYY-MM-DD.json` (the community's
 * date), the newest `keep` kept. A copy is a complete snapshot: the journal is folded in first,
 * so one file restores everything up to the moment it was taken.
 */
import fs from 'node:fs';
import path from 'node:path';
import { localDate } from '../../core/time.js';
import type { Logger } from '../log.js';
import { JournalStore } from './journal-store.js';

export interface BackupOptions {
  /** How many daily copies to keep; 0 turns backups off. */
  keep: number;
  timezone: string;
}

const NAME = /^grid-bot-(\d{4}-\d{2}-\d{2})\.json$/;

export function backupDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** The backup files, newest first. */
export function listBackups(dataDir: string): string[] {
  const dir = backupDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .reverse()
    .map((f) => path.join(dir, f));
}

export function newestBackup(dataDir: string): string | undefined {
  return listBackups(dataDir)[0];
}

/**
 * What to do about a data folder that cannot be opened, added to the refusal: which backup to use
 * and the commands that put it in place. The refused files are renamed, never deleted.
 */
export function restoreHint(dataDir: string, failed: 'snapshot' | 'journal'): string {
  const snap = JournalStore.snapshotPath(dataDir);
  const journal = JournalStore.journalPath(dataDir);
  const b = newestBackup(dataDir);
  const fromBackup = b
    ? `restore the newest backup: mv ${snap} ${snap}.bad; mv ${journal} ${journal}.bad; cp ${b} ${snap} (changes after the backup are lost; the .bad files keep them)`
    : `no backup exists yet in ${backupDir(dataDir)}`;
  if (failed === 'journal') return `To start from the last snapshot: mv ${journal} ${journal}.bad (its changes are kept there). Or ${fromBackup}.`;
  return b ? `To ${fromBackup}.` : `No backup exists yet in ${backupDir(dataDir)}: move the file away to start empty, or repair it by hand.`;
}

/**
 * Takes today's copy unless it exists, then removes all but the newest `keep`. Run it where no
 * commit can interleave (inside `app.serial`): it folds the journal into the snapshot first.
 * Returns the file written, or null when today's copy already existed or backups are off.
 */
export async function backupIfDue(store: JournalStore, now: number, o: BackupOptions): Promise<string | null> {
  if (o.keep <= 0) return null;
  const dir = backupDir(store.dir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `grid-bot-${localDate(now, o.timezone)}.json`);
  let written: string | null = null;
  if (!fs.existsSync(file)) {
    await store.compact();
    const tmp = `${file}.tmp`;
    // Copied by the kernel: a year of orders is over 100 MB, not to be held in memory.
    fs.copyFileSync(JournalStore.snapshotPath(store.dir), tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(tmp, 0o600); // the umask may have widened it
    fs.renameSync(tmp, file);
    written = file;
  }
  for (const old of listBackups(store.dir).slice(o.keep)) fs.rmSync(old, { force: true });
  return written;
}

export interface DailyBackups {
  /** Takes today's copy now if it is missing. */
  check(): Promise<void>;
  stop(): void;
}

/**
 * Checks once at start and then every hour whether today's copy exists. `serial` runs the work
 * between two messages (the app's queue), so no commit lands between compaction and copy.
 */
export function startDailyBackups(
  store: JournalStore,
  serial: <T>(fn: () => Promise<T>) => Promise<T>,
  now: () => number,
  o: BackupOptions,
  log: Logger,
  everyMs = 60 * 60_000,
): DailyBackups {
  let stopped = false;
  const check = async () => {
    if (stopped) return;
    try {
      const file = await serial(() => backupIfDue(store, now(), o));
      if (file) log.info(`backup written: ${file}`);
    } catch (e) {
      log.error(`backup failed in ${backupDir(store.dir)} (the bot keeps running; check the disk)`, e);
    }
  };
  const timer = setInterval(() => void check(), everyMs);
  void check();
  return {
    check,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
