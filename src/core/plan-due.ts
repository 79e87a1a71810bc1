/**
 * What the bot should post on its own, as a pure function of the stored state and `now`.
 *
 * Every job has a stable key (`esc:12:2`, `digest:g1:2026-06-10`). The app posts a due job only
 * if its key is not yet in the `sent` record and records the key in the same commit as the post,
 * so a restart neither repeats nor loses one. Rules:
 * - Quiet hours hold every job that is not about an urgent order until they end (the morning).
 * - A ladder step is due one step time after the previous step actually went out, so a step held
 *   for the night, or caught up after a restart, pushes the rest of the ladder back.
 * - Date-bound posts go stale: a morning digest after `morningDigest.until`, the evening and weekly
 *   summaries at the start of quiet hours (or midnight); posts due before the bot first ran on its
 *   data are never sent.
 * - A follow-up ask is dropped `followUp.staleAfterMinutes` after its time; when several asks of
 *   one order are due at once only the last is sent.
 * - An order's jobs apply only while the order is in the state they are about (an escalation
 *   stops once someone claims, a follow-up once the resident rates).
 */
import type { AppConfig } from './config-schema.js';
import type { Order, OrderStatus, Transition } from './model.js';
import { afterQuiet, nextQuietStart } from './quiet-hours.js';
import { addDays, atLocal, isoWeekday, MINUTE, today } from './local-time.js';
import { finishDeadline, timeLimits } from './time-limits.js';

/** What the `sent` record keeps per job key. */
export interface SentRecord {
  /** When it went out. */
  at: number;
  /** When it was due (before any quiet-hours hold). */
  dueAt: number;
  /** Recorded without posting: overtaken by a later job of the same kind, or failed. */
  skipped?: boolean;
  /** Why it failed, when it did. */
  error?: string;
}

/** A post held back for quiet hours (the planner only needs these fields). */
export interface HeldRef {
  id: string;
  at: number;
  /** A held dispatch call: released only if the order is still in this status and cycle. */
  orderId?: number;
  status?: OrderStatus;
  cycle?: number;
}

export interface ScheduleState {
  orders: Iterable<Order>;
  sent(key: string): SentRecord | undefined;
  held: Iterable<HeldRef>;
  /** The bot's first scheduling tick on this data; date-bound posts due before it are not sent. */
  since: number;
}

export type UnclaimedStep = 'group' | 'worker' | 'chief' | 'staff';
export type OverdueStep = 'claimer' | 'worker';

export type Job =
  | { kind: 'escalate'; orderId: number; step: UnclaimedStep; index: number; waitingSince: number }
  | { kind: 'overdue'; orderId: number; step: OverdueStep; index: number; deadline: number }
  | { kind: 'acceptance'; orderId: number; waitingSince: number }
  | { kind: 'follow_up'; orderId: number; ask: number; resolvedAt: number }
  | { kind: 'digest'; gridId: string; date: string }
  | { kind: 'evening'; date: string }
  | { kind: 'weekly'; date: string; from: string; to: string }
  /** Release a held post (`apply` false: it no longer applies and is dropped unsent). */
  | { kind: 'release'; heldId: string; apply: boolean; orderId?: number; cycle?: number };

export type PlannedJob = Job & {
  key: string;
  /** When it falls due, before quiet hours. */
  dueAt: number;
  /** Goes out in quiet hours too. */
  urgent: boolean;
  /** Not sent at or after this instant. */
  staleAt: number;
  /** Keys to record as skipped when this job goes out. */
  supersedes: string[];
};

/** A step sent within this much of its time counts as sent on time (one cron tick plus slack). */
export const ON_TIME_SLACK_MS = 2 * MINUTE;

/** `esc:12:2`, and `esc:12:2@3` for the third time the order went round. @example jobKey('esc', 12, 2, 1) // 'esc:12:2' */
export function jobKey(prefix: string, orderId: number, step: number | null, cycle: number): string {
  const base = step === null ? `${prefix}:${orderId}` : `${prefix}:${orderId}:${step}`;
  return cycle > 1 ? `${base}@${cycle}` : base;
}

