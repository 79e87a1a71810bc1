/**
 * Dispute mediation (万家和): the case model, its state machine with an audit trail, the ladder of
 * levels (小事不出楼栋,大事不出社区), and what falls due. Pure: time comes in as `now`.
 */
import type { MediationConfig } from './mediation-config.js';

/** 调解中 → 达成一致 (→ 回访: 已落实, or reopened) · 未达成 (may still be escalated). */
export type CaseStatus = 'open' | 'agreed' | 'failed' | 'held';

export type CaseAction =
  | 'open' // 受理: the complaint is recorded
  | 'note' // the complainant adds to an open case
  | 'attempt' // a mediator records an attempt
  | 'escalate' // climbs a level (by a mediator, or by the bot when the time limit passes)
  | 'agree' // 结案: 达成一致
  | 'fail' // 结案: 未达成
  | 'ask' // the bot asks the complainant whether the agreement held
  | 'confirm' // the complainant says it held
  | 'reopen' // the complainant says it did not
  | 'resume'; // a mediator or staff take a closed case up again (重开)

/** One line of a case's audit trail. */
export interface CaseStep {
  action: CaseAction;
  from: CaseStatus | null;
  to: CaseStatus;
  /** Contact id of who did it; `bot` for the bot itself. */
  by: string;
  at: number;
  /** The level (index into the ladder) after the step. */
  level: number;
  /** How an attempt was made (上门, 电话 …). */
  method?: string;
  note?: string;
}

export interface MediationCase {
  /** Shown as `#M{id}`; numbered apart from orders. */
  id: number;
  gridId: string | null;
  /** The group the complaint came from; null when it came privately. */
  roomId: string | null;
  complainantId: string;
  complainantName: string;
  /** The complaint as written (capped): for the complainant, mediators and staff only. */
  text: string;
  /** Short description, without address or phone: for lists. */
  summary: string;
  phone: string | null;
  status: CaseStatus;
  /** Index into `mediation.levels`. */
  level: number;
  /** When the case reached its current level (or was reopened): the time limit counts from here. */
  levelSince: number;
  createdAt: number;
  updatedAt: number;
  /** What the parties agreed (达成一致) or why not (未达成). */
  outcome: string | null;
  closedAt: number | null;
  followUpAskedAt: number | null;
  /** When staff were told the top level's time ran out (cleared when the case moves or reopens). */
  overdueNotifiedAt: number | null;
  history: CaseStep[];
}

const RULES: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  open: { from: [], to: 'open' },
  note: { from: ['open'], to: 'open' },
  attempt: { from: ['open'], to: 'open' },
  escalate: { from: ['open', 'failed'], to: 'open' },
  agree: { from: ['open'], to: 'agreed' },
  fail: { from: ['open'], to: 'failed' },
  ask: { from: ['agreed'], to: 'agreed' },
  confirm: { from: ['agreed'], to: 'held' },
  reopen: { from: ['agreed'], to: 'open' },
  resume: { from: ['agreed', 'held', 'failed'], to: 'open' },
};

/** Whether `action` is allowed on a case in `status`. @example canCaseTransition('failed', 'escalate') // true */
export function canCaseTransition(status: CaseStatus, action: CaseAction): boolean {
  return RULES[action].from.includes(status);
}

export type CaseResult = { ok: true; case: MediationCase } | { ok: false; code: 'NOT_ALLOWED'; from: CaseStatus; action: CaseAction };

/**
 * Applies one action, returning a new case with the audit line appended, or the refusal.
 * @example applyCaseAction(c, 'attempt', 'head-zhou', now, { method: '上门', note: '双方同意周末前清理杂物' }).ok
 */
export function applyCaseAction(
  c: MediationCase,
  action: CaseAction,
  by: string,
  at: number,
  extra: { note?: string; method?: string; patch?: Partial<MediationCase> } = {},
): CaseResult {
  if (!canCaseTransition(c.status, action)) return { ok: false, code: 'NOT_ALLOWED', from: c.status, action };
  const to = RULES[action].to;
  const next: MediationCase = { ...c, ...extra.patch, status: to, updatedAt: at };
  const line: CaseStep = {
    action,
    from: c.status,
    to,
    by,
    at,
    level: next.level,
    ...(extra.method ? { method: extra.method } : {}),
    ...(extra.note ? { note: extra.note } : {}),
  };
  return { ok: true, case: { ...next, history: [...c.history, line] } };
}

/** A new case at `level`, with its first audit line. */
export function newCase(
  fields: Omit<MediationCase, 'status' | 'levelSince' | 'createdAt' | 'updatedAt' | 'outcome' | 'closedAt' | 'followUpAskedAt' | 'overdueNotifiedAt' | 'history'>,
  at: number,
): MediationCase {
  return {
    ...fields,
    status: 'open',
    levelSince: at,
    createdAt: at,
    updatedAt: at,
    outcome: null,
    closedAt: null,
    followUpAskedAt: null,
    overdueNotifiedAt: null,
    history: [{ action: 'open', from: null, to: 'open', by: fields.complainantId, at, level: fields.level }],
  };
}

