/**
 * Points (积分制): score = base (基础分, by member type) + duty (履职分) + reward (奖励分)
 * − deduction (扣减分), over a one-year cycle; the year-end ranking gives 优秀 / 良好 / 一般 / 差.
 *
 * Every change is an entry with a reason and a source, never an edited total. Manual entries
 * (`/加分`, `/扣分`) are stored; the automatic ones are derived here, deterministically, from the
 * orders' audit trails, so they always agree with the orders (a reopened order loses its duty
 * entry until it is finished again):
 * - duty: one entry per finished order, to the volunteer credited with it, at the finish time,
 *   weighted by category; it also carries the order's service hours (kept apart from points);
 * - reward: one entry per order rated at least `reward.minRating`, at the rating time;
 * - deduction `abandoned`: one per 放弃 by a member of the roster who held the order (not when
 *   staff give it back for the volunteer who claimed it), at that time;
 * - deduction `overdue`: one per order finished after its deadline (to the credited volunteer, at
 *   the finish time), or still held by a claimer past its deadline (at the deadline); deadlines
 *   as the schedule reckons them (`orderDeadline`).
 */
import type { MemberType, PointsConfig, YearEndRating } from './config-staff.js';
import type { LocalClock } from './local-clock.js';
import type { Order } from './model.js';
import { creditedTo, finishedAt, isDropped, orderDeadline, ratedAt, type DeadlineConfig } from './order-facts.js';
import { periodOfDays, type Period } from './period.js';

/** Built-in duty points per finished order where the category's weight differs from `duty.perOrder`. */
export const DEFAULT_DUTY_POINTS: Readonly<Record<string, number>> = {
  civil_affairs: 3,
  social_insurance: 3,
  household_registration: 3,
  medical_escort: 3,
  parcel: 1,
  copy_print: 1,
};

/** Built-in service hours per finished order where they differ from `hours.perOrder`. */
export const DEFAULT_SERVICE_HOURS: Readonly<Record<string, number>> = {
  civil_affairs: 2,
  social_insurance: 2,
  household_registration: 2,
  medical_escort: 3,
  elderly_care: 2,
  cleaning: 2,
  moving_help: 2,
  parcel: 0.5,
  copy_print: 0.5,
};

export type PointsKind = 'duty' | 'reward' | 'deduction';
export type PointsReason = 'order_done' | 'top_rating' | 'abandoned' | 'overdue' | 'manual';

/** One change of a person's points. `delta` is negative for deductions. */
export interface PointsEntry {
  contactId: string;
  at: number;
  delta: number;
  kind: PointsKind;
  reason: PointsReason;
  /** The order it came from (automatic entries). */
  orderId?: number;
  category?: string;
  rating?: number;
  /** Service hours (duty entries only). */
  hours?: number;
  /** The staff member who made a manual entry, its stored id and its stated reason. */
  by?: string;
  id?: string;
  note?: string;
}

/** A manual entry as stored (collection `points`). */
export interface ManualPoints {
  id: string;
  contactId: string;
  /** Positive for 加分, negative for 扣分. */
  delta: number;
  reason: string;
  by: string;
  at: number;
}

