/**
 * The work ledger (台账): one row per order created in the period, and a summary sheet. Shared by
 * `/导出` and `npm run ledger`.
 *
 * To add a sheet (mediation cases, registrations, …): write a `LedgerSheetSource` that builds a
 * `Sheet` from the context, and add it to `LEDGER_SHEETS`.
 */
import type { Writable } from 'node:stream';
import type { AppConfig } from '../core/config-schema.js';
import { addressFull, ACTION_NAMES, KIND_NAMES, STATUS_NAMES } from '../messages/index.js';
import { LEDGER_ORDER_HEADERS as H, SERVICE_GROUP_NAMES, ledgerText as T, periodLabel } from '../messages/staff.js';
import type { Order } from '../core/model.js';
import {
  endedAt,
  finishedAt,
  firstClaimAt,
  isEscalated,
  isOverdue,
  lastAt,
  lastClaimAt,
  needsSecondFollowUp,
  ratedAt,
  type SecondFollowUp,
} from '../core/order-facts.js';
import { inPeriod, type Period } from '../core/period.js';
import { computeStats, type Stats } from '../core/stats.js';
import type { LocalClock } from '../core/local-clock.js';
import type { Store } from './ports.js';
import { StaffData, type Names } from './staff-data.js';
import { csvLines, writeXlsx, xlsxBuffer, type Cell, type Column, type Sheet } from './workbook.js';
import { casesSheet } from './mediation-ledger.js';
import { registrationsSheet } from './registration-sheet.js';

export interface LedgerContext {
  config: AppConfig;
  store: Store;
  period: Period;
  now: number;
  clock: LocalClock;
  names: Names;
  /** Orders created in the period, by number. */
  orders: Order[];
  escalated: ReadonlySet<number>;
  followUps: ReadonlyMap<number, SecondFollowUp>;
  stats: Stats;
}

export interface LedgerSheetSource {
  name: string;
  build(ctx: LedgerContext): Sheet;
}

/** Gathers what every sheet needs, once. @example ledgerContext(store, config, period, now).orders.length */
export function ledgerContext(store: Store, config: AppConfig, period: Period, now: number, data = new StaffData(config, store)): LedgerContext {
  // The period's orders are copied whole (an archived order's history read once): the statistics
  // and the rows both read every history, and the store does not keep what reports read.
  const orders: Order[] = [];
  for (const o of data.orders()) if (inPeriod(o.createdAt, period)) orders.push({ ...o });
  orders.sort((a, b) => a.id - b.id);
  const copies = new Map(orders.map((o) => [o.id, o]));
  const escalated = data.escalated();
  const followUps = data.followUps();
  const stats = computeStats({
    orders: (function* () {
      for (const o of data.orders()) yield copies.get(o.id) ?? o;
    })(),
    period,
    now,
    config,
    groupOf: data.names.groupOf,
    escalated,
    followUps,
  });
  return { config, store, period, now, clock: data.clock, names: data.names, orders, escalated, followUps, stats };
}

const time = (at: number | null): Cell => (at === null ? null : { at });
const round1 = (x: number) => Math.round(x * 10) / 10;

const ORDER_COLUMNS: Column[] = [
  { header: H.id, width: 7 },
  { header: H.grid, width: 10 },
  { header: H.kind, width: 6 },
  { header: H.group, width: 10 },
  { header: H.category, width: 12 },
  { header: H.resident, width: 10 },
  { header: H.address, width: 18 },
  { header: H.phone, width: 13 },
  { header: H.text, width: 40 },
  { header: H.when, width: 16 },
  { header: H.urgent, width: 6 },
  { header: H.submittedAt, width: 17, format: 'time' },
  { header: H.acceptedAt, width: 17, format: 'time' },
  { header: H.dispatchedAt, width: 17, format: 'time' },
  { header: H.claimedAt, width: 17, format: 'time' },
  { header: H.startedAt, width: 17, format: 'time' },
  { header: H.resolvedAt, width: 17, format: 'time' },
  { header: H.reportedAt, width: 17, format: 'time' },
  { header: H.ratedAt, width: 17, format: 'time' },
  { header: H.endedAt, width: 17, format: 'time' },
  { header: H.acceptedBy, width: 10 },
  { header: H.claimedBy, width: 10 },
  { header: H.claimMinutes, width: 10, format: 'decimal' },
  { header: H.finishHours, width: 10, format: 'decimal' },
  { header: H.rating, width: 6 },
  { header: H.status, width: 8 },
  { header: H.overdue, width: 6 },
  { header: H.escalated, width: 6 },
  { header: H.notes, width: 40 },
];

