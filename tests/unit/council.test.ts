import { T0 } from '../helpers/fixtures.js';
import {
  applyTopicAction, averageRating, canTopicTransition, classifyStance, dueTopicJobs, maskQuote, matchOption, newTopic, nextTopicDueAt,
  summariseViews, tallyVote, type Ballot, type Topic, type TopicTask,
} from '../../src/core/council.js';
import { leadingScore, parseCouncilCommand, splitDeadline, taskRef, topicRef } from '../../src/core/council-commands.js';
import { parseDuration, resolveDeadline } from '../../src/core/resolve-deadline.js';

const H = 3_600_000;
const rule = { quorum: 0.5, majority: 0.5 };

function topic(patch: Partial<Topic> = {}): Topic {
  return { ...newTopic({ id: 2, gridId: 'g1', roomId: 'grid1@chatroom', title: '5号楼加装电梯', raisedBy: 'res-wang', raisedByName: '王阿姨' }, T0), ...patch };
}

function ballots(...options: string[]): Ballot[] {
  return options.map((o, i) => ({ topicId: 2, by: `p${i}`, option: o, at: T0, changes: 0 }));
}

describe('the topic stage machine', () => {
  it('goes 提出 → 商议 → 决议 → 落实 → 评价 and records every step', () => {
    let t = topic();
    for (const [action, stage] of [
      ['open_discussion', 'discussing'], ['close_discussion', 'discussed'], ['open_vote', 'voting'], ['pass', 'decided'],
      ['add_task', 'implementing'], ['progress', 'implementing'], ['finish_task', 'implementing'], ['all_done', 'evaluating'],
      ['close_rating', 'evaluated'],
    ] as const) {
      const r = applyTopicAction(t, action, 'staff-liu', T0 + H);
      if (!r.ok) throw new Error(`${action} refused at ${t.stage}`);
      expect(r.topic.stage).toBe(stage);
      t = r.topic;
    }
    expect(t.history.map((h) => h.action)).toEqual([
      'raise', 'open_discussion', 'close_discussion', 'open_vote', 'pass', 'add_task', 'progress', 'finish_task', 'all_done', 'close_rating',
    ]);
  });

  it('refuses steps out of order', () => {
    expect(canTopicTransition('raised', 'add_task')).toBe(false);
    expect(canTopicTransition('not_passed', 'add_task')).toBe(false);
    expect(canTopicTransition('not_passed', 'open_vote')).toBe(true);
    expect(applyTopicAction(topic(), 'pass', 'bot', T0)).toEqual({ ok: false, code: 'NOT_ALLOWED', from: 'raised', action: 'pass' });
  });
});

describe('the vote count', () => {
  const OPTIONS = ['同意', '反对', '弃权'];

  it('passes with a quorum and more than half of the votes cast', () => {
    const r = tallyVote(OPTIONS, ballots('同意', '同意', '同意', '反对', '弃权'), 8, rule);
    expect(r).toEqual({ counts: { 同意: 3, 反对: 1, 弃权: 1 }, voters: 5, members: 8, quorumMet: true, winner: '同意', outcome: 'passed' });
  });

  it('counts abstentions in the quorum and in the base of the majority', () => {
    // 2 of 4 votes is not more than half: abstaining is not the same as staying away.
    expect(tallyVote(OPTIONS, ballots('同意', '同意', '弃权', '弃权'), 6, rule).outcome).toBe('no_majority');
  });

  it('fails without a quorum', () => {
    const r = tallyVote(OPTIONS, ballots('同意', '同意', '同意'), 7, rule);
    expect(r.quorumMet).toBe(false);
    expect(r.outcome).toBe('no_quorum');
  });

  it('turns the proposal down when 反对 wins', () => {
    expect(tallyVote(OPTIONS, ballots('反对', '反对', '同意'), 4, rule)).toMatchObject({ winner: '反对', outcome: 'rejected' });
  });

  it('has no winner on a tie or with no votes', () => {
    expect(tallyVote(OPTIONS, ballots('同意', '反对'), 2, rule).outcome).toBe('no_majority');
    expect(tallyVote(OPTIONS, ballots(), 10, rule)).toMatchObject({ voters: 0, quorumMet: false, outcome: 'no_quorum' });
  });

  it('decides between named options', () => {
    const r = tallyVote(['方案一', '方案二'], ballots('方案二', '方案二', '方案一'), 5, rule);
    expect(r).toMatchObject({ winner: '方案二', outcome: 'passed' });
  });

  it('matches a choice to an option by its text or number', () => {
    expect(matchOption(['同意', '反对', '弃权'], '反对')).toBe('反对');
    expect(matchOption(['同意', '反对', '弃权'], '3')).toBe('弃权');
    expect(matchOption(['同意', '反对', '弃权'], '不同意')).toBeNull();
    expect(matchOption(['A', 'B'], 'a')).toBe('A');
  });
});

