/** Calendar arithmetic in the community's zone (Asia/Shanghai by default): days, clock times, weekdays. */
import { dayjs, DEFAULT_TZ, localDate } from './time.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `HH:MM` → minutes after midnight. @example clockMinutes('07:30') // 450 */
export function clockMinutes(hm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hm);
  if (!m) throw new Error(`internal: bad clock time "${hm}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes after local midnight of an instant. @example minuteOfDay(Date.parse('2026-06-10T09:30:00+08:00')) // 570 */
export function minuteOfDay(at: number, tz: string = DEFAULT_TZ): number {
  const d = dayjs(at).tz(tz);
  return d.hour() * 60 + d.minute();
}

/** The instant of a local clock time on a local date. @example atLocal('2026-06-10', '08:00') // 2026-06-10T00:00:00Z */
export function atLocal(date: string, hm: string, tz: string = DEFAULT_TZ): number {
  return dayjs.tz(`${date} ${hm.padStart(5, '0')}`, 'YYYY-MM-DD HH:mm', tz).valueOf();
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

/** Today's local date for an instant (re-exported for callers of this module). @example today(now) // '2026-06-10' */
export function today(at: number, tz: string = DEFAULT_TZ): string {
  return localDate(at, tz);
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
