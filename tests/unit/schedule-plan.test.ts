import { demoConfig } from '../helpers/fixtures.js';
import { planDue, nextDueAt, jobKey, type ScheduleState, type SentRecord, type HeldRef, type PlannedJob } from '../../src/core/plan-due.js';
import type { Order, OrderAction, OrderStatus, Transition } from '../../src/core/model.js';
import type { AppConfig } from '../../src/core/config-schema.js';

const T = (local: string) => Date.parse(`${local}+08:00`);

/** An order that went through `steps` (action, status after, time). */
function order(id: number, steps: [OrderAction, OrderStatus, string][], patch: Partial<Order> = {}): Order {
  const history: Transition[] = steps.map(([action, to, at], i) => ({ action, from: i ? steps[i - 1]![1] : null, to, by: action === 'claim' ? 'vol-zhang' : 'bot', at: T(at) }));
  const last = steps.at(-1)!;
  return {
    id, gridId: 'g1', roomId: 'grid1@chatroom', kind: 'service', category: 'home_repair', text: '厨房水管漏了', summary: '厨房水管漏了',
    residentId: 'res-wang', residentName: '王阿姨', address: { building: '3', unit: '2', room: '501' }, phone: '13812345678',
    when: null, urgent: false, status: last[1], createdAt: T(steps[0]![2]), updatedAt: T(last[2]),
    acceptedBy: 'bot', claimerId: steps.some(([a]) => a === 'claim') && !['dispatched'].includes(last[1]) ? 'vol-zhang' : null,
    invitedIds: [], rating: null, ratingNote: null, history, ...patch,
  };
}

const dispatchedAt = (id: number, at: string, patch: Partial<Order> = {}) =>
  order(id, [['submit', 'submitted', at], ['accept', 'accepted', at], ['dispatch', 'dispatched', at]], patch);

/** A little world: orders, a sent record the test fills as the app would, held posts. */
function world(orders: Order[], config: AppConfig = demoConfig(), since = T('2026-06-01T00:00:00')) {
  const sent = new Map<string, SentRecord>();
  const held: HeldRef[] = [];
  const state: ScheduleState = { orders, sent: (k) => sent.get(k), held, since };
  /** What goes out at `now`; recorded as sent at `now`, as the schedule feature does. */
  const run = (now: number): PlannedJob[] => {
    const due = planDue(state, config, now);
    for (const j of due) {
      if (j.kind !== 'release') sent.set(j.key, { at: now, dueAt: j.dueAt });
      for (const k of j.supersedes) sent.set(k, { at: now, dueAt: j.dueAt, skipped: true });
    }
    return due;
  };
  /** Lives through time as a running bot: from due moment to due moment up to `until`. */
  const liveUntil = (from: number, until: number) => {
    const out: { at: number; job: PlannedJob }[] = [];
    let now = from;
    for (const j of run(now)) out.push({ at: now, job: j });
    for (;;) {
      const next = nextDueAt(state, config, now);
      if (next === null || next > until) break;
      now = next;
      for (const j of run(now)) out.push({ at: now, job: j });
    }
    return out;
  };
  return { state, sent, held, run, liveUntil, config };
}

const onlyOrders = (xs: { at: number; job: PlannedJob }[]) => xs.filter((x) => 'orderId' in x.job && x.job.kind !== 'release');
const stamp = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(11, 16);
const noPosts = (c: AppConfig) => ({ ...c, schedule: { ...c.schedule, morningDigest: { ...c.schedule.morningDigest, enabled: false }, eveningSummary: { ...c.schedule.eveningSummary, enabled: false }, weeklySummary: { ...c.schedule.weeklySummary, enabled: false } } });

