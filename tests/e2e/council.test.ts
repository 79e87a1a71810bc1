import type { ScriptStep, TranscriptLine } from '../../src/adapters/wechaty/simulator.js';
import type { Ballot, Topic, TopicRating } from '../../src/core/council.js';
import { demoConfig } from '../helpers/fixtures.js';
import { botLines, botTexts, G1, runScript, STAFF } from '../helpers/sim.js';

const G2 = 'grid2@chatroom';
/** The demo config without the schedule's digests and summaries, so the transcript shows this feature's posts. */
const withoutDigests = () =>
  demoConfig((raw) => {
    const s = raw.schedule as Record<string, { enabled: boolean }>;
    for (const k of ['morningDigest', 'eveningSummary', 'weeklySummary']) s[k]!.enabled = false;
  });

const privateTo = (t: TranscriptLine[], id: string) => botLines(t).filter((l) => l.room === null && l.to === id).map((l) => l.text);

describe('the neighbourhood council through Wechaty and puppet-mock', () => {
  it('takes a topic through 提出 → 商议 → 决议 → 落实监督 → 结果评价, across restarts', async () => {
    const steps: ScriptStep[] = [
      { at: '2026-06-10T09:30:00+08:00' },
      // 提出
      { from: 'res-wang', name: '王阿姨', room: G1, text: '议题 5号楼加装电梯' },
      // 商议: two days; views reply to the topic
      { from: 'staff-liu', room: STAFF, text: '/讨论 #T1 2天' },
      { from: 'res-a', name: '老张', room: G1, text: '#T1 我同意, 但要先问清费用怎么分摊' },
      { from: 'res-b', name: '小刘', room: G1, text: '#T1 不同意,一楼用不上 13812345678' },
      { from: 'res-c', name: '李奶奶', room: G1, text: '#T1 老人上下楼太难了 支持' },
      { from: 'res-x', name: '外人', room: G2, text: '大家好' },
      { at: '2026-06-12T09:31:00+08:00' },
      // 决议: a vote until Friday 18:00 (2026-06-12 is a Friday)
      { from: 'staff-liu', room: STAFF, text: '/表决 #T1 同意 反对 弃权 截止 周五 18:00' },
      { from: 'res-wang', room: G1, text: '投票 #T1 同意' },
      { from: 'res-a', room: G1, text: '投票 #T1 同意' },
      { from: 'res-b', room: G1, text: '投票 #T1 反对' },
      { from: 'res-c', room: G1, text: '投票 #T1 同意' },
      // A restart in the middle of the vote loses no ballot.
      { restart: true },
      { from: 'vol-zhang', room: G1, text: '投票 #T1 同意' },
      { from: 'vol-li', to: 'bot', text: '投票 #T1 同意' },
      { from: 'wk-li', room: G1, text: '投票 #T1 同意' },
      // Someone changes their vote, privately; someone outside the group cannot vote.
      { from: 'res-b', to: 'bot', text: '投票 #T1 弃权' },
      { from: 'res-x', to: 'bot', text: '投票 #T1 反对' },
      { from: 'res-x', room: G2, text: '投票 #T1 反对' },
      { at: '2026-06-12T18:00:00+08:00' },
      // 落实监督: tasks with owners and deadlines, progress posted to the group
      { from: 'staff-liu', room: STAFF, text: '/任务 #T1 @张师傅 联系电梯公司报价 截止 6月30日' },
      { from: 'wk-li', room: G1, text: '/任务 #T1 @李师傅 征求一楼住户意见 截止 6月20日' },
      { at: '2026-06-15T09:00:00+08:00' },
      { from: 'vol-zhang', room: G1, text: '进展 #T1-1 已联系两家公司 报价下周出' },
      { restart: true },
      // The reminder falls due at 23:59 the day before, in quiet hours: it goes out at 07:00.
      { at: '2026-06-20T08:00:00+08:00' },
      { from: 'vol-li', to: 'bot', text: '完成 #T1-2 一楼住户都同意了' },
      { from: 'vol-zhang', room: G1, text: '完成 #T1-1 报价已在群公告公示' },
      // 结果评价
      { from: 'res-a', room: G1, text: '评价 #T1 5' },
      { from: 'res-b', room: G1, text: '#T1 4 还行' },
      { from: 'res-x', room: G2, text: '评价 #T1 1' },
      { at: '2026-06-23T10:00:00+08:00' },
      { from: 'res-wang', room: G1, text: '/议题 #T1' },
    ];
    const sim = await runScript(steps, { config: withoutDigests() });
    const t = sim.transcript;
    const group = botTexts(t, G1);

    expect(group.slice(0, 3)).toEqual([
      '新议题 #T1:5号楼加装电梯(王阿姨提出)。欢迎发表意见,回复「#T1 您的意见」。',
      '#T1「5号楼加装电梯」开始商议,06-12(周五) 09:30截止。请回复「#T1 您的意见」,例如「#T1 同意,但要先问清费用」。',
      // The summary: counts and short quotes, no names, the phone masked.
      '#T1「5号楼加装电梯」商议结束:共3条意见,同意2、反对1、其他0。摘录:「我同意, 但要先问清费用怎么分摊」「不同意,一楼用不上 138****5678」「老人上下楼太难了 支持」',
    ]);
    expect(group[3]).toBe('#T1「5号楼加装电梯」开始表决:同意 / 反对 / 弃权,06-12(周五) 18:00截止。本群成员回复「投票 #T1 同意」(也可私信),一人一票,截止前可以改票。');
    expect(group).toContain('#T1 已记票:反对。');
    expect(privateTo(t, 'res-b')).toEqual(['#T1 已改票为:弃权。']);
    expect(privateTo(t, 'res-x')).toEqual(['#T1 是一网格的议题,只有本群成员可以投票。']);
    expect(botTexts(t, G2)).toEqual(['#T1 是一网格的议题,只有本群成员可以投票。', '#T1 是一网格的议题,只有本群成员可以评价。']);

    // Members: the 10 configured people of grid 1 and the 4 residents who wrote there; 7 voted.
    expect(group).toContain('#T1「5号楼加装电梯」表决结果:同意6、反对0、弃权1,共7人投票(本群成员14人)。结果:通过(同意)。');
    expect(group).toContain('#T1-1 任务:联系电梯公司报价,负责人 @张师傅,06-30(周二)截止。有进展请回复「进展 #T1-1 情况」,办完回复「完成 #T1-1」。');
    expect(group).toContain('#T1-1 进展(张师傅):已联系两家公司 报价下周出');
    // The reminder a day before 6月20日 ends.
    const reminder = botLines(t).find((l) => l.text.startsWith('@李师傅 #T1-2'))!;
    expect(reminder).toMatchObject({ room: G1, at: '2026-06-20T07:00:00+08:00', text: '@李师傅 #T1-2「征求一楼住户意见」将于06-20(周六)到期,有进展请回复「进展 #T1-2 情况」。' });
    expect(group).toContain('#T1-2「征求一楼住户意见」已完成(李师傅):一楼住户都同意了。还有1项任务未完成。');
    expect(group).toContain('#T1「5号楼加装电梯」的任务已全部完成。请本群居民为落实结果打分(1–5):回复「评价 #T1 5」,也可以附上意见。3天后公布结果。');
    expect(group).toContain('#T1「5号楼加装电梯」评价结束:2人打分,平均4.5分。议事全过程已记录,发送「/议题 #T1」可查看。');
    expect(group.at(-1)).toMatch(/^#T1 5号楼加装电梯\(一网格\)· 已评价\n提出:王阿姨 06-10 09:30\n商议:.*意见3条.*\n决议:同意6、反对0、弃权1,7\/14人投票 → 通过\(同意\)\n落实:#T1-1 .*\n落实:#T1-2 .*\n评价:平均4.5分\(2人\)\n经过:/s);
    expect(botTexts(t, STAFF)[0]).toBe('#T1 已开始商议,已发到网格群。');

    const topic = sim.store.get<Topic>('topics', '1')!;
    expect(topic.stage).toBe('evaluated');
    expect(sim.store.get<Ballot>('topic-ballots', '1|res-b')).toMatchObject({ option: '弃权', changes: 1 });
    expect(sim.store.get('topic-ballots', '1|res-x')).toBeUndefined();
    expect(sim.store.size('topic-ballots')).toBe(7);
    expect([...sim.store.values<TopicRating>('topic-ratings')].map((r) => [r.by, r.score, r.note])).toEqual([['res-a', 5, undefined], ['res-b', 4, '还行']]);
    expect(sim.store.size('topic-views')).toBe(3);
    expect(topic.history.map((h) => h.action)).toEqual([
      'raise', 'open_discussion', 'close_discussion', 'open_vote', 'pass', 'add_task', 'add_task', 'progress', 'finish_task', 'finish_task', 'all_done', 'close_rating',
    ]);
    // Every scheduled post went out exactly once (the last line is the record, which names them all).
    for (const once of ['商议结束', '表决结果', '将于06-20(周六)到期', '的任务已全部完成', '评价结束']) {
      expect(group.slice(0, -1).filter((x) => x.includes(once))).toHaveLength(1);
    }
    expect(sim.store.size('outbox')).toBe(0);
  });
});
