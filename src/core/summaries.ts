/** The figures of the scheduled posts (morning digest, evening and weekly summaries), from the orders. */
import type { AppConfig } from './config-schema.js';
import { isOpen, type Order } from './model.js';
import { addDays, startOfLocalDay, today } from './local-time.js';
import { cycleOf, isDispatchLine, isTakeLine, jobKey, type SentRecord } from './plan-due.js';
import { finishDeadline } from './time-limits.js';

type Cfg = Pick<AppConfig, 'dispatch' | 'schedule' | 'timezone'>;

export interface GridDigest {
  waiting: number[];
  inProgress: number;
  dueToday: number[];
  overdue: number[];
}

/** When a claimed or in-progress order should be done. @example deadlineOf(order, config) */
export function deadlineOf(o: Order, config: Cfg): number {
  return finishDeadline(o, cycleOf(o, isTakeLine).at, config);
}

const byId = (a: Order, b: Order) => a.id - b.id;
const busy = (o: Order) => o.status === 'claimed' || o.status === 'in_progress';

/**
 * A grid's morning digest at `now`: orders waiting for a volunteer, in progress, due today, overdue.
 * @example gridDigest(orders, 'g1', now, config).waiting // [12, 15]
 */
export function gridDigest(orders: Iterable<Order>, gridId: string, now: number, config: Cfg): GridDigest {
  const date = today(now, config.timezone);
  const mine = [...orders].filter((o) => o.gridId === gridId && isOpen(o)).sort(byId);
  const due = (o: Order) => {
    if (busy(o)) return deadlineOf(o, config);
    return o.when ? finishDeadline(o, -Infinity, config) : null;
  };
  return {
    waiting: mine.filter((o) => o.status === 'dispatched').map((o) => o.id),
    inProgress: mine.filter(busy).length,
    dueToday: mine.filter((o) => {
      const d = due(o);
      return d !== null && d >= now && today(d, config.timezone) === date;
    }).map((o) => o.id),
    overdue: mine.filter((o) => busy(o) && deadlineOf(o, config) < now).map((o) => o.id),
  };
}

export interface DayFigures {
  created: number;
  claimed: number;
  resolved: number;
  rated: number;
  averageRating: number | null;
}

function figures(orders: Order[], from: number, until: number, gridId?: string): DayFigures {
  let created = 0;
  let claimed = 0;
  let resolved = 0;
  const ratings: number[] = [];
  for (const o of orders) {
    if (gridId !== undefined && o.gridId !== gridId) continue;
    if (o.createdAt >= from && o.createdAt < until) created++;
    for (const h of o.history) {
      if (h.at < from || h.at >= until) continue;
      if (isTakeLine(h)) claimed++;
      else if (h.action === 'resolve') resolved++;
      else if (h.action === 'rate' && o.rating !== null) ratings.push(o.rating);
    }
  }
  const averageRating = ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null;
  return { created, claimed, resolved, rated: ratings.length, averageRating };
}

export interface DaySummary extends DayFigures {
  waiting: number[];
  overdue: number[];
  escalated: number[];
}

/**
 * The evening summary of a local date, seen at `now`.
 * @example daySummary(orders, '2026-06-10', now, config, (k) => sent.get(k)).resolved // 3
 */
export function daySummary(orders: Iterable<Order>, date: string, now: number, config: Cfg, sent: (key: string) => SentRecord | undefined): DaySummary {
  const all = [...orders].sort(byId);
  const from = startOfLocalDay(date, config.timezone);
  const until = startOfLocalDay(addDays(date, 1), config.timezone);
  const staffStep = config.dispatch.escalation.unclaimed.indexOf('staff') + 1;
  const escalated = staffStep
    ? all.filter((o) => {
        const { cycle } = cycleOf(o, isDispatchLine);
        for (let c = 1; c <= cycle; c++) {
          const r = sent(jobKey('esc', o.id, staffStep, c));
          if (r && !r.skipped && r.at >= from && r.at < until) return true;
        }
        return false;
      })
    : [];
  return {
    ...figures(all, from, until),
    waiting: all.filter((o) => o.status === 'dispatched').map((o) => o.id),
    overdue: all.filter((o) => busy(o) && deadlineOf(o, config) < now).map((o) => o.id),
    escalated: escalated.map((o) => o.id),
  };
}

export interface WeekSummary extends DayFigures {
  stillOpen: number;
  byGrid: { gridId: string; created: number; resolved: number }[];
  /** Resolved orders per volunteer team (of the claimer), most first. */
  byTeam: { team: string; resolved: number }[];
  /** Volunteers with the most resolved orders (up to 3). */
  top: { id: string; resolved: number }[];
}

/**
 * The weekly summary of the local dates `from`..`to` (inclusive).
 * @example weekSummary(orders, '2026-06-01', '2026-06-07', config).resolved // 10
 */
export function weekSummary(orders: Iterable<Order>, from: string, to: string, config: Pick<AppConfig, 'grids' | 'volunteers' | 'timezone'>): WeekSummary {
  const all = [...orders];
  const start = startOfLocalDay(from, config.timezone);
  const end = startOfLocalDay(addDays(to, 1), config.timezone);
  const teamOf = new Map(config.volunteers.map((v) => [v.id, v.team]));
  const perVolunteer = new Map<string, number>();
  for (const o of all) {
    for (const h of o.history) {
      if (h.action !== 'resolve' || h.at < start || h.at >= end) continue;
      const who = o.claimerId ?? h.by;
      perVolunteer.set(who, (perVolunteer.get(who) ?? 0) + 1);
    }
  }
  const perTeam = new Map<string, number>();
  for (const [id, n] of perVolunteer) {
    const team = teamOf.get(id);
    if (team) perTeam.set(team, (perTeam.get(team) ?? 0) + n);
  }
  return {
    ...figures(all, start, end),
    stillOpen: all.filter(isOpen).length,
    byGrid: config.grids.map((g) => {
      const f = figures(all, start, end, g.id);
      return { gridId: g.id, created: f.created, resolved: f.resolved };
    }),
    byTeam: [...perTeam].map(([team, resolved]) => ({ team, resolved })).sort((a, b) => b.resolved - a.resolved),
    top: [...perVolunteer]
      .filter(([id]) => teamOf.has(id))
      .map(([id, resolved]) => ({ id, resolved }))
      .sort((a, b) => b.resolved - a.resolved || (a.id < b.id ? -1 : 1))
      .slice(0, 3),
  };
}
