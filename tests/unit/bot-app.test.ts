import { demoConfig, testApp, texts, to } from '../helpers/fixtures.js';
import type { Order } from '../../src/core/model.js';

const LEAK = '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678';

describe('a resident request in a grid group', () => {
  it('opens an order, acknowledges it with #n and calls matching volunteers, masking details', async () => {
    const { say, app } = testApp();
    const out = await say('res-wang', LEAK, { talkerName: '王阿姨' });
    const group = texts(to(out, 'grid1@chatroom'));
    expect(group[0]).toMatch(/^已登记 #1\(家庭维修·3号楼2单元\)/);
    expect(group[1]).toMatch(/#1 .*@张师傅 @李师傅.*接单 #1/);
    for (const t of group) {
      expect(t).not.toContain('13812345678');
      expect(t).not.toContain('501');
    }
    const o = app.records.order(1)!;
    expect(o.status).toBe('dispatched');
    expect(o.phone).toBe('13812345678');
    expect(o.history.map((h) => h.action)).toEqual(['submit', 'accept', 'dispatch']);
    expect(to(out, 'grid1@chatroom')[1]!.mentionIds).toEqual(['vol-zhang', 'vol-li']);
  });

  it('asks for what is missing and files the answer on the order', async () => {
    const { say, app } = testApp();
    const [ack] = await say('res-wang', '厨房水管漏了 能来人看看吗', { talkerName: '王阿姨' });
    expect(ack!.text).toContain('几号楼几单元');
    const out = await say('res-wang', '3号楼2单元501', { talkerName: '王阿姨' });
    expect(texts(out)).toEqual(['#1 已补充地址,谢谢您。']);
    expect(app.records.order(1)!.address).toEqual({ building: '3', unit: '2', room: '501' });
  });

  it('answers a repost of the same request with the order already open, instead of a second order', async () => {
    const { say, app, clock } = testApp();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    clock.t += 20 * 60_000;
    const again = await say('res-wang', `${LEAK}!!`, { talkerName: '王阿姨' });
    expect(texts(again)).toEqual(['您06-10 09:30说的事已登记为 #1(家庭维修·3号楼2单元),现在待接单,不用再发;有新情况直接补充说明即可。']);
    // A shorter repeat contained in the first one counts too; another need, or another resident, is a new order.
    expect(texts(await say('res-wang', '厨房水管漏了 能来人看看吗'))[0]).toMatch(/^您06-10 09:30说的事已登记为 #1/);
    expect(texts(await say('res-wang', '3号楼2单元501卫生间马桶堵了 谁能来通一下'))[0]).toMatch(/^已登记 #2/);
    expect(texts(await say('res-li', LEAK))[0]).toMatch(/^已登记 #3/);
    expect(app.store.size('orders')).toBe(3);
  });

  it('opens a new order for the same words once the earlier one is finished or a day has passed', async () => {
    const { say, clock } = testApp();
    await say('res-wang', LEAK);
    await say('vol-zhang', '接单 #1');
    await say('vol-zhang', '完成 #1');
    expect(texts(await say('res-wang', LEAK))[0]).toMatch(/^已登记 #2/);
    clock.t += 25 * 3600_000;
    expect(texts(await say('res-wang', LEAK))[0]).toMatch(/^已登记 #3/);
  });

  it('stays silent on greetings, 收到 and stickers', async () => {
    const { say, store } = testApp();
    for (const t of ['早上好', '收到', '[微笑]', '谢谢大家', '👍']) expect(await say('res-zhao', t)).toEqual([]);
    expect(store.size('orders')).toBe(0);
  });

  it('ignores rooms that are not configured', async () => {
    const { say } = testApp();
    expect(await say('res-wang', LEAK, { roomId: 'other@chatroom' })).toEqual([]);
  });

  it('holds categories that need a staff 受理 until staff accept them', async () => {
    const { say, app } = testApp();
    const out = await say('res-wang', '帮我申请下低保 3号楼2单元501', { talkerName: '王阿姨' });
    expect(app.records.order(1)!.status).toBe('submitted');
    expect(texts(to(out, 'staff@chatroom'))[0]).toContain('/受理 #1');
    expect(texts(await say('vol-zhou', '接单 #1'))[0]).toContain('等社区受理');
    const acc = await say('staff-liu', '/受理 #1', { roomId: 'staff@chatroom' });
    expect(texts(acc)).toContain('#1 已受理。');
    expect(app.records.order(1)!.status).toBe('dispatched');
    expect(app.records.order(1)!.acceptedBy).toBe('staff-liu');
  });
});

describe('claiming and finishing', () => {
  async function opened() {
    const t = testApp();
    await t.say('res-wang', LEAK, { talkerName: '王阿姨' });
    return t;
  }

  it('gives the order to the first claimer and tells a later one who has it', async () => {
    const { say, app } = await opened();
    const first = await say('vol-zhang', '接单 #1');
    expect(texts(to(first, 'grid1@chatroom'))).toEqual(['@王阿姨 #1 已由张师傅接单,志愿者会私信联系您。']);
    expect(texts(to(first, 'vol-zhang'))[0]).toContain('王阿姨 13812345678,3号楼2单元501');
    const second = await say('vol-li', '接 1');
    expect(texts(second)).toEqual(['#1 已由张师傅接单,谢谢您!']);
    expect(app.records.order(1)!.claimerId).toBe('vol-zhang');
  });

  it('lets only volunteers of the order\'s grid claim', async () => {
    const { say, app } = await opened();
    expect(texts(await say('vol-feng', '接单 #1'))).toEqual(['#1 只有本网格的志愿者可以接单。']);
    expect(texts(await say('res-zhao', '接单 #1'))).toEqual(['#1 只有本网格的志愿者可以接单。']);
    expect(app.records.order(1)!.status).toBe('dispatched');
  });

  it('completes, reports to staff, asks the resident to rate, and takes a bare digit as the rating', async () => {
    const { say, app } = await opened();
    await say('vol-zhang', '接单 #1');
    const done = await say('vol-zhang', '完成 #1 换了阀门');
    expect(texts(to(done, 'grid1@chatroom'))).toEqual(['#1 已办结。@王阿姨 请给这次服务打个分(1–5),回复数字即可。']);
    expect(texts(to(done, 'staff@chatroom'))[0]).toContain('换了阀门');
    const rated = await say('res-wang', '5');
    expect(texts(rated)).toEqual(['谢谢您的评价!#1 已回访(5分)。']);
    const o = app.records.order(1)!;
    expect(o.status).toBe('followed_up');
    expect(o.rating).toBe(5);
    expect(o.history.map((h) => h.action)).toEqual(['submit', 'accept', 'dispatch', 'claim', 'resolve', 'report', 'rate']);
  });

  it('does not @-mention the resident when a job is finished at night, and still takes a bare digit', async () => {
    const { say, app, clock } = await opened();
    await say('vol-zhang', '接单 #1');
    clock.t = Date.parse('2026-06-10T22:40:00+08:00');
    const done = await say('vol-zhang', '完成 #1');
    const group = to(done, 'grid1@chatroom');
    expect(texts(group)).toEqual(['#1 已办结。请给这次服务打个分(1–5),回复数字即可。']);
    expect(group[0]!.mentionIds).toBeUndefined();
    expect(texts(await say('res-wang', '4'))).toEqual(['谢谢您的评价!#1 已回访(4分)。']);
    expect(app.records.order(1)!.rating).toBe(4);
  });

  it('takes a rating privately with 评价 #n and alerts staff on a low one', async () => {
    const { say, app } = await opened();
    await say('vol-zhang', '接单 #1');
    await say('vol-zhang', '完成 #1');
    const out = await say('res-wang', '评价 #1 2 来晚了', { roomId: null });
    expect(texts(to(out, 'res-wang'))).toEqual(['谢谢您的评价!#1 已回访(2分)。']);
    expect(texts(to(out, 'staff@chatroom'))[0]).toContain('二次回访');
    expect(app.records.order(1)!.ratingNote).toBe('来晚了');
  });

  it('ignores a bare digit from someone with nothing to rate', async () => {
    const { say } = await opened();
    expect(await say('res-zhao', '3')).toEqual([]);
  });

  it('puts an abandoned order back in the pool and calls others', async () => {
    const { say, app } = await opened();
    await say('vol-zhang', '接单 #1');
    const out = await say('vol-zhang', '放弃 #1 临时有事');
    expect(texts(out)[0]).toBe('张师傅已放弃 #1,重新等待接单。');
    expect(out[1]!.mentionIds).not.toContain('vol-zhang');
    expect(app.records.order(1)!.status).toBe('dispatched');
    expect(app.records.order(1)!.claimerId).toBeNull();
  });

  it('lets the resident cancel and tells the claimer privately', async () => {
    const { say, app } = await opened();
    await say('vol-zhang', '接单 #1');
    expect(texts(await say('res-zhao', '取消 #1'))).toEqual(['#1 不是您提交的,无法操作。']);
    const out = await say('res-wang', '取消 #1');
    expect(texts(out)).toEqual(['#1 已取消。', '#1 居民已取消,不用再办了,谢谢您。']);
    expect(app.records.order(1)!.status).toBe('cancelled');
  });
});

describe('staff commands', () => {
  it('refuses a staff command from a resident who took a staff member\'s display name', async () => {
    const { say, app } = testApp();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    for (const cmd of ['/派单 #1 @张师傅', '/驳回 #1 冒充', '/关闭 #1', '/待办', '/查 #1', '/受理 #1', '/重开 #1']) {
      const out = await say('res-fake', cmd, { talkerName: '刘书记' });
      expect(texts(out)).toEqual(['这个指令只有社区工作人员可以使用。']);
    }
    expect(app.records.order(1)!.status).toBe('dispatched');
  });

  it('assigns directly with /派单 and a mentioned volunteer', async () => {
    const { say, app } = testApp();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    const out = await say('staff-liu', '/派单 #1 @吴大姐', { roomId: 'staff@chatroom' });
    expect(texts(to(out, 'staff@chatroom'))).toEqual(['#1 已派给吴大姐。']);
    expect(texts(to(out, 'vol-wu'))[0]).toContain('#1 详情');
    expect(app.records.order(1)!.claimerId).toBe('vol-wu');
    expect(app.records.order(1)!.history.at(-1)!.action).toBe('assign');
  });

  it('lets a grid worker manage orders of their own grid only', async () => {
    const { say } = testApp();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    expect(texts(await say('wk-wang', '/关闭 #1', { roomId: 'grid2@chatroom' }))).toEqual(['这个指令只有社区工作人员可以使用。']);
    expect(texts(await say('wk-li', '/关闭 #1'))).toEqual(['#1 已关闭。']);
  });

  it('rejects with a reason told to the resident', async () => {
    const { say, app } = testApp();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    const out = await say('staff-liu', '/驳回 #1 已由物业处理', { roomId: 'staff@chatroom' });
    expect(texts(to(out, 'grid1@chatroom'))[0]).toBe('@王阿姨 #1 未能受理:已由物业处理。如有疑问请联系社区。');
    expect(app.records.order(1)!.status).toBe('rejected');
  });

  it('shows full details only in the staff room, masked in the group', async () => {
    const { say } = testApp();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    const staffView = texts(await say('staff-liu', '/查 #1', { roomId: 'staff@chatroom' }))[0]!;
    expect(staffView).toContain('13812345678');
    const groupView = texts(await say('staff-liu', '/查 #1'))[0]!;
    expect(groupView).toContain('138****5678');
    expect(groupView).not.toContain('501');
  });

  it('lists open orders with /待办 and answers unknown commands with a hint', async () => {
    const { say } = testApp();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    expect(texts(await say('staff-liu', '/待办', { roomId: 'staff@chatroom' }))[0]).toMatch(/^全社区待办1件:\n#1 待接单/);
    expect(texts(await say('res-zhao', '/飞'))).toEqual(['没看懂这个指令,发送「/帮助」查看用法。']);
    expect(texts(await say('staff-liu', '/查 #99'))).toEqual(['没有找到 #99。']);
  });

  it('refuses a transition that is not allowed now, saying why', async () => {
    const { say } = testApp();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    expect(texts(await say('staff-liu', '/受理 #1'))).toEqual(['#1 现在待接单,不能受理。']);
  });
});

describe('private chat', () => {
  it('files a private request in the grid where the resident was last seen', async () => {
    const { say, app } = testApp();
    await say('res-wang', '早上好', { talkerName: '王阿姨', roomId: 'grid2@chatroom' });
    const out = await say('res-wang', LEAK, { talkerName: '王阿姨', roomId: null });
    expect(app.records.order(1)!.gridId).toBe('g2');
    expect(texts(to(out, 'res-wang'))[0]).toMatch(/^已登记 #1/);
    expect(to(out, 'grid2@chatroom')).toHaveLength(1);
  });

  it('sends a request from an unknown person to the staff room', async () => {
    const { say, app } = testApp();
    const out = await say('stranger', LEAK, { roomId: null });
    expect(app.records.order(1)!.gridId).toBeNull();
    expect(texts(to(out, 'staff@chatroom'))[0]).toContain('网格未知');
  });
});

describe('outbox', () => {
  it('records every reply before it is returned and forgets it once sent', async () => {
    const { say, app } = testApp();
    const out = await say('res-wang', LEAK);
    expect(app.pendingReplies().map((r) => r.id)).toEqual(out.map((r) => r.id));
    for (const r of out) await app.markSent(r.id!);
    expect(app.pendingReplies()).toEqual([]);
  });

  it('does not handle the same message id twice', async () => {
    const { app, config } = testApp(demoConfig());
    const m = { id: 'dup', roomId: 'grid1@chatroom', talkerId: 'res-wang', talkerName: '王阿姨', text: LEAK, mentionIds: [], mentionsBot: false, at: 1 };
    expect((await app.handleMessage(m)).length).toBeGreaterThan(0);
    expect(await app.handleMessage(m)).toEqual([]);
    expect([...app.records.orders()] as Order[]).toHaveLength(1);
    expect(config.grids).toHaveLength(3);
  });
});
