import { demoConfig } from '../helpers/fixtures.js';
import { rankVolunteers, workload, isAvailable } from '../../src/core/rank-volunteers.js';
import { isQuiet, afterQuiet, nextQuietStart } from '../../src/core/quiet-hours.js';
import { parseDutyCommand, leaveUntilDate } from '../../src/core/duty-commands.js';
import { onDuty } from '../../src/core/duty-roster.js';
import { timeLimits, finishDeadline } from '../../src/core/time-limits.js';
import { gridDigest, daySummary, weekSummary } from '../../src/core/summaries.js';
import type { Order, OrderAction, OrderStatus } from '../../src/core/model.js';

const T = (local: string) => Date.parse(`${local}+08:00`);
const NIGHT = { from: '22:00', to: '07:00' };

function order(id: number, o: Partial<Order> & { steps?: [OrderAction, OrderStatus, string, string?][] }): Order {
  const steps = o.steps ?? [['submit', 'submitted', '2026-06-10T09:00:00']];
  const history = steps.map(([action, to, at, by], i) => ({ action, from: i ? steps[i - 1]![1] : null, to, by: by ?? 'bot', at: T(at) }));
  const { steps: _s, ...rest } = o;
  return {
    id, gridId: 'g1', roomId: 'grid1@chatroom', kind: 'service', category: 'home_repair', text: '', summary: '', residentId: 'r', residentName: 'r',
    address: null, phone: null, when: null, urgent: false, status: steps.at(-1)![1], createdAt: history[0]!.at, updatedAt: history.at(-1)!.at,
    acceptedBy: null, claimerId: null, invitedIds: [], rating: null, ratingNote: null, history, ...rest,
  };
}

describe('quiet hours', () => {
  it('spans midnight: 23:00 and 06:59 are quiet, 07:00 and 21:59 are not', () => {
    expect(isQuiet(T('2026-06-10T23:00:00'), NIGHT)).toBe(true);
    expect(isQuiet(T('2026-06-10T06:59:00'), NIGHT)).toBe(true);
    expect(isQuiet(T('2026-06-10T07:00:00'), NIGHT)).toBe(false);
    expect(isQuiet(T('2026-06-10T21:59:00'), NIGHT)).toBe(false);
    expect(isQuiet(T('2026-06-10T23:00:00'), null)).toBe(false);
  });

  it('moves a quiet moment to the morning, before or after midnight', () => {
    expect(afterQuiet(T('2026-06-10T23:00:00'), NIGHT)).toBe(T('2026-06-11T07:00:00'));
    expect(afterQuiet(T('2026-06-11T03:00:00'), NIGHT)).toBe(T('2026-06-11T07:00:00'));
    expect(afterQuiet(T('2026-06-11T09:00:00'), NIGHT)).toBe(T('2026-06-11T09:00:00'));
  });

  it('handles a span within one day (a midday rest)', () => {
    const noon = { from: '12:00', to: '14:00' };
    expect(isQuiet(T('2026-06-10T13:00:00'), noon)).toBe(true);
    expect(afterQuiet(T('2026-06-10T13:00:00'), noon)).toBe(T('2026-06-10T14:00:00'));
    expect(nextQuietStart(T('2026-06-10T15:00:00'), noon)).toBe(T('2026-06-11T12:00:00'));
  });
});

