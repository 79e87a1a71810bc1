import { demoConfig, T0 } from '../helpers/fixtures.js';
import {
  applyCaseAction, canCaseTransition, dueCaseJobs, firstLevel, limitEndsAt, mediatorsAt, newCase, nextCaseDueAt, nextLevel, type MediationCase,
} from '../../src/core/mediation.js';
import { caseRef, parseMediationCommand, readFollowUpAnswer } from '../../src/core/mediation-commands.js';
import { parseConfig } from '../../src/config/load-config.js';

const H = 3_600_000;
const config = demoConfig();

function aCase(patch: Partial<MediationCase> = {}): MediationCase {
  return {
    ...newCase({ id: 3, gridId: 'g1', roomId: 'grid1@chatroom', complainantId: 'res-wang', complainantName: '王阿姨', text: '楼上天天半夜吵', summary: '楼上半夜吵', phone: null, level: 0 }, T0),
    ...patch,
  };
}

describe('the mediation ladder', () => {
  it('takes the lowest level from the grid-specific list (building heads)', () => {
    expect(mediatorsAt(config, 'g1', 0)).toEqual(['head-zhou', 'head-qin']);
    expect(mediatorsAt(config, 'g2', 0)).toEqual(['head-ma']);
  });

  it('adds the grid workers and chief where a level includes them', () => {
    expect(mediatorsAt(config, 'g1', 1)).toEqual(['wk-li', 'chief-zhao']);
    expect(mediatorsAt(config, 'g3', 1)).toEqual(['wk-chen', 'chief-zhao']);
  });

  it('uses the community and the 司法所 lists for every grid', () => {
    expect(mediatorsAt(config, 'g2', 2)).toEqual(['med-gao', 'staff-he']);
    expect(mediatorsAt(config, null, 3)).toEqual(['sfs-wu', 'lawyer-qian']);
  });

  it('starts a case at the lowest level that has someone, and climbs past empty levels', () => {
    expect(firstLevel(config, 'g1')).toBe(0);
    // A private complaint from an unknown grid has no building heads: it starts at the community level.
    expect(firstLevel(config, null)).toBe(2);
    const gapped = demoConfig((raw) => {
      (raw.mediation as { levels: { include?: string[] }[] }).levels[1]!.include = [];
    });
    expect(nextLevel(gapped, 'g1', 0)).toBe(2);
    expect(nextLevel(config, 'g1', 3)).toBeNull();
  });

  it('uses a default four-level ladder when the config names none', () => {
    const raw = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
    delete raw.mediation;
    const c = parseConfig(JSON.stringify(raw), 'test.json');
    expect(c.mediation.levels.map((l) => l.name)).toEqual(['楼栋调解', '网格调解', '社区调解', '司法所·律师调解']);
    expect(c.mediation.followUpDays).toBe(7);
    expect(firstLevel(c, 'g1')).toBe(1); // nobody at building level: the grid workers start
  });

  it('rejects a grid-specific list for a grid that does not exist', () => {
    const raw = JSON.parse(JSON.stringify(config)) as { mediation: { levels: { byGrid: Record<string, string[]> }[] } };
    raw.mediation.levels[0]!.byGrid = { g9: ['x'] };
    expect(() => parseConfig(JSON.stringify(raw), 'test.json')).toThrow(/mediation\.levels\.0\.byGrid\.g9: unknown grid "g9"/);
  });
});

