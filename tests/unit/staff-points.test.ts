import {
  allPointsEntries,
  dutyPoints,
  orderPointsEntries,
  pointsCycle,
  pointsSettled,
  serviceHours,
  standings,
  yearEndRating,
  type DeriveContext,
  type ManualPoints,
  type Member,
} from '../../src/core/points.js';
import { pointsConfigSchema } from '../../src/core/config-staff.js';
import { localClock } from '../../src/core/local-clock.js';
import { staffMessages } from '../../src/messages/staff.js';
import { done, order, HOUR } from '../helpers/orders.js';
import { demoConfig } from '../helpers/fixtures.js';
import { MemoryStore } from '../../src/adapters/store/memory-store.js';
import { StaffData } from '../../src/app/staff-data.js';

const at = (local: string) => Date.parse(`${local}+08:00`);
const clock = localClock('Asia/Shanghai');
const rules = pointsConfigSchema.parse({});
const NOW = at('2026-06-14T20:00:00');
const roster: Member[] = [
  { contactId: 'vol-zhang', type: 'retired' },
  { contactId: 'vol-zheng', type: 'youth' },
  { contactId: 'vol-li', type: 'volunteer' },
  { contactId: 'vol-wu', type: 'volunteer' },
  { contactId: 'pm-gao', type: 'employed' },
];
const members = new Set(roster.map((m) => m.contactId));
const ctx: DeriveContext = { now: NOW, config: demoConfig(), isMember: (id) => members.has(id) };

function history() {
  return [
    // #1 repair by 张, rated 5: duty 2, reward 1, 1 h
    done(1, at('2026-06-08T09:00:00'), 'vol-zhang', 30, 120, 5),
    // #2 benefits by 张, rated 4: duty 3, no reward, 2 h
    done(2, at('2026-06-08T10:00:00'), 'vol-zhang', 30, 120, 4, { category: 'civil_affairs' }),
    // #3 parcel claimed by 郑 and given back: −1
    order(3, at('2026-06-09T09:00:00'), [['accept', 'bot', 0], ['dispatch', 'bot', 0], ['claim', 'vol-zheng', 5], ['abandon', 'vol-zheng', 30, { note: '临时有事' }]], { category: 'parcel' }),
    // #4 bill by 郑, wanted on 06-09 (18:00), finished 06-10: duty 2, overdue −1
    done(4, at('2026-06-09T09:00:00'), 'vol-zheng', 10, 24 * 60, null, { category: 'utility_payment', when: '2026-06-09' }),
    // #5 claimed by 李, given back by staff for him: no deduction for anyone
    order(5, at('2026-06-09T10:00:00'), [['accept', 'bot', 0], ['dispatch', 'bot', 0], ['claim', 'vol-li', 5], ['abandon', 'staff-liu', 30]]),
    // #6 assigned to 吴 by staff, given back by 吴: −1
    order(6, at('2026-06-09T11:00:00'), [['accept', 'bot', 0], ['assign', 'staff-liu', 5, { claimerId: 'vol-wu' }], ['abandon', 'vol-wu', 30]]),
    // #7 parcel held by 李 past claim + 48 h on Sunday evening: overdue −1 at the deadline
    order(7, at('2026-06-12T09:00:00'), [['accept', 'bot', 0], ['dispatch', 'bot', 0], ['claim', 'vol-li', 20]], { category: 'parcel' }),
    // #8 finished by 张 and reopened: nothing
    order(8, at('2026-06-13T09:00:00'), [['accept', 'bot', 0], ['dispatch', 'bot', 0], ['claim', 'vol-zhang', 40], ['resolve', 'vol-zhang', 60], ['report', 'bot', 0], ['reopen', 'staff-liu', 60]]),
  ];
}

const manual: ManualPoints[] = [
  { id: '1', contactId: 'vol-zhang', delta: 5, reason: '暴雨夜巡', by: 'staff-liu', at: at('2026-06-12T18:00:00') },
  { id: '2', contactId: 'vol-zheng', delta: -2, reason: '未按时到岗', by: 'staff-sun', at: at('2026-06-13T18:00:00') },
  { id: '3', contactId: 'vol-zhang', delta: 10, reason: '去年的表彰', by: 'staff-liu', at: at('2025-12-31T12:00:00') },
];

