/** Time arithmetic in the deployment's time zone (Asia/Shanghai by default), never the host's. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TZ = 'Asia/Shanghai';

/** Formats an instant in a zone. @example formatLocal(t, 'MM-DD HH:mm') // '06-10 09:30' */
export function formatLocal(at: number, format: string, tz: string = DEFAULT_TZ): string {
  return dayjs(at).tz(tz).format(format);
}

/** The local calendar date of an instant. @example localDate(t) // '2026-06-10' */
export function localDate(at: number, tz: string = DEFAULT_TZ): string {
  return formatLocal(at, 'YYYY-MM-DD', tz);
}

/** Parses an ISO time with an offset (`2026-06-10T09:30:00+08:00`), or a local time in `tz`. NaN if invalid. */
export function parseInstant(text: string, tz: string = DEFAULT_TZ): number {
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(text)) return Date.parse(text);
  const d = dayjs.tz(text, tz);
  return d.isValid() ? d.valueOf() : NaN;
}

export { dayjs };
