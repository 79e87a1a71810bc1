/**
 * The snapshot: a lowdb JSON document written one entry a line, so that it is read and written
 * in pieces (no 100 MB string in memory, no stall of the event loop), and with the settled
 * entries (finished orders) in a section of their own that is read after start:
 *
 *   {"format":"grid-bot","version":2,"seq":5,"savedAt":"…","collections":{
 *   "meta":{
 *   "order":3
 *   },
 *   "orders":{
 *   "3":{…}
 *   }
 *   },"archive":{
 *   "orders":{
 *   "1":{…,"history":[…]}
 *   }
 *   }}
 *
 * It stays one JSON document: `JSON.parse` (or lowdb's JSONFile, or jq) reads it whole. In the
 * archive an entry's lazy field (an order's `history`) is written last, so a reader can parse the
 * rest of the entry and leave that field on disk (`LazyRange`) until it is asked for.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Adapter } from 'lowdb';

export const DATA_FORMAT = 'grid-bot';
/** 2: one entry a line, with an `archive` section. 1 (pretty-printed, no archive) is still read. */
export const DATA_VERSION = 2;

export interface SnapshotHeader {
  format: string;
  version: number;
  /** The last journal batch folded into this snapshot. */
  seq: number;
  savedAt: string;
  /** The collections with entries in the archive section. */
  archived?: string[];
}

/** Where an archived entry's line and its lazy field are in the file (bytes). */
export interface LazyRange {
  line: number;
  lineLen: number;
  at: number;
  len: number;
}

export interface ArchivedEntry {
  collection: string;
  key: string;
  /** The entry without its lazy field (or whole, when it has none). */
  value: Record<string, unknown> | unknown;
  lazy: LazyRange | null;
  /** The entry's line, for copying it unchanged into the next snapshot. */
  line: number;
  lineLen: number;
}

/** What is read on open; the archive is read afterwards with `readArchive`. */
export interface SnapshotDoc {
  header: SnapshotHeader;
  collections: Map<string, Map<string, unknown>>;
  /** Byte offset of the archive's first line; null when there is none (or it was read already). */
  archiveAt: number | null;
  /** Archived entries of an old-layout file, already parsed. */
  legacyArchive?: Map<string, Map<string, unknown>>;
}

export class SnapshotFormatError extends Error {}

const NL = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const CLOSE = 0x7d;

interface Line {
  buf: Buffer;
  start: number;
  end: number;
  /** File offset of the line's first byte. */
  pos: number;
  /** 1-based line number, for error messages. */
  n: number;
}

/** Reads a file line by line in 1 MB pieces with positional reads (other reads may share the fd). */
export class LineReader {
  private buf: Buffer = Buffer.alloc(0);
  /** The buffer `buf` lives in (a line handed out is valid until the next call to `next`). */
  private space: Buffer | null = null;
  private bufPos: number;
  private i = 0;
  private eof = false;
  private n: number;

  constructor(
    private readonly fd: number,
    start: number,
    firstLine = 1,
    private readonly chunk = 1 << 20,
  ) {
    this.bufPos = start;
    this.n = firstLine - 1;
  }

  next(): Line | null {
    for (;;) {
      const nl = this.buf.indexOf(NL, this.i);
      if (nl >= 0) {
        const line = { buf: this.buf, start: this.i, end: nl, pos: this.bufPos + this.i, n: ++this.n };
        this.i = nl + 1;
        return line;
      }
      if (this.eof) {
        if (this.i >= this.buf.length) return null;
        const line = { buf: this.buf, start: this.i, end: this.buf.length, pos: this.bufPos + this.i, n: ++this.n };
        this.i = this.buf.length;
        return line;
      }
      this.fill();
    }
  }

  /** Moves the unread bytes to the front of one reused buffer and reads the next piece after them. */
  private fill(): void {
    const rest = this.buf.length - this.i;
    if (!this.space || this.space.length < rest + this.chunk) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * this.chunk, rest + this.chunk));
      this.buf.copy(bigger, 0, this.i);
      this.space = bigger;
    } else {
      this.buf.copy(this.space, 0, this.i);
    }
    const read = fs.readSync(this.fd, this.space, rest, this.chunk, this.bufPos + this.buf.length);
    if (read < this.chunk) this.eof = true;
    this.bufPos += this.i;
    this.buf = this.space.subarray(0, rest + read);
    this.i = 0;
  }
}

