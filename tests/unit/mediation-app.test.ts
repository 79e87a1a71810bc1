import { testApp, texts, to } from '../helpers/fixtures.js';
import { mediation } from '../../src/app/features/mediation.js';
import { council } from '../../src/app/features/council.js';
import type { MediationCase } from '../../src/core/mediation.js';
import type { Reply } from '../../src/app/ports.js';

const G1 = 'grid1@chatroom';
const STAFF = 'staff@chatroom';
const H = 3_600_000;
const DISPUTE = '楼上天天半夜吵 能不能帮我们协调一下';

/** The app with both features, reading messages with the message parser. */
function app() {
  const t = testApp();
  t.app.use(council(t.app)).use(mediation(t.app));
  const tick = async (at: number): Promise<Reply[]> => {
    t.clock.t = at;
    return t.app.runDueJobs(at);
  };
  const kase = (id = 1) => t.store.get<MediationCase>('cases', String(id))!;
  return { ...t, tick, kase };
}

const priv = (rs: Reply[], id: string) => texts(to(rs, id));

describe('a dispute opens a mediation case, not an order', () => {
  it('acknowledges neutrally in the group and sends the details privately', async () => {
    const { say, store, kase } = app();
    const out = await say('res-wang', `${DISPUTE} 13812345678`, { talkerName: '王阿姨' });
    expect(texts(to(out, G1))).toEqual(['@王阿姨 已收到,登记为调解事项 #M1,调解员会私下联系您。']);
    expect(to(out, G1)[0]!.mentionIds).toEqual(['res-wang']);
    expect(priv(out, 'res-wang')[0]).toMatch(/^您反映的情况已登记为调解事项 #M1\(楼栋调解\):「楼上天天半夜吵.*调解员周楼长、秦楼长会尽快联系您/);
    for (const m of ['head-zhou', 'head-qin']) {
      expect(priv(out, m)[0]).toMatch(/^#M1 新调解事项\(一网格·楼栋调解,限2天\):王阿姨 13812345678 反映「楼上天天半夜吵/);
    }
    expect(texts(to(out, STAFF))).toEqual(['#M1 新调解事项(一网格),交楼栋调解:周楼长、秦楼长。详情:/调解 #M1']);
    expect(store.size('orders')).toBe(0);
    expect(kase()).toMatchObject({ id: 1, status: 'open', level: 0, gridId: 'g1', complainantId: 'res-wang', phone: '13812345678' });
  });

  it('adds a second complaint from the same person to the open case', async () => {
    const { say, store, kase } = app();
    await say('res-wang', DISPUTE, { talkerName: '王阿姨' });
    const out = await say('res-wang', '昨晚又吵到两点', { talkerName: '王阿姨' });
    expect(texts(to(out, G1))).toEqual(['@王阿姨 已补充到调解事项 #M1。']);
    expect(priv(out, 'head-zhou')).toEqual(['#M1 王阿姨补充:「昨晚又吵到两点」']);
    expect(store.size('cases')).toBe(1);
    expect(kase().history.map((h) => h.action)).toEqual(['open', 'note']);
  });

  it('numbers cases apart from orders', async () => {
    const { say, app: a, kase } = app();
    await say('res-li', '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678', { talkerName: '李奶奶' });
    await say('res-wang', DISPUTE, { talkerName: '王阿姨' });
    expect(a.records.order(1)!.category).toBe('home_repair');
    expect(kase(1).complainantId).toBe('res-wang');
  });

  it('takes a dispute sent privately and starts it where the grid has mediators', async () => {
    const { say, kase } = app();
    const out = await say('res-new', DISPUTE, { roomId: null, talkerName: '新住户' });
    // Unknown grid: no building heads, no grid workers; the community's team takes it.
    expect(kase()).toMatchObject({ gridId: null, level: 2, roomId: null });
    expect(priv(out, 'res-new')[0]).toContain('#M1(社区调解)');
    expect(priv(out, 'med-gao')[0]).toMatch(/^#M1 新调解事项\(未知网格·社区调解/);
    expect(to(out, G1)).toEqual([]);
  });

  it('ignores disputes in the staff room and leaves order commands to the orders', async () => {
    const { say, store } = app();
    expect(await say('staff-liu', DISPUTE, { roomId: STAFF })).toEqual([]);
    expect(texts(await say('vol-zhang', '接单 #1'))).toEqual(['没有找到 #1。']);
    expect(store.size('cases')).toBe(0);
  });
});

describe('mediators work the case up the ladder', () => {
  it('records attempts, climbs by time and by hand, closes with an agreement', async () => {
    const { say, tick, kase, clock } = app();
    const t0 = clock.t;
    await say('res-wang', DISPUTE, { talkerName: '王阿姨' });

    expect(texts(await say('head-zhou', '/调解 #M1 上门 双方同意晚上十点后不再大声'))).toEqual(['#M1 已记录第1次调解。']);
    expect(kase().history.at(-1)).toMatchObject({ action: 'attempt', by: 'head-zhou', method: '上门', note: '双方同意晚上十点后不再大声' });

    // 48 hours at the building level without an agreement: the grid takes it.
    expect(await tick(t0 + 48 * H - 5000)).toEqual([]);
    const up = await tick(t0 + 48 * H + 1000);
    expect(kase()).toMatchObject({ level: 1, status: 'open' });
    expect(priv(up, 'wk-li')[0]).toMatch(/^#M1 转到本级的调解事项\(一网格·网格调解,限3天\).*\n经过:.*调解\(上门\) 周楼长:双方同意晚上十点后不再大声.*升级 系统:超过楼栋调解时限/s);
    expect(priv(up, 'chief-zhao')).toHaveLength(1);
    expect(priv(up, 'res-wang')).toEqual(['您的调解事项 #M1 已转到网格调解,调解员网格员小李、赵网格长会联系您。']);
    expect(texts(to(up, STAFF))).toEqual(['#M1 已从楼栋调解转到网格调解(楼栋调解超过2天未达成一致)。']);
    expect(to(up, G1)).toEqual([]);
    // It climbed once: the next tick has nothing to do.
    expect(await tick(t0 + 48 * H + 60_000)).toEqual([]);

    // The building head is no longer the mediator of this level.
    expect(texts(await say('head-zhou', '/结案 #M1 达成一致 好了'))).toEqual(['#M1 只有本级调解员或社区工作人员可以操作。']);

    const byHand = await say('wk-li', '/升级 #M1 需要物业和社区一起出面');
    expect(texts(to(byHand, G1))).toEqual(['#M1 已转到社区调解。']);
    expect(priv(byHand, 'med-gao')[0]).toContain('#M1 转到本级的调解事项(一网格·社区调解,限7天)');
    expect(texts(to(byHand, STAFF))).toEqual(['#M1 已从网格调解转到社区调解(原因:需要物业和社区一起出面)。']);

    const closed = await say('med-gao', '/结案 #M1 达成一致 楼上铺地毯 晚十点后保持安静', { roomId: null });
    expect(priv(closed, 'med-gao')).toEqual(['#M1 已结案:达成一致。7天后回访当事人。']);
    expect(priv(closed, 'res-wang')).toEqual(['您的调解事项 #M1 已达成一致:「楼上铺地毯 晚十点后保持安静」。7天后会问您约定是否落实。']);
    expect(kase()).toMatchObject({ status: 'agreed', level: 2, outcome: '楼上铺地毯 晚十点后保持安静' });
    expect(kase().history.map((h) => h.action)).toEqual(['open', 'attempt', 'escalate', 'escalate', 'agree']);
  });

  it('waits for the end of quiet hours to climb at night', async () => {
    const { say, tick, kase, clock, app: a } = app();
    clock.t = Date.parse('2026-06-10T23:00:00+08:00');
    await say('res-wang', DISPUTE, { talkerName: '王阿姨' });
    const limit = kase().levelSince + 48 * H; // 06-12 23:00, in quiet hours
    expect(a.nextDueAt(limit - 1000)).toBe(Date.parse('2026-06-13T07:00:00+08:00'));
    expect(await tick(limit)).toEqual([]);
    expect(kase().level).toBe(0);
    const morning = await tick(Date.parse('2026-06-13T07:00:00+08:00'));
    expect(texts(to(morning, STAFF))).toEqual(['#M1 已从楼栋调解转到网格调解(楼栋调解超过2天未达成一致)。']);
    expect(kase()).toMatchObject({ level: 1, levelSince: Date.parse('2026-06-13T07:00:00+08:00') });
  });

  it('refuses mediator commands from residents and from volunteers', async () => {
    const { say } = app();
    await say('res-wang', DISPUTE, { talkerName: '王阿姨' });
    for (const who of ['res-li', 'vol-zhang']) {
      expect(texts(await say(who, '/结案 #M1 达成一致'))).toEqual(['这个指令只有调解员或社区工作人员可以使用。']);
    }
    expect(texts(await say('head-ma', '/调解 #M1 电话 谈了'))).toEqual(['#M1 只有本级调解员或社区工作人员可以操作。']);
  });

  it('never shows the case in the group: a card asked for there goes privately', async () => {
    const { say } = app();
    await say('res-wang', `${DISPUTE} 13812345678`, { talkerName: '王阿姨' });
    const out = await say('wk-li', '/调解 #M1');
    expect(texts(to(out, G1))).toEqual(['调解事项不在群里公开,已私信发给您。']);
    expect(priv(out, 'wk-li')[0]).toMatch(/^#M1 调解中 · 一网格 · 楼栋调解\(本级第0天\)\n当事人:王阿姨 13812345678\n反映:楼上天天半夜吵/);
  });

  it('cannot climb past the top, and tells staff once when the top runs out', async () => {
    const { say, tick, clock, kase } = app();
    const t0 = clock.t;
    await say('res-wang', DISPUTE, { talkerName: '王阿姨' });
    await say('staff-liu', '/升级 #M1', { roomId: STAFF });
    await say('staff-liu', '/升级 #M1', { roomId: STAFF });
    const top = await say('staff-liu', '/升级 #M1', { roomId: STAFF });
    expect(kase().level).toBe(3);
    expect(texts(to(top, STAFF))).toEqual(['#M1 已转到司法所·律师调解。']);
    expect(texts(await say('staff-liu', '/升级 #M1', { roomId: STAFF }))).toEqual(['#M1 已在最高一级(司法所·律师调解),不能再升级。']);
    const late = await tick(t0 + 15 * 24 * H);
    expect(texts(late)).toEqual(['#M1 在司法所·律师调解已超过14天仍未达成一致,这已是最高一级,请社区跟进。详情:/调解 #M1']);
    expect(await tick(t0 + 16 * 24 * H)).toEqual([]);
  });

  it('lets a failed case still go up a level', async () => {
    const { say, kase } = app();
    await say('res-wang', DISPUTE, { talkerName: '王阿姨' });
    const out = await say('head-zhou', '/结案 #M1 未达成 对方不开门');
    expect(texts(to(out, G1))).toEqual(['#M1 已结案:未达成一致。如需上一级调解,发送「/升级 #M1 原因」。']);
    expect(priv(out, 'res-wang')[0]).toContain('这次未能达成一致(对方不开门)');
    await say('head-zhou', '/升级 #M1 需要网格员');
    expect(kase()).toMatchObject({ status: 'open', level: 1, outcome: null });
  });
});

describe('重开: mediators and staff take a closed case up again', () => {
  it('reopens a case closed as held, at its level, with a fresh time limit, telling everyone concerned', async () => {
    const { say, tick, kase, clock } = app();
    await say('res-wang', DISPUTE, { talkerName: '王阿姨' });
    await say('head-zhou', '/结案 #M1 达成一致 周末前清理杂物');
    const closedAt = clock.t;
    await tick(closedAt + 7 * 24 * H);
    await say('res-wang', '是的', { roomId: null });
    expect(kase().status).toBe('held');
    clock.t = closedAt + 20 * 24 * H;
    const out = await say('staff-liu', '/调解 #M1 重开 又堆满杂物了', { roomId: STAFF });
    expect(texts(to(out, STAFF))).toEqual(['#M1 已重开(楼栋调解),本级调解员和当事人已私信告知。']);
    expect(priv(out, 'res-wang')).toEqual(['调解事项 #M1 已重新打开(楼栋调解),调解员会再联系您。']);
    expect(priv(out, 'head-zhou')[0]).toMatch(/^#M1 已结案的事项重新调解/);
    expect(kase()).toMatchObject({ status: 'open', level: 0, levelSince: clock.t, closedAt: null, followUpAskedAt: null });
    expect(kase().history.at(-1)).toMatchObject({ action: 'resume', by: 'staff-liu', note: '又堆满杂物了' });
    // The time limit counts again from now: two days later it climbs.
    const climbed = await tick(clock.t + 2 * 24 * H);
    expect(kase().level).toBe(1);
    expect(climbed.length).toBeGreaterThan(0);
  });

  it('lets a mediator reopen a case that ended without agreement, tells staff, and refuses an open case and residents', async () => {
    const { say, kase } = app();
    await say('res-wang', DISPUTE, { talkerName: '王阿姨' });
    expect(texts(await say('head-zhou', '/调解 #M1 重开'))).toEqual(['#M1 现在调解中,不能重开。']);
    await say('head-zhou', '/结案 #M1 未达成 对方不开门');
    expect(texts(await say('res-wang', '/调解 #M1 重开'))[0]).not.toMatch(/已重开/);
    const out = await say('head-zhou', '/调解 #M1 重新调解 对方愿意谈了', { roomId: null });
    expect(texts(to(out, 'head-zhou'))).toEqual(['#M1 已重开(楼栋调解),本级调解员和当事人已私信告知。']);
    expect(texts(to(out, STAFF))).toEqual(['#M1 已由周楼长重开(楼栋调解):对方愿意谈了。']);
    expect(kase()).toMatchObject({ status: 'open', outcome: null });
  });
});

describe('the follow-up a week after an agreement', () => {
  async function agreed() {
    const t = app();
    await t.say('res-wang', DISPUTE, { talkerName: '王阿姨' });
    await t.say('head-zhou', '/结案 #M1 达成一致 周末前清理杂物');
    return { ...t, closedAt: t.clock.t };
  }

  it('asks the complainant privately, once', async () => {
    const { tick, closedAt, kase } = await agreed();
    expect(await tick(closedAt + 7 * 24 * H - 1000)).toEqual([]);
    const ask = await tick(closedAt + 7 * 24 * H);
    expect(ask).toEqual([expect.objectContaining({ to: { contactId: 'res-wang' }, text: '您好,调解事项 #M1 约定的「周末前清理杂物」落实了吗?请回复「是」或「否」,也可以说说现在的情况。' })]);
    expect(kase().followUpAskedAt).toBe(closedAt + 7 * 24 * H);
    expect(await tick(closedAt + 8 * 24 * H)).toEqual([]);
  });

  it('closes the case for good on a yes', async () => {
    const { tick, closedAt, say, kase } = await agreed();
    await tick(closedAt + 7 * 24 * H);
    const out = await say('res-wang', '是的', { roomId: null });
    expect(texts(out)).toEqual(['谢谢您的反馈!调解事项 #M1 已回访:约定已落实。']);
    expect(kase().status).toBe('held');
  });

  it('reopens the case on a no and tells its mediators', async () => {
    const { tick, closedAt, say, kase, clock } = await agreed();
    await tick(closedAt + 7 * 24 * H);
    const out = await say('res-wang', '没有,楼道里又堆上了', { roomId: null });
    expect(priv(out, 'res-wang')).toEqual(['调解事项 #M1 已重新打开(楼栋调解),调解员会再联系您。']);
    expect(priv(out, 'head-zhou')[0]).toMatch(/^#M1 回访未落实,重新调解/);
    expect(texts(to(out, STAFF))).toEqual(['#M1 回访时当事人说约定未落实,已重新打开(楼栋调解)。']);
    expect(kase()).toMatchObject({ status: 'open', level: 0, levelSince: clock.t, followUpAskedAt: null });
    expect(kase().history.at(-1)).toMatchObject({ action: 'reopen', by: 'res-wang', note: '楼道里又堆上了' });
  });

  it('takes a numbered answer in the group without saying more there', async () => {
    const { tick, closedAt, say, kase } = await agreed();
    await tick(closedAt + 7 * 24 * H);
    const out = await say('res-wang', '#M1 否');
    expect(texts(to(out, G1))).toEqual(['#M1 已记录。详情已私信。']);
    expect(kase().status).toBe('open');
    expect(texts(await say('res-li', '#M1 是'))).toEqual(['#M1 不是您反映的事项。']);
  });

  it('does not take a bare yes from someone with no question pending', async () => {
    const { say, store } = app();
    for (const t of texts(await say('res-wang', '是的', { roomId: null }))) expect(t).not.toContain('#M');
    expect(await say('res-wang', '好了')).toEqual([]);
    expect(store.size('cases')).toBe(0);
  });
});

describe('the staff list of open cases', () => {
  it('groups open cases by level with their age in days', async () => {
    const { say, tick, clock } = app();
    const t0 = clock.t;
    await say('res-wang', DISPUTE, { talkerName: '王阿姨' });
    await say('res-zhao', '隔壁装修天天早上七点就开始砸墙 说了也不听 能不能帮忙协调一下', { talkerName: '赵大爷', roomId: 'grid2@chatroom' });
    await say('res-qian', '楼下烧烤油烟熏得没法开窗 找他们也不管 请社区协调一下', { talkerName: '钱大姐' });
    await say('res-qian', '/结案 #M3 达成一致', {});
    await say('staff-he', '/结案 #M3 达成一致 已不再烧烤', { roomId: STAFF });
    expect(await tick(t0 + 30 * H)).toEqual([]);
    await say('wk-li', '/调解 #M1 电话 约了周六面谈');
    await say('wk-li', '/升级 #M1 需要社区出面');
    const out = await say('staff-liu', '/调解 列表', { roomId: STAFF });
    expect(texts(out)).toEqual([
      [
        '全社区进行中的调解事项2件:',
        '【楼栋调解】1件',
        '#M2 二网格 1天 调解0次 隔壁装修天天早上七点就开始砸墙，…',
        '【网格调解】1件',
        '#M1 一网格 1天 调解1次 楼上天天半夜吵，能不能帮我们协调…',
      ].join('\n'),
    ]);
  });

  it('sends the list privately when asked in a grid group, and refuses residents', async () => {
    const { say } = app();
    await say('res-wang', DISPUTE, { talkerName: '王阿姨' });
    const out = await say('wk-li', '/调解 列表');
    expect(texts(to(out, G1))).toEqual(['调解事项不在群里公开,已私信发给您。']);
    expect(priv(out, 'wk-li')).toEqual(['进行中的调解事项1件:\n【楼栋调解】1件\n#M1 一网格 0天 调解0次 楼上天天半夜吵，能不能帮我们协调…']);
    expect(texts(await say('res-wang', '/调解 列表'))).toEqual(['这个指令只有调解员或社区工作人员可以使用。']);
  });

  it('answers help and bad formats briefly', async () => {
    const { say } = app();
    expect(texts(await say('res-wang', '/帮助 调解'))[0]).toMatch(/^调解\(万家和\)/);
    expect(texts(await say('res-wang', '/帮助'))[0]).toContain('详见「/帮助 调解」「/帮助 议事」');
    expect(texts(await say('wk-li', '/结案 #M9 达成一致'))).toEqual(['没有找到调解事项 #M9。']);
    expect(texts(await say('wk-li', '/结案 #M1'))).toEqual(['格式:/结案 #M3 达成一致 约定内容 · /结案 #M3 未达成 原因']);
    expect(texts(await say('wk-li', '/升级'))).toEqual(['格式:/升级 #M3 原因']);
  });
});