/** How many times an order has entered a status, and when it last did. @example cycleOf(o, (h) => h.to === 'dispatched') */
export function cycleOf(o: Order, match: (h: Transition) => boolean): { cycle: number; at: number } {
  let cycle = 0;
  let at = o.createdAt;
  for (const h of o.history) {
    if (match(h)) {
      cycle++;
      at = h.at;
    }
  }
  return { cycle, at };
}

export const isDispatchLine = (h: Transition) => h.to === 'dispatched';
export const isTakeLine = (h: Transition) => h.action === 'claim' || h.action === 'assign';
export const isResolveLine = (h: Transition) => h.action === 'resolve';

/** Where the next step of a chain starts: the previous step's due time if it went out on time, else when it went out. */
function chainBase(rec: SentRecord): number {
  return rec.at - rec.dueAt <= ON_TIME_SLACK_MS ? rec.dueAt : rec.at;
}

type Candidate = PlannedJob;
type GridInfo = { hasWorker: boolean; hasChief: boolean };

function ladder(
  o: Order,
  steps: readonly string[],
  exists: (step: string) => boolean,
  anchor: number,
  stepMs: number,
  firstDelayMs: number,
  key: (index: number) => string,
  state: ScheduleState,
): { index: number; step: string; dueAt: number } | null {
  let base = anchor;
  let delay = firstDelayMs;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (!exists(step)) continue;
    const rec = state.sent(key(i + 1));
    if (!rec) return { index: i + 1, step, dueAt: base + delay };
    base = chainBase(rec);
    delay = stepMs;
  }
  return null;
}

/** Statuses with nothing scheduled: done with, or (resolved/reported) only while unrated. */
const QUIET_STATUSES: ReadonlySet<OrderStatus> = new Set(['followed_up', 'rejected', 'cancelled', 'closed']);

