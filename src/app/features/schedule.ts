/**
 * The schedule: escalations, overdue reminders, follow-ups, digests, summaries and posts held for
 * quiet hours. The core (`planDue`) decides what is due from the stored state and `now`; this
 * feature turns each due job into posts and records its key in `sent` in the same commit.
 */
import type { Order } from '../../core/model.js';
import { cycleOf, isDispatchLine, jobKey, nextDueAt, planDue, type PlannedJob, type ScheduleState, type SentRecord } from '../../core/plan-due.js';
import { onDuty } from '../../core/duty-roster.js';
import { daySummary, gridDigest, weekSummary } from '../../core/summaries.js';
import { DAY, startOfLocalDay, today } from '../../core/local-time.js';
import { TERMINAL_STATUSES } from '../../core/model.js';
import { messages as M } from '../../messages/index.js';
import { scheduleMessages as S, shortHistory } from '../../messages/schedule.js';
import type { BotApp } from '../bot-app.js';
import type { Turn, Feature } from '../turn.js';
import { heldPosts, leavesMap, markJobSent, SC, scheduleSince, SINCE_KEY, wasSent, type HeldPost } from '../schedule-records.js';

/** Sent records are kept this long after they stop mattering (the evening summary reads today's). */
const KEEP_SENT_MS = 8 * DAY;
const PRUNED_ON = 'sentPrunedOn';

