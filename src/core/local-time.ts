/**
 * Calendar arithmetic in the community's zone (Asia/Shanghai by default): days, clock times, weekdays.
 * The planner runs every minute over every order, so this avoids dayjs' timezone plugin (about
 * 0.4 ms a call): the zone's offset is read once per hour of time from a cached Intl formatter.
 */
import { DEFAULT_TZ } from './time.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone: hour start → offset. */
const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset from UTC at an instant, in ms (read at the start of its hour: zones change
 * offset on the hour, except a few that change on the half hour).
 * @example zoneOffsetMs(Date.parse('2026-06-10T00:00:00Z'), 'Asia/Shanghai') // 28_800_000
 */
export function zoneOffsetMs(at: number, tz: string = DEFAULT_TZ): number {
  const hour = Math.floor(at / HOUR) * HOUR;
  let zone = offsets.get(tz);
  if (!zone) offsets.set(tz, (zone = new Map()));
  let off = zone.get(hour);
  if (off !== undefined) return off;
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formatters.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(hour)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  off = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - hour;
  if (zone.size > 100_000) zone.clear();
  zone.set(hour, off);
  return off;
}

/** `HH:MM` → minutes after midnight. @example clockMinutes('07:30') // 450 */
export function clockMinutes(hm: string): number {
  let v = clockCache.get(hm);
  if (v !== undefined) return v;
  const m = /^(\d{1,2}):(\d{2})$/.exec(hm);
  if (!m) throw new Error(`internal: bad clock time "${hm}"`);
  v = Number(m[1]) * 60 + Number(m[2]);
  clockCache.set(hm, v);
  return v;
}
const clockCache = new Map<string, number>();

/** Minutes after local midnight of an instant. @example minuteOfDay(Date.parse('2026-06-10T09:30:00+08:00')) // 570 */
export function minuteOfDay(at: number, tz: string = DEFAULT_TZ): number {
  const local = at + zoneOffsetMs(at, tz);
  return Math.floor((((local % DAY) + DAY) % DAY) / MINUTE);
}

/** The instant of a local clock time on a local date. @example atLocal('2026-06-10', '08:00') // 2026-06-10T00:00:00Z */
export function atLocal(date: string, hm: string, tz: string = DEFAULT_TZ): number {
  const naive = Date.parse(`${date}T${hm.padStart(5, '0')}:00Z`);
  // Twice: the offset at the guess may differ from the offset at the answer (a DST change that day).
  const guess = naive - zoneOffsetMs(naive, tz);
  return naive - zoneOffsetMs(guess, tz);
}

/** Local midnight that starts a date. @example startOfLocalDay('2026-06-10') */
export function startOfLocalDay(date: string, tz: string = DEFAULT_TZ): number {
  return atLocal(date, '00:00', tz);
}

/** The date `n` days after a date. @example addDays('2026-06-30', 1) // '2026-07-01' */
export function addDays(date: string, n: number): string {
  // Noon UTC keeps the arithmetic clear of any zone's midnight.
  return new Date(Date.parse(`${date}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Whole days from one date to another. @example daysBetween('2026-06-01', '2026-06-10') // 9 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / DAY);
}

/** ISO weekday of a date, Monday 1 … Sunday 7. @example isoWeekday('2026-06-08') // 1 */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T12:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The local date of an instant. @example today(Date.parse('2026-06-09T23:00:00Z')) // '2026-06-10' */
export function today(at: number, tz: string = DEFAULT_TZ): string {
  return new Date(at + zoneOffsetMs(at, tz)).toISOString().slice(0, 10);
}

/**
 * A wanted time as stored on orders (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, local) → an instant;
 * a date alone counts as `endOfDay` on that date. NaN when unreadable.
 * @example wantedInstant('2026-06-10T15:00', '18:00') // 15:00 that day
 */
export function wantedInstant(when: string, endOfDay: string, tz: string = DEFAULT_TZ): number {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/.exec(when);
  if (!m) return NaN;
  return atLocal(m[1]!, m[2] ?? endOfDay, tz);
}