describe('the escalation ladder for an unclaimed order', () => {
  it('climbs group → grid worker → grid chief → staff room, two hours apart: 09:30 reaches the staff room at 17:30', () => {
    const w = world([dispatchedAt(12, '2026-06-10T09:30:00')], noPosts(demoConfig()));
    const steps = onlyOrders(w.liveUntil(T('2026-06-10T09:30:00'), T('2026-06-11T09:30:00')));
    expect(steps.map((s) => [stamp(s.at), s.job.kind === 'escalate' && s.job.step, s.job.key])).toEqual([
      ['11:30', 'group', 'esc:12:1'],
      ['13:30', 'worker', 'esc:12:2'],
      ['15:30', 'chief', 'esc:12:3'],
      ['17:30', 'staff', 'esc:12:4'],
    ]);
  });

  it('posts each step once, however often it is asked', () => {
    const w = world([dispatchedAt(12, '2026-06-10T09:30:00')], noPosts(demoConfig()));
    expect(w.run(T('2026-06-10T11:30:00')).map((j) => j.key)).toEqual(['esc:12:1']);
    expect(w.run(T('2026-06-10T11:30:00'))).toEqual([]);
    expect(w.run(T('2026-06-10T11:31:00'))).toEqual([]);
    expect(w.run(T('2026-06-10T13:29:00'))).toEqual([]);
    expect(w.run(T('2026-06-10T13:30:00')).map((j) => j.key)).toEqual(['esc:12:2']);
  });

  it('stops once the order is claimed', () => {
    const o = dispatchedAt(12, '2026-06-10T09:30:00');
    const w = world([o], noPosts(demoConfig()));
    w.run(T('2026-06-10T11:30:00'));
    const claimed = order(12, [['submit', 'submitted', '2026-06-10T09:30:00'], ['accept', 'accepted', '2026-06-10T09:30:00'], ['dispatch', 'dispatched', '2026-06-10T09:30:00'], ['claim', 'claimed', '2026-06-10T12:00:00']]);
    w.state.orders = [claimed];
    expect(w.run(T('2026-06-10T13:30:00'))).toEqual([]);
    expect(nextDueAt(w.state, w.config, T('2026-06-10T13:30:00'))).toBe(T('2026-06-12T12:00:00')); // its time to finish
  });

  it('uses 15 minutes for an urgent order, and quiet hours do not hold it', () => {
    const w = world([dispatchedAt(3, '2026-06-09T23:10:00', { urgent: true })], noPosts(demoConfig()));
    const steps = onlyOrders(w.liveUntil(T('2026-06-09T23:10:00'), T('2026-06-10T01:00:00')));
    expect(steps.map((s) => stamp(s.at))).toEqual(['23:25', '23:40', '23:55', '00:10']);
  });

  it('holds a normal order\'s step due at night until 07:00 and counts the next step from then', () => {
    const w = world([dispatchedAt(1, '2026-06-09T21:30:00')], noPosts(demoConfig()));
    const steps = onlyOrders(w.liveUntil(T('2026-06-09T21:30:00'), T('2026-06-10T18:00:00')));
    expect(steps.map((s) => [stamp(s.at), s.job.key])).toEqual([
      ['07:00', 'esc:1:1'],
      ['09:00', 'esc:1:2'],
      ['11:00', 'esc:1:3'],
      ['13:00', 'esc:1:4'],
    ]);
  });

  it('skips a step with nobody to take it (a grid without a chief)', () => {
    const config = noPosts(demoConfig((r) => { (r.grids as { chiefId: string | null }[])[0]!.chiefId = null; }));
    const w = world([dispatchedAt(12, '2026-06-10T09:30:00')], config);
    const steps = onlyOrders(w.liveUntil(T('2026-06-10T09:30:00'), T('2026-06-11T00:00:00')));
    expect(steps.map((s) => [stamp(s.at), s.job.key])).toEqual([['11:30', 'esc:12:1'], ['13:30', 'esc:12:2'], ['15:30', 'esc:12:4']]);
  });

  it('after the bot was down, sends the one step that fell due on start and the next one a step later', () => {
    const w = world([dispatchedAt(12, '2026-06-10T09:30:00')], noPosts(demoConfig()));
    w.run(T('2026-06-10T09:30:00'));
    // down from 10:00 to 16:00
    expect(w.run(T('2026-06-10T16:00:00')).map((j) => j.key)).toEqual(['esc:12:1']);
    expect(nextDueAt(w.state, w.config, T('2026-06-10T16:00:00'))).toBe(T('2026-06-10T18:00:00'));
  });

  it('counts a step sent a minute late (a cron tick) as on time', () => {
    const w = world([dispatchedAt(12, '2026-06-10T09:30:17')], noPosts(demoConfig()));
    w.run(T('2026-06-10T11:31:00'));
    expect(nextDueAt(w.state, w.config, T('2026-06-10T11:31:00'))).toBe(T('2026-06-10T13:30:17'));
  });

  it('starts a new ladder when the order goes back to the pool (keys carry the round)', () => {
    const o = order(5, [
      ['submit', 'submitted', '2026-06-10T09:00:00'], ['accept', 'accepted', '2026-06-10T09:00:00'], ['dispatch', 'dispatched', '2026-06-10T09:00:00'],
      ['claim', 'claimed', '2026-06-10T09:10:00'], ['abandon', 'dispatched', '2026-06-10T10:00:00'],
    ]);
    const w = world([o], noPosts(demoConfig()));
    w.sent.set('esc:5:1', { at: T('2026-06-10T11:00:00'), dueAt: T('2026-06-10T11:00:00') });
    expect(w.run(T('2026-06-10T12:00:00')).map((j) => j.key)).toEqual(['esc:5:1@2']);
  });

  it('reminds the staff room once about an order waiting for 受理, after the time to claim', () => {
    const o = order(7, [['submit', 'submitted', '2026-06-10T09:30:00']], { category: 'civil_affairs', kind: 'proxy' });
    const w = world([o], noPosts(demoConfig()));
    expect(w.run(T('2026-06-10T11:29:00'))).toEqual([]);
    expect(w.run(T('2026-06-10T11:30:00')).map((j) => [j.kind, j.key])).toEqual([['acceptance', 'acc:7']]);
    expect(nextDueAt(w.state, w.config, T('2026-06-10T11:30:00'))).toBeNull();
  });
});