describe('the summary of views', () => {
  it('reads against before for (不同意 contains 同意)', () => {
    expect(classifyStance('我同意, 但要先问清费用')).toBe('for');
    expect(classifyStance('不同意,一楼住户受影响')).toBe('against');
    expect(classifyStance('费用怎么分摊?')).toBe('other');
  });

  it('counts the stances and quotes a few short masked excerpts without names', () => {
    const s = summariseViews([
      { text: '我同意, 但要先问清楚费用怎么分摊,每户大概出多少钱', stance: 'for' },
      { text: '支持', stance: 'for' },
      { text: '不同意,我是3单元101的,一楼用不上 13812345678', stance: 'against' },
      { text: '什么时候开会?', stance: 'other' },
    ]);
    expect(s).toMatchObject({ total: 4, for: 2, against: 1, other: 1 });
    expect(s.excerpts).toHaveLength(3);
    expect(s.excerpts[0]).toBe('我同意, 但要先问清楚费用怎么分摊,每户大概出多…');
    const joined = s.excerpts.join('|');
    expect(joined).not.toContain('13812345678');
    expect(joined).not.toContain('101');
  });

  it('masks phones, room numbers and mentions in a quote', () => {
    expect(maskQuote('@张师傅 3号楼2单元501 电话13812345678')).toBe('3号楼2单元 电话138****5678');
    expect(maskQuote('我是3单元101的 身份证140102199001011234')).toBe('我是3单元**的 身份证1401**********1234');
  });
});

describe('what falls due on topics', () => {
  const cfg = { remindBeforeHours: 24, escalateAfterHours: 24 };
  const task: TopicTask = { n: 1, ownerId: 'vol-zhang', ownerName: '张师傅', text: '联系电梯公司', due: T0 + 100 * H, createdBy: 'staff-liu', createdAt: T0, doneAt: null, progress: [], notices: {} };

  it('closes the discussion window, the vote and the rating at their times', () => {
    const d = topic({ stage: 'discussing', discussion: { openedBy: 'x', opensAt: T0, closesAt: T0 + 72 * H, summary: null } });
    expect(dueTopicJobs([d], T0 + 72 * H - 1, cfg)).toEqual([]);
    expect(nextTopicDueAt([d], T0, cfg)).toBe(T0 + 72 * H);
    expect(dueTopicJobs([d], T0 + 72 * H, cfg)).toEqual([{ kind: 'close_discussion', topicId: 2 }]);
    const v = topic({ stage: 'voting', vote: { options: ['同意'], openedBy: 'x', openedAt: T0, deadline: T0 + H, result: null } });
    expect(dueTopicJobs([v], T0 + H, cfg)).toEqual([{ kind: 'close_vote', topicId: 2 }]);
    const e = topic({ stage: 'evaluating', evaluation: { opensAt: T0, closesAt: T0 + H, average: null, count: 0 } });
    expect(dueTopicJobs([e], T0 + H, cfg)).toEqual([{ kind: 'close_rating', topicId: 2 }]);
    expect(nextTopicDueAt([d, v, e], T0, cfg)).toBe(T0 + H);
  });

  it('reminds the owner before the deadline, tells the grid at it, escalates after it, each once', () => {
    const t = topic({ stage: 'implementing', tasks: [task] });
    const notice = (n: string) => [{ kind: 'task_notice', topicId: 2, n: 1, notice: n }];
    expect(dueTopicJobs([t], T0 + 75 * H, cfg)).toEqual([]);
    expect(nextTopicDueAt([t], T0 + 75 * H, cfg)).toBe(T0 + 76 * H);
    expect(dueTopicJobs([t], T0 + 76 * H, cfg)).toEqual(notice('remind'));
    expect(dueTopicJobs([t], T0 + 100 * H, cfg)).toEqual(notice('overdue'));
    expect(dueTopicJobs([t], T0 + 124 * H, cfg)).toEqual(notice('escalate'));
    const escalated = topic({ stage: 'implementing', tasks: [{ ...task, notices: { escalate: T0 + 124 * H } }] });
    expect(dueTopicJobs([escalated], T0 + 200 * H, cfg)).toEqual([]);
    const reminded = topic({ stage: 'implementing', tasks: [{ ...task, notices: { remind: T0 + 76 * H } }] });
    expect(nextTopicDueAt([reminded], T0 + 77 * H, cfg)).toBe(T0 + 100 * H);
  });

  it('does not remind a task created inside the reminder window, nor a done one', () => {
    const late = { ...task, createdAt: T0 + 90 * H };
    expect(dueTopicJobs([topic({ stage: 'implementing', tasks: [late] })], T0 + 95 * H, cfg)).toEqual([]);
    const done = { ...task, doneAt: T0 + H };
    expect(dueTopicJobs([topic({ stage: 'implementing', tasks: [done] })], T0 + 200 * H, cfg)).toEqual([]);
    expect(nextTopicDueAt([topic({ stage: 'implementing', tasks: [done] })], T0, cfg)).toBeNull();
  });

  it('averages the ratings to one decimal', () => {
    expect(averageRating([{ score: 4 }, { score: 5 }, { score: 5 }])).toBe(4.7);
    expect(averageRating([])).toBeNull();
  });
});

