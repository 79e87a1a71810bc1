import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JournalStore, StoreError } from '../../src/adapters/store/journal-store.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gb-store-'));

describe('JournalStore', () => {
  it('keeps committed changes across a reopen and folds the journal into the snapshot', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    s.put('orders', '1', { id: 1, text: 'a' });
    s.put('meta', 'order', 1);
    await s.commit();
    s.delete('orders', '1');
    s.put('orders', '2', { id: 2 });
    await s.commit();
    // no close: as after a kill
    const again = await JournalStore.open(dir);
    expect(again.get('orders', '1')).toBeUndefined();
    expect(again.get('orders', '2')).toEqual({ id: 2 });
    expect(again.get('meta', 'order')).toBe(1);
    expect(fs.statSync(JournalStore.journalPath(dir)).size).toBe(0);
    const snap = JSON.parse(fs.readFileSync(JournalStore.snapshotPath(dir), 'utf8'));
    expect(snap).toMatchObject({ format: 'grid-bot', version: 1, collections: { orders: { 2: { id: 2 } } } });
    await again.close();
  });

  it('creates its files readable by the owner only', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    s.put('x', 'k', 1);
    await s.commit();
    expect(fs.statSync(JournalStore.snapshotPath(dir)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(JournalStore.journalPath(dir)).mode & 0o777).toBe(0o600);
    await s.close();
  });

  it('drops a torn last journal line (a write cut by a crash) and keeps the rest', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    s.put('orders', '1', { id: 1 });
    await s.commit();
    fs.appendFileSync(JournalStore.journalPath(dir), '{"seq":2,"ops":[["put","orders","2",{"id"');
    const again = await JournalStore.open(dir);
    expect(again.get('orders', '1')).toEqual({ id: 1 });
    expect(again.get('orders', '2')).toBeUndefined();
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
});
