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