describe('council commands', () => {
  it('raises a topic with or without a slash, but not from chat', () => {
    expect(parseCouncilCommand('议题 5号楼加装电梯')).toEqual({ type: 'raise', title: '5号楼加装电梯' });
    expect(parseCouncilCommand('议题:小区停车位划线')).toEqual({ type: 'raise', title: '小区停车位划线' });
    expect(parseCouncilCommand('/议题 5号楼加装电梯')).toEqual({ type: 'raise', title: '5号楼加装电梯' });
    expect(parseCouncilCommand('议题太多了')).toBeNull();
    expect(parseCouncilCommand('议题 ')).toBeNull();
  });

  it('shows and lists topics', () => {
    expect(parseCouncilCommand('/议题 #T2')).toEqual({ type: 'show', topicId: 2 });
    expect(parseCouncilCommand('/议题 #T2 撤回 发错了')).toEqual({ type: 'withdraw', topicId: 2, reason: '发错了' });
    expect(parseCouncilCommand('/议题 #T2 撤销:重复')).toEqual({ type: 'withdraw', topicId: 2, reason: '重复' });
    expect(parseCouncilCommand('/议题 #T2 撤回')).toEqual({ type: 'withdraw', topicId: 2, reason: '' });
    expect(parseCouncilCommand('/议题 2')).toEqual({ type: 'show', topicId: 2 });
    expect(parseCouncilCommand('/议题')).toEqual({ type: 'list' });
  });

  it('reads a discussion window and its end', () => {
    expect(parseCouncilCommand('/讨论 #T2 3天')).toEqual({ type: 'discuss', topicId: 2, length: '3天' });
    expect(parseCouncilCommand('/讨论 #T2')).toEqual({ type: 'discuss', topicId: 2, length: '' });
    expect(parseCouncilCommand('/讨论 #T2 结束')).toEqual({ type: 'end_discussion', topicId: 2 });
  });

  it('reads a vote with its options and deadline', () => {
    expect(parseCouncilCommand('/表决 #T2 同意 反对 弃权 截止 周五 18:00')).toEqual({ type: 'vote', topicId: 2, options: ['同意', '反对', '弃权'], deadline: '周五 18:00' });
    expect(parseCouncilCommand('/表决 #T2 截止周五')).toEqual({ type: 'vote', topicId: 2, options: [], deadline: '周五' });
    expect(parseCouncilCommand('/表决 #T2 同意 截止 周五')).toEqual({ type: 'malformed', command: 'vote' });
  });

  it('reads a ballot, in the group or privately', () => {
    expect(parseCouncilCommand('投票 #T2 同意')).toEqual({ type: 'ballot', topicId: 2, choice: '同意' });
    expect(parseCouncilCommand('投票 2 反对')).toEqual({ type: 'ballot', topicId: 2, choice: '反对' });
    expect(parseCouncilCommand('投票 #T2')).toEqual({ type: 'malformed', command: 'ballot' });
  });

  it('reads a task with an owner and a deadline', () => {
    expect(parseCouncilCommand('/任务 #T2 @张师傅 联系电梯公司报价 截止 6月30日')).toEqual({
      type: 'task', topicId: 2, names: ['张师傅'], text: '联系电梯公司报价', deadline: '6月30日',
    });
    expect(parseCouncilCommand('/任务 #T2 @张师傅 联系电梯公司')).toEqual({ type: 'malformed', command: 'task' });
  });

  it('reads task progress and completion, leaving order numbers to the orders', () => {
    expect(parseCouncilCommand('进展 #T2-1 已联系电梯公司')).toEqual({ type: 'progress', topicId: 2, n: 1, note: '已联系电梯公司' });
    expect(parseCouncilCommand('完成 #T2-1 报价已公示')).toEqual({ type: 'done', topicId: 2, n: 1, note: '报价已公示' });
    expect(parseCouncilCommand('完成 #12 换了阀门')).toBeNull();
    expect(parseCouncilCommand('完成 #2-1')).toBeNull();
    expect(parseCouncilCommand('进展 2-1 在办')).toEqual({ type: 'progress', topicId: 2, n: 1, note: '在办' });
  });

  it('reads views and ratings on a topic', () => {
    expect(parseCouncilCommand('#T2 我同意, 但要先问清费用')).toEqual({ type: 'comment', topicId: 2, text: '我同意, 但要先问清费用' });
    expect(parseCouncilCommand('评价 #T2 4 还不错')).toEqual({ type: 'rate', topicId: 2, score: 4, note: '还不错' });
    expect(parseCouncilCommand('评价 #T2 五分')).toEqual({ type: 'rate', topicId: 2, score: 5, note: '' });
    expect(parseCouncilCommand('评价 #12 5')).toBeNull();
    expect(parseCouncilCommand('#12 好')).toBeNull();
  });

  it('parses topic and task numbers', () => {
    expect(topicRef('#T2-1', false)).toBeNull();
    expect(taskRef('#T2-1 x', false)).toEqual([2, 1, 'x']);
    expect(taskRef('2-1 x', false)).toBeNull();
    expect(splitDeadline('联系报价 截止 6月30日')).toEqual({ before: '联系报价', deadline: '6月30日' });
    expect(leadingScore('4分 不错')).toEqual([4, '不错']);
    expect(leadingScore('45')).toBeNull();
  });
});

