/**
 * The embedded store: a lowdb JSON snapshot plus an append-only journal, built so that the cost
 * of a message does not grow with history (a year of a sub-district is about 100,000 orders).
 *
 * - Each commit appends one line (a batch of changes) to the journal and syncs it: a write costs
 *   the size of the change, never the size of the data.
 * - Opening reads the snapshot's live collections and replays the journal; it does not rewrite
 *   anything. Settled entries (finished orders, see `StoreRules`) sit in the snapshot's archive
 *   section and are read in the background after start, without their bulky lazy field (an
 *   order's `history`), which is read from disk the first time it is asked for. Asking for an
 *   archived entry before the background read is done finishes it on the spot.
 * - Compaction (journal folded into a new snapshot) runs in the background in small slices, from
 *   a copy taken between two commits: when the journal passes a size, once a night, or on
 *   `compact()`. Lines appended meanwhile are kept in the journal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { StoreRules } from '../../app/ports.js';
import { STORE_RULES } from '../../app/records.js';
import { addDays, atLocal, today } from '../../core/local-time.js';
import { MemoryStore, type Op } from './memory-store.js';
import {
  ArchiveReader,
  DATA_FORMAT,
  DATA_VERSION,
  NotOurFile,
  readRange,
  SnapshotFile,
  syncDir,
  WrongVersion,
  type ArchivedEntry,
  type LazyRange,
  type OutCollection,
  type OutEntry,
  type SnapshotDoc,
  type WriteJob,
} from './snapshot-file.js';

export { DATA_FORMAT, DATA_VERSION };

export class StoreError extends Error {
  override name = 'StoreError';
}

export interface JournalStoreOptions {
  /** fsync every commit (default true). Off only for benchmarks of the rest of the pipeline. */
  fsync?: boolean;
  /** Read the data without compacting or writing anything (tools that only report). */
  readOnly?: boolean;
  /** What may be archived and what expires (default: the app's `STORE_RULES`). */
  rules?: StoreRules;
  /** Compact in the background once the journal passes this many bytes (default 8 MB). */
  compactAfterBytes?: number;
  /** Also compact once a day at `at` (`HH:mm`) in `timezone` when anything was journaled. */
  dailyCompaction?: { at: string; timezone: string } | null;
  /** The time expiry rules are judged by (default: the host clock). */
  now?: () => number;
  /** Background work that failed (reading the archive, compacting); the store keeps working. */
  onError?: (e: Error) => void;
  /** Start reading the archive this long after opening (default 0), out of the way of start-up. */
  archiveAfterMs?: number;
}

class Closed extends Error {}

const DEFAULT_COMPACT_BYTES = 8 * 1024 * 1024;
const WINDOW_BYTES = 1024 * 1024;
/**
 * Lazy fields read lately, kept beside their values rather than on them: a report over a year of
 * orders (points, a ledger) would otherwise keep every history in memory until the next compaction.
 */
const RECENT_LAZY = 512;
/** How long one slice of background work may hold the event loop. */
const SLICE_MS = 8;

export class JournalStore extends MemoryStore {
  private fd = -1;
  private seq = 0;
  private journalBytes = 0;
  /** Journal bytes in the file, and known to be on disk; the sync running now. */
  private written = 0;
  private synced = 0;
  /** Committed lines not written yet (they go out together when the next sync starts). */
  private unwritten: string[] = [];
  private syncing: Promise<void> | null = null;
  private readonly db: Low<SnapshotDoc | WriteJob | null>;
  private readonly file: SnapshotFile;
  private readonly rules: StoreRules;
  /** Archived entries still slim: where their lazy field is in the snapshot. Only values in the maps. */
  private readonly lazy = new WeakMap<object, LazyRange>();
  private readonly getters = new Map<string, (this: object) => unknown>();
  /** The last RECENT_LAZY lazy fields read (oldest first), so that a caller reading one field several times parses it once. */
  private readonly recentLazy = new Map<object, unknown>();
  /** Reading the archive after start. */
  private archive: ArchiveReader | null = null;
  private archivePending = new Set<string>();
  /** Keys put or deleted while their collection's archive is unread: the archive must not bring them back. */
  private readonly touched = new Set<string>();
  private archiveError: Error | null = null;
  private loadedWaiters: (() => void)[] = [];
  private compacting: Promise<void> | null = null;
  private compactAgain = false;
  private closing = false;
  private timer: NodeJS.Timeout | undefined;
  private archiveTimer: NodeJS.Timeout | undefined;
  private window: { fd: number; at: number; buf: Buffer } | null = null;