describe('the case state machine', () => {
  it('keeps who, when and a note for every step', () => {
    const r = applyCaseAction(aCase(), 'attempt', 'head-zhou', T0 + H, { method: '上门', note: '双方同意周末前清理杂物' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.case.history.at(-1)).toEqual({ action: 'attempt', from: 'open', to: 'open', by: 'head-zhou', at: T0 + H, level: 0, method: '上门', note: '双方同意周末前清理杂物' });
  });

  it('closes with or without an agreement; only a failed or open case may climb', () => {
    expect(canCaseTransition('open', 'agree')).toBe(true);
    expect(canCaseTransition('failed', 'escalate')).toBe(true);
    expect(canCaseTransition('agreed', 'escalate')).toBe(false);
    expect(canCaseTransition('held', 'reopen')).toBe(false);
    const r = applyCaseAction(aCase({ status: 'held' }), 'attempt', 'head-zhou', T0);
    expect(r).toEqual({ ok: false, code: 'NOT_ALLOWED', from: 'held', action: 'attempt' });
  });

  it('reopens an agreed case when the agreement did not hold', () => {
    const agreed = applyCaseAction(aCase(), 'agree', 'head-zhou', T0 + H, { patch: { closedAt: T0 + H } });
    if (!agreed.ok) throw new Error('agree');
    const r = applyCaseAction(agreed.case, 'reopen', 'res-wang', T0 + 8 * 24 * H, { note: '又堆上了' });
    expect(r.ok && r.case.status).toBe('open');
  });
});

describe('what falls due on cases', () => {
  it('climbs when the level time limit passes without an agreement', () => {
    const c = aCase();
    expect(limitEndsAt(c, config.mediation)).toBe(T0 + 48 * H);
    expect(nextCaseDueAt([c], T0, config)).toBe(T0 + 48 * H);
    expect(dueCaseJobs([c], T0 + 48 * H - 1, config)).toEqual([]);
    expect(dueCaseJobs([c], T0 + 48 * H, config)).toEqual([{ kind: 'escalate', caseId: 3, to: 1 }]);
  });

  it('tells staff once when the top level runs out', () => {
    const c = aCase({ level: 3, levelSince: T0 });
    expect(dueCaseJobs([c], T0 + 400 * H, config)).toEqual([{ kind: 'overdue_at_top', caseId: 3 }]);
    const told = { ...c, overdueNotifiedAt: T0 + 400 * H };
    expect(dueCaseJobs([told], T0 + 800 * H, config)).toEqual([]);
    expect(nextCaseDueAt([told], T0, config)).toBeNull();
  });

  it('asks the complainant a week after an agreement, once', () => {
    const c = aCase({ status: 'agreed', closedAt: T0 });
    expect(nextCaseDueAt([c], T0, config)).toBe(T0 + 7 * 24 * H);
    expect(dueCaseJobs([c], T0 + 7 * 24 * H - 1, config)).toEqual([]);
    expect(dueCaseJobs([c], T0 + 7 * 24 * H, config)).toEqual([{ kind: 'ask_follow_up', caseId: 3 }]);
    expect(dueCaseJobs([{ ...c, followUpAskedAt: T0 + 7 * 24 * H }], T0 + 9 * 24 * H, config)).toEqual([]);
  });

  it('leaves failed and held cases alone', () => {
    const quiet = [aCase({ status: 'failed' }), aCase({ id: 4, status: 'held' })];
    expect(dueCaseJobs(quiet, T0 + 1000 * H, config)).toEqual([]);
    expect(nextCaseDueAt(quiet, T0, config)).toBeNull();
  });
});

describe('mediation commands', () => {
  it('reads an attempt with its method', () => {
    expect(parseMediationCommand('/调解 #M3 上门 双方同意周末前清理杂物')).toEqual({ type: 'attempt', caseId: 3, method: '上门', note: '双方同意周末前清理杂物' });
    expect(parseMediationCommand('/调解 M3 和两家都谈了')).toEqual({ type: 'attempt', caseId: 3, method: null, note: '和两家都谈了' });
    expect(parseMediationCommand('/调解 #M3 重开 又堆上了')).toEqual({ type: 'resume', caseId: 3, reason: '又堆上了' });
    expect(parseMediationCommand('/调解 #M3 重新调解')).toEqual({ type: 'resume', caseId: 3, reason: '' });
  });

  it('reads full-width input and a bare number after a mediation-only word', () => {
    expect(parseMediationCommand('／升级　＃Ｍ３ 楼栋长调不动')).toEqual({ type: 'escalate', caseId: 3, reason: '楼栋长调不动' });
    expect(parseMediationCommand('/升级 #3')).toEqual({ type: 'escalate', caseId: 3, reason: '' });
  });

  it('tells 达成一致 from 未达成一致', () => {
    expect(parseMediationCommand('/结案 #M3 达成一致 周末前清理')).toEqual({ type: 'close', caseId: 3, agreed: true, note: '周末前清理' });
    expect(parseMediationCommand('/结案 #M3 未达成一致 对方不同意')).toEqual({ type: 'close', caseId: 3, agreed: false, note: '对方不同意' });
    expect(parseMediationCommand('/结案 #M3 未达成')).toEqual({ type: 'close', caseId: 3, agreed: false, note: '' });
    expect(parseMediationCommand('/结案 #M3 好了')).toEqual({ type: 'malformed', command: 'close' });
  });

  it('reads the list, a card, help and a missing number', () => {
    expect(parseMediationCommand('/调解 列表')).toEqual({ type: 'list' });
    expect(parseMediationCommand('/调解')).toEqual({ type: 'list' });
    expect(parseMediationCommand('/调解 #M12')).toEqual({ type: 'show', caseId: 12 });
    expect(parseMediationCommand('/帮助 调解')).toEqual({ type: 'help' });
    expect(parseMediationCommand('/升级 原因')).toEqual({ type: 'malformed', command: 'escalate' });
  });

  it('leaves order commands, order numbers and chat alone', () => {
    for (const t of ['接单 #3', '/受理 #3', '/帮助', '#3 是', '调解一下吧', '我是', '#T3 同意']) expect(parseMediationCommand(t)).toBeNull();
  });

  it('reads a complainant answer to the follow-up', () => {
    expect(parseMediationCommand('#M3 是')).toEqual({ type: 'answer', caseId: 3, held: true, note: '' });
    expect(parseMediationCommand('#M3 否,又堆上了')).toEqual({ type: 'answer', caseId: 3, held: false, note: '又堆上了' });
    expect(readFollowUpAnswer('落实了!')).toEqual({ held: true, note: '' });
    expect(readFollowUpAnswer('没有,又堆上了')).toEqual({ held: false, note: '又堆上了' });
    expect(readFollowUpAnswer('今天天气不错')).toBeNull();
    expect(readFollowUpAnswer('没想到')).toBeNull();
  });

  it('reads case numbers only with their M unless the word fixes the kind', () => {
    expect(caseRef('#M3 x', false)).toEqual([3, 'x']);
    expect(caseRef('#3 x', false)).toBeNull();
    expect(caseRef('#3 x', true)).toEqual([3, 'x']);
    expect(caseRef('#M99999999999', true)).toEqual([0, '']);
  });
});
