/**
 * Facts read from an order's audit trail, shared by statistics, points and the ledger: when it
 * was first claimed, whether (and when) it was finished, its deadline, whether it ran over or
 * was escalated. Each is a pure function of the stored order (and `now` where it matters).
 */
import type { StatsConfig } from './config-staff.js';
import type { LocalClock } from './local-clock.js';
import type { Order, OrderAction, Transition } from './model.js';

const HOUR = 3_600_000;

/** A rating at or below this sends the order back to staff for a second follow-up. */
export const LOW_RATING_MAX = 2;

/** Built-in time to finish, in hours, for orders without a wanted time (config overrides). */
export const DEFAULT_FINISH_HOURS: Readonly<Record<string, number>> = {
  civil_affairs: 168,
  social_insurance: 168,
  household_registration: 168,
  utility_payment: 48,
  parcel: 24,
  copy_print: 24,
  property_maintenance: 72,
  home_repair: 48,
  errand: 24,
  elderly_care: 48,
  medical_escort: 72,
  cleaning: 72,
  moving_help: 72,
  other_service: 72,
};

function last(history: readonly Transition[], actions: readonly OrderAction[]): Transition | undefined {
  for (let i = history.length - 1; i >= 0; i--) if (actions.includes(history[i]!.action)) return history[i];
  return undefined;
}

function first(history: readonly Transition[], actions: readonly OrderAction[]): Transition | undefined {
  return history.find((h) => actions.includes(h.action));
}

/** When the last `action` happened, or null. @example lastAt(order, 'accept') */
export function lastAt(o: Pick<Order, 'history'>, action: OrderAction): number | null {
  return last(o.history, [action])?.at ?? null;
}

/** First claim or assignment: how long residents wait for someone. @example firstClaimAt(order) */
export function firstClaimAt(o: Pick<Order, 'history'>): number | null {
  return first(o.history, ['claim', 'assign'])?.at ?? null;
}

/** Latest claim or assignment (the one whose claimer did the work). @example lastClaimAt(order) */
export function lastClaimAt(o: Pick<Order, 'history'>): number | null {
  return last(o.history, ['claim', 'assign'])?.at ?? null;
}

/**
 * When the work was finished: the last 回复 (resolve) not undone by a later 重开 (reopen).
 * @example finishedAt(order) // null while it is open
 */
export function finishedAt(o: Pick<Order, 'history'>): number | null {
  const l = last(o.history, ['resolve', 'reopen']);
  return l?.action === 'resolve' ? l.at : null;
}

/** When the order ended without the work done (驳回, 取消, or 关闭 before it was finished). */
export function endedAt(o: Pick<Order, 'history' | 'status'>): number | null {
  if (o.status !== 'rejected' && o.status !== 'cancelled' && o.status !== 'closed') return null;
  return last(o.history, ['reject', 'cancel', 'close'])?.at ?? null;
}

/** The volunteer credited with the work: the claimer of a finished order. @example creditedTo(order) // 'vol-zhang' */
export function creditedTo(o: Pick<Order, 'history' | 'claimerId'>): string | null {
  return finishedAt(o) !== null ? o.claimerId : null;
}

/** When the current rating was given (the last 回访), or null if it has none. */
export function ratedAt(o: Pick<Order, 'history' | 'rating'>): number | null {
  return o.rating === null ? null : (last(o.history, ['rate'])?.at ?? null);
}

/** Whether the order no longer expects work: rejected, cancelled, or closed before it was finished. */
export function isDropped(o: Pick<Order, 'history' | 'status'>): boolean {
  return o.status === 'rejected' || o.status === 'cancelled' || (o.status === 'closed' && finishedAt(o) === null);
}

/**
 * The deadline: the end of the resident's wanted day, or the category's time to finish after the
 * request. @example deadlineOf(order, config.stats, clock)
 */
export function deadlineOf(o: Pick<Order, 'when' | 'createdAt' | 'category'>, limits: StatsConfig, clock: LocalClock): number {
  if (o.when) {
    const day = o.when.slice(0, 10);
    const start = clock.dayStart(day);
    if (!Number.isNaN(start)) return clock.dayStart(clock.addDays(day, 1));
  }
  const hours = limits.finishWithinHoursByCategory[o.category] ?? DEFAULT_FINISH_HOURS[o.category] ?? limits.finishWithinHours;
  return o.createdAt + hours * HOUR;
}

/**
 * Overdue: finished after its deadline, or not finished and past it at `now` (rejected,
 * cancelled and closed-unfinished orders expect no work and are never overdue).
 * @example isOverdue(order, now, config.stats, clock)
 */
export function isOverdue(o: Order, now: number, limits: StatsConfig, clock: LocalClock): boolean {
  if (isDropped(o)) return false;
  const done = finishedAt(o);
  return (done ?? now) > deadlineOf(o, limits, clock);
}

/**
 * Order ids named by escalation records: the schedule keys each step of an unclaimed order's
 * ladder `esc:<orderId>:<step>` (`@<n>` after a reopen). @example escalatedIds(['esc:12:1', 'digest:g1']) // Set {12}
 */
export function escalatedIds(sentKeys: Iterable<string>): Set<number> {
  const ids = new Set<number>();
  for (const k of sentKeys) {
    const m = /^esc:(\d+):/.exec(k);
    if (m) ids.add(Number(m[1]));
  }
  return ids;
}

/** Escalated: a `sent` escalation record, or an escalation line in the history. */
export function isEscalated(o: Pick<Order, 'id' | 'history'>, escalated: ReadonlySet<number>): boolean {
  // An `escalate` action is read defensively: the schedule feature may add it to the audit trail.
  return escalated.has(o.id) || o.history.some((h) => (h.action as string) === 'escalate');
}

/** A second follow-up recorded by staff after a low rating. */
export interface SecondFollowUp {
  orderId: number;
  by: string;
  at: number;
  note: string;
}

/**
 * Rated 2 or less and not yet followed up a second time (a follow-up older than the rating does
 * not count: the order was reopened and rated low again). @example needsSecondFollowUp(order, undefined) // true for a 1
 */
export function needsSecondFollowUp(o: Pick<Order, 'history' | 'rating'>, done: SecondFollowUp | undefined): boolean {
  if (o.rating === null || o.rating > LOW_RATING_MAX) return false;
  const at = ratedAt(o) ?? 0;
  return !done || done.at < at;
}