describe('overdue after a claim', () => {
  const claimedAt = (when: string | null, at = '2026-06-10T09:30:00') =>
    order(9, [['submit', 'submitted', at], ['accept', 'accepted', at], ['dispatch', 'dispatched', at], ['claim', 'claimed', at]], { when });

  it('reminds the claimer at the resident\'s wanted time, then the grid worker a step later', () => {
    const w = world([claimedAt('2026-06-10T15:00')], noPosts(demoConfig()));
    const steps = onlyOrders(w.liveUntil(T('2026-06-10T09:30:00'), T('2026-06-12T00:00:00')));
    expect(steps.map((s) => [stamp(s.at), s.job.kind === 'overdue' && s.job.step, s.job.key])).toEqual([
      ['15:00', 'claimer', 'late:9:1'],
      ['17:00', 'worker', 'late:9:2'],
    ]);
  });

  it('without a wanted time, uses the category\'s time to finish (48 h by default)', () => {
    const w = world([claimedAt(null)], noPosts(demoConfig()));
    const steps = onlyOrders(w.liveUntil(T('2026-06-10T09:30:00'), T('2026-06-13T00:00:00')));
    expect(steps.map((s) => new Date(s.at).toISOString())).toEqual([new Date(T('2026-06-12T09:30:00')).toISOString(), new Date(T('2026-06-12T11:30:00')).toISOString()]);
  });

  it('reads a wanted date without a time as the end of the working day (18:00)', () => {
    const w = world([claimedAt('2026-06-10')], noPosts(demoConfig()));
    expect(nextDueAt(w.state, w.config, T('2026-06-10T09:30:00'))).toBe(T('2026-06-10T18:00:00'));
  });
});

