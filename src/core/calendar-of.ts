/**
 * Where an instant falls on the local calendar, and when a daily or monthly job next falls due,
 * on the schedule's zone arithmetic (local-time.ts).
 */
import { DEFAULT_TZ } from './time.js';
import { addDays, atLocal, minuteOfDay, today } from './local-time.js';

export interface CalendarPoint {
  /** `YYYY-MM-DD` */
  date: string;
  /** `YYYY-MM` */
  month: string;
  dayOfMonth: number;
  /** Minutes since local midnight. */
  minute: number;
}

/** The local date, month, day and minute of an instant. @example calendarOf(t).minute // 1200 at 20:00 */
export function calendarOf(now: number, tz: string = DEFAULT_TZ): CalendarPoint {
  const date = today(now, tz);
  return { date, month: date.slice(0, 7), dayOfMonth: Number(date.slice(8, 10)), minute: minuteOfDay(now, tz) };
}

/**
 * The first instant strictly after `now` at a local `HH:mm` (today or tomorrow).
 * @example nextDailyAt(Date.parse('2026-06-10T21:00:00+08:00'), '20:00') // 2026-06-11 20:00 local
 */
export function nextDailyAt(now: number, hhmm: string, tz: string = DEFAULT_TZ): number {
  const date = today(now, tz);
  const t = atLocal(date, hhmm, tz);
  return t > now ? t : atLocal(addDays(date, 1), hhmm, tz);
}

/**
 * The first instant strictly after `now` on day `day` (1–28) of a month at a local `HH:mm`.
 * @example nextMonthlyAt(Date.parse('2026-06-25T10:00:00+08:00'), 25, '09:00') // 2026-07-25 09:00 local
 */
export function nextMonthlyAt(now: number, day: number, hhmm: string, tz: string = DEFAULT_TZ): number {
  const [y, m] = today(now, tz).split('-').map(Number) as [number, number];
  const on = (year: number, month: number) => atLocal(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, hhmm, tz);
  const t = on(y, m);
  return t > now ? t : m === 12 ? on(y + 1, 1) : on(y, m + 1);
}