describe('points entries derived from order histories', () => {
  it('gives duty points weighted by category and service hours to the volunteer who finished', () => {
    const [one] = orderPointsEntries(history()[0]!, rules, ctx);
    expect(one).toMatchObject({ contactId: 'vol-zhang', kind: 'duty', reason: 'order_done', delta: 2, hours: 1, orderId: 1 });
    expect(orderPointsEntries(history()[1]!, rules, ctx).map((e) => [e.kind, e.delta, e.hours])).toEqual([['duty', 3, 2]]);
    expect(dutyPoints('civil_affairs', pointsConfigSchema.parse({ duty: { byCategory: { civil_affairs: 5 } } }))).toBe(5);
    expect(serviceHours('medical_escort', rules)).toBe(3);
    expect(serviceHours('home_repair', pointsConfigSchema.parse({ hours: { perOrder: 1.5 } }))).toBe(1.5);
  });

  it('rewards a top rating, at the time it was given', () => {
    const e = orderPointsEntries(history()[0]!, rules, ctx).find((x) => x.kind === 'reward')!;
    expect(e).toMatchObject({ contactId: 'vol-zhang', reason: 'top_rating', delta: 1, rating: 5 });
    expect(e.at).toBe(history()[0]!.history.at(-1)!.at);
  });

  it('deducts for giving an order back, but not when staff give it back for the claimer', () => {
    expect(orderPointsEntries(history()[2]!, rules, ctx).map((e) => [e.contactId, e.reason, e.delta])).toEqual([['vol-zheng', 'abandoned', -1]]);
    expect(orderPointsEntries(history()[4]!, rules, ctx)).toEqual([]);
    expect(orderPointsEntries(history()[5]!, rules, ctx).map((e) => [e.contactId, e.reason])).toEqual([['vol-wu', 'abandoned']]);
  });

  it('deducts for finishing late, and for holding an order past its deadline', () => {
    expect(orderPointsEntries(history()[3]!, rules, ctx).map((e) => [e.reason, e.delta])).toEqual([['order_done', 2], ['overdue', -1]]);
    const held = orderPointsEntries(history()[6]!, rules, ctx);
    expect(held).toEqual([expect.objectContaining({ contactId: 'vol-li', reason: 'overdue', delta: -1, at: at('2026-06-12T09:20:00') + 48 * HOUR })]);
    expect(orderPointsEntries(history()[6]!, rules, { ...ctx, now: at('2026-06-14T09:00:00') })).toEqual([]);
  });

  it('takes back the duty points of a reopened order', () => {
    expect(orderPointsEntries(history()[7]!, rules, ctx)).toEqual([]);
  });

  it('lists manual entries as rewards or deductions by their sign, with the staff member and reason', () => {
    const all = allPointsEntries(history(), manual, rules, ctx);
    expect(all.filter((e) => e.reason === 'manual').map((e) => [e.kind, e.delta, e.by, e.note])).toEqual([
      ['reward', 10, 'staff-liu', '去年的表彰'],
      ['reward', 5, 'staff-liu', '暴雨夜巡'],
      ['deduction', -2, 'staff-sun', '未按时到岗'],
    ]);
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort((a, b) => a - b));
  });
});

