import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JournalStore, StoreError } from '../../src/adapters/store/journal-store.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gb-store-'));
const DAY = 24 * 3600_000;

/** An order-shaped value: finished ones are archived by the app's rules, with `history` left on disk. */
const order = (id: number, status = 'followed_up', extra: Record<string, unknown> = {}) => ({
  id,
  status,
  text: `第${id}单 水管漏了`,
  history: [
    { action: 'submit', from: null, to: 'submitted', by: `res-${id}`, at: 1000 + id },
    { action: 'rate', from: 'reported', to: status, by: `res-${id}`, at: 2000 + id, note: '很满意 "好"' },
  ],
  ...extra,
});

/** A store with finished orders folded into the archive, reopened (the archive read in the background). */
async function archived(n: number, dir = tmp()) {
  const s = await JournalStore.open(dir);
  for (let i = 1; i <= n; i++) s.put('orders', String(i), order(i, i % 10 === 0 ? 'dispatched' : 'followed_up'));
  await s.commit();
  await s.compact();
  await s.close();
  return { dir, store: await JournalStore.open(dir) };
}

describe('JournalStore', () => {
  it('keeps committed changes across a reopen without rewriting the snapshot', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    s.put('orders', '1', { id: 1, text: 'a' });
    s.put('meta', 'order', 1);
    await s.commit();
    s.delete('orders', '1');
    s.put('orders', '2', { id: 2 });
    await s.commit();
    // no close: as after a kill
    const snapBefore = fs.readFileSync(JournalStore.snapshotPath(dir), 'utf8');
    const again = await JournalStore.open(dir);
    expect(again.get('orders', '1')).toBeUndefined();
    expect(again.get('orders', '2')).toEqual({ id: 2 });
    expect(again.get('meta', 'order')).toBe(1);
    // Opening replays the journal; it does not fold it in (that would rewrite the whole file).
    expect(fs.readFileSync(JournalStore.snapshotPath(dir), 'utf8')).toBe(snapBefore);
    expect(again.journalSize).toBeGreaterThan(0);
    await again.close();
  });

  it('folds the journal into a snapshot that is one JSON document (lowdb, jq and JSON.parse read it)', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    s.put('orders', '2', { id: 2 });
    s.put('orders', '3', order(3));
    s.put('meta', 'order', 3);
    await s.commit();
    await s.compact();
    expect(fs.statSync(JournalStore.journalPath(dir)).size).toBe(0);
    const snap = JSON.parse(fs.readFileSync(JournalStore.snapshotPath(dir), 'utf8'));
    expect(snap).toMatchObject({ format: 'grid-bot', version: 2, collections: { orders: { 2: { id: 2 } }, meta: { order: 3 } } });
    expect(snap.archive.orders['3']).toEqual(order(3));
    await s.close();
  });

  it('creates its files readable by the owner only', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    s.put('x', 'k', 1);
    await s.commit();
    await s.compact();
    expect(fs.statSync(JournalStore.snapshotPath(dir)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(JournalStore.journalPath(dir)).mode & 0o777).toBe(0o600);
    await s.close();
  });

  it('drops a torn last journal line (a write cut by a crash) and appends cleanly after it', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    s.put('orders', '1', { id: 1 });
    await s.commit();
    fs.appendFileSync(JournalStore.journalPath(dir), '{"seq":2,"ops":[["put","orders","2",{"id"');
    const again = await JournalStore.open(dir);
    expect(again.get('orders', '1')).toEqual({ id: 1 });
    expect(again.get('orders', '2')).toBeUndefined();
    again.put('orders', '3', { id: 3 });
    await again.commit();
    // killed again
    const third = await JournalStore.open(dir);
    expect(third.get('orders', '3')).toEqual({ id: 3 });
    expect(third.get('orders', '2')).toBeUndefined();
    await third.close();
    await again.close();
  });

  it('refuses a corrupt data file, names it, and leaves it as it was', async () => {
    const dir = tmp();
    const file = JournalStore.snapshotPath(dir);
    fs.writeFileSync(file, '{"format":"grid-bot", broken');
    await expect(JournalStore.open(dir)).rejects.toThrow(StoreError);
    await expect(JournalStore.open(dir)).rejects.toThrow(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('{"format":"grid-bot", broken');
  });

  it('refuses a snapshot cut short (a partial copy) and one with a broken entry', async () => {
    const { dir, store } = await archived(10);
    await store.close();
    const file = JournalStore.snapshotPath(dir);
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, whole.length - 40));
    await expect(JournalStore.open(dir)).rejects.toThrow(/cut off/);
    const text = whole.toString('utf8').replace('"10":{"id":10', '"10":{"id":');
    fs.writeFileSync(file, text);
    await expect(JournalStore.open(dir)).rejects.toThrow(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });

  it('names the file when an archived entry turns out broken after start, and keeps the rest working', async () => {
    const { dir, store } = await archived(10);
    await store.close();
    const file = JournalStore.snapshotPath(dir);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"4":{"id":4', '"4":{"id":'));
    const errors: Error[] = [];
    const s = await JournalStore.open(dir, { onError: (e) => errors.push(e) });
    expect(s.get('orders', '10')).toEqual(order(10, 'dispatched'));
    expect(() => s.get('orders', '1')).toThrow(file);
    s.put('meta', 'order', 6);
    await s.commit();
    expect(s.get('meta', 'order')).toBe(6);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining(file)]);
    await s.close();
  });

  it('refuses an unknown version and a foreign file', async () => {
    const dir = tmp();
    const file = JournalStore.snapshotPath(dir);
    fs.writeFileSync(file, JSON.stringify({ format: 'grid-bot', version: 99, seq: 0, collections: {} }));
    await expect(JournalStore.open(dir)).rejects.toThrow(/version 99/);
    fs.writeFileSync(file, JSON.stringify({ posts: [] }));
    await expect(JournalStore.open(dir)).rejects.toThrow(/not a grid-bot data file/);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ posts: [] });
  });

  it('refuses a journal corrupt in the middle', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    await s.close();
    fs.writeFileSync(JournalStore.journalPath(dir), 'garbage\n{"seq":1,"ops":[]}\n');
    await expect(JournalStore.open(dir)).rejects.toThrow(/corrupt at line 1/);
  });

  it('reads a data file of the first layout (pretty-printed, no archive) and rewrites it in the new one', async () => {
    const dir = tmp();
    const v1 = { format: 'grid-bot', version: 1, seq: 4, savedAt: '2026-06-10T01:30:00.000Z', collections: { orders: { 7: order(7) }, meta: { order: 7 } } };
    fs.writeFileSync(JournalStore.snapshotPath(dir), JSON.stringify(v1, null, 2));
    const s = await JournalStore.open(dir);
    expect(s.get('orders', '7')).toEqual(order(7));
    await s.compact();
    await s.close();
    expect(fs.readFileSync(JournalStore.snapshotPath(dir), 'utf8').startsWith('{"format":"grid-bot","version":2,')).toBe(true);
    const again = await JournalStore.open(dir);
    expect(again.get('orders', '7')).toEqual(order(7));
    await again.close();
  });

  it('leaves a read-only store\'s files as they were', async () => {
    const { dir, store } = await archived(3);
    store.put('orders', '9', { id: 9 });
    await store.close();
    const before = [fs.readFileSync(JournalStore.snapshotPath(dir)), fs.readFileSync(JournalStore.journalPath(dir))];
    const ro = await JournalStore.open(dir, { readOnly: true });
    expect([...ro.values('orders')]).toHaveLength(4);
    await ro.close();
    expect([fs.readFileSync(JournalStore.snapshotPath(dir)), fs.readFileSync(JournalStore.journalPath(dir))]).toEqual(before);
  });
});

