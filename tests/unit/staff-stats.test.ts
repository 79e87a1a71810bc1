import { computeStats, median, serviceGroupOf, type StatsInput } from '../../src/core/stats.js';
import { escalatedIds, finishedAt, isOverdue, needsSecondFollowUp, orderDeadline } from '../../src/core/order-facts.js';
import { namedPeriod } from '../../src/core/period.js';
import { staffMessages } from '../../src/messages/staff.js';
import { demoConfig } from '../helpers/fixtures.js';
import { done, order, waiting, HOUR, MIN } from '../helpers/orders.js';

const TZ = 'Asia/Shanghai';
const at = (local: string) => Date.parse(`${local}+08:00`);
/** Sunday evening of the week 06-08 … 06-14. */
const NOW = at('2026-06-14T20:00:00');
const WEEK = namedPeriod('thisWeek', NOW, TZ);
const config = demoConfig();
const groups = new Map(config.catalogue.map((e) => [e.key, serviceGroupOf(e)]));

/** A week of hand-made orders (see each line). */
function week() {
  return [
    // #1 repair, claimed after 30 min, finished 2 h later, rated 5
    done(1, at('2026-06-08T09:00:00'), 'vol-zhang', 30, 120, 5),
    // #2 electricity bill (payment), claimed after 10 min, finished 50 min later, rated 2
    done(2, at('2026-06-08T10:00:00'), 'vol-zheng', 10, 50, 2, { category: 'utility_payment' }),
    // #3 benefits (livelihood) in g2, never claimed, past request + 2 h + 48 h; escalated by the schedule
    waiting(3, at('2026-06-09T08:00:00'), { category: 'civil_affairs', gridId: 'g2' }),
    // #4 moving (production) in g2, wanted on 06-09 (18:00), finished on 06-10: overdue; rated 4
    done(4, at('2026-06-09T09:00:00'), 'vol-li', 60, 26 * 60, 4, { category: 'moving_help', gridId: 'g2', when: '2026-06-09' }),
    // #5 rejected
    order(5, at('2026-06-10T08:00:00'), [['reject', 'staff-liu', 5, { note: '已由物业处理' }]]),
    // #6 from the week before, still claimed: backlog only
    order(6, at('2026-06-01T09:00:00'), [['accept', 'bot', 0], ['dispatch', 'bot', 0], ['claim', 'vol-jiang', 15]], { gridId: 'g3' }),
    // #7 parcel claimed after 20 min and still held on Sunday evening: past claim + 48 h
    order(7, at('2026-06-11T09:00:00'), [['accept', 'bot', 0], ['dispatch', 'bot', 0], ['claim', 'vol-zheng', 20]], { category: 'parcel' }),
    // #8 finished, then reopened: not finished, not credited
    order(8, at('2026-06-13T09:00:00'), [
      ['accept', 'bot', 0], ['dispatch', 'bot', 0], ['claim', 'vol-zhang', 40], ['resolve', 'vol-zhang', 60], ['report', 'bot', 0], ['reopen', 'staff-liu', 60, { note: '又漏了' }],
    ]),
  ];
}

function input(over: Partial<StatsInput> = {}): StatsInput {
  return {
    orders: week(),
    period: WEEK,
    now: NOW,
    config,
    groupOf: (k) => groups.get(k)!,
    escalated: escalatedIds(['esc:3:1', 'digest:g1:2026-06-09']),
    followUps: new Map(),
    ...over,
  };
}