const is = (l: Line, text: string) => l.end - l.start === text.length && l.buf.toString('latin1', l.start, l.end) === text;

/** The key of an entry or collection line (`"key":…`) and where its value starts. */
function keyOf(l: Line, file: string): { key: string; valueStart: number } {
  const { buf, start, end } = l;
  if (buf[start] !== QUOTE) throw new SnapshotFormatError(`${file}: line ${l.n} is not an entry`);
  let j = start + 1;
  let escaped = false;
  while (j < end && buf[j] !== QUOTE) {
    if (buf[j] === BACKSLASH) {
      escaped = true;
      j++;
    }
    j++;
  }
  if (j >= end || buf[j + 1] !== COLON) throw new SnapshotFormatError(`${file}: line ${l.n} is not an entry`);
  const key = escaped ? (JSON.parse(buf.toString('utf8', start, j + 1)) as string) : buf.toString('utf8', start + 1, j);
  return { key, valueStart: j + 2 };
}

/** Whether a line opens a collection (`"name":{`). */
const opensCollection = (l: Line) => l.end - l.start >= 4 && l.buf[l.start] === QUOTE && l.buf[l.end - 1] === 0x7b && l.buf[l.end - 2] === COLON && l.buf[l.end - 3] === QUOTE;

const valueEnd = (l: Line) => (l.buf[l.end - 1] === COMMA ? l.end - 1 : l.end);

function parseValue(l: Line, from: number, to: number, file: string): unknown {
  try {
    return JSON.parse(l.buf.toString('utf8', from, to));
  } catch (e) {
    throw new SnapshotFormatError(`${file}: line ${l.n}: ${(e as Error).message}`);
  }
}

const HEADER_TAIL = ',"collections":{';

/**
 * Reads the header and the `collections` section of the snapshot in `fd`; stops where the archive
 * begins. A file in the old layout (pretty-printed, version 1) is read whole.
 */
export function readSnapshot(fd: number, file: string): SnapshotDoc {
  const reader = new LineReader(fd, 0);
  const first = reader.next();
  if (!first) throw new SnapshotFormatError(`${file} is empty`);
  const headText = first.buf.toString('utf8', first.start, first.end);
  if (!headText.startsWith('{"format":') || !headText.endsWith(HEADER_TAIL)) return readWhole(fd, file);
  let header: SnapshotHeader;
  try {
    header = JSON.parse(`${headText.slice(0, -HEADER_TAIL.length)}}`) as SnapshotHeader;
  } catch {
    return readWhole(fd, file);
  }
  checkHeader(header, file);
  const collections = new Map<string, Map<string, unknown>>();
  let current: Map<string, unknown> | null = null;
  for (let l = reader.next(); l; l = reader.next()) {
    if (current) {
      if (is(l, '}') || is(l, '},')) {
        current = null;
        continue;
      }
      const { key, valueStart } = keyOf(l, file);
      current.set(key, parseValue(l, valueStart, valueEnd(l), file));
    } else if (is(l, '},"archive":{')) {
      return { header, collections, archiveAt: l.pos + (l.end - l.start) + 1 };
    } else if (opensCollection(l)) {
      current = new Map();
      collections.set(keyOf(l, file).key, current);
    } else if (is(l, '}}')) {
      return { header, collections, archiveAt: null };
    } else {
      throw new SnapshotFormatError(`${file}: unexpected line ${l.n}`);
    }
  }
  throw new SnapshotFormatError(`${file} ends early: it was cut off`);
}

/** Checks that the file ends like a complete snapshot (a copy cut short is refused at open). */
export function checkComplete(fd: number, file: string): void {
  const size = fs.fstatSync(fd).size;
  const tail = Buffer.alloc(Math.min(3, size));
  fs.readSync(fd, tail, 0, tail.length, size - tail.length);
  const text = tail.toString('latin1');
  if (!text.endsWith('}}\n') && !text.endsWith('}') && !text.endsWith('}\n')) throw new SnapshotFormatError(`${file} ends early: it was cut off`);
}

