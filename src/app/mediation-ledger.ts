/**
 * The ledger's sheet of mediation cases (调解台账): one row per case opened in the period, with the
 * complainant's details (the file goes to staff only), the levels it climbed, the outcome and the
 * follow-up. Added to the ledger through `LEDGER_SHEETS` in `ledger.ts`.
 */
import type { AppConfig } from '../core/config-schema.js';
import type { MediationCase } from '../core/mediation.js';
import { inPeriod, type Period } from '../core/period.js';
import { CASE_LEDGER as L, CASE_STATUS_NAMES, caseRef } from '../messages/mediation.js';
import type { Store } from './ports.js';
import type { Names } from './staff-data.js';
import type { Cell, Column, Sheet } from './workbook.js';
import type { LocalClock } from '../core/local-clock.js';

/** What the sheet needs of the ledger's context. */
export interface CasesSheetContext {
  config: AppConfig;
  store: Store;
  period: Pick<Period, 'from' | 'to'>;
  clock: LocalClock;
  names: Names;
}

const H = L.headers;
const COLUMNS: Column[] = [
  { header: H.id, width: 7 },
  { header: H.grid, width: 10 },
  { header: H.complainant, width: 10 },
  { header: H.phone, width: 13 },
  { header: H.text, width: 40 },
  { header: H.openedAt, width: 17, format: 'time' },
  { header: H.firstLevel, width: 12 },
  { header: H.level, width: 14 },
  { header: H.status, width: 14 },
  { header: H.attempts, width: 8 },
  { header: H.climbs, width: 30 },
  { header: H.mediators, width: 20 },
  { header: H.closedAt, width: 17, format: 'time' },
  { header: H.result, width: 8 },
  { header: H.outcome, width: 30 },
  { header: H.followUpAt, width: 17, format: 'time' },
  { header: H.followUp, width: 14 },
  { header: H.steps, width: 60 },
];

const time = (at: number | null | undefined): Cell => (at === null || at === undefined ? null : { at });

/** One row: the case with its whole history. */
export function caseRow(c: MediationCase, ctx: Pick<CasesSheetContext, 'config' | 'clock' | 'names'>): Cell[] {
  const levels = ctx.config.mediation.levels;
  const levelName = (i: number) => levels[i]?.name ?? String(i + 1);
  const people = new Map(ctx.config.mediation.people.map((p) => [p.id, p.name]));
  const nameOf = (id: string) => people.get(id) ?? ctx.names.nameOf(id);
  const first = c.history[0]?.level ?? c.level;
  const climbs = [levelName(first), ...c.history.filter((h) => h.action === 'escalate').map((h) => L.climbStep(levelName(h.level), h.by === 'bot'))];
  const mediators = [...new Set(c.history.filter((h) => h.action === 'attempt' || h.action === 'agree' || h.action === 'fail').map((h) => nameOf(h.by)))];
  const lastClose = [...c.history].reverse().find((h) => h.action === 'agree' || h.action === 'fail');
  const asked = [...c.history].reverse().find((h) => h.action === 'ask');
  const reopened = c.history.filter((h) => h.action === 'reopen').length;
  const result = c.status === 'open' ? '' : c.status === 'failed' ? L.failed : L.agreed;
  const followUp = c.status === 'held' ? L.held : reopened ? L.reopened(reopened) : '';
  return [
    caseRef(c),
    ctx.names.gridName(c.gridId),
    c.complainantName,
    c.phone ?? '',
    c.text,
    time(c.createdAt),
    levelName(first),
    levelName(c.level),
    CASE_STATUS_NAMES[c.status],
    c.history.filter((h) => h.action === 'attempt').length,
    L.climb(climbs),
    L.names(mediators),
    time(c.status === 'open' ? null : lastClose?.at),
    result,
    c.status === 'open' ? '' : (c.outcome ?? ''),
    time(asked?.at),
    followUp,
    c.history.map((h) => L.step(ctx.clock.stamp(h.at), h.action, nameOf(h.by), h.note, h.method)).join('; '),
  ];
}

/** The sheet source: cases opened in the period, by number. */
export const casesSheet = {
  name: L.sheet,
  build(ctx: CasesSheetContext): Sheet {
    const cases = [...ctx.store.values<MediationCase>('cases')].filter((c) => inPeriod(c.createdAt, ctx.period)).sort((a, b) => a.id - b.id);
    return {
      name: L.sheet,
      columns: COLUMNS,
      rows: (function* () {
        for (const c of cases) yield caseRow(c, ctx);
      })(),
    };
  },
};
