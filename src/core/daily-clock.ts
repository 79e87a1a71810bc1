/** Local calendar arithmetic for daily and monthly jobs (the zone comes in; nothing reads the host's). */
import { DEFAULT_TZ, dayjs } from './time.js';

export interface LocalClock {
  /** `YYYY-MM-DD` */
  date: string;
  /** `YYYY-MM` */
  month: string;
  dayOfMonth: number;
  /** Minutes since local midnight. */
  minute: number;
}

/** Where an instant falls on the local calendar. @example localClock(t).minute // 1200 at 20:00 */
export function localClock(now: number, tz: string = DEFAULT_TZ): LocalClock {
  const d = dayjs(now).tz(tz);
  return { date: d.format('YYYY-MM-DD'), month: d.format('YYYY-MM'), dayOfMonth: d.date(), minute: d.hour() * 60 + d.minute() };
}

/** Minutes since midnight of a `HH:mm` time. @example minutesOf('20:00') // 1200 */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A calendar date moved by whole days. @example addDays('2026-06-10', -1) // '2026-06-09' */
export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** The instant a local date begins. @example startOfDate('2026-06-10') // 2026-06-09T16:00:00Z */
export function startOfDate(date: string, tz: string = DEFAULT_TZ): number {
  return dayjs.tz(date, tz).valueOf();
}

/**
 * The first instant strictly after `now` at a local `HH:mm` (today or tomorrow).
 * @example nextDailyAt(Date.parse('2026-06-10T21:00:00+08:00'), '20:00') // 2026-06-11 20:00 local
 */
export function nextDailyAt(now: number, hhmm: string, tz: string = DEFAULT_TZ): number {
  const today = dayjs(now).tz(tz).format('YYYY-MM-DD');
  for (const date of [today, addDays(today, 1), addDays(today, 2)]) {
    const t = dayjs.tz(`${date} ${hhmm}`, 'YYYY-MM-DD HH:mm', tz).valueOf();
    if (t > now) return t;
  }
  throw new Error('internal: no next daily time');
}

/**
 * The first instant strictly after `now` on day `day` of a month at a local `HH:mm`.
 * @example nextMonthlyAt(Date.parse('2026-06-25T10:00:00+08:00'), 25, '09:00') // 2026-07-25 09:00 local
 */
export function nextMonthlyAt(now: number, day: number, hhmm: string, tz: string = DEFAULT_TZ): number {
  const start = dayjs(now).tz(tz).startOf('month');
  for (let k = 0; k < 3; k++) {
    const month = start.add(k, 'month').format('YYYY-MM');
    const t = dayjs.tz(`${month}-${String(day).padStart(2, '0')} ${hhmm}`, 'YYYY-MM-DD HH:mm', tz).valueOf();
    if (t > now) return t;
  }
  throw new Error('internal: no next monthly time');
}
