import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JournalStore, StoreError } from '../../src/adapters/store/journal-store.js';
import { backupDir, backupIfDue, listBackups, newestBackup, restoreHint, startDailyBackups } from '../../src/adapters/store/backups.js';
import { createLogger } from '../../src/adapters/log.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gb-durable-'));
const DAY = 24 * 3600_000;
const T0 = Date.parse('2026-06-10T09:30:00+08:00');
const OPTS = { keep: 7, timezone: 'Asia/Shanghai' };
const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe('the journal after a crash', () => {
  it('drops a torn last line and appends cleanly after it (the next start still opens)', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    s.put('orders', '1', { id: 1 });
    await s.close();
    await (await JournalStore.open(dir)).close(); // folded into the snapshot: the journal is empty
    // Killed in the middle of writing the next batch: nothing newer than the snapshot but a torn line.
    fs.appendFileSync(JournalStore.journalPath(dir), '{"seq":2,"ops":[["put","orders","2",{"id"');
    const again = await JournalStore.open(dir);
    again.put('orders', '3', { id: 3 });
    await again.commit();
    // no close: killed again
    const third = await JournalStore.open(dir);
    expect(third.get('orders', '1')).toEqual({ id: 1 });
    expect(third.get('orders', '2')).toBeUndefined();
    expect(third.get('orders', '3')).toEqual({ id: 3 });
    await third.close();
  });

  it('refuses a journal corrupt in the middle, names it and leaves it byte for byte', async () => {
    const dir = tmp();
    await (await JournalStore.open(dir)).close();
    const file = JournalStore.journalPath(dir);
    const text = 'garbage\n{"seq":1,"ops":[]}\n';
    fs.writeFileSync(file, text);
    await expect(JournalStore.open(dir)).rejects.toThrow(StoreError);
    await expect(JournalStore.open(dir)).rejects.toThrow(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('daily backups', () => {
  it('writes one complete copy a day, 0600 in a 0700 folder, journal included', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    s.put('orders', '1', { id: 1 });
    await s.commit(); // only in the journal so far
    const file = await backupIfDue(s, T0, OPTS);
    expect(file).toBe(path.join(dir, 'backups', 'grid-bot-2026-06-10.json'));
    expect(mode(file!)).toBe(0o600);
    expect(mode(backupDir(dir))).toBe(0o700);
    expect(JSON.parse(fs.readFileSync(file!, 'utf8')).collections.orders).toEqual({ 1: { id: 1 } });
    expect(await backupIfDue(s, T0 + 3600_000, OPTS)).toBeNull(); // same day
    await s.close();
  });

  it('names the copy by the community\'s date, not the host\'s', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    // 2026-06-10 23:30 in UTC is already the 11th in Shanghai.
    expect(await backupIfDue(s, Date.parse('2026-06-10T23:30:00Z'), OPTS)).toMatch(/grid-bot-2026-06-11\.json$/);
    await s.close();
  });

  it('keeps the newest seven', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    for (let d = 0; d < 10; d++) {
      s.put('meta', 'day', d);
      await s.commit();
      await backupIfDue(s, T0 + d * DAY, OPTS);
    }
    const names = listBackups(dir).map((f) => path.basename(f));
    expect(names).toEqual(['2026-06-19', '2026-06-18', '2026-06-17', '2026-06-16', '2026-06-15', '2026-06-14', '2026-06-13'].map((d) => `grid-bot-${d}.json`));
    expect(JSON.parse(fs.readFileSync(newestBackup(dir)!, 'utf8')).collections.meta.day).toBe(9);
    await s.close();
  });

  it('is off with keep 0', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    expect(await backupIfDue(s, T0, { ...OPTS, keep: 0 })).toBeNull();
    expect(fs.existsSync(backupDir(dir))).toBe(false);
    await s.close();
  });

  it('runs at start through the app\'s queue and logs the file', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    const lines: string[] = [];
    let serialCalls = 0;
    const serial = <T>(fn: () => Promise<T>) => {
      serialCalls++;
      return fn();
    };
    const b = startDailyBackups(s, serial, () => T0, OPTS, createLogger('info', (l) => lines.push(l)));
    await b.check();
    b.stop();
    expect(serialCalls).toBeGreaterThanOrEqual(1);
    expect(listBackups(dir)).toHaveLength(1);
    expect(lines.some((l) => l.includes('backup written') && l.includes('grid-bot-2026-06-10.json'))).toBe(true);
    await s.close();
  });

  it('restores: a corrupt data file is refused, the hint names the backup, and the commands in it work', async () => {
    const dir = tmp();
    const s = await JournalStore.open(dir);
    s.put('orders', '7', { id: 7 });
    await s.commit();
    await backupIfDue(s, T0, OPTS);
    await s.close();
    const snap = JournalStore.snapshotPath(dir);
    fs.writeFileSync(snap, '{"format":"grid-bot", broken');
    await expect(JournalStore.open(dir)).rejects.toThrow(snap);
    expect(fs.readFileSync(snap, 'utf8')).toBe('{"format":"grid-bot", broken');
    const hint = restoreHint(dir, 'snapshot');
    const backup = newestBackup(dir)!;
    expect(hint).toContain(backup);
    expect(hint).toContain(`cp ${backup} ${snap}`);
    // Follow the hint.
    fs.renameSync(snap, `${snap}.bad`);
    fs.renameSync(JournalStore.journalPath(dir), `${JournalStore.journalPath(dir)}.bad`);
    fs.copyFileSync(backup, snap);
    const restored = await JournalStore.open(dir);
    expect(restored.get('orders', '7')).toEqual({ id: 7 });
    await restored.close();
  });

  it('says how to start from the snapshot when only the journal is corrupt, and when no backup exists', () => {
    const dir = tmp();
    expect(restoreHint(dir, 'journal')).toContain(`mv ${JournalStore.journalPath(dir)} ${JournalStore.journalPath(dir)}.bad`);
    expect(restoreHint(dir, 'snapshot')).toMatch(/No backup exists yet/);
  });
});
