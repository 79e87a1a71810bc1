import { testApp, texts, to } from '../helpers/fixtures.js';
import { council } from '../../src/app/features/council.js';
import { mediation } from '../../src/app/features/mediation.js';
import type { Ballot, Topic, TopicComment } from '../../src/core/council.js';
import type { Reply } from '../../src/app/ports.js';
import { councilMessages } from '../../src/messages/council.js';

const G1 = 'grid1@chatroom';
const G2 = 'grid2@chatroom';
const STAFF = 'staff@chatroom';
const H = 3_600_000;
const D = 24 * H;

function app() {
  const t = testApp();
  t.app.use(council(t.app)).use(mediation(t.app));
  const tick = async (at: number): Promise<Reply[]> => {
    t.clock.t = at;
    return t.app.runDueJobs(at);
  };
  const topic = (id = 1) => t.store.get<Topic>('topics', String(id))!;
  const all = <T extends { topicId: number }>(c: string, id = 1) => [...t.store.values<T>(c)].filter((x) => x.topicId === id);
  const ballots = (id = 1) => Object.fromEntries(all<Ballot>('topic-ballots', id).map((b) => [b.by, b]));
  const views = (id = 1) => all<TopicComment>('topic-views', id);
  return { ...t, tick, topic, ballots, views };
}

/** Residents who have spoken in grid 1's group (members of its council). */
async function residents(say: ReturnType<typeof app>['say'], ids: string[]) {
  for (const id of ids) await say(id, '大家好', { talkerName: id });
}

describe('提出: raising a topic', () => {
  it('records it with a number and posts it to the grid group', async () => {
    const { say, topic } = app();
    const out = await say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    expect(texts(out)).toEqual(['新议题 #T1:5号楼加装电梯(王阿姨提出)。欢迎发表意见,回复「#T1 您的意见」。']);
    expect(to(out, G1)).toHaveLength(1);
    expect(topic()).toMatchObject({ id: 1, gridId: 'g1', roomId: G1, stage: 'raised', title: '5号楼加装电梯', raisedBy: 'res-wang' });
  });

  it('takes a topic raised in the staff room for a named grid', async () => {
    const { say, topic } = app();
    const out = await say('staff-liu', '议题 二网格 小区停车位重新划线', { roomId: STAFF });
    expect(texts(to(out, G2))).toEqual(['新议题 #T1:小区停车位重新划线(staff-liu提出)。欢迎发表意见,回复「#T1 您的意见」。']);
    expect(texts(to(out, STAFF))).toEqual(['议题 #T1 已登记,并发到二网格群。']);
    expect(topic().gridId).toBe('g2');
  });

  it('asks for the grid when it cannot tell which group the topic is for', async () => {
    const { say } = app();
    expect(texts(await say('staff-liu', '议题 小区停车位', { roomId: STAFF }))).toEqual([
      '请在网格群里提出议题;在工作群或私信里请写明网格,例如「议题 一网格 5号楼加装电梯」。',
    ]);
  });

  it('numbers topics apart from orders, and leaves chat about 议题 alone', async () => {
    const { say, app: a, topic } = app();
    await say('res-li', '3号楼2单元501厨房水管漏了 能来人看看吗 13812345678', { talkerName: '李奶奶' });
    await say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    expect(a.records.order(1)).toBeDefined();
    expect(topic(1).title).toBe('5号楼加装电梯');
    expect(await say('res-wang', '议题太多了')).toEqual([]);
  });
});

