import { demoConfig, testApp, texts, to } from '../helpers/fixtures.js';
import { installFeatures } from '../../src/app/features.js';
import { BotApp } from '../../src/app/bot-app.js';
import type { Order } from '../../src/core/model.js';
import type { AppConfig } from '../../src/core/config-schema.js';

const T = (local: string) => Date.parse(`${local}+08:00`);
const G1 = 'grid1@chatroom';
const STAFF = 'staff@chatroom';
const LEAK = '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678';

/** testApp with the features, and a tick that runs due jobs at a given local time. */
function scheduled(config: AppConfig = demoConfig(), start = '2026-06-10T09:30:00') {
  const t = testApp(config);
  installFeatures(t.app);
  t.clock.t = T(start);
  const tick = (local: string) => {
    t.clock.t = T(local);
    return t.app.runDueJobs(t.clock.t);
  };
  return { ...t, tick };
}

describe('escalation through the app', () => {
  it('reminds the group, then the grid worker, the chief, and the staff room with the history', async () => {
    const { say, tick } = scheduled();
    await tick('2026-06-10T09:30:00');
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    const group = await tick('2026-06-10T11:30:01');
    expect(texts(group)).toEqual(['#1 家庭维修 3号楼2单元 已2小时无人接单,@张师傅 @李师傅 哪位方便?回复「接单 #1」']);
    expect(group[0]!.mentionIds).toEqual(['vol-zhang', 'vol-li']);
    expect(texts(await tick('2026-06-10T13:30:01'))).toEqual(['#1 家庭维修 3号楼2单元 已4小时无人接单,@网格员小李 请协调。']);
    expect((await tick('2026-06-10T15:30:01'))[0]!.mentionIds).toEqual(['chief-zhao']);
    const staff = await tick('2026-06-10T17:30:01');
    expect(to(staff, STAFF)).toHaveLength(1);
    expect(staff[0]!.text).toMatch(/^【升级】一网格 #1 家庭维修:.*已8小时无人接单,请社区派单:\/派单 #1 @志愿者\n· 06-10 09:30 委托 王阿姨\n· 06-10 09:30 受理 系统\n· 06-10 09:30 派单 系统$/);
    expect(staff[0]!.text).not.toContain('13812345678');
    expect(await tick('2026-06-11T09:30:00')).toEqual(expect.not.arrayContaining([expect.objectContaining({ text: expect.stringContaining('无人接单') })]));
  });

  it('repeats nothing after a restart on the same data, and loses nothing', async () => {
    const first = scheduled();
    await first.tick('2026-06-10T09:30:00');
    await first.say('res-wang', LEAK, { talkerName: '王阿姨' });
    expect(await first.tick('2026-06-10T11:30:01')).toHaveLength(1);
    // A new app on the same store, as after a crash.
    const again = installFeatures(new BotApp({ config: first.config, store: first.store, clock: first.clock }));
    expect(await again.runDueJobs(T('2026-06-10T11:30:01'))).toEqual([]);
    expect(await again.runDueJobs(T('2026-06-10T12:00:00'))).toEqual([]);
    expect(texts(await again.runDueJobs(T('2026-06-10T13:30:01')))).toEqual(['#1 家庭维修 3号楼2单元 已4小时无人接单,@网格员小李 请协调。']);
  });

  it('reminds an overdue claimer privately, then the grid worker in the group and the staff room', async () => {
    const { say, tick, app } = scheduled();
    await tick('2026-06-10T09:30:00');
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    await say('vol-zhang', '接单 #1');
    app.records.putOrder({ ...app.records.order(1)!, when: '2026-06-10T15:00' });
    const first = await tick('2026-06-10T15:00:00');
    expect(to(first, 'vol-zhang').map((r) => r.text)).toEqual(['#1 约定06-10 15:00前办好,现在还没有办结。办完请回复「完成 #1」,办不了请回复「放弃 #1」。']);
    const second = await tick('2026-06-10T17:00:00');
    expect(texts(to(second, G1))).toEqual(['#1 家庭维修 3号楼2单元 约定06-10 15:00前办好,张师傅还没有办结,@网格员小李 请跟进。']);
    expect(texts(to(second, STAFF))[0]).toMatch(/^【超时】一网格 #1 家庭维修/);
    expect(texts(to(second, STAFF))[0]).toContain('接单 张师傅');
  });
});

describe('quiet hours through the app', () => {
  it('takes a night order at once but holds the call to volunteers until 07:00, then calls once', async () => {
    const { say, tick, app } = scheduled(demoConfig(), '2026-06-09T22:40:00');
    await tick('2026-06-09T22:40:00');
    const out = await say('res-zhao', '帮我代缴下这个月电费 5号楼1单元202 13911112222', { talkerName: '赵大爷' });
    expect(texts(out)).toEqual(['已登记 #1(水电气暖代缴·5号楼1单元):帮我代缴下这个月电费。现在是夜间,明早07:00通知本网格志愿者;急事请打社区值班电话。']);
    expect(await tick('2026-06-10T06:59:00')).toEqual([]);
    const morning = await tick('2026-06-10T07:00:00');
    expect(texts(morning)).toEqual(['#1 水电气暖代缴 5号楼1单元 帮我代缴下这个月电费,@郑小伟 哪位方便?回复「接单 #1」']);
    expect(morning[0]!.mentionIds).toEqual(['vol-zheng']); // 韩小宇 serves 17:00–21:00 only
    expect(app.records.order(1)!.invitedIds).toEqual(['vol-zheng']);
    expect(await tick('2026-06-10T07:01:00')).toEqual([]);
    // The 08:00 digest was not ticked: it is still worth sending at 09:00, with the first reminder.
    expect(texts(await tick('2026-06-10T09:00:00'))).toEqual([
      '早上好!一网格今日待接单1件(#1)。今天值班:何委员 139****0003。',
      '早上好!二网格目前没有待办工单。今天值班:何委员 139****0003。',
      '早上好!三网格目前没有待办工单。今天值班:何委员 139****0003。',
      '#1 水电气暖代缴 5号楼1单元 已2小时无人接单,@郑小伟 哪位方便?回复「接单 #1」',
    ]);
  });

  it('tells the staff room once, in the morning, when a held call finds nobody free', async () => {
    const config = demoConfig((r) => { for (const v of r.volunteers as { availableHours?: unknown }[]) v.availableHours = { from: '09:00', to: '18:00' }; });
    const { say, tick } = scheduled(config, '2026-06-09T22:40:00');
    await tick('2026-06-09T22:40:00');
    expect(to(await say('res-wang', LEAK, { talkerName: '王阿姨' }), STAFF)).toEqual([]);
    const morning = await tick('2026-06-10T07:00:00');
    expect(texts(to(morning, STAFF))).toEqual(['#1 家庭维修:厨房水管漏了，能来人看看吗(本网格暂无匹配的志愿者)。回复「/派单 #1 @志愿者」']);
    expect(texts(to(morning, G1))[0]).toMatch(/^#1 .*哪位志愿者方便\?回复「接单 #1」$/);
  });

  it('drops a held call if the order was claimed before the morning', async () => {
    const { say, tick } = scheduled(demoConfig(), '2026-06-09T22:40:00');
    await tick('2026-06-09T22:40:00');
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    await say('vol-zhang', '接单 #1');
    expect((await tick('2026-06-10T07:00:00')).filter((r) => r.text.includes('哪位方便'))).toEqual([]);
  });

  it('calls at once at night for an urgent order', async () => {
    const { say, tick } = scheduled(demoConfig(), '2026-06-09T23:10:00');
    await tick('2026-06-09T23:10:00');
    const out = await say('res-sun', '6号楼1单元卫生间水管爆了 到处漏水 急 赶紧来人 13822223333', { talkerName: '孙大妈' });
    expect(out.find((r) => r.text.includes('哪位方便'))).toMatchObject({ urgent: true, mentionIds: ['vol-zhang', 'vol-li'] });
  });

  it('holds nothing about an urgent order at night: a staff assignment reaches the volunteer at once', async () => {
    const { say, tick } = scheduled(demoConfig(), '2026-06-09T23:10:00');
    await tick('2026-06-09T23:10:00');
    await say('res-sun', '6号楼1单元卫生间水管爆了 到处漏水 急 赶紧来人 13822223333', { talkerName: '孙大妈' });
    const out = await say('staff-liu', '/派单 #1 @张师傅', { roomId: STAFF });
    expect(texts(to(out, 'vol-zhang'))[0]).toMatch(/^#1 详情:孙大妈 13822223333/);
    expect(texts(to(out, G1))).toEqual(['@孙大妈 #1 已由张师傅接单,志愿者会私信联系您。']);
  });

  it('holds notices to other conversations at night (the staff room), and answers the speaker at once', async () => {
    const { say, tick } = scheduled();
    await tick('2026-06-10T09:30:00');
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    await say('vol-zhang', '接单 #1');
    await tick('2026-06-10T23:00:00');
    const done = await say('vol-zhang', '完成 #1 换了阀门');
    // Said in the speaker's group at once, but without @-mentioning the resident at night.
    expect(texts(done)).toEqual(['#1 已办结。请给这次服务打个分(1–5),回复数字即可。']);
    expect(done[0]!.mentionIds).toBeUndefined();
    const morning = await tick('2026-06-11T07:00:00');
    expect(texts(to(morning, STAFF))).toEqual(['#1 已办结上报:家庭维修,张师傅办理,备注:换了阀门。']);
    expect(await tick('2026-06-11T07:05:00')).toEqual([]);
  });
});

describe('dispatch through the app', () => {
  it('refuses a claim beyond the volunteer\'s capacity', async () => {
    const config = demoConfig((r) => { (r.volunteers as { capacity?: number }[])[0]!.capacity = 1; });
    const { say } = scheduled(config);
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    await say('res-li', '7号楼3单元马桶堵了 麻烦来人看看 13833334444', { talkerName: '李奶奶' });
    await say('vol-zhang', '接单 #1');
    expect(texts(await say('vol-zhang', '接单 #2'))).toEqual(['#2 您手上已有1件未办结,先办完再接新单吧。']);
  });

  it('calls the volunteer given work least recently first', async () => {
    const { say } = scheduled();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    await say('vol-zhang', '接单 #1');
    const out = await say('res-li', '7号楼3单元马桶堵了 麻烦来人看看 13833334444', { talkerName: '李奶奶' });
    expect(out.find((r) => r.text.includes('哪位方便'))!.mentionIds).toEqual(['vol-li', 'vol-zhang']);
  });

  it('tells the resident when the volunteer is coming, if a time was asked for', async () => {
    const { say, app } = scheduled();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    app.records.putOrder({ ...app.records.order(1)!, when: '2026-06-10T15:00' });
    expect(texts(to(await say('vol-zhang', '接单 #1'), G1))).toEqual(['@王阿姨 #1 已由张师傅接单,预计6月10日 15:00上门,志愿者会私信联系您。']);
  });

  it('passes over a volunteer on leave until 销假', async () => {
    const { say, app } = scheduled();
    expect(texts(await say('vol-zhang', '请假 3天'))).toEqual(['已记下:张师傅请假到6月12日 周五,期间不派单给您。提前回来请回复「销假」。']);
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    expect(app.records.order(1)!.invitedIds).toEqual(['vol-li']);
    expect(texts(await say('vol-zhang', '销假', { roomId: null }))).toEqual(['已销假,欢迎回来,张师傅!']);
    expect(texts(await say('vol-zhang', '销假', { roomId: null }))).toEqual(['您现在没有请假。']);
    await say('res-li', '7号楼3单元马桶堵了 麻烦来人看看 13833334444', { talkerName: '李奶奶' });
    expect(app.records.order(2)!.invitedIds).toEqual(['vol-zhang', 'vol-li']);
  });

  it('reminds a volunteer going on leave of the orders they hold', async () => {
    const { say } = scheduled();
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    await say('vol-zhang', '接单 #1');
    expect(texts(await say('vol-zhang', '请假到6月11日', { roomId: null }))[0]).toBe('已记下:张师傅请假到6月11日 周四,期间不派单给您。提前回来请回复「销假」。您手上还有 #1 未办结,办不了请回复「放弃 #1」。');
  });
});

describe('duty', () => {
  it('answers 今天谁值班 with today\'s person: masked in a group, in full privately', async () => {
    const { say } = scheduled(); // Wednesday 2026-06-10: 何委员
    expect(texts(await say('res-wang', '今天谁值班?'))).toEqual(['今天(6月10日 周三)值班:何委员 139****0003。']);
    expect(texts(await say('res-wang', '今天谁值班', { roomId: null }))).toEqual(['今天(6月10日 周三)值班:何委员 13900000003。']);
    expect(texts(await say('res-wang', '明天谁值班'))).toEqual(['明天(6月11日 周四)值班:赵网格长 138****0010。']);
    expect(texts(await say('res-wang', '值班表'))[0]).toMatch(/^值班表:\n6月10日 周三 何委员 139\*\*\*\*0003\n6月11日 周四 赵网格长/);
  });

  it('names the stand-in when today\'s person is on leave', async () => {
    const { say } = scheduled();
    await say('staff-he', '请假', { roomId: null });
    expect(texts(await say('res-wang', '今天谁值班'))).toEqual(['今天(6月10日 周三)值班:赵网格长 138****0010(代何委员)。']);
  });

  it('ignores 请假 from a resident in a group, and tells them privately it is not for them', async () => {
    const { say, store } = scheduled();
    expect(await say('res-wang', '请假 3天')).toEqual([]);
    expect(texts(await say('res-wang', '请假 3天', { roomId: null }))).toEqual(['请假、销假只对志愿者和社区工作人员有效。']);
    expect(store.size('leaves')).toBe(0);
  });

  it('says how to write a leave it cannot read', async () => {
    const { say } = scheduled();
    expect(texts(await say('vol-zhang', '请假 很久'))).toEqual(['请这样写:请假 3天,或 请假到6月12日(最长90天)。']);
  });
});

describe('scheduled posts through the app', () => {
  it('posts the morning digest with open orders, due today and who is on duty', async () => {
    const { say, tick, app } = scheduled(demoConfig(), '2026-06-10T07:00:00');
    await tick('2026-06-10T07:00:00');
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    await say('res-li', '7号楼3单元马桶堵了 麻烦来人看看 13833334444', { talkerName: '李奶奶' });
    await say('vol-zhang', '接单 #2');
    app.records.putOrder({ ...app.records.order(2)!, when: '2026-06-10T15:00' });
    const out = await tick('2026-06-10T08:00:00');
    expect(texts(to(out, G1))).toEqual(['早上好!一网格今日待接单1件(#1),办理中1件,今日到期1件(#2)。今天值班:何委员 139****0003。']);
    expect(texts(to(out, 'grid2@chatroom'))).toEqual(['早上好!二网格目前没有待办工单。今天值班:何委员 139****0003。']);
  });

  it('posts the evening summary in the staff room', async () => {
    const { say, tick } = scheduled();
    await tick('2026-06-10T09:30:00');
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    await say('vol-zhang', '接单 #1');
    await say('vol-zhang', '完成 #1');
    await say('res-wang', '4');
    await say('res-li', '7号楼3单元马桶堵了 麻烦来人看看 13833334444', { talkerName: '李奶奶' });
    const out = (await tick('2026-06-10T18:00:00')).filter((r) => r.text.startsWith('今日小结'));
    expect(texts(out)).toEqual(['今日小结(6月10日):新登记2件,接单1件,办结1件,回访1件,平均4.0分。\n待接单1件(#2)。']);
  });

  it('asks for the rating later when the follow-up plan does not start at completion', async () => {
    const config = demoConfig((r) => { r.schedule = { ...(r.schedule as object), followUp: { asksAfterMinutes: [120, 1440] } }; });
    const { say, tick } = scheduled(config);
    await tick('2026-06-10T09:30:00');
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    await say('vol-zhang', '接单 #1');
    expect(texts(to(await say('vol-zhang', '完成 #1'), G1))).toEqual(['#1 已办结。@王阿姨 稍后社区会请您为这次服务打分。']);
    const ask = await tick('2026-06-10T11:30:05');
    expect(texts(ask)).toEqual(['#1 回访:@王阿姨 您的家庭维修已办结,这次服务您满意吗?请回复1–5打分。']);
    expect(ask[0]!.mentionIds).toEqual(['res-wang']);
    await say('res-wang', '5');
    expect(await tick('2026-06-11T09:30:05')).toEqual(expect.not.arrayContaining([expect.objectContaining({ text: expect.stringContaining('回访') })]));
  });

  it('does not promise a rating question when the follow-up plan is empty', async () => {
    const config = demoConfig((r) => { r.schedule = { ...(r.schedule as object), followUp: { asksAfterMinutes: [] } }; });
    const { say, tick } = scheduled(config);
    await tick('2026-06-10T09:30:00');
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    await say('vol-zhang', '接单 #1');
    expect(texts(to(await say('vol-zhang', '完成 #1'), G1))).toEqual(['@王阿姨 #1 已办结,谢谢您的信任。']);
    expect((await tick('2026-06-11T09:30:05')).filter((r) => r.text.includes('回访'))).toEqual([]);
  });

  it('asks a private requester privately', async () => {
    const { say, tick, app } = scheduled();
    await tick('2026-06-10T09:30:00');
    await say('res-wang', '早上好', { talkerName: '王阿姨' });
    await say('res-wang', LEAK, { talkerName: '王阿姨', roomId: null });
    await say('vol-zhang', '接单 #1');
    await say('vol-zhang', '完成 #1');
    const out = await tick('2026-06-11T09:31:00');
    expect(to(out, 'res-wang').map((r) => r.text)).toEqual(['您好,社区回访:您的 #1(家庭维修)已办结,这次服务您满意吗?请回复1–5打分。']);
    expect(app.store.get('sent', 'ask:1:2')).toMatchObject({ key: 'ask:1:2' });
  });
});

describe('the sent record', () => {
  it('forgets records nothing will look up again, once a day', async () => {
    const { say, tick, store, app } = scheduled(demoConfig(), '2026-06-10T07:00:00');
    await tick('2026-06-10T07:00:00');
    await say('res-wang', LEAK, { talkerName: '王阿姨' });
    await tick('2026-06-10T08:00:00');
    await tick('2026-06-10T11:30:01');
    await say('staff-liu', '/关闭 #1', { roomId: STAFF });
    await tick('2026-06-10T18:00:00');
    expect(store.get('sent', 'esc:1:1')).toBeDefined();
    expect(store.get('sent', 'digest:g1:2026-06-10')).toBeDefined();
    store.put('sent', 'council:3:1', { key: 'council:3:1', at: T('2026-06-10T10:00:00'), dueAt: T('2026-06-10T10:00:00') });
    await tick('2026-06-19T12:00:00');
    expect(store.get('sent', 'council:3:1')).toBeDefined(); // another feature's record is left alone
    expect(store.get('sent', 'esc:1:1')).toBeUndefined();
    expect(store.get('sent', 'digest:g1:2026-06-10')).toBeUndefined();
    expect(store.get('sent', 'digest:g1:2026-06-19')).toBeUndefined(); // 12:00 is past the digest's 11:00
    expect(app.records.order(1)!.status).toBe('closed');
  });
});