describe('ranking volunteers for a dispatch call', () => {
  const config = demoConfig();
  const now = T('2026-06-10T09:30:00'); // a Wednesday
  const rank = (orders: Order[] = [], leaves = new Map(), at = now, limit = 3, o: Pick<Order, 'gridId' | 'category'> = { gridId: 'g1', category: 'home_repair' }) =>
    rankVolunteers(o, { volunteers: config.volunteers, orders, leaves, now: at }, limit);

  it('takes the grid\'s volunteers with the skill, in the config\'s order when all else is equal', () => {
    expect(rank()).toEqual(['vol-zhang', 'vol-li']);
    expect(rank([], new Map(), now, 3, { gridId: 'g2', category: 'home_repair' })).toEqual(['vol-li', 'vol-feng']);
    expect(rank([], new Map(), now, 3, { gridId: null, category: 'home_repair' })).toEqual([]);
  });

  it('puts the least recently given work first', () => {
    const earlier = order(1, { claimerId: 'vol-li', status: 'followed_up', steps: [['submit', 'submitted', '2026-06-09T08:00:00'], ['claim', 'claimed', '2026-06-09T08:05:00', 'vol-li'], ['rate', 'followed_up', '2026-06-09T12:00:00']] });
    const later = order(2, { claimerId: 'vol-zhang', status: 'followed_up', steps: [['submit', 'submitted', '2026-06-09T10:00:00'], ['claim', 'claimed', '2026-06-09T10:05:00', 'vol-zhang'], ['rate', 'followed_up', '2026-06-09T12:00:00']] });
    expect(rank([earlier, later])).toEqual(['vol-li', 'vol-zhang']);
    expect(rank([later])).toEqual(['vol-li', 'vol-zhang']); // never given work comes first
  });

  it('credits an assignment to the volunteer it went to', () => {
    const assigned = order(1, { claimerId: 'vol-zhang', steps: [['submit', 'submitted', '2026-06-10T08:00:00'], ['assign', 'claimed', '2026-06-10T08:05:00', 'staff-liu']] });
    expect(workload([assigned]).lastGiven.get('vol-zhang')).toBe(T('2026-06-10T08:05:00'));
    expect(workload([assigned]).lastGiven.has('staff-liu')).toBe(false);
  });

  it('leaves out volunteers at capacity', () => {
    const held = [1, 2, 3].map((id) => order(id, { claimerId: 'vol-zhang', steps: [['submit', 'submitted', '2026-06-10T08:00:00'], ['claim', 'claimed', '2026-06-10T08:00:00', 'vol-zhang']] }));
    expect(workload(held).open.get('vol-zhang')).toBe(3);
    expect(rank(held)).toEqual(['vol-li']);
  });

  it('leaves out volunteers on leave, and takes them back when it ends', () => {
    const leaves = new Map([['vol-zhang', { from: T('2026-06-10T08:00:00'), until: T('2026-06-12T00:00:00') }]]);
    expect(rank([], leaves)).toEqual(['vol-li']);
    expect(rank([], leaves, T('2026-06-12T00:00:00'))).toEqual(['vol-zhang', 'vol-li']);
  });

  it('respects the days and hours a volunteer serves', () => {
    const han = config.volunteers.find((v) => v.id === 'vol-han')!; // 17:00–21:00
    expect(isAvailable(han, undefined, T('2026-06-10T09:30:00'))).toBe(false);
    expect(isAvailable(han, undefined, T('2026-06-10T18:00:00'))).toBe(true);
    const weekdaysOnly = { ...han, availableHours: null, availableDays: [1, 2, 3, 4, 5] };
    expect(isAvailable(weekdaysOnly, undefined, T('2026-06-13T10:00:00'))).toBe(false); // Saturday
  });

  it('mentions at most the configured number, and none when it is 0', () => {
    expect(rank([], new Map(), now, 1)).toEqual(['vol-zhang']);
    expect(rank([], new Map(), now, 0)).toEqual([]);
  });
});

