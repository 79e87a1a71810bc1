import { parseStaffCommand } from '../../src/core/staff-commands.js';
import { parseCommand } from '../../src/core/commands.js';

describe('the staff tools\' commands', () => {
  it('reads /导出 and /统计 with or without a period', () => {
    expect(parseStaffCommand('/导出 本月')).toEqual({ type: 'export', period: '本月' });
    expect(parseStaffCommand('/导出')).toEqual({ type: 'export', period: '' });
    expect(parseStaffCommand('／统计 本周')).toEqual({ type: 'stats', period: '本周' });
    expect(parseStaffCommand('/统计2026-06-01 2026-06-30')).toEqual({ type: 'stats', period: '2026-06-01 2026-06-30' });
    expect(parseStaffCommand('/台账 上月')).toEqual({ type: 'export', period: '上月' });
  });

  it('reads /加分 and /扣分 with a mention, an amount and a reason', () => {
    expect(parseStaffCommand('/加分 @张师傅 5 暴雨夜巡')).toEqual({ type: 'adjust', name: '张师傅', delta: 5, reason: '暴雨夜巡' });
    expect(parseStaffCommand('/加分 @张师傅\u20055分 暴雨夜巡 辛苦了')).toEqual({ type: 'adjust', name: '张师傅', delta: 5, reason: '暴雨夜巡 辛苦了' });
    expect(parseStaffCommand('/扣分 郑小伟 2 未按时到岗')).toEqual({ type: 'adjust', name: '郑小伟', delta: -2, reason: '未按时到岗' });
    expect(parseStaffCommand('/加分 @张师傅 +1.5 帮忙值班')).toEqual({ type: 'adjust', name: '张师傅', delta: 1.5, reason: '帮忙值班' });
  });

  it('asks for the format when the amount or the reason is missing or bad', () => {
    expect(parseStaffCommand('/加分 @张师傅 5')).toEqual({ type: 'malformed', command: 'addPoints' });
    expect(parseStaffCommand('/加分 @张师傅 五 原因')).toEqual({ type: 'malformed', command: 'addPoints' });
    expect(parseStaffCommand('/扣分 @郑小伟 -2 原因')).toEqual({ type: 'malformed', command: 'deductPoints' });
    expect(parseStaffCommand('/扣分 @郑小伟 0 原因')).toEqual({ type: 'malformed', command: 'deductPoints' });
    expect(parseStaffCommand('/加分')).toEqual({ type: 'malformed', command: 'addPoints' });
  });

  it('tells 积分 from /积分榜 and reads a cycle', () => {
    expect(parseStaffCommand('积分')).toEqual({ type: 'points' });
    expect(parseStaffCommand('我的积分')).toEqual({ type: 'points' });
    expect(parseStaffCommand('/积分')).toEqual({ type: 'points' });
    expect(parseStaffCommand('/积分榜')).toEqual({ type: 'leaderboard', cycle: '' });
    expect(parseStaffCommand('/积分榜 2025')).toEqual({ type: 'leaderboard', cycle: '2025' });
  });

  it('reads /回访 as the list, or a second follow-up with its note', () => {
    expect(parseStaffCommand('/回访')).toEqual({ type: 'followUpList' });
    expect(parseStaffCommand('/回访 #12 已上门致歉')).toEqual({ type: 'followUp', orderId: 12, note: '已上门致歉' });
    expect(parseStaffCommand('/回访 #12')).toEqual({ type: 'malformed', command: 'followUp' });
  });

  it('leaves chat and the order commands alone', () => {
    for (const t of ['积分怎么算的', '我想问问积分', '统计一下', '接单 #12', '/受理 #12', '/待办', '5']) expect(parseStaffCommand(t)).toBeNull();
    // and the order grammar still knows nothing of them: the feature answers first
    expect(parseCommand('/导出 本月')).toEqual({ type: 'unknown', word: '导出' });
  });
});
