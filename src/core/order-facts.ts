/**
 * Facts read from an order's audit trail, shared by statistics, points and the ledger: when it
 * was first claimed, whether (and when) it was finished, its deadline, whether it ran over or
 * was escalated. Each is a pure function of the stored order (and `now` where it matters).
 */
import type { AppConfig } from './config-schema.js';
import { wantedInstant } from './local-time.js';
import type { Order, OrderAction, Transition } from './model.js';
import { finishDeadline, timeLimits } from './time-limits.js';

/** The time limits come from the dispatch and schedule config (`dispatch.*Minutes`, `schedule.endOfDay`). */
export type DeadlineConfig = Pick<AppConfig, 'dispatch' | 'schedule' | 'timezone'>;

/** A rating at or below this sends the order back to staff for a second follow-up. */
export const LOW_RATING_MAX = 2;

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
 * The deadline, as the schedule reckons it: for a claimed order, the resident's wanted time if it
 * lies after the (last) claim, else the claim time plus the category's time to finish; for an
 * order never claimed, the wanted time, else the request time plus the time to claim and to finish.
 * @example orderDeadline(order, config)
 */
export function orderDeadline(o: Pick<Order, 'when' | 'createdAt' | 'category' | 'urgent' | 'history'>, config: DeadlineConfig): number {
  const claimAt = lastClaimAt(o);
  if (claimAt !== null) return finishDeadline(o, claimAt, config);
  if (o.when) {
    const wanted = wantedInstant(o.when, config.schedule.endOfDay, config.timezone);
    if (Number.isFinite(wanted)) return wanted;
  }
  const l = timeLimits(config, o.category, o.urgent);
  return o.createdAt + l.claimMs + l.finishMs;
}

/**
 * Overdue: finished after its deadline, or not finished and past it at `now` (rejected,
 * cancelled and closed-unfinished orders expect no work and are never overdue).
 * @example isOverdue(order, now, config)
 */
export function isOverdue(o: Order, now: number, config: DeadlineConfig): boolean {
  if (isDropped(o)) return false;
  const done = finishedAt(o);
  return (done ?? now) > orderDeadline(o, config);
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
