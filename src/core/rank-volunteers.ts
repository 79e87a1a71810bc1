/**
 * Who a dispatch call @-mentions: volunteers of the order's grid with the skill, available now
 * (not on leave, on one of their days and hours), under their capacity; least recently given
 * work first, then fewest open tasks, then the config's order.
 */
import type { VolunteerConfig } from './config-schema.js';
import { isOpen, type Order } from './model.js';
import { clockMinutes, minuteOfDay, isoWeekday, today } from './local-time.js';
import { DEFAULT_TZ } from './time.js';

/** A recorded leave (请假): not called from `from` until `until`. */
export interface Leave {
  from: number;
  until: number;
}

export interface RankInput {
  volunteers: readonly VolunteerConfig[];
  /** Open tasks and when each volunteer last got work, as the app keeps them (Records.workload)… */
  workload?: Workload;
  /** …or the orders to work them out from (walks every order's history). */
  orders?: Iterable<Order>;
  /** Leaves by volunteer id. */
  leaves: ReadonlyMap<string, Leave>;
  now: number;
  tz?: string;
}

export interface Workload {
  /** Open orders each volunteer holds. */
  open: Map<string, number>;
  /** When each volunteer was last given work (claimed or assigned). */
  lastGiven: Map<string, number>;
}

/** Open tasks and last time given work, per volunteer, from the orders. @example workload(orders).open.get('vol-zhang') // 1 */
export function workload(orders: Iterable<Order>): Workload {
  const open = new Map<string, number>();
  const lastGiven = new Map<string, number>();
  const given = (id: string, at: number) => {
    if ((lastGiven.get(id) ?? -Infinity) < at) lastGiven.set(id, at);
  };
  for (const o of orders) {
    if (o.claimerId && isOpen(o)) open.set(o.claimerId, (open.get(o.claimerId) ?? 0) + 1);
    let lastTaker: { at: number; assign: boolean } | null = null;
    for (const h of o.history) {
      if (h.action === 'claim') {
        given(h.by, h.at);
        lastTaker = { at: h.at, assign: false };
      } else if (h.action === 'assign') {
        lastTaker = { at: h.at, assign: true };
      }
    }
    // An assign line names who assigned, not to whom: the current claimer is who was given it last.
    if (lastTaker?.assign && o.claimerId) given(o.claimerId, lastTaker.at);
  }
  return { open, lastGiven };
}

/** Whether a leave covers an instant. @example onLeave({ from: 0, until: 10 }, 5) // true */
export function onLeave(leave: Leave | undefined, at: number): boolean {
  return !!leave && leave.from <= at && at < leave.until;
}

/** Whether a volunteer serves at an instant: their day, their hours, not on leave. @example isAvailable(v, undefined, now) */
export function isAvailable(v: VolunteerConfig, leave: Leave | undefined, at: number, tz: string = DEFAULT_TZ): boolean {
  if (onLeave(leave, at)) return false;
  if (!v.availableDays.includes(isoWeekday(today(at, tz)))) return false;
  if (v.availableHours) {
    const m = minuteOfDay(at, tz);
    const from = clockMinutes(v.availableHours.from);
    const to = clockMinutes(v.availableHours.to);
    const inside = from <= to ? m >= from && m < to : m >= from || m < to;
    if (!inside) return false;
  }
  return true;
}

/**
 * Volunteer ids for a dispatch call on an order, best first, at most `limit`.
 * @example rankVolunteers(order, { volunteers, orders, leaves: new Map(), now }, 3) // ['vol-zhang', 'vol-li']
 */
export function rankVolunteers(order: Pick<Order, 'gridId' | 'category'>, input: RankInput, limit: number, exclude: readonly string[] = []): string[] {
  if (!order.gridId || limit <= 0) return [];
  const tz = input.tz ?? DEFAULT_TZ;
  const { open, lastGiven } = input.workload ?? workload(input.orders ?? []);
  // Grid and skill first: a sub-district has hundreds of volunteers, an order's grid a handful.
  const fit: { v: VolunteerConfig; i: number; open: number; last: number }[] = [];
  input.volunteers.forEach((v, i) => {
    if (v.gridIds.includes(order.gridId!) && v.skills.includes(order.category)) fit.push({ v, i, open: open.get(v.id) ?? 0, last: lastGiven.get(v.id) ?? -Infinity });
  });
  return fit
    .filter(({ v, open: n }) => !exclude.includes(v.id) && n < v.capacity && isAvailable(v, input.leaves.get(v.id), input.now, tz))
    .sort((a, b) => a.last - b.last || a.open - b.open || a.i - b.i)
    .slice(0, limit)
    .map(({ v }) => v.id);
}