export function scheduleFeature(app: BotApp): Feature {
  const store = app.store;
  const config = app.config;

  const state = (since: number): ScheduleState => ({
    orders: app.records.activeOrders(),
    sent: (key) => wasSent(store, key),
    held: heldPosts(store),
    since,
  });

  const names = (ids: readonly string[]) => ids.map((id) => app.nameOf(id));
  const gridOf = (o: Order) => app.dir.grid(o.gridId);

  function escalate(turn: Turn, o: Order, job: Extract<PlannedJob, { kind: 'escalate' }>): void {
    const cat = app.categoryName(o.category);
    const waited = turn.now - job.waitingSince;
    const grid = gridOf(o);
    switch (job.step) {
      case 'group': {
        // Call again, fresh: who is free may have changed since the first call.
        const invited = app.pickVolunteers(o, turn.now);
        turn.say({ roomId: grid!.roomId }, S.escalateGroup(o, cat, waited, names(invited)), invited, o.urgent);
        return;
      }
      case 'worker':
        turn.say({ roomId: grid!.roomId }, S.escalateWorker(o, cat, waited, names(grid!.workerIds)), grid!.workerIds, o.urgent);
        return;
      case 'chief':
        turn.say({ roomId: grid!.roomId }, S.escalateChief(o, cat, waited, app.nameOf(grid!.chiefId!)), [grid!.chiefId!], o.urgent);
        return;
      case 'staff':
        turn.say({ roomId: config.staffRoomId }, S.escalateStaff(o, cat, grid?.name ?? S.noGrid(), waited, shortHistory(o, (id) => app.nameOf(id))), undefined, o.urgent);
        return;
    }
  }

  function overdue(turn: Turn, o: Order, job: Extract<PlannedJob, { kind: 'overdue' }>): void {
    const cat = app.categoryName(o.category);
    if (job.step === 'claimer') {
      turn.say({ contactId: o.claimerId! }, S.overdueClaimer(o, job.deadline), undefined, o.urgent);
      return;
    }
    const grid = gridOf(o)!;
    const claimer = app.nameOf(o.claimerId ?? '');
    turn.say({ roomId: grid.roomId }, S.overdueWorker(o, cat, job.deadline, claimer, names(grid.workerIds)), grid.workerIds, o.urgent);
    turn.say({ roomId: config.staffRoomId }, S.overdueStaff(o, cat, grid.name, job.deadline, claimer, shortHistory(o, (id) => app.nameOf(id))), undefined, o.urgent);
  }

  function followUp(turn: Turn, o: Order): void {
    const cat = app.categoryName(o.category);
    if (o.roomId) turn.say({ roomId: o.roomId }, S.followUpAsk(o, cat, o.residentName), [o.residentId]);
    else turn.say({ contactId: o.residentId }, S.followUpAskPrivately(o, cat));
  }

  function release(turn: Turn, job: Extract<PlannedJob, { kind: 'release' }>): void {
    const post = store.get<HeldPost>(SC.held, job.heldId);
    store.delete(SC.held, job.heldId);
    if (!post || !job.apply) return;
    if (job.orderId === undefined) {
      turn.say(post.reply.to, post.reply.text, post.reply.mentionIds, post.reply.urgent);
      return;
    }
    // A held dispatch call is made afresh: who is free in the morning is not who was free at night.
    const o = app.records.order(job.orderId)!;
    const invited = app.pickVolunteers(o, turn.now);
    app.save({ ...o, invitedIds: invited });
    const grid = gridOf(o);
    if (grid) turn.say({ roomId: grid.roomId }, M.dispatchCall(o, app.categoryName(o.category), names(invited)), invited, o.urgent);
    if (!invited.length) turn.say({ roomId: config.staffRoomId }, M.dispatchToStaff(o, app.categoryName(o.category), 'no_volunteer'));
    const cycle = job.cycle ?? cycleOf(o, isDispatchLine).cycle;
    markJobSent(store, jobKey('call', o.id, null, cycle), { at: turn.now, dueAt: post.at });
  }

  function post(turn: Turn, job: PlannedJob): void {
    const leaves = () => leavesMap(store);
    switch (job.kind) {
      case 'escalate':
      case 'overdue':
      case 'acceptance':
      case 'follow_up': {
        const o = app.records.order(job.orderId)!;
        if (job.kind === 'escalate') escalate(turn, o, job);
        else if (job.kind === 'overdue') overdue(turn, o, job);
        else if (job.kind === 'follow_up') followUp(turn, o);
        else turn.say({ roomId: config.staffRoomId }, S.acceptanceReminder(o, app.categoryName(o.category), turn.now - job.waitingSince), undefined, o.urgent);
        return;
      }
      case 'digest': {
        const grid = app.dir.grid(job.gridId)!;
        const d = gridDigest(app.records.openOrders(), job.gridId, turn.now, config);
        const duty = onDuty(config, job.gridId, job.date, leaves());
        turn.say({ roomId: grid.roomId }, S.morningDigest({
          gridName: grid.name,
          ...d,
          duty: duty && { name: app.nameOf(duty.id), phone: duty.phone, standsInFor: duty.standsInFor && app.nameOf(duty.standsInFor) },
        }));
        return;
      }
      case 'evening': {
        const f = daySummary(app.records.ordersSince(startOfLocalDay(job.date, config.timezone)), job.date, turn.now, config, (k) => wasSent(store, k));
        turn.say({ roomId: config.staffRoomId }, S.eveningSummary({ date: job.date, ...f }));
        return;
      }
      case 'weekly': {
        const f = weekSummary(app.records.ordersSince(startOfLocalDay(job.from, config.timezone)), job.from, job.to, config);
        turn.say({ roomId: config.staffRoomId }, S.weeklySummary({
          from: job.from,
          to: job.to,
          ...f,
          byGrid: f.byGrid.map((g) => ({ name: app.dir.grid(g.gridId)?.name ?? g.gridId, created: g.created, resolved: g.resolved })),
          top: f.top.map((t) => ({ name: app.nameOf(t.id), resolved: t.resolved })),
        }));
        return;
      }
      case 'release':
        release(turn, job);
        return;
    }
  }

  /** Once a day: forget sent records nothing will ask about again. */
  function prune(now: number): void {
    const date = today(now, config.timezone);
    if (store.get<string>(SC.meta, PRUNED_ON) === date) return;
    store.put(SC.meta, PRUNED_ON, date);
    const old = now - KEEP_SENT_MS;
    const doomed: string[] = [];
    for (const r of store.values<SentRecord & { key: string }>(SC.sent)) {
      if (r.at >= old || typeof r.key !== 'string') continue;
      // Only this feature's keys: other features keep their own records in `sent` too.
      if (/^(?:digest|evening|weekly):/.test(r.key)) {
        doomed.push(r.key); // date-bound posts: only today's and tomorrow's are ever looked up
        continue;
      }
      const m = /^(?:esc|late|acc|ask|call):(\d+)/.exec(r.key);
      if (!m) continue;
      const o = app.records.order(Number(m[1]));
      if (!o || (TERMINAL_STATUSES.includes(o.status) && o.updatedAt < old)) doomed.push(r.key);
    }
    for (const k of doomed) store.delete(SC.sent, k);
  }

  return {
    name: 'schedule',
    due(turn) {
      const since = scheduleSince(store, turn.now);
      for (const job of planDue(state(since), config, turn.now)) {
        const before = turn.out.length;
        try {
          post(turn, job);
        } catch (e) {
          // One broken job must not block every other post each minute: it is recorded with its
          // error (visible in the data) and not retried.
          turn.out.splice(before);
          if (job.kind === 'release') store.delete(SC.held, job.heldId);
          else markJobSent(store, job.key, { at: turn.now, dueAt: job.dueAt, skipped: true, error: e instanceof Error ? e.message : String(e) });
          continue;
        }
        if (job.kind === 'release') continue; // the held post itself is the record: deleted above
        markJobSent(store, job.key, { at: turn.now, dueAt: job.dueAt });
        for (const k of job.supersedes) markJobSent(store, k, { at: turn.now, dueAt: job.dueAt, skipped: true });
      }
      prune(turn.now);
    },
    nextDueAt(now) {
      const since = store.get<number>(SC.meta, SINCE_KEY) ?? now;
      return nextDueAt(state(since), config, now);
    },
  };
}