function checkHeader(h: Partial<SnapshotHeader> | null, file: string): asserts h is SnapshotHeader {
  if (!h || typeof h !== 'object' || h.format !== DATA_FORMAT) throw new NotOurFile(file);
  if (h.version !== 1 && h.version !== DATA_VERSION) throw new WrongVersion(file, h.version);
  if (typeof h.seq !== 'number') throw new SnapshotFormatError(`${file}: no "seq"`);
}

export class NotOurFile extends Error {
  constructor(readonly file: string) {
    super(`${file} is not a grid-bot data file`);
  }
}

export class WrongVersion extends Error {
  constructor(
    readonly file: string,
    readonly version: unknown,
  ) {
    super(`${file} has version ${String(version)}`);
  }
}

/** The old layout (or any JSON form of the document): parsed whole. */
function readWhole(fd: number, file: string): SnapshotDoc {
  const size = fs.fstatSync(fd).size;
  const buf = Buffer.allocUnsafe(size);
  let off = 0;
  while (off < size) off += fs.readSync(fd, buf, off, size - off, off);
  let doc: (SnapshotHeader & { collections?: unknown; archive?: unknown }) | null;
  try {
    doc = JSON.parse(buf.toString('utf8'));
  } catch (e) {
    throw new SnapshotFormatError(`${file}: ${(e as Error).message}`);
  }
  checkHeader(doc, file);
  const toMaps = (o: unknown) => {
    const out = new Map<string, Map<string, unknown>>();
    if (!o || typeof o !== 'object') return out;
    for (const [name, entries] of Object.entries(o as Record<string, unknown>)) {
      const m = new Map<string, unknown>();
      if (entries && typeof entries === 'object') for (const k of Object.keys(entries)) m.set(k, (entries as Record<string, unknown>)[k]);
      out.set(name, m);
    }
    return out;
  };
  if (!doc.collections || typeof doc.collections !== 'object') throw new NotOurFile(file);
  const { format, version, seq, savedAt } = doc;
  return { header: { format, version, seq, savedAt }, collections: toMaps(doc.collections), archiveAt: null, legacyArchive: toMaps(doc.archive) };
}

/**
 * Reads archived entries from `at` on, `limit` at a time (the caller yields between calls).
 * Returns the entries and where to go on, or null at the end of the archive.
 */
export class ArchiveReader {
  private readonly lines: LineReader;
  private current: string | null = null;
  private done = false;
  private readonly markers = new Map<string, Buffer>();

  constructor(
    fd: number,
    at: number,
    private readonly file: string,
    private readonly lazyFieldOf: (collection: string) => string | undefined,
  ) {
    this.lines = new LineReader(fd, at);
  }

  get finished(): boolean {
    return this.done;
  }

  /** Up to `limit` entries; an empty array once the archive is read. */
  take(limit: number): ArchivedEntry[] {
    const out: ArchivedEntry[] = [];
    while (!this.done && out.length < limit) {
      const l = this.lines.next();
      if (!l) throw new SnapshotFormatError(`${this.file}: the archive ends early: the file was cut off`);
      if (this.current !== null) {
        if (is(l, '}') || is(l, '},')) {
          this.current = null;
          continue;
        }
        out.push(this.entry(l, this.current));
      } else if (opensCollection(l)) {
        this.current = keyOf(l, this.file).key;
      } else if (is(l, '}}')) {
        this.done = true;
      } else {
        throw new SnapshotFormatError(`${this.file}: unexpected line ${l.n} in the archive`);
      }
    }
    return out;
  }

  private marker(field: string): Buffer {
    let m = this.markers.get(field);
    if (!m) this.markers.set(field, (m = Buffer.from(`,${JSON.stringify(field)}:`)));
    return m;
  }