function orderCandidates(o: Order, config: AppConfig, grids: Map<string, GridInfo>, state: ScheduleState, heldCalls: Map<number, HeldRef>, out: Candidate[]): void {
  if (QUIET_STATUSES.has(o.status)) return;
  const limits = timeLimits(config, o.category, o.urgent);
  const { quietHours: quiet } = config.schedule;
  const tz = config.timezone;
  const common = { urgent: o.urgent, staleAt: Infinity, supersedes: [] as string[] };
  const grid = o.gridId ? grids.get(o.gridId) : undefined;

  if (o.status === 'submitted' || o.status === 'accepted') {
    const since = o.history.at(-1)?.at ?? o.createdAt;
    // The staff notice of a non-urgent order made at night waits for the morning; so does the clock.
    const anchor = o.urgent ? since : afterQuiet(since, quiet, tz);
    const key = jobKey('acc', o.id, null, 1);
    if (!state.sent(key)) out.push({ kind: 'acceptance', orderId: o.id, waitingSince: since, key, dueAt: anchor + limits.claimMs, ...common });
    return;
  }

  if (o.status === 'dispatched') {
    const { cycle, at } = cycleOf(o, isDispatchLine);
    const held = heldCalls.get(o.id);
    if (held && held.cycle === cycle) return; // the call itself has not gone out yet
    const call = state.sent(jobKey('call', o.id, null, cycle));
    const anchor = call ? chainBase(call) : at;
    const exists = (s: string) => (s === 'staff' ? true : s === 'group' ? !!grid : s === 'worker' ? !!grid?.hasWorker : !!grid?.hasChief);
    const next = ladder(o, config.dispatch.escalation.unclaimed, exists, anchor, limits.stepMs, limits.claimMs, (i) => jobKey('esc', o.id, i, cycle), state);
    if (next) out.push({ kind: 'escalate', orderId: o.id, step: next.step as UnclaimedStep, index: next.index, waitingSince: anchor, key: jobKey('esc', o.id, next.index, cycle), dueAt: next.dueAt, ...common });
    return;
  }

  if (o.status === 'claimed' || o.status === 'in_progress') {
    const { cycle, at } = cycleOf(o, isTakeLine);
    const deadline = finishDeadline(o, at, config);
    const exists = (s: string) => (s === 'claimer' ? !!o.claimerId : !!grid?.hasWorker);
    const next = ladder(o, config.dispatch.escalation.overdue, exists, deadline, limits.stepMs, 0, (i) => jobKey('late', o.id, i, cycle), state);
    if (next) out.push({ kind: 'overdue', orderId: o.id, step: next.step as OverdueStep, index: next.index, deadline, key: jobKey('late', o.id, next.index, cycle), dueAt: next.dueAt, ...common });
    return;
  }

  if ((o.status === 'resolved' || o.status === 'reported') && o.rating === null) {
    const { cycle, at } = cycleOf(o, isResolveLine);
    const asks = config.schedule.followUp.asksAfterMinutes;
    const stale = config.schedule.followUp.staleAfterMinutes * MINUTE;
    // Only asks after the last one sent; 0 is the ask made with the completion notice.
    let first = 0;
    asks.forEach((_, j) => {
      if (state.sent(jobKey('ask', o.id, j + 1, cycle))) first = j + 1;
    });
    for (let j = first; j < asks.length; j++) {
      if (asks[j] === 0) continue;
      const dueAt = at + asks[j]! * MINUTE;
      const key = jobKey('ask', o.id, j + 1, cycle);
      // Not urgent: a rating question never goes out at night.
      out.push({ kind: 'follow_up', orderId: o.id, ask: j + 1, resolvedAt: at, key, dueAt, urgent: false, staleAt: dueAt + stale, supersedes: [] });
    }
  }
}

function dayCandidates(config: AppConfig, date: string, state: ScheduleState, out: Candidate[]): void {
  const s = config.schedule;
  const tz = config.timezone;
  const nonUrgent = { urgent: false, supersedes: [] as string[] };
  const endOfDay = atLocal(addDays(date, 1), '00:00', tz);
  const nightFrom = (t: number) => Math.min(nextQuietStart(t, s.quietHours, tz) ?? Infinity, endOfDay);
  if (s.morningDigest.enabled) {
    const dueAt = atLocal(date, s.morningDigest.at, tz);
    if (dueAt >= state.since) {
      for (const g of config.grids) {
        out.push({ kind: 'digest', gridId: g.id, date, key: `digest:${g.id}:${date}`, dueAt, staleAt: atLocal(date, s.morningDigest.until, tz), ...nonUrgent });
      }
    }
  }
  if (s.eveningSummary.enabled) {
    const dueAt = atLocal(date, s.eveningSummary.at, tz);
    if (dueAt >= state.since) out.push({ kind: 'evening', date, key: `evening:${date}`, dueAt, staleAt: nightFrom(dueAt), ...nonUrgent });
  }
  if (s.weeklySummary.enabled && isoWeekday(date) === s.weeklySummary.weekday) {
    const dueAt = atLocal(date, s.weeklySummary.at, tz);
    if (dueAt >= state.since) {
      out.push({ kind: 'weekly', date, from: addDays(date, -7), to: addDays(date, -1), key: `weekly:${date}`, dueAt, staleAt: nightFrom(dueAt), ...nonUrgent });
    }
  }
}