describe('standings and the year-end rating', () => {
  const cycle = pointsCycle(NOW, '01-01', clock);
  const entries = allPointsEntries(history(), manual, rules, ctx);

  it('adds base, duty, reward and deductions over the cycle, keeping hours apart', () => {
    const rows = standings(roster, entries, rules, cycle.period);
    const zhang = rows.find((r) => r.contactId === 'vol-zhang')!;
    expect(zhang).toMatchObject({ type: 'retired', base: 50, duty: 5, reward: 6, deduction: 0, total: 61, hours: 3, orders: 2 });
    const zheng = rows.find((r) => r.contactId === 'vol-zheng')!;
    expect(zheng).toMatchObject({ base: 60, duty: 2, reward: 0, deduction: 4, total: 58, hours: 1, orders: 1 });
    expect(rows.find((r) => r.contactId === 'pm-gao')).toMatchObject({ base: 70, total: 70, hours: 0 });
  });

  it('ranks highest first, equal totals sharing a rank', () => {
    const rows = standings(roster, entries, rules, cycle.period);
    expect(rows.map((r) => [r.contactId, r.total, r.rank])).toEqual([
      ['pm-gao', 70, 1],
      ['vol-zhang', 61, 2],
      ['vol-zheng', 58, 3],
      ['vol-li', 49, 4],
      ['vol-wu', 49, 4],
    ]);
  });

  it('rates by score thresholds', () => {
    const r = pointsConfigSchema.parse({ yearEnd: { scores: { excellent: 65, good: 60, fair: 55 } } });
    expect(standings(roster, entries, r, cycle.period).map((x) => x.rating)).toEqual(['excellent', 'good', 'fair', 'poor', 'poor']);
  });

  it('rates by rank: cumulative shares of the ranking', () => {
    const r = pointsConfigSchema.parse({ yearEnd: { by: 'rank' } });
    expect(standings(roster, entries, r, cycle.period).map((x) => x.rating)).toEqual(['excellent', 'good', 'good', 'fair', 'fair']);
    expect(yearEndRating(10, 10, 10, r.yearEnd)).toBe('poor');
  });

  it('keeps to the one-year cycle, from the configured first day', () => {
    expect([cycle.year, cycle.period.firstDay, cycle.period.lastDay]).toEqual([2026, '2026-01-01', '2026-12-31']);
    const july = pointsCycle(NOW, '07-01', clock);
    expect([july.year, july.period.firstDay, july.period.lastDay]).toEqual([2025, '2025-07-01', '2026-06-30']);
    const zhangJuly = standings(roster, entries, rules, july.period).find((r) => r.contactId === 'vol-zhang')!;
    expect(zhangJuly.reward).toBe(16); // last year's entry falls in this cycle
    expect(pointsCycle(NOW, '01-01', clock, -1).period.firstDay).toBe('2025-01-01');
  });

  it('shows a volunteer their own points and the board to staff', () => {
    const rows = standings(roster, entries, rules, cycle.period);
    const zhang = rows.find((r) => r.contactId === 'vol-zhang')!;
    const names = { categoryName: (k: string) => ({ home_repair: '家庭维修', civil_affairs: '民政优扶' })[k] ?? k, nameOf: (i: string) => ({ 'staff-liu': '刘书记' })[i] ?? i };
    const lines = entries
      .filter((e) => e.contactId === 'vol-zhang' && e.at >= cycle.period.from)
      .reverse()
      .map((e) => staffMessages.entryLine(e, clock.date(e.at).slice(5), names));
    expect(staffMessages.myPoints('张师傅', zhang, 2026, lines)).toBe(
      [
        '张师傅(退休党员)2026年度积分 61',
        '基础50 · 履职+5 · 奖励+6 · 扣减0',
        '服务2单 · 时长3小时',
        '最近:',
        '06-12 +5 刘书记:暴雨夜巡',
        '06-08 +3 #2 民政优扶办结',
        '06-08 +1 #1 好评5分',
        '06-08 +2 #1 家庭维修办结',
      ].join('\n'),
    );
    const board = staffMessages.leaderboard(rows, 2026, rules, (i) => i, '06-14');
    expect(board.split('\n')[0]).toBe('2026年度积分榜(截至06-14,5人;优秀≥90 良好≥75 一般≥60)');
    expect(board.split('\n')[1]).toBe('1. pm-gao 70 一般');
    expect(board.split('\n').at(-1)).toBe('优秀0 · 良好0 · 一般2 · 差3');
  });
});

describe('points of settled orders are derived once', () => {
  it('gives the same entries when asked again, and follows an order that changed since', () => {
    const store = new MemoryStore();
    for (const o of history()) store.put('orders', String(o.id), o);
    const data = new StaffData(demoConfig(), store);
    const first = data.pointsEntries(NOW);
    expect(data.pointsEntries(NOW)).toEqual(first);
    expect(first.filter((e) => e.orderId === 8)).toEqual([]);
    // #8 is finished again (a new value): its duty points appear; #1's stay as they were.
    const reopened = history()[7]!;
    const finished = { ...reopened, status: 'resolved' as const, claimerId: 'vol-zhang', history: [...reopened.history, { action: 'resolve' as const, by: 'vol-zhang', at: reopened.history.at(-1)!.at + HOUR, from: 'in_progress' as const, to: 'resolved' as const }] };
    store.put('orders', '8', finished);
    const again = data.pointsEntries(NOW);
    expect(again.filter((e) => e.orderId === 8).map((e) => [e.contactId, e.kind])).toEqual([['vol-zhang', 'duty']]);
    expect(again.filter((e) => e.orderId === 1)).toEqual(first.filter((e) => e.orderId === 1));
  });

  it('calls finished and dropped orders settled, open ones not', () => {
    const h = history();
    expect(pointsSettled(h[0]!)).toBe(true); // finished and rated
    expect(pointsSettled(h[6]!)).toBe(false); // held past its deadline: the deduction depends on now
  });
});