describe('time limits', () => {
  const config = demoConfig();

  it('reads per-category overrides over the defaults', () => {
    expect(timeLimits(config, 'home_repair', false)).toEqual({ claimMs: 120 * 60_000, finishMs: 2880 * 60_000, stepMs: 120 * 60_000 });
    expect(timeLimits(config, 'home_repair', true).claimMs).toBe(15 * 60_000);
    expect(timeLimits(config, 'medical_escort', false).claimMs).toBe(60 * 60_000);
    expect(timeLimits(config, 'medical_escort', true).claimMs).toBe(15 * 60_000);
    expect(timeLimits(config, 'utility_payment', false).finishMs).toBe(4320 * 60_000);
  });

  it('takes a fixed step time when configured', () => {
    const c = demoConfig((r) => { (r.dispatch as { escalation: { stepMinutes: number } }).escalation.stepMinutes = 30; });
    expect(timeLimits(c, 'home_repair', false).stepMs).toBe(30 * 60_000);
  });

  it('sets the deadline at the wanted time, unless it passed before the claim', () => {
    const claimed = T('2026-06-10T09:30:00');
    expect(finishDeadline({ when: '2026-06-10T15:00', category: 'home_repair', urgent: false }, claimed, config)).toBe(T('2026-06-10T15:00:00'));
    expect(finishDeadline({ when: '2026-06-10T08:00', category: 'home_repair', urgent: false }, claimed, config)).toBe(T('2026-06-12T09:30:00'));
  });
});

describe('duty and leave commands', () => {
  it.each([
    ['请假 3天', { type: 'leave', fromDay: 0, lastDay: 2 }],
    ['请假3天', { type: 'leave', fromDay: 0, lastDay: 2 }],
    ['请假 三天', { type: 'leave', fromDay: 0, lastDay: 2 }],
    ['请假十五天', { type: 'leave', fromDay: 0, lastDay: 14 }],
    ['请假 一周', { type: 'leave', fromDay: 0, lastDay: 6 }],
    ['请假两个星期', { type: 'leave', fromDay: 0, lastDay: 13 }],
    ['请假', { type: 'leave', fromDay: 0, lastDay: 0 }],
    ['请假 明天', { type: 'leave', fromDay: 1, lastDay: 1 }],
    ['请假到6月12日', { type: 'leave_until', month: 6, day: 12 }],
    ['请假 至 6/12', { type: 'leave_until', month: 6, day: 12 }],
    ['请假 100天', { type: 'leave_unclear' }],
    ['请假条在哪领', { type: 'leave_unclear' }],
    ['销假', { type: 'back' }],
    ['今天谁值班?', { type: 'who', day: 'today' }],
    ['谁值班', { type: 'who', day: 'today' }],
    ['明天谁值班', { type: 'who', day: 'tomorrow' }],
    ['值班表', { type: 'who', day: 'week' }],
  ])('reads %s', (text, cmd) => {
    expect(parseDutyCommand(text)).toEqual(cmd);
  });

  it('leaves everything else alone', () => {
    for (const t of ['3号楼2单元501厨房水管漏了', '今天谁在家', '接单 #12', '', '值班辛苦了']) expect(parseDutyCommand(t)).toBeNull();
  });

  it('works out the year of an end date, and refuses dates that do not exist or lie too far', () => {
    expect(leaveUntilDate(6, 12, '2026-06-10')).toBe('2026-06-12');
    expect(leaveUntilDate(1, 5, '2026-12-20')).toBe('2027-01-05');
    expect(leaveUntilDate(2, 30, '2026-01-10')).toBeNull();
    expect(leaveUntilDate(6, 1, '2026-06-10')).toBeNull(); // next June is beyond 90 days
  });
});