describe('follow-up (回访)', () => {
  const resolvedAt = (at: string, rating: number | null = null) =>
    order(4, [
      ['submit', 'submitted', '2026-06-10T08:00:00'], ['accept', 'accepted', '2026-06-10T08:00:00'], ['dispatch', 'dispatched', '2026-06-10T08:00:00'],
      ['claim', 'claimed', '2026-06-10T08:10:00'], ['resolve', 'resolved', at], ['report', 'reported', at],
    ], { rating, claimerId: 'vol-zhang' });

  it('asks again a day after completion if the resident has not rated (the first ask goes with the completion notice)', () => {
    const w = world([resolvedAt('2026-06-10T11:15:00')], noPosts(demoConfig()));
    const steps = onlyOrders(w.liveUntil(T('2026-06-10T11:15:00'), T('2026-06-14T00:00:00')));
    expect(steps.map((s) => [new Date(s.at).toISOString(), s.job.key])).toEqual([[new Date(T('2026-06-11T11:15:00')).toISOString(), 'ask:4:2']]);
  });

  it('does not ask once rated', () => {
    const w = world([resolvedAt('2026-06-10T11:15:00', 5)], noPosts(demoConfig()));
    expect(w.run(T('2026-06-11T12:00:00'))).toEqual([]);
  });

  it('holds an ask that falls due at night until 07:00, once', () => {
    const w = world([resolvedAt('2026-06-10T00:30:00')], noPosts(demoConfig()));
    expect(w.run(T('2026-06-11T00:30:00'))).toEqual([]);
    expect(nextDueAt(w.state, w.config, T('2026-06-11T00:30:00'))).toBe(T('2026-06-11T07:00:00'));
    expect(w.run(T('2026-06-11T07:00:00')).map((j) => j.key)).toEqual(['ask:4:2']);
    expect(w.run(T('2026-06-11T07:01:00'))).toEqual([]);
  });

  it('drops an ask two days stale (the bot was down)', () => {
    const w = world([resolvedAt('2026-06-10T11:15:00')], noPosts(demoConfig()));
    expect(w.run(T('2026-06-13T11:16:00'))).toEqual([]);
  });

  it('sends only the last of several asks due at once and records the others as skipped', () => {
    const config = noPosts(demoConfig((r) => { r.schedule = { followUp: { asksAfterMinutes: [60, 600, 1440] } }; }));
    const w = world([resolvedAt('2026-06-10T08:00:00')], config);
    expect(w.run(T('2026-06-11T09:00:00')).map((j) => [j.key, j.supersedes])).toEqual([['ask:4:3', ['ask:4:1', 'ask:4:2']]]);
    expect(w.sent.get('ask:4:1')!.skipped).toBe(true);
  });
});

describe('scheduled posts', () => {
  const since = T('2026-06-07T12:00:00');

  it('posts each grid\'s morning digest at 08:00 once', () => {
    const w = world([], demoConfig(), since);
    expect(w.run(T('2026-06-10T07:59:00'))).toEqual([]);
    expect(w.run(T('2026-06-10T08:00:00')).map((j) => j.key)).toEqual(['digest:g1:2026-06-10', 'digest:g2:2026-06-10', 'digest:g3:2026-06-10']);
    expect(w.run(T('2026-06-10T08:01:00'))).toEqual([]);
  });

  it('still sends a missed morning digest at 09:00, but not at 15:00', () => {
    expect(world([], demoConfig(), since).run(T('2026-06-10T09:00:00')).filter((j) => j.kind === 'digest')).toHaveLength(3);
    expect(world([], demoConfig(), since).run(T('2026-06-10T15:00:00')).filter((j) => j.kind === 'digest')).toHaveLength(0);
  });

  it('never sends a post that fell due before the bot first ran on its data', () => {
    const w = world([], demoConfig(), T('2026-06-10T09:30:00'));
    expect(w.run(T('2026-06-10T09:30:00'))).toEqual([]);
    expect(nextDueAt(w.state, w.config, T('2026-06-10T09:30:00'))).toBe(T('2026-06-10T18:00:00'));
  });

  it('sends the evening summary at 18:00 and drops it once quiet hours begin', () => {
    expect(world([], demoConfig(), since).run(T('2026-06-10T18:00:00')).map((j) => j.key)).toEqual(['evening:2026-06-10']);
    expect(world([], demoConfig(), since).run(T('2026-06-10T21:59:00')).map((j) => j.key)).toEqual(['evening:2026-06-10']);
    expect(world([], demoConfig(), since).run(T('2026-06-10T22:00:00'))).toEqual([]);
  });

  it('sends the weekly summary on Monday at 09:00, covering the week before', () => {
    const monday = world([], demoConfig(), since).run(T('2026-06-08T09:00:00')).filter((j) => j.kind === 'weekly');
    expect(monday).toMatchObject([{ key: 'weekly:2026-06-08', from: '2026-06-01', to: '2026-06-07' }]);
    expect(world([], demoConfig(), since).run(T('2026-06-09T09:00:00')).filter((j) => j.kind === 'weekly')).toEqual([]);
  });

  it('moves a post set inside quiet hours to their end', () => {
    const config = demoConfig((r) => { r.schedule = { morningDigest: { at: '06:30', until: '09:00' } }; });
    const w = world([], config, since);
    expect(w.run(T('2026-06-10T06:30:00'))).toEqual([]);
    expect(nextDueAt(w.state, config, T('2026-06-10T06:30:00'))).toBe(T('2026-06-10T07:00:00'));
  });

  it('finds the next moment across midnight', () => {
    const w = world([], demoConfig(), since);
    w.run(T('2026-06-10T18:00:00'));
    expect(nextDueAt(w.state, w.config, T('2026-06-10T18:00:00'))).toBe(T('2026-06-11T08:00:00'));
  });
});