  private constructor(
    readonly dir: string,
    private readonly options: JournalStoreOptions & { fsync: boolean; readOnly: boolean },
  ) {
    super();
    this.file = new SnapshotFile(JournalStore.snapshotPath(dir));
    this.db = new Low<SnapshotDoc | WriteJob | null>(this.file, null);
    this.rules = options.rules ?? STORE_RULES;
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
    const store = new JournalStore(dir, { ...options, fsync: options.fsync ?? true, readOnly: options.readOnly ?? false });
    const snapFile = JournalStore.snapshotPath(dir);
    try {
      await store.db.read();
    } catch (e) {
      if (e instanceof NotOurFile) {
        throw new StoreError(`Data file ${snapFile} is not a grid-bot data file. It was left unchanged. Point --data at the right folder or move the file away.`);
      }
      if (e instanceof WrongVersion) {
        throw new StoreError(`Data file ${snapFile} has version ${String(e.version)}; this bot reads versions 1 and ${DATA_VERSION}. It was left unchanged. Use a bot release that matches the file.`);
      }
      throw new StoreError(
        `Data file ${snapFile} cannot be read (${(e as Error).message}). It was left unchanged. ` +
          `Restore the newest copy from ${path.join(dir, 'backups')} or move the file away to start empty.`,
      );
    }
    const doc = store.db.data as SnapshotDoc | null;
    store.db.data = null;
    if (doc) {
      for (const [name, entries] of doc.collections) store.data.set(name, entries);
      store.seq = doc.header.seq;
      for (const [name, entries] of doc.legacyArchive ?? []) {
        const m = store.col(name);
        for (const [k, v] of entries) m.set(k, v);
      }
      if (doc.archiveAt !== null) {
        store.archive = new ArchiveReader(store.file.fd, doc.archiveAt, snapFile, (c) => store.rules.archive?.[c]?.lazyField);
        store.archivePending = new Set(doc.header.archived ?? Object.keys(store.rules.archive ?? {}));
      }
    }
    const { goodBytes, torn } = store.replayJournal();
    store.journalBytes = goodBytes;
    store.written = goodBytes;
    store.synced = goodBytes;
    if (store.archive) store.loadArchiveInBackground();
    if (options.readOnly) return store;
    // A torn last line (a write cut by a crash) was never acknowledged: cut it off before appending.
    if (torn) fs.truncateSync(JournalStore.journalPath(dir), goodBytes);
    store.fd = fs.openSync(JournalStore.journalPath(dir), 'a', 0o600);
    if (!doc) await store.compact();
    // A large journal, or a file in the old layout: fold it in once the archive is read.
    else if (store.journalBytes > store.compactAfter || doc.header.version < DATA_VERSION) void store.whenLoaded().then(() => store.compactInBackground());
    store.scheduleDaily();
    return store;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private get compactAfter(): number {
    return this.options.compactAfterBytes ?? DEFAULT_COMPACT_BYTES;
  }

  // ── reading ──────────────────────────────────────────────────────────

  override get<T>(collection: string, key: string): T | undefined {
    const v = super.get<T>(collection, key);
    if (v !== undefined || !this.archivePending.has(collection)) return v;
    this.finishArchive();
    return super.get<T>(collection, key);
  }

  override values<T>(collection: string): IterableIterator<T> {
    if (this.archivePending.has(collection)) this.finishArchive();
    return super.values<T>(collection);
  }

  override keys(collection: string): IterableIterator<string> {
    if (this.archivePending.has(collection)) this.finishArchive();
    return super.keys(collection);
  }

  override size(collection: string): number {
    if (this.archivePending.has(collection)) this.finishArchive();
    return super.size(collection);
  }

  /** The values the archive rule does not call settled; archived entries are not read for it. */
  override *unsettled<T>(collection: string): IterableIterator<T> {
    const rule = this.rules.archive?.[collection];
    if (!rule) {
      yield* this.values<T>(collection);
      return;
    }
    const m = this.data.get(collection);
    if (!m) return;
    const now = this.now();
    for (const v of m.values()) if (!(v !== null && typeof v === 'object' && this.lazy.has(v)) && !rule.settled(v, now)) yield v as T;
  }

  /** Resolves once the archive has been read into memory (at once when there is none). */
  whenLoaded(): Promise<void> {
    if (!this.archive) return Promise.resolve();
    return new Promise((res) => this.loadedWaiters.push(res));
  }

  /** Whether the archive is still being read in the background. */
  get loading(): boolean {
    return this.archive !== null;
  }

  // ── writing ──────────────────────────────────────────────────────────

  override put(collection: string, key: string, value: unknown): void {
    this.release(collection, key);
    super.put(collection, key, value);
  }

  override delete(collection: string, key: string): void {
    // An archived entry not read yet must be in memory for its deletion to be recorded.
    if (this.archivePending.has(collection) && !this.data.get(collection)?.has(key)) this.finishArchive();
    this.release(collection, key);
    super.delete(collection, key);
  }

  protected override apply(op: Op): void {
    this.release(op[1], op[2]);
    super.apply(op);
  }

  /**
   * A key is about to change: the archive must not bring its old value back, and an old slim value
   * gets its lazy field now (whoever still holds it can read it after the snapshot is replaced).
   */
  private release(collection: string, key: string): void {
    if (this.archivePending.has(collection)) this.touched.add(`${collection}\u0000${key}`);
    const old = this.data.get(collection)?.get(key);
    if (old !== null && typeof old === 'object' && this.lazy.has(old)) {
      const field = this.rules.archive?.[collection]?.lazyField;
      if (field) this.readLazy(old, field, true);
    }
  }

  /** Replays journal lines newer than the snapshot; a torn last line (a write cut by a crash) is dropped. */
  private replayJournal(): { goodBytes: number; torn: boolean } {
    const file = JournalStore.journalPath(this.dir);
    if (!fs.existsSync(file)) return { goodBytes: 0, torn: false };
    const buf = fs.readFileSync(file);
    let pos = 0;
    let n = 0;
    while (pos < buf.length) {
      let end = buf.indexOf(0x0a, pos);
      const last = end < 0;
      if (last) end = buf.length;
      n++;
      if (end > pos) {
        let batch: { seq: number; ops: Op[] };
        try {
          batch = JSON.parse(buf.toString('utf8', pos, end));
          if (typeof batch.seq !== 'number' || !Array.isArray(batch.ops)) throw new Error('not a batch');
          if (last) throw new Error('no line end'); // a line is complete only with its newline
        } catch {
          const restEmpty = buf.subarray(end).every((b) => b === 0x0a);
          if (restEmpty) return { goodBytes: pos, torn: true }; // never acknowledged: safe to drop
          throw new StoreError(`Journal ${file} is corrupt at line ${n}. It was left unchanged. Restore from ${path.join(this.dir, 'backups')} or move it away.`);
        }
        if (batch.seq > this.seq) {
          for (const op of batch.ops) this.apply(op);
          this.seq = batch.seq;
        }
      }
      pos = end + 1;
    }
    return { goodBytes: buf.length, torn: false };
  }

  /**
   * Takes the batch as the journal's next line; resolves when it is on disk. Lines committed while
   * a sync runs are written together, in one write, when the next sync starts (group commit): a
   * busy bot writes and syncs a few hundred times a second at most, not once per change, and no
   * write waits behind a running sync. Callers may go on before the sync; their replies wait for it.
   */
  protected override persist(ops: Op[]): Promise<void> {
    if (this.options.readOnly) return Promise.reject(new StoreError('internal: write to a store opened read-only'));
    if (this.fd < 0) return Promise.reject(new StoreError(`The data in ${this.dir} is closed`));
    const line = `${JSON.stringify({ seq: this.seq + 1, ops })}\n`;
    this.seq++;
    this.journalBytes += Buffer.byteLength(line);
    this.unwritten.push(line);
    if (this.journalBytes > this.compactAfter && !this.compacting) this.compactInBackground();
    if (this.options.fsync) return this.durable(this.journalBytes);
    try {
      this.flush();
    } catch (e) {
      return Promise.reject(e);
    }
    return Promise.resolve();
  }

  /** Writes the lines committed so far to the file, in one write. */
  private flush(): void {
    if (!this.unwritten.length) return;
    const buf = Buffer.from(this.unwritten.length === 1 ? this.unwritten[0]! : this.unwritten.join(''));
    this.unwritten = [];
    try {
      let off = 0;
      while (off < buf.length) off += fs.writeSync(this.fd, buf, off);
      this.written += buf.length;
    } catch (e) {
      // A half-written line (disk full) must not stay in front of the next one; these commits are lost.
      try {
        fs.ftruncateSync(this.fd, this.written);
      } catch {
        // the replay drops a torn last line anyway
      }
      this.journalBytes = this.written;
      throw e;
    }
  }

  /** Resolves once the journal is on disk up to `upTo` bytes. */
  private durable(upTo: number): Promise<void> {
    if (this.synced >= upTo) return Promise.resolve();
    if (upTo > this.journalBytes) return Promise.reject(new StoreError(`A write to ${JournalStore.journalPath(this.dir)} failed; this change was not saved`));
    if (!this.syncing) {
      try {
        this.flush();
      } catch (e) {
        return Promise.reject(e);
      }
      const target = this.written;
      this.syncing = new Promise<void>((res, rej) => {
        fs.fdatasync(this.fd, (e) => {
          this.syncing = null;
          if (e) return rej(e);
          this.synced = Math.max(this.synced, target);
          res();
        });
      });
    }
    return this.syncing.then(() => this.durable(upTo));
  }

  /** Waits until no sync is running (before the journal file is swapped or closed). */
  private async quiesce(): Promise<void> {
    while (this.syncing) await this.syncing.catch(() => undefined);
  }

  /** Bytes in the journal since the last compaction. */
  get journalSize(): number {
    return this.journalBytes;
  }

  // ── the archive ──────────────────────────────────────────────────────

  private loadArchiveInBackground(): void {
    const step = (): void => {
      if (!this.archive || this.closing) return;
      try {
        const t0 = performance.now();
        while (this.archive && performance.now() - t0 < SLICE_MS) this.admit(this.archive.take(256));
      } catch (e) {
        this.failArchive(e as Error);
        return;
      }
      if (this.archive) setImmediate(step);
    };
    const delay = this.options.archiveAfterMs ?? 0;
    if (delay > 0) this.archiveTimer = setTimeout(step, delay);
    else setImmediate(step);
  }

  /** Reads the rest of the archive now (someone asked for an archived entry). */
  private finishArchive(): void {
    if (this.archiveError) throw this.archiveError;
    try {
      while (this.archive) this.admit(this.archive.take(4096));
    } catch (e) {
      this.failArchive(e as Error);
      throw this.archiveError;
    }
  }

  private failArchive(e: Error): void {
    this.archive = null;
    this.loadedWaiters.splice(0).forEach((w) => w());
    this.archiveError = new StoreError(
      `Data file ${JournalStore.snapshotPath(this.dir)}: its archive cannot be read (${e.message}). ` +
        `Restore the newest copy from ${path.join(this.dir, 'backups')}.`,
    );
    this.options.onError?.(this.archiveError);
  }

  private admit(entries: ArchivedEntry[]): void {
    for (const e of entries) {
      const m = this.col(e.collection);
      if (m.has(e.key) || this.touched.has(`${e.collection}\u0000${e.key}`)) continue;
      const field = this.rules.archive?.[e.collection]?.lazyField;
      m.set(e.key, e.lazy && field ? this.slim(e.value as Record<string, unknown>, field, e.lazy) : e.value);
    }
    if (this.archive?.finished) {
      clearTimeout(this.archiveTimer);
      this.archive = null;
      this.archivePending.clear();
      this.touched.clear();
      this.loadedWaiters.splice(0).forEach((w) => w());
    }
  }

  /** Makes `value` (without its lazy field) read that field from the snapshot on first access. */
  private slim<T extends Record<string, unknown>>(value: T, field: string, range: LazyRange): T {
    Object.defineProperty(value, field, { get: this.getter(field), enumerable: true, configurable: true });
    this.lazy.set(value, range);
    return value;
  }

  private getter(field: string): (this: object) => unknown {
    let g = this.getters.get(field);
    if (!g) {
      const store = this;
      g = function (this: object) {
        return store.readLazy(this, field);
      };
      this.getters.set(field, g);
    }
    return g;
  }

  /**
   * Bytes of the snapshot as text, through a 1 MB read-ahead window: archived entries lie in file
   * order, so a report that reads every order's history reads the file in large pieces.
   */
  private readSnapshotBytes(at: number, len: number): string {
    const w = this.window;
    if (w && w.fd === this.file.fd && at >= w.at && at + len <= w.at + w.buf.length) return w.buf.toString('utf8', at - w.at, at - w.at + len);
    if (len > WINDOW_BYTES / 4) return readRange(this.file.fd, at, len).toString('utf8');
    const buf = Buffer.allocUnsafe(WINDOW_BYTES);
    const n = fs.readSync(this.file.fd, buf, 0, WINDOW_BYTES, at);
    if (n < len) throw new StoreError('the data file is shorter than expected');
    this.window = { fd: this.file.fd, at, buf: buf.subarray(0, n) };
    return this.window.buf.toString('utf8', 0, len);
  }

  /**
   * Reads a lazy field. `keep` puts it on the value for good (a replaced value whose place in the
   * file is about to go); otherwise the value stays slim and the field is only remembered among
   * the recent ones.
   */
  private readLazy(obj: object, field: string, keep = false): unknown {
    let value: unknown = this.recentLazy.get(obj);
    if (value !== undefined) {
      this.recentLazy.delete(obj);
      if (!keep) {
        this.recentLazy.set(obj, value);
        return value;
      }
      return this.keepLazy(obj, field, value);
    }
    const range = this.lazy.get(obj);
    if (!range) throw new StoreError(`internal: no lazy "${field}" here`);
    if (this.file.fd < 0) throw new StoreError(`The data in ${this.dir} is closed: "${field}" of an archived entry cannot be read`);
    try {
      value = JSON.parse(this.readSnapshotBytes(range.at, range.len));
    } catch (e) {
      throw new StoreError(`Data file ${JournalStore.snapshotPath(this.dir)}: "${field}" at byte ${range.at} cannot be read (${(e as Error).message})`);
    }
    if (keep) return this.keepLazy(obj, field, value);
    this.recentLazy.set(obj, value);
    if (this.recentLazy.size > RECENT_LAZY) this.recentLazy.delete(this.recentLazy.keys().next().value!);
    return value;
  }

  private keepLazy(obj: object, field: string, value: unknown): unknown {
    Object.defineProperty(obj, field, { value, writable: true, enumerable: true, configurable: true });
    this.lazy.delete(obj);
    return value;
  }

  // ── compaction ───────────────────────────────────────────────────────

  private compactInBackground(): void {
    if (this.options.readOnly || this.closing) return;
    this.compact().catch((e) => {
      if (!(e instanceof Closed)) this.options.onError?.(e as Error);
    });
  }

  /**
   * Folds the journal into a new snapshot (everything committed before the call is in it when
   * this resolves). Runs in slices of a few milliseconds: messages keep flowing meanwhile.
   */
  compact(): Promise<void> {
    if (this.options.readOnly) return Promise.reject(new StoreError('internal: compact a store opened read-only'));
    if (this.compacting) {
      // The running one may have copied the data before the caller's last commit: it goes round once more.
      this.compactAgain = true;
      return this.compacting;
    }
    const run = (async () => {
      try {
        do {
          this.compactAgain = false;
          await this.compactOnce();
        } while (this.compactAgain && !this.closing);
      } finally {
        this.compacting = null;
      }
    })();
    this.compacting = run;
    return run;
  }

  private pause = (): Promise<void> =>
    new Promise((res, rej) => setImmediate(() => (this.closing ? rej(new Closed('closed')) : res())));

  private async compactOnce(): Promise<void> {
    await this.whenLoaded();
    if (this.archiveError) throw this.archiveError;
    await this.commit();
    while (this.uncommitted) {
      await this.pause();
      await this.commit();
    }
    // From here to the copy's end nothing awaits: the copy is the committed state at `seqAt`.
    const seqAt = this.seq;
    const journalAt = this.journalBytes;
    const now = this.now();
    const hot: OutCollection[] = [];
    const archive: OutCollection[] = [];
    const expired: [Map<string, unknown>, string, unknown][] = [];
    for (const [name, m] of this.data) {
      const rule = this.rules.archive?.[name];
      const expire = this.rules.expire?.[name];
      const live: OutEntry[] = [];
      const settled: OutEntry[] = [];
      for (const [key, value] of m) {
        if (expire?.(value, now)) expired.push([m, key, value]);
        else if (rule?.settled(value, now)) {
          const raw = value !== null && typeof value === 'object' ? this.lazy.get(value) : undefined;
          settled.push(raw ? { key, value, raw } : { key, value });
        } else live.push({ key, value });
      }
      hot.push({ name, entries: live });
      if (settled.length) archive.push({ name, entries: settled, ...(rule?.lazyField ? { lazyField: rule.lazyField } : {}) });
    }
    const header = { format: DATA_FORMAT, version: DATA_VERSION, seq: seqAt, savedAt: new Date().toISOString(), archived: archive.map((c) => c.name) };
    this.db.data = { header, collections: hot, archive, oldFd: this.file.fd, pause: this.pause };
    try {
      await this.db.write();
    } finally {
      this.db.data = null;
    }
    await this.quiesce(); // no sync may run on the journal file while it is swapped

    // The new snapshot is in place. Point the slim values at it, then let go of the old file.
    const oldFd = this.file.fd;
    this.file.fd = fs.openSync(JournalStore.snapshotPath(this.dir), 'r');
    const toSlim: [string, Map<string, unknown>, OutEntry, LazyRange, string][] = [];
    for (const w of this.file.written) {
      const m = this.data.get(w.collection);
      const field = this.rules.archive?.[w.collection]?.lazyField;
      if (!m || !w.range || !field || m.get(w.entry.key) !== w.entry.value) continue;
      const v = w.entry.value as object;
      if (this.lazy.has(v)) this.lazy.set(v, w.range);
      else toSlim.push([w.collection, m, w.entry, w.range, field]);
    }
    this.file.written = [];
    this.window = null;
    if (oldFd >= 0) fs.closeSync(oldFd);
    for (const [m, key, value] of expired) if (m.get(key) === value) m.delete(key);
    this.dropFoldedJournal(journalAt);

    // Values that settled since the last snapshot (or whose lazy field was read) become slim again.
    let t0 = performance.now();
    for (const [, m, entry, range, field] of toSlim) {
      if (m.get(entry.key) === entry.value && !this.closing) {
        const { [field]: _lazy, ...rest } = entry.value as Record<string, unknown>;
        m.set(entry.key, this.slim(rest, field, range));
      }
      if (performance.now() - t0 > SLICE_MS) {
        await this.pause();
        t0 = performance.now();
      }
    }
  }

  /** The snapshot holds everything up to `journalAt`: keep only the journal lines written after it. */
  private dropFoldedJournal(journalAt: number): void {
    const file = JournalStore.journalPath(this.dir);
    this.flush();
    const tailLen = this.journalBytes - journalAt;
    if (tailLen === 0) {
      fs.ftruncateSync(this.fd, 0);
      this.journalBytes = 0;
      this.written = 0;
      this.synced = 0;
      return;
    }
    const rfd = fs.openSync(file, 'r');
    let tail: Buffer;
    try {
      tail = readRange(rfd, journalAt, tailLen);
    } finally {
      fs.closeSync(rfd);
    }
    const tmp = `${file}.tmp`;
    const wfd = fs.openSync(tmp, 'w', 0o600);
    try {
      let off = 0;
      while (off < tail.length) off += fs.writeSync(wfd, tail, off);
      fs.fdatasyncSync(wfd);
    } finally {
      fs.closeSync(wfd);
    }
    fs.chmodSync(tmp, 0o600);
    fs.renameSync(tmp, file);
    syncDir(file);
    fs.closeSync(this.fd);
    this.fd = fs.openSync(file, 'a', 0o600);
    this.journalBytes = tailLen;
    this.written = tailLen;
    this.synced = tailLen;
  }

  /** Compacts once a day at the configured local time, if anything was journaled since. */
  private scheduleDaily(): void {
    const daily = this.options.dailyCompaction;
    if (!daily || this.closing) return;
    const now = Date.now();
    const date = today(now, daily.timezone);
    let next = atLocal(date, daily.at, daily.timezone);
    if (!(next > now)) next = atLocal(addDays(date, 1), daily.at, daily.timezone);
    this.timer = setTimeout(
      () => {
        if (this.journalBytes > 0 && !this.compacting) this.compactInBackground();
        this.scheduleDaily();
      },
      Math.max(1000, next - now),
    );
    this.timer.unref();
  }

  override async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.timer);
    clearTimeout(this.archiveTimer);
    this.archive = null;
    this.loadedWaiters.splice(0).forEach((w) => w());
    await this.compacting?.catch(() => undefined);
    if (!this.options.readOnly) await this.commit();
    await this.quiesce();
    if (this.fd >= 0) {
      this.flush();
      if (this.options.fsync) fs.fdatasyncSync(this.fd);
      fs.closeSync(this.fd);
      this.fd = -1;
    }
    if (this.file.fd >= 0) {
      fs.closeSync(this.file.fd);
      this.file.fd = -1;
    }
    this.window = null;
  }
}