describe('the duty roster (轮流坐班)', () => {
  const config = demoConfig();

  it('turns one place a day from the start date, and round again', () => {
    const who = (date: string) => onDuty(config, 'g1', date, new Map())?.id;
    expect(['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12', '2026-06-07'].map(who)).toEqual(['staff-liu', 'staff-sun', 'staff-he', 'chief-zhao', 'staff-liu', 'chief-zhao']);
  });

  it('publishes the roster\'s phone, else the person\'s configured one', () => {
    expect(onDuty(config, 'g1', '2026-06-08', new Map())!.phone).toBe('13900000001');
    expect(onDuty(config, 'g1', '2026-06-11', new Map())!.phone).toBe('13800000010');
  });

  it('passes over someone on leave that day, saying whom the next one stands in for', () => {
    const leaves = new Map([['staff-liu', { from: T('2026-06-07T15:00:00'), until: T('2026-06-09T00:00:00') }]]);
    expect(onDuty(config, 'g1', '2026-06-08', leaves)).toEqual({ id: 'staff-sun', phone: '13900000002', standsInFor: 'staff-liu' });
  });

  it('uses a grid\'s own roster where it has one', () => {
    const c = demoConfig((r) => { (r.schedule as { duty: { byGrid: unknown } }).duty.byGrid = { g2: ['wk-wang'] }; });
    expect(onDuty(c, 'g2', '2026-06-08', new Map())).toEqual({ id: 'wk-wang', phone: '13800000012', standsInFor: null });
    expect(onDuty(c, 'g1', '2026-06-08', new Map())!.id).toBe('staff-liu');
  });

  it('has nobody when the roster is empty', () => {
    const c = demoConfig((r) => { (r.schedule as { duty: { roster: unknown[] } }).duty.roster = []; });
    expect(onDuty(c, 'g1', '2026-06-08', new Map())).toBeNull();
  });
});

describe('the figures of the scheduled posts', () => {
  const config = demoConfig();
  const waiting = order(12, { steps: [['submit', 'submitted', '2026-06-10T07:00:00'], ['accept', 'accepted', '2026-06-10T07:00:00'], ['dispatch', 'dispatched', '2026-06-10T07:00:00']] });
  const dueToday = order(9, { claimerId: 'vol-zhang', when: '2026-06-10T15:00', steps: [['submit', 'submitted', '2026-06-09T07:00:00'], ['claim', 'claimed', '2026-06-09T08:00:00', 'vol-zhang']] });
  const late = order(8, { claimerId: 'vol-li', steps: [['submit', 'submitted', '2026-06-07T07:00:00'], ['claim', 'claimed', '2026-06-07T08:00:00', 'vol-li']] });
  const done = order(5, { claimerId: 'vol-li', rating: 4, steps: [['submit', 'submitted', '2026-06-10T07:00:00'], ['claim', 'claimed', '2026-06-10T07:10:00', 'vol-li'], ['resolve', 'resolved', '2026-06-10T09:00:00', 'vol-li'], ['report', 'reported', '2026-06-10T09:00:00'], ['rate', 'followed_up', '2026-06-10T10:00:00', 'r']] });
  const other = order(6, { gridId: 'g2', steps: [['submit', 'submitted', '2026-06-10T07:00:00'], ['accept', 'accepted', '2026-06-10T07:00:00'], ['dispatch', 'dispatched', '2026-06-10T07:00:00']] });
  const all = [waiting, dueToday, late, done, other];

  it('digests a grid: waiting, in progress, due today, overdue', () => {
    expect(gridDigest(all, 'g1', T('2026-06-10T08:00:00'), config)).toEqual({ waiting: [12], inProgress: 2, dueToday: [9], overdue: [8] });
  });

  it('sums up a day', () => {
    const sent = new Map([['esc:12:4', { at: T('2026-06-10T15:00:00'), dueAt: T('2026-06-10T15:00:00') }]]);
    expect(daySummary(all, '2026-06-10', T('2026-06-10T18:00:00'), config, (k) => sent.get(k))).toEqual({
      created: 3, claimed: 1, resolved: 1, rated: 1, averageRating: 4, waiting: [6, 12], overdue: [8, 9], escalated: [12],
    });
  });

  it('sums up a week by grid, team and volunteer', () => {
    const w = weekSummary(all, '2026-06-08', '2026-06-14', config);
    expect(w).toMatchObject({ created: 4, resolved: 1, rated: 1, averageRating: 4, stillOpen: 4, byTeam: [{ team: '雷锋志愿服务队', resolved: 1 }], top: [{ id: 'vol-li', resolved: 1 }] });
    expect(w.byGrid).toEqual([{ gridId: 'g1', created: 3, resolved: 1 }, { gridId: 'g2', created: 1, resolved: 0 }, { gridId: 'g3', created: 0, resolved: 0 }]);
  });
});
