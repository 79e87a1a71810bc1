/** Report periods: 本周, 本月, 上月, 今年, `2026-06-01 2026-06-30` → [from, to) in the community's zone. */
import { normaliseCommandText } from './commands.js';
import { localClock, splitDate, type LocalClock } from './local-clock.js';
import { PERIOD_WORDS, RANGE_SEPARATORS } from './vocabulary-staff.js';

export type PeriodWord = keyof typeof PERIOD_WORDS;
export type PeriodUnit = 'day' | 'week' | 'month' | 'year' | 'range' | 'all';

/** A half-open interval of time [from, to) with the local calendar days it covers. */
export interface Period {
  from: number;
  to: number;
  /** First and last local day (inclusive); null for "all time". */
  firstDay: string | null;
  lastDay: string | null;
  /** The word it was named by (本周 → 'thisWeek'), if any. */
  word: PeriodWord | null;
  unit: PeriodUnit;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; code: 'NOT_A_PERIOD' | 'NO_SUCH_DATE' | 'REVERSED' | 'TOO_LONG' };

/** Everything: the CLI's default when no dates are given. */
export const ALL_TIME: Period = { from: -8.64e15, to: 8.64e15, firstDay: null, lastDay: null, word: null, unit: 'all' };

/** Longest range a command accepts. */
const MAX_DAYS = 3660;

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * The period of the local days `firstDay`..`lastDay` (inclusive).
 * @example periodOfDays('2026-06-01', '2026-06-30', 'Asia/Shanghai').to // 2026-07-01T00:00+08:00
 */
export function periodOfDays(firstDay: string, lastDay: string, tz: string, word: PeriodWord | null = null, unit: PeriodUnit = 'range', clock: LocalClock = localClock(tz)): Period {
  return { from: clock.dayStart(firstDay), to: clock.dayStart(clock.addDays(lastDay, 1)), firstDay, lastDay, word, unit };
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function month(y: number, m: number, tz: string, word: PeriodWord | null, clock: LocalClock): Period {
  return periodOfDays(ymd(y, m, 1), ymd(y, m, lastDayOfMonth(y, m)), tz, word, 'month', clock);
}

function year(y: number, tz: string, word: PeriodWord | null, clock: LocalClock): Period {
  return periodOfDays(ymd(y, 1, 1), ymd(y, 12, 31), tz, word, 'year', clock);
}

/** The named period around `now`. @example namedPeriod('thisMonth', now, 'Asia/Shanghai').firstDay // '2026-06-01' */
export function namedPeriod(word: PeriodWord, now: number, tz: string, clock: LocalClock = localClock(tz)): Period {
  const today = clock.date(now);
  const [y, m] = splitDate(today)!;
  // Monday-based weeks: getUTCDay of the local date, 0 = Sunday.
  const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = clock.addDays(today, -weekday);
  switch (word) {
    case 'today':
      return periodOfDays(today, today, tz, word, 'day', clock);
    case 'yesterday': {
      const d = clock.addDays(today, -1);
      return periodOfDays(d, d, tz, word, 'day', clock);
    }
    case 'thisWeek':
      return periodOfDays(monday, clock.addDays(monday, 6), tz, word, 'week', clock);
    case 'lastWeek':
      return periodOfDays(clock.addDays(monday, -7), clock.addDays(monday, -1), tz, word, 'week', clock);
    case 'thisMonth':
      return month(y, m, tz, word, clock);
    case 'lastMonth':
      return m === 1 ? month(y - 1, 12, tz, word, clock) : month(y, m - 1, tz, word, clock);
    case 'thisYear':
      return year(y, tz, word, clock);
    case 'lastYear':
      return year(y - 1, tz, word, clock);
  }
}

const DATE = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?`;
const SEP = `(?:\\s*(?:${RANGE_SEPARATORS.map((s) => s.replace(/[-~]/g, '\\$&')).join('|')}|-)\\s*|\\s+)`;
const RANGE_RE = new RegExp(`^${DATE}${SEP}${DATE}$`);
const DAY_RE = new RegExp(`^${DATE}$`);
const MONTH_RE = /^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*月?$/;
const YEAR_RE = /^(\d{4})\s*年?(?:度)?$/;

function date(y: string, m: string, d: string): string | null {
  const s = ymd(Number(y), Number(m), Number(d));
  return splitDate(s) ? s : null;
}

/**
 * Reads a period from a command's argument, relative to `now`.
 * @example parsePeriod('上月', Date.parse('2026-06-10T09:30+08:00'), 'Asia/Shanghai') // June → May 2026
 */
export function parsePeriod(raw: string, now: number, tz: string): PeriodResult {
  const text = normaliseCommandText(raw);
  const clock = localClock(tz);
  for (const [word, words] of Object.entries(PERIOD_WORDS) as [PeriodWord, readonly string[]][]) {
    if (words.includes(text)) return { ok: true, period: namedPeriod(word, now, tz, clock) };
  }
  let m = RANGE_RE.exec(text);
  if (m) {
    const a = date(m[1]!, m[2]!, m[3]!);
    const b = date(m[4]!, m[5]!, m[6]!);
    if (!a || !b) return { ok: false, code: 'NO_SUCH_DATE' };
    if (a > b) return { ok: false, code: 'REVERSED' };
    const p = periodOfDays(a, b, tz, null, a === b ? 'day' : 'range', clock);
    if (p.to - p.from > MAX_DAYS * 86_400_000) return { ok: false, code: 'TOO_LONG' };
    return { ok: true, period: p };
  }
  m = DAY_RE.exec(text);
  if (m) {
    const a = date(m[1]!, m[2]!, m[3]!);
    return a ? { ok: true, period: periodOfDays(a, a, tz, null, 'day', clock) } : { ok: false, code: 'NO_SUCH_DATE' };
  }
  m = YEAR_RE.exec(text);
  if (m) return { ok: true, period: year(Number(m[1]), tz, null, clock) };
  m = MONTH_RE.exec(text);
  if (m && (m[1] || text.endsWith('月'))) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return { ok: false, code: 'NO_SUCH_DATE' };
    const y = m[1] ? Number(m[1]) : splitDate(clock.date(now))![0];
    return { ok: true, period: month(y, mo, tz, null, clock) };
  }
  return { ok: false, code: 'NOT_A_PERIOD' };
}

/**
 * The period from one local day to another, both included; an open end reaches all the way.
 * Neither given: all time. @example periodFromTo('2026-06-01', undefined, 'Asia/Shanghai')
 */
export function periodFromTo(first: string | undefined, last: string | undefined, tz: string): PeriodResult {
  if (!first && !last) return { ok: true, period: ALL_TIME };
  if ((first && !splitDate(first)) || (last && !splitDate(last))) return { ok: false, code: 'NO_SUCH_DATE' };
  if (first && last && first > last) return { ok: false, code: 'REVERSED' };
  const p = periodOfDays(first ?? '2000-01-01', last ?? '2000-01-01', tz);
  return { ok: true, period: { ...p, from: first ? p.from : ALL_TIME.from, to: last ? p.to : ALL_TIME.to, firstDay: first ?? null, lastDay: last ?? null } };
}

/** Whether an instant lies in the period. @example inPeriod(order.createdAt, period) */
export function inPeriod(at: number, p: Pick<Period, 'from' | 'to'>): boolean {
  return at >= p.from && at < p.to;
}