/** Every job not yet sent that could fall due from `now` on (today's and tomorrow's posts, each order's next step). */
function candidates(state: ScheduleState, config: AppConfig, now: number): Candidate[] {
  const out: Candidate[] = [];
  const grids = new Map(config.grids.map((g) => [g.id, { hasWorker: g.workerIds.length > 0, hasChief: !!g.chiefId }]));
  const heldCalls = new Map<number, HeldRef>();
  const held = [...state.held];
  // Looking orders up by id is only needed for held calls; a year of orders is not copied otherwise.
  // (`state.orders` may be a one-pass iterator over the store: it is walked exactly once.)
  const orders = new Map<number, Order>();
  const byId = held.some((h) => h.orderId !== undefined);
  if (byId) for (const o of state.orders) orders.set(o.id, o);
  for (const h of held) {
    if (h.orderId === undefined) {
      out.push({ kind: 'release', heldId: h.id, apply: true, key: `held:${h.id}`, dueAt: h.at, urgent: false, staleAt: Infinity, supersedes: [] });
      continue;
    }
    const o = orders.get(h.orderId);
    const applies = !!o && o.status === h.status && cycleOf(o, isDispatchLine).cycle === h.cycle;
    if (applies) heldCalls.set(h.orderId, h);
    out.push({
      kind: 'release', heldId: h.id, apply: applies, orderId: h.orderId, ...(h.cycle !== undefined ? { cycle: h.cycle } : {}),
      key: `held:${h.id}`, dueAt: h.at, urgent: false, staleAt: Infinity, supersedes: [],
    });
  }
  for (const o of byId ? orders.values() : state.orders) orderCandidates(o, config, grids, state, heldCalls, out);
  const d = today(now, config.timezone);
  dayCandidates(config, d, state, out);
  dayCandidates(config, addDays(d, 1), state, out);
  return out.filter((c) => c.kind === 'release' || !state.sent(c.key));
}

/** The moment a candidate can go out, seen from `now`: quiet hours hold non-urgent ones to the morning. */
function goesOutAt(c: Candidate, now: number, config: AppConfig): number {
  const { quietHours: quiet } = config.schedule;
  const tz = config.timezone;
  if (c.kind === 'release' && !c.apply) return c.dueAt; // dropping posts nothing
  let t = c.urgent ? c.dueAt : afterQuiet(c.dueAt, quiet, tz);
  if (t <= now) t = c.urgent ? now : afterQuiet(now, quiet, tz);
  return t;
}

/**
 * The jobs due at `now`, in the order they should go out.
 * @example planDue(state, config, Date.parse('2026-06-10T11:30:00+08:00')) // [{ kind: 'escalate', key: 'esc:1:1', … }]
 */
export function planDue(state: ScheduleState, config: AppConfig, now: number): PlannedJob[] {
  const due = candidates(state, config, now).filter((c) => goesOutAt(c, now, config) <= now && now < c.staleAt);
  // Several asks of one order due together (the bot was down): send the last, skip the others.
  type Ask = Extract<PlannedJob, { kind: 'follow_up' }>;
  const lastAsk = new Map<number, Ask>();
  const rest: PlannedJob[] = [];
  for (const j of due) {
    if (j.kind !== 'follow_up') {
      rest.push(j);
      continue;
    }
    const prev = lastAsk.get(j.orderId);
    if (!prev) lastAsk.set(j.orderId, j);
    else if (prev.ask < j.ask) lastAsk.set(j.orderId, { ...j, supersedes: [...prev.supersedes, prev.key] });
    else prev.supersedes.push(j.key);
  }
  return [...rest, ...lastAsk.values()].sort((a, b) => a.dueAt - b.dueAt || a.key.localeCompare(b.key));
}

/**
 * The first moment after `now` at which something falls due, or null if nothing is pending
 * (the simulator jumps its clock from one such moment to the next).
 * @example nextDueAt(state, config, Date.parse('2026-06-10T09:30:00+08:00')) // 11:30 the same day
 */
export function nextDueAt(state: ScheduleState, config: AppConfig, now: number): number | null {
  let best: number | null = null;
  for (const c of candidates(state, config, now)) {
    const t = goesOutAt(c, now, config);
    if (t > now && t < c.staleAt && (best === null || t < best)) best = t;
  }
  return best;
}