describe('posts held for quiet hours', () => {
  it('releases a held post at 07:00, and a held call only if its order still waits', () => {
    const waiting = dispatchedAt(2, '2026-06-09T22:40:00');
    const claimed = order(3, [['submit', 'submitted', '2026-06-09T22:50:00'], ['accept', 'accepted', '2026-06-09T22:50:00'], ['dispatch', 'dispatched', '2026-06-09T22:50:00'], ['claim', 'claimed', '2026-06-10T06:00:00']]);
    const w = world([waiting, claimed], noPosts(demoConfig()));
    w.held.push(
      { id: '1', at: T('2026-06-09T22:40:00'), orderId: 2, status: 'dispatched', cycle: 1 },
      { id: '2', at: T('2026-06-09T22:50:00'), orderId: 3, status: 'dispatched', cycle: 1 },
      { id: '3', at: T('2026-06-09T23:00:00') },
    );
    const first = w.run(T('2026-06-09T23:30:00'));
    expect(first.map((j) => j.kind === 'release' && [j.heldId, j.apply])).toEqual([['2', false]]); // dropped unsent at once
    w.held.splice(1, 1);
    expect(nextDueAt(w.state, w.config, T('2026-06-09T23:30:00'))).toBe(T('2026-06-10T07:00:00'));
    const morning = w.run(T('2026-06-10T07:00:00'));
    expect(morning.map((j) => j.kind === 'release' && [j.heldId, j.apply])).toEqual([['1', true], ['3', true]]);
  });

  it('reads the orders once when they come as a one-pass iterator (the store\'s live view) with held calls', () => {
    const orders = [dispatchedAt(1, '2026-06-09T21:30:00'), dispatchedAt(2, '2026-06-09T22:40:00')];
    const w = world([], noPosts(demoConfig()));
    w.held.push({ id: '1', at: T('2026-06-09T22:40:00'), orderId: 2, status: 'dispatched', cycle: 1 });
    w.state.orders = orders.values();
    expect(planDue(w.state, w.config, T('2026-06-10T07:00:00')).map((j) => j.key)).toEqual(['held:1', 'esc:1:1']);
  });

  it('starts the ladder of a held call from when the call went out', () => {
    const w = world([dispatchedAt(2, '2026-06-09T22:40:00')], noPosts(demoConfig()));
    w.held.push({ id: '1', at: T('2026-06-09T22:40:00'), orderId: 2, status: 'dispatched', cycle: 1 });
    expect(nextDueAt(w.state, w.config, T('2026-06-09T22:40:00'))).toBe(T('2026-06-10T07:00:00'));
    w.held.length = 0;
    w.sent.set(jobKey('call', 2, null, 1), { at: T('2026-06-10T07:00:00'), dueAt: T('2026-06-10T07:00:00') });
    expect(nextDueAt(w.state, w.config, T('2026-06-10T07:00:00'))).toBe(T('2026-06-10T09:00:00'));
  });
});

describe('timezone', () => {
  it('reads 08:00 in Asia/Shanghai whatever the host zone (run with TZ=UTC too)', () => {
    const w = world([], demoConfig(), T('2026-06-07T00:00:00'));
    expect(nextDueAt(w.state, w.config, Date.parse('2026-06-09T23:00:00Z'))).toBe(Date.parse('2026-06-10T00:00:00Z'));
  });
});
