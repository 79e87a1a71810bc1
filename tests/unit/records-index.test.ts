import { MemoryStore } from '../../src/adapters/store/memory-store.js';
import { C, Records } from '../../src/app/records.js';
import type { Order, OrderStatus } from '../../src/core/model.js';
import { T0, testApp, texts } from '../helpers/fixtures.js';

const LEAK = '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678';

/** A store whose full scan of orders fails: what must not grow with history must not use it. */
class NoScanStore extends MemoryStore {
  scans = 0;
  override values<T>(collection: string): IterableIterator<T> {
    if (collection === C.orders) {
      this.scans++;
      throw new Error('full scan of orders');
    }
    return super.values<T>(collection);
  }
  /** Like the journal store: finished orders are not handed out. */
  override *unsettled<T>(collection: string): IterableIterator<T> {
    for (const v of super.values<Order>(collection)) if (!['followed_up', 'rejected', 'cancelled', 'closed'].includes(v.status)) yield v as T;
  }
}

const order = (id: number, status: OrderStatus, patch: Partial<Order> = {}): Order => ({
  id, gridId: 'g1', roomId: 'grid1@chatroom', kind: 'service', category: 'home_repair', text: '水管漏了', summary: '水管漏了',
  residentId: `res-${id}`, residentName: '王阿姨', address: null, phone: null, when: null, urgent: false, status,
  createdAt: id, updatedAt: id, acceptedBy: 'bot', claimerId: null, invitedIds: [], rating: null, ratingNote: null,
  history: [{ action: 'submit', from: null, to: 'submitted', by: `res-${id}`, at: id }],
  ...patch,
});

describe('order indexes (per-message paths do not walk the history)', () => {
  it('lists a resident\'s open orders from the index, without a scan, and forgets closed ones', () => {
    const store = new NoScanStore();
    for (const o of [order(1, 'dispatched', { residentId: 'res-a' }), order(2, 'claimed', { residentId: 'res-a' }), order(3, 'dispatched', { residentId: 'res-b' }), order(4, 'followed_up', { residentId: 'res-a' })]) {
      store.put(C.orders, String(o.id), o);
    }
    const records = new Records(store);
    expect(records.openOrdersOf('res-a').map((o) => o.id)).toEqual([1, 2]);
    records.putOrder(order(2, 'cancelled', { residentId: 'res-a' }));
    expect(records.openOrdersOf('res-a').map((o) => o.id)).toEqual([1]);
    expect(records.openOrdersOf('res-b').map((o) => o.id)).toEqual([3]);
    expect(records.openOrdersOf('res-c')).toEqual([]);
    expect(store.scans).toBe(0);
  });

  it('follows an order from open to awaiting a rating to rated', async () => {
    const { say, app } = testApp();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    expect([...app.records.openOrders()].map((o) => o.id)).toEqual([1]);
    await say('vol-zhang', '接单 #1');
    expect(app.records.workload().open.get('vol-zhang')).toBe(1);
    await say('vol-zhang', '完成 #1 换了阀门');
    expect([...app.records.openOrders()]).toEqual([]);
    expect(app.records.awaitingRating('res-wang', T0 + 60_000).map((o) => o.id)).toEqual([1]);
    await say('res-wang', '5');
    expect(app.records.awaitingRating('res-wang', T0 + 60_000)).toEqual([]);
    expect(app.records.order(1)!.status).toBe('followed_up');
  });

  it('builds from the unsettled orders only, and serves dispatch, bare ratings and /待办 without a full scan', async () => {
    const store = new NoScanStore();
    for (let i = 1; i <= 500; i++) store.put(C.orders, String(i), order(i, 'followed_up', { rating: 5 }));
    store.put(C.orders, '501', order(501, 'claimed', { claimerId: 'vol-zhang' }));
    store.put(C.orders, '502', order(502, 'reported', { residentId: 'res-wang', claimerId: 'vol-li', updatedAt: T0 }));
    store.put(C.meta, 'order', 502);
    store.put(C.meta, 'workloadIndex', 1);
    store.put(C.workload, 'vol-zhang', 501);
    await store.commit();
    const { say, app } = testApp(undefined, store);
    const call = await say('res-zhao', LEAK, { talkerName: '赵大爷' });
    // 张师傅 holds #501: the call puts 李师傅 first.
    expect(call.find((r) => r.mentionIds)?.mentionIds).toEqual(['vol-li', 'vol-zhang']);
    expect(texts(await say('res-wang', '4'))).toEqual(['谢谢您的评价!#502 已回访(4分)。']);
    expect(texts(await say('staff-liu', '/待办', { roomId: 'staff@chatroom' }))[0]).toMatch(/^全社区待办2件:\n#501 已接单[^]*#503 待接单/);
    expect(store.scans).toBe(0);
  });

  it('heals itself when an order changed behind its back', async () => {
    const store = new MemoryStore();
    const records = new Records(store);
    records.putOrder(order(1, 'dispatched'));
    expect([...records.openOrders()].map((o) => o.id)).toEqual([1]);
    store.put(C.orders, '1', order(1, 'closed'));
    expect([...records.openOrders()]).toEqual([]);
  });

  it('keeps when volunteers were last given work, across restarts, without reading old orders', () => {
    const store = new NoScanStore();
    const records = new Records(store);
    store.put(C.meta, 'workloadIndex', 1);
    const claimed = order(1, 'claimed', { claimerId: 'vol-zhang', history: [...order(1, 'dispatched').history, { action: 'claim', from: 'dispatched', to: 'claimed', by: 'vol-zhang', at: 100 }] });
    records.putOrder(claimed);
    const assigned = order(2, 'claimed', { claimerId: 'vol-li', history: [...order(2, 'dispatched').history, { action: 'assign', from: 'dispatched', to: 'claimed', by: 'staff-liu', at: 200 }] });
    records.putOrder(assigned);
    expect(records.workload().lastGiven).toEqual(new Map([['vol-zhang', 100], ['vol-li', 200]]));
    const again = new Records(store);
    expect(again.workload()).toEqual({ open: new Map([['vol-zhang', 1], ['vol-li', 1]]), lastGiven: new Map([['vol-zhang', 100], ['vol-li', 200]]) });
    expect(store.scans).toBe(0);
  });

  it('builds the work record once from the whole history for data from before it existed', () => {
    const store = new MemoryStore();
    store.put(C.orders, '1', order(1, 'followed_up', { claimerId: 'vol-zhang', history: [...order(1, 'dispatched').history, { action: 'claim', from: 'dispatched', to: 'claimed', by: 'vol-zhang', at: 50 }] }));
    const records = new Records(store);
    expect(records.workload().lastGiven.get('vol-zhang')).toBe(50);
    expect(store.get(C.meta, 'workloadIndex')).toBe(1);
    expect(store.get(C.workload, 'vol-zhang')).toBe(50);
  });
});

describe('the rating window', () => {
  it('takes a bare digit only for an order finished in the last 30 days; 评价 #n still rates an older one', async () => {
    const { say, app, clock } = testApp();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    await say('vol-zhang', '接单 #1');
    await say('vol-zhang', '完成 #1');
    clock.t += 31 * 24 * 3600_000;
    expect(await say('res-wang', '5')).toEqual([]);
    expect(app.records.order(1)!.status).toBe('reported');
    expect(texts(await say('res-wang', '评价 #1 5'))).toEqual(['谢谢您的评价!#1 已回访(5分)。']);
  });
});
