/**
 * `npm start` runs the app and its store in a worker thread (src/adapters/app-thread): the same
 * app, reached by messages. These tests start the real worker (from the sources, through tsx).
 */
import fs from 'node:fs';
import path from 'node:path';
import { startAppThread, type AppThread } from '../../src/adapters/app-thread/app-thread.js';
import { createLogger } from '../../src/adapters/log.js';
import { JournalStore, StoreError } from '../../src/adapters/store/journal-store.js';
import type { InboundMessage, Reply } from '../../src/app/ports.js';
import { demoConfig } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/sim.js';

const DAY = 24 * 3600_000;
const config = demoConfig();
const G1 = config.grids[0]!.roomId;

function inbound(id: string, text: string, at = Date.now()): InboundMessage {
  return { id, roomId: G1, talkerId: 'res-wang', talkerName: '王阿姨', text, mentionIds: [], mentionsBot: false, at };
}

async function start(dataDir: string, o: { offsetMs?: number; schedules?: boolean } = {}) {
  const pushed: Reply[][] = [];
  const logs: string[] = [];
  const fatal: Error[] = [];
  const thread = await startAppThread({
    config,
    dataDir,
    clock: { now: () => Date.now() + (o.offsetMs ?? 0) },
    log: createLogger('silent'),
    logLevel: 'info',
    schedules: o.schedules ?? false,
    writeLog: (l) => logs.push(l),
    onPush: (r) => pushed.push(r),
    onFatal: (e) => fatal.push(e),
  });
  return { thread, pushed, logs, fatal };
}

describe('the app in its worker thread', () => {
  let open: AppThread[] = [];
  afterEach(async () => {
    for (const t of open) await t.close().catch(() => undefined);
    open = [];
  });

  it('handles a request: applied first, then the replies once on disk; the outbox, sent replies and the data survive a restart', async () => {
    const dir = tmpDir();
    const { thread, logs, fatal } = await start(dir);
    open.push(thread);
    expect(thread.featureRooms()).toEqual(expect.any(Array));

    const order: string[] = [];
    const replies = await thread.handleMessage(inbound('w1', '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678'), () => order.push('applied'));
    order.push('replies');
    expect(order).toEqual(['applied', 'replies']);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => typeof r.id === 'string')).toBe(true);
    expect(replies.map((r) => r.text).join('\n')).toContain('#1');

    expect(await thread.info()).toEqual({ orders: 1, nextOrderId: 2 });
    expect((await thread.pendingReplies()).map((r) => r.id).sort()).toEqual(replies.map((r) => r.id).sort());
    await Promise.all(replies.map((r) => thread.markSent(r.id!)));
    expect(await thread.pendingReplies()).toEqual([]);
    // A message seen twice (puppets redeliver) is answered once.
    expect(await thread.handleMessage(inbound('w1', '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678'))).toEqual([]);

    await thread.close();
    open = [];
    await expect(thread.handleMessage(inbound('w2', '谢谢'))).rejects.toThrow('the app thread is closed');
    expect(logs.some((l) => l.includes('INFO data loaded: 0 orders'))).toBe(true);
    expect(fatal).toEqual([]);

    const store = await JournalStore.open(dir, { readOnly: true });
    await store.whenLoaded();
    expect(store.size('orders')).toBe(1);
    expect(store.size('outbox')).toBe(0);
    await store.close();
  }, 60_000);

  it('a failed send is kept and reported to the staff room; the logout is recorded and reported after the next login', async () => {
    const dir = tmpDir();
    const { thread } = await start(dir);
    open.push(thread);
    const [first] = await thread.handleMessage(inbound('w1', '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678'));
    const notice = await thread.markFailed(first!, 'network down');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.to).toEqual({ roomId: config.staffRoomId });

    await thread.noteLoggedOut(Date.now() - 3600_000);
    const back = await thread.noteLoggedIn(Date.now());
    expect(back).toHaveLength(1);
    expect(back[0]!.to).toEqual({ roomId: config.staffRoomId });
    expect(await thread.noteLoggedIn(Date.now())).toEqual([]); // once
  }, 60_000);

  it('runs the schedules in the worker: what falls due is pushed to the main thread to send', async () => {
    const dir = tmpDir();
    const first = await start(dir);
    await first.thread.handleMessage(inbound('w1', '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678'));
    await first.thread.close();
    // Two days later nobody has claimed the order: the ticker has reminders to send.
    const later = await start(dir, { offsetMs: 2 * DAY, schedules: true });
    open.push(later.thread);
    await later.thread.noteLoggedIn(Date.now() + 2 * DAY); // the ticker sends only while logged in
    await later.thread.tick();
    await new Promise((res) => setTimeout(res, 50));
    expect(later.pushed.flat().length).toBeGreaterThan(0);
    expect(later.pushed.flat().every((r) => typeof r.id === 'string')).toBe(true);
  }, 60_000);

  it('a data file it cannot read fails the start with the store error, and the file is left as it was', async () => {
    const dir = tmpDir();
    const snap = JournalStore.snapshotPath(dir);
    fs.writeFileSync(snap, '{"format":"grid-bot",');
    const err = await start(dir).then(
      (s) => {
        open.push(s.thread);
        return null;
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toContain(`Data file ${snap} cannot be read`);
    expect(fs.readFileSync(snap, 'utf8')).toBe('{"format":"grid-bot",');
  }, 60_000);
});

describe('when the app thread fails', () => {
  const failing = new URL('../fixtures/failing-app-worker.mjs', import.meta.url);
  async function startFailing(fail: 'exit' | 'throw' | 'start') {
    const fatal: Error[] = [];
    const thread = startAppThread({
      config,
      // The stand-in reads how to fail from the last part of its data folder's name.
      dataDir: path.join(tmpDir(), fail),
      clock: { now: () => Date.now() },
      log: createLogger('silent'),
      logLevel: 'silent',
      onPush: () => undefined,
      onFatal: (e) => fatal.push(e),
      workerUrl: failing,
    });
    return { thread, fatal };
  }

  it.each(['exit', 'throw'] as const)('%s: the call in hand fails, onFatal is told once, later calls fail at once', async (fail) => {
    const { thread, fatal } = await startFailing(fail);
    const t = await thread;
    expect(t.featureRooms()).toEqual(['council@chatroom']);
    expect(await t.info()).toEqual({ orders: 0, nextOrderId: 1 });
    await expect(t.handleMessage(inbound('w1', '早上好'))).rejects.toThrow(fail === 'exit' ? 'the app thread stopped (exit code 3)' : 'the app thread failed: out of the blue');
    await expect(t.markSent('1')).rejects.toThrow(/the app thread/);
    expect(fatal).toHaveLength(1);
    await t.close(); // nothing to close: no error
  }, 30_000);

  it('a failed start rejects the start with the worker\'s error', async () => {
    const { thread, fatal } = await startFailing('start');
    await expect(thread).rejects.toThrow('cannot start here');
    expect(fatal).toEqual([]);
  }, 30_000);
});