describe('商议: the discussion window', () => {
  it('keeps views with the topic silently and posts a summary when the window closes', async () => {
    const { say, tick, topic, clock, views } = app();
    await say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    // A view given as soon as the topic is posted counts too.
    expect(await say('res-e', '#T1 早该装了')).toEqual([]);
    const open = await say('staff-liu', '/讨论 #T1 3天', { roomId: STAFF });
    const closesAt = clock.t + 3 * D;
    expect(texts(to(open, G1))[0]).toMatch(/^#T1「5号楼加装电梯」开始商议,06-13\(周六\) 09:30截止。请回复「#T1 您的意见」/);
    expect(texts(to(open, STAFF))).toEqual(['#T1 已开始商议,已发到网格群。']);

    expect(await say('res-a', '#T1 我同意, 但要先问清费用怎么分摊')).toEqual([]);
    expect(await say('res-b', '#T1 不同意,我家一楼用不上 13812345678')).toEqual([]);
    expect(await say('res-c', '#T1 什么时候开会?')).toEqual([]);
    expect(await say('res-d', '#T1 支持')).toEqual([]);
    // Someone from another grid's group is not a member of this council.
    expect(texts(await say('res-x', '#T1 同意', { roomId: G2 }))).toEqual(['#T1 是一网格的议题,只有本群成员可以发表意见。']);
    // Privately a member is told the view was kept.
    expect(texts(await say('res-a', '#T1 补充一句:希望公开账目', { roomId: null }))).toEqual(['已记下您对 #T1 的意见。']);
    expect(views()).toHaveLength(6);
    expect(views()[1]).toMatchObject({ by: 'res-a', stance: 'for', stage: 'discussing', text: '我同意, 但要先问清费用怎么分摊' });

    expect(await tick(closesAt - 1000)).toEqual([]);
    const summary = await tick(closesAt);
    expect(texts(summary)).toEqual([
      '#T1「5号楼加装电梯」商议结束:共6条意见,同意2、反对1、其他3。摘录:「早该装了」「我同意, 但要先问清费用怎么分摊」「不同意,我家一楼用不上 138****5678」',
    ]);
    expect(to(summary, G1)).toHaveLength(1);
    expect(topic()).toMatchObject({ stage: 'discussed', discussion: { summary: { total: 6, for: 2, against: 1, other: 3 } } });
    expect(await tick(closesAt + 60_000)).toEqual([]);
  });

  it('lets staff end the window early and refuses residents', async () => {
    const { say, topic } = app();
    await say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    expect(texts(await say('res-wang', '/讨论 #T1 3天'))).toEqual(['这个指令只有社区工作人员或本网格网格员可以使用。']);
    await say('wk-li', '/讨论 #T1 截止 周五 18:00');
    expect(topic().discussion!.closesAt).toBe(Date.parse('2026-06-12T18:00:00+08:00'));
    const end = await say('wk-li', '/讨论 #T1 结束');
    expect(texts(end)).toEqual(['#T1「5号楼加装电梯」商议结束:没有收到意见。']);
    expect(topic().stage).toBe('discussed');
  });

  it('answers an unreadable length or a past deadline', async () => {
    const { say } = app();
    await say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    expect(texts(await say('wk-li', '/讨论 #T1 好久'))).toEqual(['没看懂商议时长,请写「/讨论 #T1 3天」或「/讨论 #T1 截止 周五 18:00」。']);
    expect(texts(await say('wk-li', '/讨论 #T1 截止 今天 08:00'))).toEqual(['截止时间已经过了,请换一个以后的时间。']);
  });
});

describe('决议: the vote', () => {
  async function voting() {
    const t = app();
    await t.say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    await residents(t.say, ['res-a', 'res-b', 'res-c']);
    const out = await t.say('staff-liu', '/表决 #T1 同意 反对 弃权 截止 周五 18:00', { roomId: STAFF });
    return { ...t, out, deadline: Date.parse('2026-06-12T18:00:00+08:00') };
  }

  it('posts the vote with its options and deadline', async () => {
    const { out, topic, deadline } = await voting();
    expect(texts(to(out, G1))).toEqual([
      '#T1「5号楼加装电梯」开始表决:同意 / 反对 / 弃权,06-12(周五) 18:00截止。本群成员回复「投票 #T1 同意」(也可私信),一人一票,截止前可以改票。',
    ]);
    expect(topic().vote).toMatchObject({ options: ['同意', '反对', '弃权'], deadline, result: null });
  });

  it('keeps one vote per contact id, changeable until the deadline', async () => {
    const { say, ballots } = await voting();
    expect(texts(await say('res-a', '投票 #T1 同意'))).toEqual(['#T1 已记票:同意。']);
    expect(texts(await say('res-a', '投票 #T1 同意'))).toEqual(['#T1 您已投「同意」。']);
    expect(texts(await say('res-a', '投票 #T1 反对', { roomId: null }))).toEqual(['#T1 已改票为:反对。']);
    expect(ballots()['res-a']).toMatchObject({ option: '反对', changes: 1 });
    expect(Object.keys(ballots())).toEqual(['res-a']);
  });

  it('refuses someone outside the group, and a choice that is not an option', async () => {
    const { say, ballots } = await voting();
    await say('res-x', '大家好', { roomId: G2, talkerName: '外人' });
    expect(texts(await say('res-x', '投票 #T1 同意', { roomId: null }))).toEqual(['#T1 是一网格的议题,只有本群成员可以投票。']);
    expect(texts(await say('res-x', '投票 #T1 同意', { roomId: G2 }))).toEqual(['#T1 是一网格的议题,只有本群成员可以投票。']);
    expect(texts(await say('res-never', '投票 #T1 同意', { roomId: null }))).toEqual(['#T1 是一网格的议题,只有本群成员可以投票。']);
    expect(texts(await say('res-a', '投票 #T1 不同意'))).toEqual(['#T1 的选项是:同意 / 反对 / 弃权。请回复「投票 #T1 同意」。']);
    expect(ballots()).toEqual({});
  });

  it('counts configured people of the grid who never wrote there as members', async () => {
    const { say, ballots } = await voting();
    expect(texts(await say('head-zhou', '投票 #T1 2', { roomId: null }))).toEqual(['#T1 已记票:反对。']);
    expect(ballots()['head-zhou']!.option).toBe('反对');
  });

  it('posts the tally and the decision at the deadline', async () => {
    const { say, tick, topic, deadline, clock } = await voting();
    // Members: 10 configured people of grid 1 + 王阿姨 + res-a/b/c = 14; quorum 50% = 7.
    for (const [who, choice] of [['res-a', '同意'], ['res-b', '同意'], ['res-c', '反对'], ['res-wang', '同意'], ['vol-zhang', '同意'], ['wk-li', '弃权'], ['head-qin', '同意']]) {
      await say(who!, `投票 #T1 ${choice}`);
    }
    const late = await say('res-c', '投票 #T1 同意');
    expect(texts(late)).toEqual(['#T1 已改票为:同意。']);
    expect(await tick(deadline - 1000)).toEqual([]);
    // After the deadline, before the next tick has counted: no more changes.
    clock.t = deadline;
    expect(texts(await say('res-b', '投票 #T1 反对'))).toEqual(['#T1 表决已截止,结果马上公布。']);
    const result = await tick(deadline);
    expect(texts(to(result, G1))).toEqual(['#T1「5号楼加装电梯」表决结果:同意6、反对0、弃权1,共7人投票(本群成员14人)。结果:通过(同意)。']);
    expect(texts(to(result, STAFF))[0]).toMatch(/^一网格 #T1「5号楼加装电梯」表决结果:.*请分派任务:\/任务 #T1 @负责人 内容 截止 6月30日$/);
    expect(topic()).toMatchObject({ stage: 'decided', vote: { result: { winner: '同意', outcome: 'passed', voters: 7, members: 14 } } });
    expect(texts(await say('res-b', '投票 #T1 反对'))).toEqual(['#T1 现在已决议,不在表决中。']);
  });

  it('declares the vote void without a quorum', async () => {
    const { say, tick, topic, deadline } = await voting();
    await say('res-a', '投票 #T1 同意');
    const result = await tick(deadline);
    expect(texts(to(result, G1))).toEqual(['#T1「5号楼加装电梯」表决结果:同意1、反对0、弃权0,共1人投票(本群成员14人)。结果:投票人数未达到本群成员的50%,表决无效。']);
    expect(topic().stage).toBe('not_passed');
  });

  it('closes a discussion still open when the vote opens, and uses default options and length', async () => {
    const { say, topic, clock } = app();
    await say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    await say('wk-li', '/讨论 #T1');
    expect(topic().discussion!.closesAt).toBe(clock.t + 3 * D);
    await say('res-wang', '#T1 同意');
    const out = await say('wk-li', '/表决 #T1');
    expect(texts(out)).toEqual([
      '#T1「5号楼加装电梯」商议结束:共1条意见,同意1、反对0、其他0。摘录:「同意」',
      `#T1「5号楼加装电梯」开始表决:同意 / 反对 / 弃权,06-13(周六) 09:30截止。本群成员回复「投票 #T1 同意」(也可私信),一人一票,截止前可以改票。`,
    ]);
    expect(topic().vote!.deadline).toBe(clock.t + 72 * H);
  });
});

describe('落实监督 and 结果评价', () => {
  async function decided() {
    const t = app();
    await t.say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    await t.say('staff-liu', '/表决 #T1 截止 明天 18:00', { roomId: STAFF });
    await t.say('res-wang', '投票 #T1 同意', { talkerName: '王阿姨' });
    for (const who of ['vol-zhang', 'vol-li', 'vol-wu', 'vol-zhou', 'vol-zheng', 'vol-han', 'wk-li']) await t.say(who, '投票 #T1 同意');
    await t.tick(Date.parse('2026-06-11T18:00:00+08:00'));
    return t;
  }

  it('turns the decision into tasks, reminds and escalates them, posts progress, then asks for ratings', async () => {
    const { say, tick, topic } = await decided();
    expect(topic().stage).toBe('decided');
    const add = await say('staff-liu', '/任务 #T1 @张师傅 联系电梯公司报价 截止 6月30日', { roomId: STAFF, mentionIds: ['vol-zhang'] });
    expect(texts(to(add, G1))).toEqual(['#T1-1 任务:联系电梯公司报价,负责人 @张师傅,06-30(周二)截止。有进展请回复「进展 #T1-1 情况」,办完回复「完成 #T1-1」。']);
    expect(to(add, G1)[0]!.mentionIds).toEqual(['vol-zhang']);
    expect(texts(to(add, STAFF))).toEqual(['#T1-1 已分派给张师傅,已发到网格群。']);
    // Named without a mention: found by the configured name.
    await say('wk-li', '/任务 #T1 @李师傅 统计各户意见 截止 6月20日 12:00');
    expect(topic()).toMatchObject({ stage: 'implementing', tasks: [{ n: 1, ownerId: 'vol-zhang' }, { n: 2, ownerId: 'vol-li' }] });

    const due2 = Date.parse('2026-06-20T12:00:00+08:00');
    const remind = await tick(due2 - 24 * H);
    expect(texts(remind)).toEqual(['@李师傅 #T1-2「统计各户意见」将于06-20(周六) 12:00到期,有进展请回复「进展 #T1-2 情况」。']);
    expect(await tick(due2 - 23 * H)).toEqual([]);
    const overdue = await tick(due2);
    expect(texts(overdue)).toEqual(['#T1-2「统计各户意见」已到期未完成,@李师傅 请说明进展。@网格员小李 请督办。']);
    expect(overdue[0]!.mentionIds).toEqual(['vol-li', 'wk-li']);
    const esc = await tick(due2 + 24 * H);
    expect(texts(to(esc, STAFF))).toEqual(['#T1-2(一网格·议题「5号楼加装电梯」)超期未完成:统计各户意见,负责人李师傅,06-20(周六) 12:00到期。请赵网格长督办。']);
    expect(to(esc, 'chief-zhao')).toHaveLength(1);
    expect(await tick(due2 + 48 * H)).toEqual([]);
    expect(topic().tasks[1]!.notices).toEqual({ remind: due2 - 24 * H, overdue: due2, escalate: due2 + 24 * H });

    expect(texts(await say('res-b', '进展 #T1-1 我来帮忙'))).toEqual(['#T1-1 只有负责人或工作人员可以更新。']);
    const prog = await say('vol-zhang', '进展 #T1-1 已联系两家公司', { roomId: null });
    expect(texts(to(prog, G1))).toEqual(['#T1-1 进展(张师傅):已联系两家公司']);
    expect(texts(to(prog, 'vol-zhang'))).toEqual(['#T1-1 已记录,并发到网格群。']);
    const d1 = await say('vol-zhang', '完成 #T1-1 报价已在群公告公示');
    expect(texts(d1)).toEqual(['#T1-1「联系电梯公司报价」已完成(张师傅):报价已在群公告公示。还有1项任务未完成。']);
    const d2 = await say('vol-li', '完成 #T1-2');
    expect(texts(d2)).toEqual([
      '#T1-2「统计各户意见」已完成(李师傅)。',
      '#T1「5号楼加装电梯」的任务已全部完成。请本群居民为落实结果打分(1–5):回复「评价 #T1 5」,也可以附上意见。3天后公布结果。',
    ]);
    expect(topic().stage).toBe('evaluating');
    expect(texts(await say('vol-li', '完成 #T1-2'))).toEqual(['#T1-2 已经完成了。']);

    expect(texts(await say('res-wang', '评价 #T1 4 还不错', { talkerName: '王阿姨' }))).toEqual(['谢谢!#T1 已记下您的评分(4分)。']);
    expect(texts(await say('vol-zhang', '#T1 5'))).toEqual(['谢谢!#T1 已记下您的评分(5分)。']);
    expect(texts(await say('res-wang', '评价 #T1 5', { talkerName: '王阿姨' }))).toEqual(['谢谢!#T1 已记下您的评分(5分)。']);
    expect(texts(await say('res-x', '评价 #T1 1', { roomId: G2 }))).toEqual(['#T1 是一网格的议题,只有本群成员可以评价。']);

    const closesAt = topic().evaluation!.closesAt;
    const done = await tick(closesAt);
    expect(texts(done)).toEqual(['#T1「5号楼加装电梯」评价结束:2人打分,平均5分。议事全过程已记录,发送「/议题 #T1」可查看。']);
    expect(topic()).toMatchObject({ stage: 'evaluated', evaluation: { average: 5, count: 2 } });
    expect(texts(await say('res-wang', '评价 #T1 3', { talkerName: '王阿姨' }))).toEqual(['#T1 现在已评价,还不能评价。']);

    const card = texts(await say('res-wang', '/议题 #T1', { talkerName: '王阿姨' }))[0]!;
    expect(card.split('\n').slice(0, 6)).toEqual([
      '#T1 5号楼加装电梯(一网格)· 已评价',
      '提出:王阿姨 06-10 09:30',
      '决议:同意8、反对0、弃权0,8/11人投票 → 通过(同意)',
      expect.stringMatching(/^落实:#T1-1 联系电梯公司报价 · 张师傅 · 已完成 06-22 12:0\d$/),
      expect.stringMatching(/^落实:#T1-2 统计各户意见 · 李师傅 · 已完成/),
      '评价:平均5分(2人)',
    ]);
    expect(card).toContain('经过:');
    for (const step of ['提出 王阿姨', '开始表决 刘书记', '表决通过 系统', '分派任务 刘书记', '任务进展 张师傅', '任务完成 李师傅', '落实完毕 系统', '评价结束 系统']) {
      expect(card).toContain(step);
    }
  });

  it('refuses tasks before a decision, without an owner, or without a readable deadline', async () => {
    const { say } = app();
    await say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    expect(texts(await say('wk-li', '/任务 #T1 @张师傅 联系 截止 6月30日'))).toEqual(['#T1 现在已提出,不能分派任务。']);
    const d = await decided();
    expect(texts(await d.say('wk-li', '/任务 #T1 @不认识 联系 截止 6月30日'))).toEqual(['没有找到「不认识」,请 @ 本群里的人,或写配置里的名字。']);
    expect(texts(await d.say('wk-li', '/任务 #T1 联系 截止 6月30日'))).toEqual(['任务交给谁?请写「/任务 #T1 @负责人 内容 截止 6月30日」。']);
    expect(texts(await d.say('wk-li', '/任务 #T1 @张师傅 联系 截止 尽快'))).toEqual(['没看懂截止时间,请写成「截止 周五 18:00」或「截止 6月30日」。']);
    expect(texts(await d.say('wk-li', '/任务 #T1 @张师傅 联系'))).toEqual(['格式:/任务 #T2 @负责人 内容 截止 6月30日']);
  });

  it('lists open topics of the group, and all of them in the staff room', async () => {
    const { say } = app();
    await say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    await say('res-zhao', '议题 垃圾分类亭挪位置', { talkerName: '赵大爷', roomId: G2 });
    expect(texts(await say('res-wang', '/议题'))).toEqual(['一网格进行中的议题1个:\n#T1 已提出 5号楼加装电梯']);
    expect(texts(await say('staff-liu', '/议题', { roomId: STAFF }))).toEqual(['全社区进行中的议题2个:\n#T1 已提出 5号楼加装电梯\n#T2 已提出 垃圾分类亭挪位置']);
    expect(texts(await say('res-wang', '/议题 #T9'))).toEqual(['没有找到议题 #T9。']);
    expect(texts(await say('res-wang', '/帮助 议事'))[0]).toMatch(/^议事会\(提出→商议→决议→落实→评价\)/);
  });
});

describe('撤回: withdrawing a topic', () => {
  const MANAGERS_ONLY = councilMessages.managersOnly();
  it('lets whoever raised it take it back before anything happened, and nobody else in the group', async () => {
    const { say, topic } = app();
    await say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    expect(texts(await say('res-zhao', '/议题 #T1 撤回'))).toEqual([MANAGERS_ONLY]);
    expect(topic().stage).toBe('raised');
    const out = await say('res-wang', '/议题 #T1 撤回 发错了', { talkerName: '王阿姨' });
    expect(texts(to(out, G1))).toEqual(['#T1「5号楼加装电梯」已由王阿姨撤回:发错了。商议、表决和任务都不再进行,意见可以另提议题。']);
    expect(topic()).toMatchObject({ stage: 'withdrawn' });
    expect(topic().history.at(-1)).toMatchObject({ action: 'withdraw', by: 'res-wang', note: '发错了' });
    // Gone from the list of open topics; asking again says why not.
    expect(texts(await say('res-wang', '/议题 #T1 撤回'))[0]).toMatch(/^#T1 现在已撤回,不能撤回。$/);
  });

  it('lets staff withdraw a topic during its vote: no tally at the deadline, task owners told', async () => {
    const t = app();
    await t.say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    await t.say('staff-liu', '/表决 #T1 截止 明天 18:00', { roomId: STAFF });
    expect(texts(await t.say('res-wang', '/议题 #T1 撤回'))).toEqual(['#T1 已开始办理,只有工作人员和本网格网格员可以撤回。']);
    const out = await t.say('staff-liu', '/议题 #T1 撤回 与区里的加装计划重复', { roomId: STAFF });
    expect(texts(to(out, G1))).toEqual(['#T1「5号楼加装电梯」已由刘书记撤回:与区里的加装计划重复。商议、表决和任务都不再进行,意见可以另提议题。']);
    expect(texts(to(out, STAFF))).toEqual(['已撤回 #T1,本网格群已通知。']);
    expect(await t.tick(Date.parse('2026-06-11T18:00:00+08:00'))).toEqual([]);
    expect(t.topic().stage).toBe('withdrawn');
    expect(texts(await t.say('res-wang', '投票 #T1 同意'))[0]).toMatch(/不在表决中/);
  });

  it('tells the owners of unfinished tasks privately when staff withdraw a topic being carried out', async () => {
    const t = app();
    await t.say('res-wang', '议题 5号楼加装电梯', { talkerName: '王阿姨' });
    await t.say('staff-liu', '/表决 #T1 截止 明天 18:00', { roomId: STAFF });
    for (const who of ['res-wang', 'vol-zhang', 'vol-li', 'vol-wu', 'vol-zhou', 'vol-zheng', 'vol-han', 'wk-li']) await t.say(who, '投票 #T1 同意');
    await t.tick(Date.parse('2026-06-11T18:00:00+08:00'));
    await t.say('staff-liu', '/任务 #T1 @张师傅 联系电梯公司报价 截止 6月30日', { roomId: STAFF, mentionIds: ['vol-zhang'] });
    const out = await t.say('wk-li', '/议题 #T1 撤销');
    expect(texts(to(out, 'vol-zhang'))).toEqual(['#T1「5号楼加装电梯」已撤回,您负责的任务不用再办,也不会再有提醒。']);
    expect(await t.tick(Date.parse('2026-06-29T18:00:00+08:00'))).toEqual([]);
  });
});