/** Who takes part, and as what. */
export interface Member {
  contactId: string;
  type: MemberType;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Duty points for a finished order of a category. @example dutyPoints('civil_affairs', rules) // 3 */
export function dutyPoints(category: string, rules: PointsConfig): number {
  return rules.duty.byCategory[category] ?? DEFAULT_DUTY_POINTS[category] ?? rules.duty.perOrder;
}

/** Service hours for a finished order of a category. @example serviceHours('medical_escort', rules) // 3 */
export function serviceHours(category: string, rules: PointsConfig): number {
  return rules.hours.byCategory[category] ?? DEFAULT_SERVICE_HOURS[category] ?? rules.hours.perOrder;
}

export interface DeriveContext {
  now: number;
  /** Time limits (dispatch and schedule config). */
  config: DeadlineConfig;
  /** Whether a contact is on the roster (only roster members lose points for giving an order back). */
  isMember(contactId: string): boolean;
}

/**
 * The automatic entries of one order (see the file comment for the rules).
 * @example orderPointsEntries(order, rules, ctx) // [{ kind: 'duty', delta: 2, … }]
 */
export function orderPointsEntries(o: Order, rules: PointsConfig, ctx: DeriveContext): PointsEntry[] {
  const out: PointsEntry[] = [];
  const base = { orderId: o.id, category: o.category };
  let claimedBy: string | null = null;
  for (const h of o.history) {
    if (h.action === 'claim') claimedBy = h.by;
    if (h.action === 'assign') claimedBy = null; // the assignee is not in the audit line: trust who gives it back
    // Staff giving an order back for a volunteer who claimed it cost no one points.
    const own = claimedBy === null || claimedBy === h.by;
    if (h.action === 'abandon' && own && ctx.isMember(h.by) && rules.deduction.abandoned > 0) {
      out.push({ ...base, contactId: h.by, at: h.at, delta: -rules.deduction.abandoned, kind: 'deduction', reason: 'abandoned' });
    }
  }
  if (isDropped(o)) return out;
  const done = finishedAt(o);
  const deadline = orderDeadline(o, ctx.config);
  const who = creditedTo(o);
  if (done !== null && who) {
    out.push({ ...base, contactId: who, at: done, delta: dutyPoints(o.category, rules), kind: 'duty', reason: 'order_done', hours: serviceHours(o.category, rules) });
    const rated = ratedAt(o);
    if (o.rating !== null && rated !== null && o.rating >= rules.reward.minRating && rules.reward.points > 0) {
      out.push({ ...base, contactId: who, at: rated, delta: rules.reward.points, kind: 'reward', reason: 'top_rating', rating: o.rating });
    }
    if (done > deadline && rules.deduction.overdue > 0) {
      out.push({ ...base, contactId: who, at: done, delta: -rules.deduction.overdue, kind: 'deduction', reason: 'overdue' });
    }
  } else if (done === null && o.claimerId && ctx.now > deadline && rules.deduction.overdue > 0) {
    out.push({ ...base, contactId: o.claimerId, at: deadline, delta: -rules.deduction.overdue, kind: 'deduction', reason: 'overdue' });
  }
  return out;
}

/**
 * True when an order's automatic entries no longer depend on the time asked (finished or
 * dropped): the same order value always gives the same entries.
 * @example pointsSettled(finishedOrder) // true
 */
export function pointsSettled(o: Order): boolean {
  return isDropped(o) || finishedAt(o) !== null;
}

/** A stored manual entry as a points entry. */
export function manualEntry(m: ManualPoints): PointsEntry {
  return { contactId: m.contactId, at: m.at, delta: m.delta, kind: m.delta >= 0 ? 'reward' : 'deduction', reason: 'manual', by: m.by, id: m.id, note: m.reason };
}

/**
 * Every entry, automatic and manual, oldest first.
 * @example allPointsEntries(orders, manual, rules, ctx).filter((e) => e.contactId === 'vol-zhang')
 */
export function allPointsEntries(
  orders: Iterable<Order>,
  manual: Iterable<ManualPoints>,
  rules: PointsConfig,
  ctx: DeriveContext,
  /** How an order's entries are found (a caller may keep those of settled orders, see `pointsSettled`). */
  entriesOf: (o: Order) => readonly PointsEntry[] = (o) => orderPointsEntries(o, rules, ctx),
): PointsEntry[] {
  const out: PointsEntry[] = [];
  for (const o of orders) for (const e of entriesOf(o)) out.push(e);
  for (const m of manual) out.push(manualEntry(m));
  return out.sort((a, b) => a.at - b.at || (a.orderId ?? 0) - (b.orderId ?? 0) || a.kind.localeCompare(b.kind));
}

/**
 * The one-year cycle containing `now` (`offset` −1 for the previous one); `year` is the year it starts in.
 * @example pointsCycle(now, '01-01', clock) // { year: 2026, period: 2026-01-01 … 2026-12-31 }
 */
export function pointsCycle(now: number, cycleStart: string, clock: LocalClock, offset = 0): { year: number; period: Period } {
  const today = clock.date(now);
  const y = Number(today.slice(0, 4));
  const startYear = (today.slice(5) >= cycleStart ? y : y - 1) + offset;
  return { year: startYear, period: cycleOfYear(startYear, cycleStart, clock) };
}

/** The cycle that starts in `year`. @example cycleOfYear(2025, '01-01', clock).lastDay // '2025-12-31' */
export function cycleOfYear(year: number, cycleStart: string, clock: LocalClock): Period {
  const first = `${year}-${cycleStart}`;
  const last = clock.addDays(`${year + 1}-${cycleStart}`, -1);
  return { ...periodOfDays(first, last, clock.tz, null, 'year', clock), unit: cycleStart === '01-01' ? 'year' : 'range' };
}

/** One person's standing in a cycle. */
export interface Standing {
  contactId: string;
  type: MemberType;
  base: number;
  duty: number;
  reward: number;
  /** Positive: the points taken away. */
  deduction: number;
  total: number;
  /** Service hours and finished orders (from orders only; manual entries never add hours). */
  hours: number;
  orders: number;
  /** 1-based; equal totals share a rank. */
  rank: number;
  rating: YearEndRating;
}

/**
 * The year-end rating of a ranked total.
 * @example yearEndRating(92, 1, 10, rules.yearEnd) // 'excellent'
 */
export function yearEndRating(total: number, rank: number, count: number, yearEnd: PointsConfig['yearEnd']): YearEndRating {
  if (yearEnd.by === 'score') {
    const s = yearEnd.scores;
    return total >= s.excellent ? 'excellent' : total >= s.good ? 'good' : total >= s.fair ? 'fair' : 'poor';
  }
  // By rank: the top `excellent` share of people is 优秀, up to `good` 良好, up to `fair` 一般.
  const r = yearEnd.ranks;
  const cut = (share: number) => Math.max(1, Math.round(share * count));
  return rank <= cut(r.excellent) ? 'excellent' : rank <= cut(r.good) ? 'good' : rank <= cut(r.fair) ? 'fair' : 'poor';
}

/**
 * Totals for everyone on the roster over a cycle, ranked (highest first).
 * @example standings(roster, entries, rules, cycle.period)[0].rating // 'excellent'
 */
export function standings(roster: readonly Member[], entries: readonly PointsEntry[], rules: PointsConfig, cycle: Pick<Period, 'from' | 'to'>): Standing[] {
  const rows = new Map<string, Omit<Standing, 'rank' | 'rating'>>();
  for (const m of roster) {
    if (rows.has(m.contactId)) continue;
    const base = rules.base[m.type];
    rows.set(m.contactId, { contactId: m.contactId, type: m.type, base, duty: 0, reward: 0, deduction: 0, total: base, hours: 0, orders: 0 });
  }
  for (const e of entries) {
    const r = rows.get(e.contactId);
    if (!r || e.at < cycle.from || e.at >= cycle.to) continue;
    if (e.kind === 'duty') {
      r.duty += e.delta;
      r.hours += e.hours ?? 0;
      r.orders++;
    } else if (e.kind === 'reward') r.reward += e.delta;
    else r.deduction -= e.delta;
  }
  const list = [...rows.values()].map((r) => ({ ...r, duty: round1(r.duty), reward: round1(r.reward), deduction: round1(r.deduction), hours: round1(r.hours), total: round1(r.base + r.duty + r.reward - r.deduction) }));
  list.sort((a, b) => b.total - a.total || b.orders - a.orders || a.contactId.localeCompare(b.contactId));
  const out: Standing[] = [];
  list.forEach((r, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.total === r.total ? prev.rank : i + 1;
    out.push({ ...r, rank, rating: yearEndRating(r.total, rank, list.length, rules.yearEnd) });
  });
  return out;
}
