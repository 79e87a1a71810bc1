import { OutgoingQueue, type PacingOptions } from '../../src/adapters/wechaty/outgoing-queue.js';
import type { Reply } from '../../src/app/ports.js';
import { testApp, texts } from '../helpers/fixtures.js';
import { virtualTime } from '../helpers/virtual-time.js';

const PACE: PacingOptions = { roomSpacingMs: 1500, jitterMs: 500, perMinute: 0, retries: 3, backoffMs: 50 };
const room = (roomId: string, text: string, id?: string): Reply => ({ to: { roomId }, text, ...(id ? { id } : {}) });

function harness(pacing: PacingOptions, opts: { fail?: (r: Reply, attempt: number) => boolean; random?: number } = {}) {
  const vt = virtualTime();
  const sent: { at: number; to: string; text: string }[] = [];
  const attempts = new Map<string, number[]>();
  const done: string[] = [];
  const failed: { text: string; at: number }[] = [];
  let ready: Promise<void> | null = null;
  const q = new OutgoingQueue(
    {
      async send(r) {
        const list = attempts.get(r.text) ?? [];
        list.push(vt.now());
        attempts.set(r.text, list);
        if (opts.fail?.(r, list.length)) throw new Error('network down');
        sent.push({ at: vt.now(), to: 'roomId' in r.to ? r.to.roomId : r.to.contactId, text: r.text });
      },
      async onSent(r) {
        done.push(r.text);
      },
      async onFailed(r) {
        failed.push({ text: r.text, at: vt.now() });
      },
      ready: () => ready ?? Promise.resolve(),
      sleep: vt.sleep,
      now: vt.now,
      random: () => opts.random ?? 0,
    },
    pacing,
  );
  return { q, vt, sent, attempts, done, failed, setReady: (p: Promise<void> | null) => (ready = p) };
}

describe('the outgoing queue', () => {
  it('spaces sends to one room by roomSpacingMs and keeps their order', async () => {
    const h = harness(PACE);
    h.q.push([room('g1@r', 'a'), room('g1@r', 'b'), room('g1@r', 'c')]);
    await h.vt.runUntil(() => h.q.size === 0);
    expect(h.sent.map((s) => s.text)).toEqual(['a', 'b', 'c']);
    expect(h.sent.map((s) => s.at)).toEqual([0, 1500, 3000]);
  });

  it('adds up to jitterMs of random extra gap', async () => {
    const h = harness(PACE, { random: 0.999 });
    h.q.push([room('g1@r', 'a'), room('g1@r', 'b')]);
    await h.vt.runUntil(() => h.q.size === 0);
    expect(h.sent[1]!.at - h.sent[0]!.at).toBe(1500 + 499);
  });

  it('does not make one room wait for another', async () => {
    const h = harness(PACE);
    h.q.push([room('g1@r', 'a1'), room('g2@r', 'b1'), room('g1@r', 'a2'), room('g2@r', 'b2')]);
    await h.vt.runUntil(() => h.q.size === 0);
    const at = Object.fromEntries(h.sent.map((s) => [s.text, s.at]));
    expect(at).toEqual({ a1: 0, b1: 0, a2: 1500, b2: 1500 });
  });

  it('caps the whole account at perMinute sends in any rolling minute', async () => {
    const h = harness({ ...PACE, roomSpacingMs: 0, jitterMs: 0, perMinute: 3 });
    h.q.push(['a', 'b', 'c', 'd', 'e'].map((t, i) => room(`g${i}@r`, t)));
    await h.vt.runUntil(() => h.q.size === 0);
    const times = h.sent.map((s) => s.at).sort((a, b) => a - b);
    expect(times.slice(0, 3)).toEqual([0, 0, 0]);
    expect(times[3]).toBeGreaterThanOrEqual(60_000);
    for (let i = 3; i < times.length; i++) expect(times[i]! - times[i - 3]!).toBeGreaterThanOrEqual(60_000);
  });

  it('retries a failed send with doubling backoff and counts it sent once it goes through', async () => {
    const h = harness(PACE, { fail: (_r, n) => n <= 2 });
    h.q.push([room('g1@r', 'a')]);
    await h.vt.runUntil(() => h.q.size === 0);
    expect(h.attempts.get('a')).toEqual([0, 50, 150]);
    expect(h.done).toEqual(['a']);
    expect(h.failed).toEqual([]);
  });

  it('gives up after the configured retries and hands the reply to onFailed, never dropping it silently', async () => {
    const h = harness(PACE, { fail: () => true });
    h.q.push([room('g1@r', 'a'), room('g1@r', 'b')]);
    await h.vt.runUntil(() => h.q.size === 0);
    expect(h.attempts.get('a')).toEqual([0, 50, 150, 350]);
    expect(h.failed.map((f) => f.text)).toEqual(['a', 'b']);
    expect(h.done).toEqual([]);
  });

  it('waits while the account is logged out without spending retries', async () => {
    const h = harness(PACE, { fail: () => false });
    let login!: () => void;
    h.setReady(new Promise<void>((res) => (login = res)));
    h.q.push([room('g1@r', 'a')]);
    await h.vt.runUntil(() => true);
    expect(h.attempts.size).toBe(0);
    login();
    h.setReady(null);
    await h.vt.runUntil(() => h.q.size === 0);
    expect(h.attempts.get('a')).toHaveLength(1);
    expect(h.done).toEqual(['a']);
  });

  it('queues a reply once even if it is pushed again (outbox replayed at login)', async () => {
    const h = harness(PACE);
    h.q.push([room('g1@r', 'a', '001'), room('g1@r', 'b', '002')]);
    h.q.push([room('g1@r', 'a', '001')]);
    await h.vt.runUntil(() => h.q.size === 0);
    expect(h.sent.map((s) => s.text)).toEqual(['a', 'b']);
  });
});

describe('a reply that cannot be sent', () => {
  it('is kept in "failed", leaves the outbox, and is reported to the staff room', async () => {
    const { app, say, store } = testApp();
    const [ack] = await say('res-wang', '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678');
    const report = await app.markFailed(ack!, 'network down');
    expect(store.get('failed', ack!.id!)).toMatchObject({ text: ack!.text, error: 'network down' });
    expect(app.pendingReplies().map((r) => r.id)).not.toContain(ack!.id);
    expect(report).toHaveLength(1);
    expect(report[0]!.to).toEqual({ roomId: 'staff@chatroom' });
    expect(texts(report)[0]).toMatch(/^有一条消息发送失败\(发往 grid1@chatroom\)/);
    expect(texts(report)[0]!).not.toContain('13812345678');
  });

  it('to the staff room itself is kept but not reported again (no loop)', async () => {
    const { app } = testApp();
    const out = await app.markFailed({ id: 'x1', to: { roomId: 'staff@chatroom' }, text: '#1 ……' }, 'down');
    expect(out).toEqual([]);
  });
});