/** What the ladder needs to know about the deployment: its grids and staff. */
export interface LadderContext {
  mediation: MediationConfig;
  grids: readonly { id: string; workerIds: readonly string[]; chiefId: string | null }[];
  staff: readonly { id: string }[];
}

/**
 * The mediators of a level for a grid: `byGrid[grid]` (else `mediatorIds`) plus the included roles.
 * @example mediatorsAt(config, 'g1', 0) // ['head-zhou']
 */
export function mediatorsAt(ctx: LadderContext, gridId: string | null, level: number): string[] {
  const l = ctx.mediation.levels[level];
  if (!l) return [];
  const ids: string[] = [...(gridId && l.byGrid[gridId] ? l.byGrid[gridId] : l.mediatorIds)];
  const grid = gridId ? ctx.grids.find((g) => g.id === gridId) : undefined;
  if (l.include.includes('gridWorkers') && grid) ids.push(...grid.workerIds);
  if (l.include.includes('gridChief') && grid?.chiefId) ids.push(grid.chiefId);
  if (l.include.includes('staff')) ids.push(...ctx.staff.map((s) => s.id));
  return [...new Set(ids)];
}

/**
 * Where a case of a grid starts: the lowest level with a mediator for it (0 when none has one).
 * @example firstLevel(config, 'g1') // 0
 */
export function firstLevel(ctx: LadderContext, gridId: string | null): number {
  const i = ctx.mediation.levels.findIndex((_l, k) => mediatorsAt(ctx, gridId, k).length > 0);
  return i < 0 ? 0 : i;
}

/**
 * The next level up with a mediator for the grid, or null at the top of its ladder.
 * @example nextLevel(config, 'g1', 0) // 1
 */
export function nextLevel(ctx: LadderContext, gridId: string | null, level: number): number | null {
  for (let k = level + 1; k < ctx.mediation.levels.length; k++) if (mediatorsAt(ctx, gridId, k).length) return k;
  return null;
}

/** When an open case's time at its level runs out. @example limitEndsAt(c, config) // c.levelSince + 48h */
export function limitEndsAt(c: Pick<MediationCase, 'level' | 'levelSince'>, m: MediationConfig): number {
  const l = m.levels[c.level] ?? m.levels[m.levels.length - 1]!;
  return c.levelSince + l.limitHours * 3_600_000;
}

/** When the complainant of an agreed case is asked whether it held. */
export function followUpAt(c: Pick<MediationCase, 'closedAt'>, m: MediationConfig): number | null {
  return c.closedAt === null ? null : c.closedAt + m.followUpDays * 86_400_000;
}

/** Something the clock makes due on a case. */
export type CaseDue =
  | { kind: 'escalate'; caseId: number; to: number }
  /** Time ran out at the top of the ladder: staff are told once per stay at that level. */
  | { kind: 'overdue_at_top'; caseId: number }
  | { kind: 'ask_follow_up'; caseId: number };

/**
 * What is due on the cases at `now` (each case records what was done, so nothing is done twice).
 * @example dueCaseJobs(cases, now, config) // [{ kind: 'escalate', caseId: 3, to: 1 }]
 */
export function dueCaseJobs(cases: Iterable<MediationCase>, now: number, ctx: LadderContext): CaseDue[] {
  const out: CaseDue[] = [];
  for (const c of cases) {
    if (c.status === 'open' && now >= limitEndsAt(c, ctx.mediation)) {
      const to = nextLevel(ctx, c.gridId, c.level);
      if (to !== null) out.push({ kind: 'escalate', caseId: c.id, to });
      else if (c.overdueNotifiedAt === null) out.push({ kind: 'overdue_at_top', caseId: c.id });
    }
    if (c.status === 'agreed' && c.followUpAskedAt === null) {
      const at = followUpAt(c, ctx.mediation);
      if (at !== null && now >= at) out.push({ kind: 'ask_follow_up', caseId: c.id });
    }
  }
  return out.sort((a, b) => a.caseId - b.caseId);
}

/** Whole days since `since`. @example ageDays(t0, t0 + 3.5 * 86_400_000) // 3 */
export function ageDays(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / 86_400_000));
}

/** Attempts recorded at the current level and in all. */
export function attemptCount(c: MediationCase): number {
  return c.history.filter((h) => h.action === 'attempt').length;
}

/**
 * The next moment after `now` when something falls due on the cases, or null.
 * @example nextCaseDueAt(cases, now, config) // the earliest level limit or follow-up still ahead
 */
export function nextCaseDueAt(cases: Iterable<MediationCase>, now: number, ctx: LadderContext): number | null {
  let best: number | null = null;
  const consider = (t: number | null) => {
    if (t !== null && t > now && (best === null || t < best)) best = t;
  };
  for (const c of cases) {
    if (c.status === 'open' && c.overdueNotifiedAt === null) consider(limitEndsAt(c, ctx.mediation));
    if (c.status === 'agreed' && c.followUpAskedAt === null) consider(followUpAt(c, ctx.mediation));
  }
  return best;
}