/** One ledger row: the order with its full personal data (the file goes to staff only). */
export function orderRow(o: Order, ctx: Pick<LedgerContext, 'names' | 'now' | 'clock' | 'config' | 'escalated' | 'followUps'>): Cell[] {
  const { names } = ctx;
  const claimAt = firstClaimAt(o);
  const doneAt = finishedAt(o);
  const notes = o.history.filter((h) => h.note).map((h) => (h.action === 'rate' ? T.ratingNote(h.note!) : T.note(ACTION_NAMES[h.action], h.note!)));
  const follow = ctx.followUps.get(o.id);
  if (follow) notes.push(T.secondFollowUp(names.nameOf(follow.by), follow.note));
  if (needsSecondFollowUp(o, follow)) notes.push(T.awaitingSecondFollowUp);
  return [
    o.id,
    names.gridName(o.gridId),
    KIND_NAMES[o.kind],
    SERVICE_GROUP_NAMES[names.groupOf(o.category)],
    names.categoryName(o.category),
    o.residentName,
    o.address ? addressFull(o.address) : '',
    o.phone ?? '',
    o.text,
    o.when ? o.when.replace('T', ' ') : '',
    o.urgent ? T.urgent : '',
    time(o.createdAt),
    time(lastAt(o, 'accept')),
    time(lastAt(o, 'dispatch')),
    time(lastClaimAt(o)),
    time(lastAt(o, 'start')),
    time(doneAt),
    time(lastAt(o, 'report')),
    time(ratedAt(o)),
    time(endedAt(o)),
    o.acceptedBy ? names.nameOf(o.acceptedBy) : '',
    o.claimerId ? names.nameOf(o.claimerId) : '',
    claimAt === null ? null : round1((claimAt - o.createdAt) / 60_000),
    doneAt === null ? null : round1((doneAt - o.createdAt) / 3_600_000),
    o.rating,
    STATUS_NAMES[o.status],
    isOverdue(o, ctx.now, ctx.config) ? T.yes : '',
    isEscalated(o, ctx.escalated) ? T.yes : '',
    notes.join('; '),
  ];
}

export const ordersSheet: LedgerSheetSource = {
  name: T.ordersSheet,
  build(ctx) {
    return {
      name: T.ordersSheet,
      columns: ORDER_COLUMNS,
      rows: (function* () {
        for (const o of ctx.orders) yield orderRow(o, ctx);
      })(),
    };
  },
};

/** Figures of the period: counts by group, grid, category and volunteer, times, shares, ratings. */
export function summaryRows(ctx: Pick<LedgerContext, 'stats' | 'period' | 'now' | 'clock' | 'names'>): Cell[][] {
  const { stats: s, names } = ctx;
  const R = T.rows;
  const share = (n: number, of: number) => (of ? `${Math.round((1000 * n) / of) / 10}%` : '');
  const avg = (x: number | null) => (x === null ? null : round1(x));
  const rows: Cell[][] = [
    [R.period, periodLabel(ctx.period), null, null],
    [R.generatedAt, ctx.clock.stamp(ctx.now), null, null],
    [R.created, s.created, null, null],
    [R.finished, s.finished, null, null],
    [R.open, s.open, null, null],
    [R.dropped, s.dropped, null, null],
    [R.medianClaim, s.medianClaimMs === null ? null : round1(s.medianClaimMs / 60_000), null, null],
    [R.medianFinish, s.medianFinishMs === null ? null : round1(s.medianFinishMs / 3_600_000), null, null],
    [R.overdue, s.overdue, null, null],
    [R.overdueShare, share(s.overdue, s.expectedWork), null, null],
    [R.escalated, s.escalated, null, null],
    [R.escalatedShare, share(s.escalated, s.created), null, null],
    [R.rating, avg(s.rating.average), null, s.rating.count],
    [R.backlog, s.backlog, null, null],
    [R.awaitingSecondFollowUp, s.awaitingSecondFollowUp, null, null],
    [null, null, null, null],
    [R.byGroup, null, null, null],
    ...(['livelihood', 'daily_life', 'production', 'payment'] as const).map((g): Cell[] => [SERVICE_GROUP_NAMES[g], s.byGroup[g], null, null]),
    [null, null, null, null],
    [R.byGrid, null, null, null],
    ...s.byGrid.map((g): Cell[] => [names.gridName(g.gridId), g.count, avg(g.rating.average), g.rating.count]),
    [null, null, null, null],
    [R.byCategory, null, null, null],
    ...s.byCategory.map((c): Cell[] => [names.categoryName(c.category), c.count, null, null]),
    [null, null, null, null],
    [R.byVolunteer, null, null, null],
    ...s.byVolunteer.map((v): Cell[] => [names.nameOf(v.contactId), v.finished, avg(v.rating.average), v.rating.count]),
  ];
  return rows;
}

export const summarySheet: LedgerSheetSource = {
  name: T.summarySheet,
  build(ctx) {
    return {
      name: T.summarySheet,
      columns: T.summaryHeaders.map((h, i) => ({ header: h, width: i === 0 ? 22 : 12 })),
      rows: summaryRows(ctx),
    };
  },
};

/** The sheets of the ledger file, in order. Add a sheet here. */
export const LEDGER_SHEETS: readonly LedgerSheetSource[] = [ordersSheet, summarySheet, casesSheet, registrationsSheet];

/** Builds the sheets (rows are produced lazily as they are written). */
export function ledgerSheets(ctx: LedgerContext, sources: readonly LedgerSheetSource[] = LEDGER_SHEETS): Sheet[] {
  return sources.map((s) => s.build(ctx));
}

/** The ledger as an `.xlsx` file in memory (what `/导出` sends). */
export function ledgerXlsxBuffer(ctx: LedgerContext): Promise<Buffer> {
  return xlsxBuffer(ledgerSheets(ctx), ctx.clock);
}

/** The ledger as `.xlsx` to a stream (the CLI's file). */
export function writeLedgerXlsx(ctx: LedgerContext, out: Writable): Promise<void> {
  return writeXlsx(ledgerSheets(ctx), out, ctx.clock);
}

/** The orders sheet as CSV lines (CSV holds one sheet). */
export function ledgerCsvLines(ctx: LedgerContext): Generator<string> {
  return csvLines(ordersSheet.build(ctx), ctx.clock);
}
