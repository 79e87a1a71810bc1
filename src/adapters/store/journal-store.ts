/**
 * The embedded store: a lowdb JSON snapshot plus an append-only journal.
 *
 * Each commit appends one line (a batch of changes) to the journal and syncs it, so the cost of a
 * write does not grow with history. On open the snapshot is read, the journal replayed on top,
 * and the result compacted back into the snapshot with lowdb (written to a temp file and renamed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { MemoryStore, type Op } from './memory-store.js';

export const DATA_FORMAT = 'grid-bot';
export const DATA_VERSION = 1;

export interface Snapshot {
  format: string;
  version: number;
  /** The last journal batch folded into this snapshot. */
  seq: number;
  savedAt: string;
  collections: Record<string, Record<string, unknown>>;
}

export class StoreError extends Error {
  override name = 'StoreError';
}

export interface JournalStoreOptions {
  /** fsync every commit (default true). Off only for benchmarks of the rest of the pipeline. */
  fsync?: boolean;
  /** Read the data without compacting or writing anything (tools that only report). */
  readOnly?: boolean;
}

export class JournalStore extends MemoryStore {
  private fd = -1;
  private seq = 0;
  private journalBytes = 0;
  /** A torn last line was dropped: it must go before anything is appended after it. */
  private tornTail = false;

  private constructor(
    readonly dir: string,
    private readonly db: Low<Snapshot | null>,
    private readonly options: Required<JournalStoreOptions>,
  ) {
    super();
  }

  static snapshotPath(dir: string): string {
    return path.join(dir, 'grid-bot.json');
  }

  static journalPath(dir: string): string {
    return path.join(dir, 'grid-bot.journal');
  }

  /** Opens (or creates) the data in `dir`. Refuses a corrupt or unknown file and leaves it as it was. */
  static async open(dir: string, options: JournalStoreOptions = {}): Promise<JournalStore> {
    if (options.readOnly && !fs.existsSync(dir)) throw new StoreError(`No data folder at ${dir}. Pass the bot's data folder with --data.`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const snapFile = JournalStore.snapshotPath(dir);
    const db = new Low<Snapshot | null>(new JSONFile<Snapshot | null>(snapFile), null);
    try {
      await db.read();
    } catch (e) {
      throw new StoreError(
        `Data file ${snapFile} cannot be read (${(e as Error).message}). It was left unchanged. ` +
          `Restore the newest copy from ${path.join(dir, 'backups')} or move the file away to start empty.`,
      );
    }
    const store = new JournalStore(dir, db, { fsync: options.fsync ?? true, readOnly: options.readOnly ?? false });
    const snap = db.data;
    if (snap !== null) {
      if (!snap || typeof snap !== 'object' || snap.format !== DATA_FORMAT || typeof snap.collections !== 'object' || snap.collections === null) {
        throw new StoreError(`Data file ${snapFile} is not a grid-bot data file. It was left unchanged. Point --data at the right folder or move the file away.`);
      }
      if (snap.version !== DATA_VERSION) {
        throw new StoreError(`Data file ${snapFile} has version ${String(snap.version)}; this bot reads version ${DATA_VERSION}. It was left unchanged. Use a bot release that matches the file.`);
      }
      for (const [name, entries] of Object.entries(snap.collections)) store.load(name, entries);
      store.seq = snap.seq;
    }
    const replayed = store.replayJournal();
    if (options.readOnly) return store;
    store.fd = fs.openSync(JournalStore.journalPath(dir), 'a', 0o600);
    if (snap === null || replayed > 0 || store.tornTail) await store.compact();
    return store;
  }

  private load(name: string, entries: Record<string, unknown>): void {
    const c = this.col(name);
    for (const k of Object.keys(entries)) c.set(k, entries[k]);
  }

  /** Replays journal lines newer than the snapshot; drops a torn last line (a write cut by a crash). */
  private replayJournal(): number {
    const file = JournalStore.journalPath(this.dir);
    if (!fs.existsSync(file)) return 0;
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    let applied = 0;
    let goodBytes = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line) continue;
      let batch: { seq: number; ops: Op[] };
      try {
        batch = JSON.parse(line);
        if (typeof batch.seq !== 'number' || !Array.isArray(batch.ops)) throw new Error('not a batch');
      } catch {
        const isLast = lines.slice(i + 1).every((l) => !l);
        if (isLast) {
          this.tornTail = true; // torn tail: never acknowledged, safe to drop
          break;
        }
        throw new StoreError(`Journal ${file} is corrupt at line ${i + 1}. It was left unchanged. Restore from ${path.join(this.dir, 'backups')} or move it away.`);
      }
      goodBytes += Buffer.byteLength(line) + 1;
      if (batch.seq <= this.seq) continue;
      for (const op of batch.ops) this.apply(op);
      this.seq = batch.seq;
      applied++;
    }
    this.journalBytes = goodBytes;
    return applied;
  }

  protected override async persist(ops: Op[]): Promise<void> {
    if (this.options.readOnly) throw new StoreError('internal: write to a store opened read-only');
    const line = `${JSON.stringify({ seq: this.seq + 1, ops })}\n`;
    fs.writeSync(this.fd, line);
    if (this.options.fsync) fs.fdatasyncSync(this.fd);
    this.seq++;
    this.journalBytes += Buffer.byteLength(line);
  }

  /** Bytes in the journal since the last compaction. */
  get journalSize(): number {
    return this.journalBytes;
  }

  /** Folds the journal into the snapshot (lowdb write: temp file + rename), then empties the journal. */
  async compact(): Promise<void> {
    await this.commit();
    const collections: Snapshot['collections'] = {};
    for (const [name, c] of this.data) collections[name] = Object.fromEntries(c);
    this.db.data = { format: DATA_FORMAT, version: DATA_VERSION, seq: this.seq, savedAt: new Date().toISOString(), collections };
    await this.db.write();
    fs.chmodSync(JournalStore.snapshotPath(this.dir), 0o600);
    this.db.data = null; // the snapshot object is not kept: the maps are the live data
    // The snapshot now holds `seq`; replay skips older lines, so a crash before this truncate is safe.
    fs.ftruncateSync(this.fd, 0);
    this.journalBytes = 0;
  }

  override async close(): Promise<void> {
    await this.commit();
    if (this.fd >= 0) {
      fs.closeSync(this.fd);
      this.fd = -1;
    }
  }
}
