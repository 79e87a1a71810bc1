/**
 * Statistics over orders for a period. The period selects a cohort: the orders *created* in it.
 * Counts, times, shares and ratings describe that cohort; the open backlog and the orders awaiting
 * a second follow-up are counted over all orders, as they stand at `now`.
 */
import type { ServiceGroup } from './config-staff.js';
import { isOpen, type Kind, type Order } from './model.js';
import {
  creditedTo,
  finishedAt,
  firstClaimAt,
  isDropped,
  isEscalated,
  isOverdue,
  needsSecondFollowUp,
  type DeadlineConfig,
  type SecondFollowUp,
} from './order-facts.js';
import { inPeriod } from './period.js';

/** Built-in group of each corpus category (a catalogue entry's `group` overrides it). */
export const DEFAULT_SERVICE_GROUPS: Readonly<Record<string, ServiceGroup>> = {
  // 民生服务: benefits, insurance, registration, care and health
  civil_affairs: 'livelihood',
  social_insurance: 'livelihood',
  household_registration: 'livelihood',
  elderly_care: 'livelihood',
  medical_escort: 'livelihood',
  // 生活服务: everyday help at home
  parcel: 'daily_life',
  errand: 'daily_life',
  home_repair: 'daily_life',
  cleaning: 'daily_life',
  property_maintenance: 'daily_life',
  other_service: 'daily_life',
  // 生产服务: help with work and livelihoods (paperwork for work, carrying and transport)
  copy_print: 'production',
  moving_help: 'production',
  // 缴费服务
  utility_payment: 'payment',
};

/**
 * The report group of a catalogue entry: its own `group`, the built-in one, else by kind.
 * @example serviceGroupOf({ key: 'utility_payment', kind: 'proxy' }) // 'payment'
 */
export function serviceGroupOf(entry: { key: string; kind: Kind; group?: ServiceGroup }): ServiceGroup {
  return entry.group ?? DEFAULT_SERVICE_GROUPS[entry.key] ?? (entry.kind === 'proxy' ? 'livelihood' : 'daily_life');
}

export interface RatingTally {
  count: number;
  /** null when nothing was rated. */
  average: number | null;
}

export interface StatsInput {
  orders: Iterable<Order>;
  period: { from: number; to: number };
  now: number;
  /** Time limits (dispatch and schedule config). */
  config: DeadlineConfig;
  /** Group of a category key. */
  groupOf(category: string): ServiceGroup;
  /** Orders named by escalation records (see `escalatedIds`). */
  escalated: ReadonlySet<number>;
  /** Second follow-ups recorded by staff, by order id. */
  followUps: ReadonlyMap<number, SecondFollowUp>;
}

export interface Stats {
  /** Orders created in the period. */
  created: number;
  /** …of which finished (回复 given), still open, or dropped (rejected, cancelled, closed unfinished). */
  finished: number;
  open: number;
  dropped: number;
  byGroup: Record<ServiceGroup, number>;
  byGrid: { gridId: string | null; count: number; rating: RatingTally }[];
  byCategory: { category: string; count: number }[];
  /** Finished orders of the cohort, by the volunteer credited with them. */
  byVolunteer: { contactId: string; finished: number; rating: RatingTally }[];
  /** Median ms from request to first claim, and to finish; null when none. */
  medianClaimMs: number | null;
  medianFinishMs: number | null;
  /** Overdue orders among those that expected work (created minus dropped). */
  overdue: number;
  expectedWork: number;
  escalated: number;
  rating: RatingTally;
  /** Over all orders at `now`. */
  backlog: number;
  awaitingSecondFollowUp: number;
}

/** The median of a list of numbers, or null for an empty list. @example median([3, 1, 2]) // 2 */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

class Tally {
  count = 0;
  sum = 0;
  add(r: number | null): void {
    if (r === null) return;
    this.count++;
    this.sum += r;
  }
  get value(): RatingTally {
    return { count: this.count, average: this.count ? this.sum / this.count : null };
  }
}

/**
 * Computes the period's statistics.
 * @example computeStats({ orders, period, now, config, groupOf, escalated: new Set(), followUps: new Map() }).created
 */
export function computeStats(input: StatsInput): Stats {
  const { period, now, config } = input;
  const byGroup: Record<ServiceGroup, number> = { livelihood: 0, daily_life: 0, production: 0, payment: 0 };
  const grids = new Map<string | null, { count: number; rating: Tally }>();
  const categories = new Map<string, number>();
  const volunteers = new Map<string, { finished: number; rating: Tally }>();
  const claimWaits: number[] = [];
  const finishTimes: number[] = [];
  const rating = new Tally();
  let created = 0;
  let finished = 0;
  let open = 0;
  let dropped = 0;
  let overdue = 0;
  let escalated = 0;
  let backlog = 0;
  let awaiting = 0;

  for (const o of input.orders) {
    if (isOpen(o)) backlog++;
    if (needsSecondFollowUp(o, input.followUps.get(o.id))) awaiting++;
    if (!inPeriod(o.createdAt, period)) continue;
    created++;
    byGroup[input.groupOf(o.category)]++;
    let g = grids.get(o.gridId);
    if (!g) grids.set(o.gridId, (g = { count: 0, rating: new Tally() }));
    g.count++;
    g.rating.add(o.rating);
    categories.set(o.category, (categories.get(o.category) ?? 0) + 1);
    rating.add(o.rating);

    const claimAt = firstClaimAt(o);
    if (claimAt !== null) claimWaits.push(claimAt - o.createdAt);
    const doneAt = finishedAt(o);
    if (doneAt !== null) {
      finished++;
      finishTimes.push(doneAt - o.createdAt);
      const who = creditedTo(o);
      if (who) {
        let v = volunteers.get(who);
        if (!v) volunteers.set(who, (v = { finished: 0, rating: new Tally() }));
        v.finished++;
        v.rating.add(o.rating);
      }
    } else if (isDropped(o)) dropped++;
    else open++;
    if (isOverdue(o, now, config)) overdue++;
    if (isEscalated(o, input.escalated)) escalated++;
  }

  return {
    created,
    finished,
    open,
    dropped,
    byGroup,
    byGrid: [...grids].map(([gridId, g]) => ({ gridId, count: g.count, rating: g.rating.value })).sort((a, b) => b.count - a.count || String(a.gridId).localeCompare(String(b.gridId))),
    byCategory: [...categories].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    byVolunteer: [...volunteers]
      .map(([contactId, v]) => ({ contactId, finished: v.finished, rating: v.rating.value }))
      .sort((a, b) => b.finished - a.finished || (b.rating.average ?? 0) - (a.rating.average ?? 0) || a.contactId.localeCompare(b.contactId)),
    medianClaimMs: median(claimWaits),
    medianFinishMs: median(finishTimes),
    overdue,
    expectedWork: created - dropped,
    escalated,
    rating: rating.value,
    backlog,
    awaitingSecondFollowUp: awaiting,
  };
}