describe('statistics over a period', () => {
  it('counts the orders created in the period: finished, open and dropped', () => {
    const s = computeStats(input());
    expect([s.created, s.finished, s.open, s.dropped]).toEqual([7, 3, 3, 1]);
  });

  it('counts by the four service groups, grid and category', () => {
    const s = computeStats(input());
    expect(s.byGroup).toEqual({ livelihood: 1, daily_life: 4, production: 1, payment: 1 });
    expect(s.byGrid.map((g) => [g.gridId, g.count, g.rating.average])).toEqual([['g1', 5, 3.5], ['g2', 2, 4]]);
    expect(s.byCategory[0]).toEqual({ category: 'home_repair', count: 3 });
    expect(s.byCategory).toHaveLength(5);
  });

  it('credits finished orders to their volunteers, with their average rating', () => {
    const s = computeStats(input());
    expect(s.byVolunteer.map((v) => [v.contactId, v.finished, v.rating.average])).toEqual([
      ['vol-zhang', 1, 5],
      ['vol-li', 1, 4],
      ['vol-zheng', 1, 2],
    ]);
  });

  it('takes the median time to claim and to finish', () => {
    const s = computeStats(input());
    expect(s.medianClaimMs).toBe(30 * MIN); // 10, 20, 30, 40, 60
    expect(s.medianFinishMs).toBe(150 * MIN); // 60, 150, 1620
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('shares overdue among orders that expected work, escalated among all', () => {
    const s = computeStats(input());
    expect([s.overdue, s.expectedWork]).toEqual([3, 6]); // #3, #4, #7
    expect(s.escalated).toBe(1);
    expect(computeStats(input({ escalated: escalatedIds([]) })).escalated).toBe(0);
  });

  it('averages the ratings and counts the backlog and second follow-ups over all orders', () => {
    const s = computeStats(input());
    expect(s.rating.count).toBe(3);
    expect(s.rating.average).toBeCloseTo(11 / 3);
    expect(s.backlog).toBe(4); // #3, #6, #7, #8
    expect(s.awaitingSecondFollowUp).toBe(1); // #2
    const followed = computeStats(input({ followUps: new Map([[2, { orderId: 2, by: 'staff-liu', at: NOW, note: '已致歉' }]]) }));
    expect(followed.awaitingSecondFollowUp).toBe(0);
  });

  it('reports an empty period as such', () => {
    const s = computeStats(input({ period: namedPeriod('lastMonth', NOW, TZ) }));
    expect(s.created).toBe(0);
    expect(s.medianClaimMs).toBeNull();
    expect(s.rating.average).toBeNull();
    expect(staffMessages.stats(s, namedPeriod('lastMonth', NOW, TZ), { gridName: (g) => g ?? '', categoryName: (k) => k, nameOf: (i) => i })).toBe(
      '上月(05-01—05-31)统计:没有新工单。\n待办4件 · 待二次回访1件',
    );
  });

  it('fits the week on a phone screen', () => {
    const s = computeStats(input());
    const dir = { gridName: (g: string | null) => ({ g1: '一网格', g2: '二网格' })[g ?? ''] ?? '未分网格', categoryName: (k: string) => config.catalogue.find((c) => c.key === k)!.name, nameOf: (i: string) => config.volunteers.find((v) => v.id === i)?.name ?? i };
    const text = staffMessages.stats(s, WEEK, dir);
    expect(text).toBe(
      [
        '本周(06-08—06-14)统计',
        '新单7:办结3 · 在办3 · 驳回/取消/关闭1',
        '民生1 · 生活4 · 生产1 · 缴费1',
        '网格:一网格5 · 二网格2',
        '类别:家庭维修3 · 民政优扶1 · 搬运帮忙1 · 等2类',
        '志愿者:张师傅1单5分 · 李师傅1单4分 · 郑小伟1单2分',
        '接单中位30分钟 · 办结中位2.5小时',
        '超时3件(50%) · 升级1件(14%)',
        '评分3.7(3条):一网格3.5 · 二网格4',
        '待办4件 · 待二次回访1件',
      ].join('\n'),
    );
    expect(text.split('\n').length).toBeLessThanOrEqual(10);
  });
});

describe('facts read from an order\'s history', () => {
  it('reckons deadlines as the schedule does', () => {
    const claimed = (id: number, o: Parameters<typeof order>[3]) => order(id, at('2026-06-09T09:00:00'), [['accept', 'bot', 0], ['dispatch', 'bot', 0], ['claim', 'vol-zhang', 30]], o);
    // claimed before the wanted time: the wanted time; a date alone counts as schedule.endOfDay
    expect(orderDeadline(claimed(1, { when: '2026-06-09T15:00' }), config)).toBe(at('2026-06-09T15:00:00'));
    expect(orderDeadline(claimed(2, { when: '2026-06-09' }), config)).toBe(at('2026-06-09T18:00:00'));
    // no wanted time, or one already past at the claim: claim + time to finish (48 h; bills 72 h in the demo)
    expect(orderDeadline(claimed(3, {}), config)).toBe(at('2026-06-09T09:30:00') + 48 * HOUR);
    expect(orderDeadline(claimed(4, { when: '2026-06-09T09:10' }), config)).toBe(at('2026-06-09T09:30:00') + 48 * HOUR);
    expect(orderDeadline(claimed(5, { category: 'utility_payment' }), config)).toBe(at('2026-06-09T09:30:00') + 72 * HOUR);
    // never claimed: the wanted time, else request + time to claim + time to finish
    expect(orderDeadline(waiting(6, at('2026-06-09T09:00:00'), { when: '2026-06-10' }), config)).toBe(at('2026-06-10T18:00:00'));
    expect(orderDeadline(waiting(7, at('2026-06-09T09:00:00')), config)).toBe(at('2026-06-09T09:00:00') + 50 * HOUR);
  });

  it('never counts rejected or cancelled orders as overdue', () => {
    const rejected = order(1, at('2026-06-01T09:00:00'), [['reject', 'staff-liu', 5, { note: '重复' }]]);
    expect(isOverdue(rejected, NOW, config)).toBe(false);
  });

  it('forgets a finish undone by a reopen', () => {
    const o = week().find((x) => x.id === 8)!;
    expect(finishedAt(o)).toBeNull();
  });

  it('asks for a second follow-up again when a reopened order is rated low again', () => {
    const o = done(1, at('2026-06-08T09:00:00'), 'vol-zhang', 30, 120, 1);
    const rateAt = o.history.at(-1)!.at;
    expect(needsSecondFollowUp(o, undefined)).toBe(true);
    expect(needsSecondFollowUp(o, { orderId: 1, by: 'staff-liu', at: rateAt + 1, note: '' })).toBe(false);
    expect(needsSecondFollowUp(o, { orderId: 1, by: 'staff-liu', at: rateAt - 1, note: '' })).toBe(true);
    expect(needsSecondFollowUp(done(2, at('2026-06-08T09:00:00'), 'vol-zhang', 30, 120, 3), undefined)).toBe(false);
  });

  it('reads escalation keys defensively', () => {
    expect([...escalatedIds(['esc:12:1', 'esc:12:2', 'esc:x:1', 'esc:7:staff', 'remind:3'])]).toEqual([12, 7]);
  });

  it('maps categories to the report\'s groups, with the catalogue\'s own group first', () => {
    expect(serviceGroupOf({ key: 'utility_payment', kind: 'proxy' })).toBe('payment');
    expect(serviceGroupOf({ key: 'civil_affairs', kind: 'proxy' })).toBe('livelihood');
    expect(serviceGroupOf({ key: 'parcel', kind: 'proxy', group: 'production' })).toBe('production');
    expect(serviceGroupOf({ key: 'tutoring', kind: 'service' })).toBe('daily_life');
    expect(serviceGroupOf({ key: 'land_lease', kind: 'proxy' })).toBe('livelihood');
  });
});