  private entry(l: Line, collection: string): ArchivedEntry {
    const { key, valueStart } = keyOf(l, this.file);
    const end = valueEnd(l);
    const lineLen = end - l.start;
    const field = this.lazyFieldOf(collection);
    if (field && l.buf[end - 1] === CLOSE) {
      const marker = this.marker(field);
      const m = l.buf.indexOf(marker, valueStart);
      if (m >= 0 && m < end) {
        let value: unknown;
        try {
          value = JSON.parse(`${l.buf.toString('utf8', valueStart, m)}}`);
        } catch (e) {
          throw new SnapshotFormatError(`${this.file}: line ${l.n}: ${(e as Error).message}`);
        }
        const at = m + marker.length;
        const lazy = { line: l.pos, lineLen, at: l.pos + (at - l.start), len: end - 1 - at };
        return { collection, key, value, lazy, line: l.pos, lineLen };
      }
    }
    return { collection, key, value: parseValue(l, valueStart, end, this.file), lazy: null, line: l.pos, lineLen };
  }
}

/** Reads `len` bytes at `pos`. */
export function readRange(fd: number, pos: number, len: number): Buffer {
  const buf = Buffer.allocUnsafe(len);
  let off = 0;
  while (off < len) {
    const n = fs.readSync(fd, buf, off, len - off, pos + off);
    if (n === 0) throw new SnapshotFormatError('the data file is shorter than expected');
    off += n;
  }
  return buf;
}

/** One entry to write: a value, or (an archived entry not changed since it was read) its old line. */
export interface OutEntry {
  key: string;
  value: unknown;
  /** Copy this line of the old file as it is (with its lazy field at the same place). */
  raw?: LazyRange;
}

export interface OutCollection {
  name: string;
  entries: OutEntry[];
  lazyField?: string;
}

/** Where a written archive entry landed, to point its lazy field at the new file. */
export interface Written {
  collection: string;
  entry: OutEntry;
  range: LazyRange | null;
}

export interface WriteJob {
  header: SnapshotHeader;
  collections: OutCollection[];
  archive: OutCollection[];
  /** The file the raw lines are copied from. */
  oldFd: number;
  /** Called between pieces; a rejection (abort) stops the write. */
  pause(): Promise<void>;
}