describe('JournalStore archive (finished orders)', () => {
  it('gives archived entries back whole, their history read from disk on first access', async () => {
    const { store } = await archived(30);
    await store.whenLoaded();
    expect(store.size('orders')).toBe(30);
    const o = store.get<ReturnType<typeof order>>('orders', '7')!;
    expect(o.status).toBe('followed_up');
    expect(o.history).toEqual(order(7).history);
    expect(o).toEqual(order(7));
    expect({ ...o }).toEqual(order(7));
    expect(JSON.parse(JSON.stringify(o))).toEqual(order(7));
    expect([...store.values('orders')]).toHaveLength(30);
    await store.close();
  });

  it('does not keep the histories a report reads: the values stay slim, and a history read twice in a row is parsed once', async () => {
    const { store } = await archived(600);
    await store.whenLoaded();
    const all = [...store.values<ReturnType<typeof order>>('orders')];
    const settled = all.filter((o) => Object.getOwnPropertyDescriptor(o, 'history')?.get);
    expect(settled.length).toBeGreaterThan(500);
    for (const o of settled) expect(o.history).toEqual(order(o.id).history);
    // Still slim after being read: a year's report leaves no histories behind.
    expect(settled.every((o) => typeof Object.getOwnPropertyDescriptor(o, 'history')?.get === 'function')).toBe(true);
    const last = settled.at(-1)!;
    expect(last.history).toBe(last.history);
    // A value replaced by a new one keeps its history for whoever still holds it.
    const held = settled[0]!;
    store.put('orders', String(held.id), order(held.id, 'dispatched', { text: 'reopened' }));
    await store.commit();
    await store.compact();
    expect(Object.getOwnPropertyDescriptor(held, 'history')?.get).toBeUndefined();
    expect(held.history).toEqual(order(held.id).history);
    await store.close();
  });

  it('answers for an archived entry before the background read has reached it', async () => {
    const { store } = await archived(2000);
    expect(store.loading).toBe(true);
    expect(store.get('orders', '1999')).toEqual(order(1999));
    expect(store.loading).toBe(false);
    await store.close();
  });

  it('lists unsettled values without reading the archive', async () => {
    const { store } = await archived(2000);
    const open = [...store.unsettled<{ id: number }>('orders')].map((o) => o.id);
    expect(open).toHaveLength(200);
    expect(open.every((id) => id % 10 === 0)).toBe(true);
    expect(store.loading).toBe(true);
    await store.close();
  });

  it('never lets the archive bring back what was changed or deleted while it was being read', async () => {
    const { dir, store } = await archived(2000);
    expect(store.loading).toBe(true);
    store.put('orders', '1500', order(1500, 'dispatched', { text: 'reopened' }));
    store.delete('orders', '1501');
    await store.commit();
    await store.whenLoaded();
    expect(store.get<{ text: string }>('orders', '1500')!.text).toBe('reopened');
    expect(store.get('orders', '1501')).toBeUndefined();
    await store.close();
    const again = await JournalStore.open(dir);
    expect(again.get<{ text: string }>('orders', '1500')!.text).toBe('reopened');
    expect(again.get('orders', '1501')).toBeUndefined();
    expect(again.size('orders')).toBe(1999);
    await again.close();
  });

  it('keeps history readable through later compactions, read or not, for values held by callers too', async () => {
    const { dir, store } = await archived(50);
    await store.whenLoaded();
    const held = store.get<ReturnType<typeof order>>('orders', '3')!; // not read yet
    void store.get<ReturnType<typeof order>>('orders', '4')!.history; // read once
    store.put('orders', '3', order(3, 'dispatched', { text: 'changed' }));
    store.put('orders', '10', order(10, 'closed')); // settles now
    await store.commit();
    await store.compact();
    await store.compact();
    expect(held.history).toEqual(order(3).history);
    expect(store.get<ReturnType<typeof order>>('orders', '4')!.history).toEqual(order(4).history);
    expect(store.get('orders', '10')).toEqual(order(10, 'closed'));
    expect(store.get('orders', '5')).toEqual(order(5));
    await store.close();
    const again = await JournalStore.open(dir);
    expect(again.get('orders', '3')).toEqual(order(3, 'dispatched', { text: 'changed' }));
    expect(again.get('orders', '10')).toEqual(order(10, 'closed'));
    expect([...again.values('orders')]).toHaveLength(50);
    await again.close();
  });

  it('keeps writes made during a background compaction (they stay in the journal)', async () => {
    const { dir, store } = await archived(3000);
    await store.whenLoaded();
    const running = store.compact();
    for (let i = 0; i < 20; i++) {
      store.put('orders', String(5000 + i), order(5000 + i, 'dispatched'));
      await store.commit();
      await new Promise((res) => setImmediate(res));
    }
    await running;
    // killed without close
    const again = await JournalStore.open(dir);
    for (let i = 0; i < 20; i++) expect(again.get('orders', String(5000 + i))).toEqual(order(5000 + i, 'dispatched'));
    expect(again.size('orders')).toBe(3020);
    await again.close();
    await store.close();
  });

  it('stops a compaction cleanly when closed, leaving the data as it was', async () => {
    const { dir, store } = await archived(3000);
    await store.whenLoaded();
    store.put('orders', '1', order(1, 'closed'));
    await store.commit();
    const running = store.compact();
    await store.close();
    await running.catch(() => undefined);
    expect(fs.existsSync(`${JournalStore.snapshotPath(dir)}.tmp`)).toBe(false);
    const again = await JournalStore.open(dir);
    expect(again.get('orders', '1')).toEqual(order(1, 'closed'));
    expect(again.size('orders')).toBe(3000);
    await again.close();
  });

  it('compacts by itself once the journal passes its limit', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir, { compactAfterBytes: 4000 });
    for (let i = 1; i <= 40; i++) {
      s.put('orders', String(i), order(i));
      await s.commit();
    }
    await s.compact(); // waits for the one running, if any
    expect(s.journalSize).toBeLessThan(4000);
    expect(Object.keys(JSON.parse(fs.readFileSync(JournalStore.snapshotPath(dir), 'utf8')).archive.orders).length).toBeGreaterThan(10);
    await s.close();
  });

  it('drops message ids seen more than two days before, when it compacts', async () => {
    const dir = tmp();
    const now = Date.parse('2026-06-10T09:30:00+08:00');
    const s = await JournalStore.open(dir, { now: () => now });
    s.put('seen', 'old', now - 3 * DAY);
    s.put('seen', 'recent', now - DAY);
    await s.commit();
    await s.compact();
    expect(s.get('seen', 'old')).toBeUndefined();
    expect(s.get('seen', 'recent')).toBe(now - DAY);
    await s.close();
    const again = await JournalStore.open(dir);
    expect([...again.keys('seen')]).toEqual(['recent']);
    await again.close();
  });

  it('drops unsendable replies kept more than 30 days, when it compacts', async () => {
    const dir = tmp();
    const now = Date.parse('2026-06-10T09:30:00+08:00');
    const s = await JournalStore.open(dir, { now: () => now });
    s.put('failed', 'r1', { to: { roomId: 'g@chatroom' }, text: 'old', error: 'x', at: now - 31 * DAY });
    s.put('failed', 'r2', { to: { roomId: 'g@chatroom' }, text: 'recent', error: 'x', at: now - 29 * DAY });
    await s.commit();
    await s.compact();
    expect([...s.keys('failed')]).toEqual(['r2']);
    await s.close();
  });
});