describe('deadlines and lengths', () => {
  // 2026-06-10 is a Wednesday.
  it('reads 周五 18:00 as this Friday evening in Shanghai', () => {
    expect(resolveDeadline('周五 18:00', T0)).toBe(Date.parse('2026-06-12T18:00:00+08:00'));
  });

  it('reads a bare day as the end of that day', () => {
    expect(resolveDeadline('6月30日', T0)).toBe(Date.parse('2026-06-30T23:59:00+08:00'));
    expect(resolveDeadline('下周一', T0)).toBe(Date.parse('2026-06-15T23:59:00+08:00'));
  });

  it('reads 明天下午6点 from a reference time late in the UTC day', () => {
    const late = Date.parse('2026-06-10T23:30:00+08:00'); // 15:30 UTC
    expect(resolveDeadline('明天下午6点', late)).toBe(Date.parse('2026-06-11T18:00:00+08:00'));
  });

  it('reads the forms people type: no space, 星期, 礼拜天, 明早, 下下周', () => {
    expect(resolveDeadline('周五18:00', T0)).toBe(Date.parse('2026-06-12T18:00:00+08:00'));
    expect(resolveDeadline('星期五晚上8点', T0)).toBe(Date.parse('2026-06-12T20:00:00+08:00'));
    expect(resolveDeadline('礼拜天', T0)).toBe(Date.parse('2026-06-14T23:59:00+08:00'));
    expect(resolveDeadline('明早9点', T0)).toBe(Date.parse('2026-06-11T09:00:00+08:00'));
    expect(resolveDeadline('下下周一', T0)).toBe(Date.parse('2026-06-22T23:59:00+08:00'));
    expect(resolveDeadline('30号', T0)).toBe(Date.parse('2026-06-30T23:59:00+08:00'));
  });

  it('falls back to chrono for what the parser does not read', () => {
    expect(resolveDeadline('十天后', T0)).toBe(Date.parse('2026-06-20T23:59:00+08:00'));
  });

  it('returns a past time as past, for the caller to refuse', () => {
    expect(resolveDeadline('今天 08:00', T0)).toBe(Date.parse('2026-06-10T08:00:00+08:00'));
    expect(resolveDeadline('6月9日', T0)!).toBeLessThan(T0);
  });

  it('finds nothing in words without a time', () => {
    expect(resolveDeadline('尽快', T0)).toBeNull();
    expect(resolveDeadline('', T0)).toBeNull();
  });

  it('reads lengths in days, hours and weeks, in digits or Chinese', () => {
    expect(parseDuration('3天')).toBe(72 * H);
    expect(parseDuration('三天')).toBe(72 * H);
    expect(parseDuration('48小时')).toBe(48 * H);
    expect(parseDuration('一周')).toBe(168 * H);
    expect(parseDuration('两个星期')).toBe(336 * H);
    expect(parseDuration('周五')).toBeNull();
    expect(parseDuration('0天')).toBeNull();
  });
});