/** Writes a snapshot to `fd` in pieces. Returns where each archived entry's lazy field is. */
export async function writeSnapshot(fd: number, job: WriteJob): Promise<Written[]> {
  const out: Written[] = [];
  let parts: (string | Buffer)[] = [];
  let partBytes = 0;
  let pos = 0;
  let oldWindow: { at: number; buf: Buffer } | null = null;
  let sliceStart = performance.now();
  let sinceCheck = 0;

  const flush = () => {
    if (!parts.length) return;
    const buf = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    let off = 0;
    while (off < buf.length) off += fs.writeSync(fd, buf, off);
    parts = [];
    partBytes = 0;
  };
  const emit = (p: string | Buffer, bytes: number) => {
    parts.push(p);
    partBytes += bytes;
    pos += bytes;
    if (partBytes > 1 << 20) flush();
  };
  const line = (text: string) => emit(`${text}\n`, Buffer.byteLength(text) + 1);
  // Old lines are read through a 1 MB window: archived entries are mostly in file order.
  const oldBytes = (r: LazyRange): Buffer => {
    if (!oldWindow || r.line < oldWindow.at || r.line + r.lineLen > oldWindow.at + oldWindow.buf.length) {
      const size = Math.max(1 << 20, r.lineLen);
      const buf = Buffer.allocUnsafe(size);
      const n = fs.readSync(job.oldFd, buf, 0, size, r.line);
      oldWindow = { at: r.line, buf: buf.subarray(0, n) };
      if (n < r.lineLen) throw new SnapshotFormatError('the data file is shorter than expected');
    }
    return oldWindow.buf.subarray(r.line - oldWindow.at, r.line - oldWindow.at + r.lineLen);
  };
  const maybePause = async () => {
    if (++sinceCheck < 64) return;
    sinceCheck = 0;
    if (performance.now() - sliceStart < 8) return;
    flush();
    await job.pause();
    sliceStart = performance.now();
  };

  const section = async (cols: OutCollection[], archived: boolean) => {
    for (let c = 0; c < cols.length; c++) {
      const col = cols[c]!;
      line(`${JSON.stringify(col.name)}:{`);
      const marker = col.lazyField ? `,${JSON.stringify(col.lazyField)}:` : '';
      for (let i = 0; i < col.entries.length; i++) {
        const e = col.entries[i]!;
        const sep = i < col.entries.length - 1 ? ',\n' : '\n';
        const start = pos;
        if (archived && e.raw) {
          const bytes = Buffer.from(oldBytes(e.raw));
          emit(bytes, bytes.length);
          emit(sep, sep.length);
          out.push({ collection: col.name, entry: e, range: { line: start, lineLen: e.raw.lineLen, at: start + (e.raw.at - e.raw.line), len: e.raw.len } });
        } else if (archived && col.lazyField && e.value && typeof e.value === 'object') {
          const { [col.lazyField]: lazy, ...rest } = e.value as Record<string, unknown>;
          const restJson = JSON.stringify(rest);
          const head = `${JSON.stringify(e.key)}:${restJson.slice(0, -1)}${marker}`;
          if (lazy === undefined || restJson.length <= 2) {
            const text = `${JSON.stringify(e.key)}:${JSON.stringify(e.value)}`;
            emit(text, Buffer.byteLength(text));
            out.push({ collection: col.name, entry: e, range: null });
          } else {
            const lazyJson = JSON.stringify(lazy);
            const headBytes = Buffer.byteLength(head);
            const lazyBytes = Buffer.byteLength(lazyJson);
            emit(head, headBytes);
            emit(lazyJson, lazyBytes);
            emit('}', 1);
            out.push({ collection: col.name, entry: e, range: { line: start, lineLen: headBytes + lazyBytes + 1, at: start + headBytes, len: lazyBytes } });
          }
          emit(sep, sep.length);
        } else {
          const text = `${JSON.stringify(e.key)}:${JSON.stringify(e.value)}${sep}`;
          emit(text, Buffer.byteLength(text));
          if (archived) out.push({ collection: col.name, entry: e, range: null });
        }
        await maybePause();
      }
      line(c < cols.length - 1 ? '},' : '}');
    }
  };

  const { format, version, seq, savedAt, archived } = job.header;
  line(`${JSON.stringify({ format, version, seq, savedAt, archived }).slice(0, -1)}${HEADER_TAIL}`);
  await section(job.collections, false);
  line('},"archive":{');
  await section(job.archive, true);
  line('}}');
  flush();
  return out;
}

/**
 * The lowdb adapter of the snapshot: `read` gives the header and the collections (the archive is
 * read afterwards from `archiveAt`), `write` streams a `WriteJob` to a temp file, syncs it and
 * renames it over the snapshot (atomic: a crash leaves the old file or the new one).
 */
export class SnapshotFile implements Adapter<SnapshotDoc | WriteJob | null> {
  /** The fd `read` opened (kept open: the archive and lazy fields are read from it later). */
  fd = -1;
  /** Set by `write`: where the archived entries landed in the new file. */
  written: Written[] = [];

  constructor(readonly file: string) {}

  async read(): Promise<SnapshotDoc | null> {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    try {
      checkComplete(fd, this.file);
      const doc = readSnapshot(fd, this.file);
      this.fd = fd;
      return doc;
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
  }

  async write(job: SnapshotDoc | WriteJob | null): Promise<void> {
    if (!job || !('oldFd' in job)) throw new Error('internal: write a WriteJob');
    const tmp = `${this.file}.tmp`;
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      this.written = await writeSnapshot(fd, job);
      await new Promise<void>((res, rej) => fs.fdatasync(fd, (e) => (e ? rej(e) : res())));
    } catch (e) {
      fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
      throw e;
    }
    fs.closeSync(fd);
    fs.chmodSync(tmp, 0o600); // the umask may have widened it
    fs.renameSync(tmp, this.file);
    syncDir(this.file);
  }
}

/** Makes a rename durable (the directory entry), where the platform allows it. */
export function syncDir(file: string): void {
  const dir = path.dirname(file);
  let fd = -1;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // not supported here (some file systems): the rename is still atomic
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}
