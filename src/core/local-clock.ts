/**
 * Fast local-time arithmetic for reports over many orders. dayjs's timezone plugin costs about
 * 0.1 ms a call (it formats through Intl each time), too slow for 100,000 orders times ten
 * stamps; here the zone offset is looked up once per day of time (per hour on a day the zone
 * changes its offset) and cached.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface LocalClock {
  readonly tz: string;
  /** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
  offset(at: number): number;
  /** `YYYY-MM-DD HH:mm` in the zone. */
  stamp(at: number): string;
  /** `YYYY-MM-DD` in the zone. */
  date(at: number): string;
  /** The instant a local calendar date (`YYYY-MM-DD`) begins; NaN if the date does not exist. */
  dayStart(date: string): number;
  /** `YYYY-MM-DD` plus `days` calendar days. */
  addDays(date: string, days: number): string;
  /** The zone's wall-clock time as a Date whose UTC fields read like local time (for spreadsheets). */
  wallDate(at: number): Date;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Splits `YYYY-MM-DD` into numbers, or null if it is not a real calendar date. */
export function splitDate(date: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return [y, mo, d];
}

/** A clock for one zone. @example localClock('Asia/Shanghai').stamp(t) // '2026-06-10 09:30' */
export function localClock(tz: string): LocalClock {
  // Intl directly: dayjs's timezone plugin does the same with much more work around it.
  const dtf = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const zoneOffset = (at: number) => {
    const p: Record<string, number> = {};
    for (const part of dtf.formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return wall - (at - (((at % 1000) + 1000) % 1000));
  };
  // Per UTC day: one offset when the day starts and ends with the same one (no change inside,
  // as zones change at most twice a year), else null and the hour decides.
  const days = new Map<number, number | null>();
  const hours = new Map<number, number>();
  const offset = (at: number): number => {
    const d = Math.floor(at / DAY);
    let o = days.get(d);
    if (o === undefined) {
      const a = zoneOffset(d * DAY);
      o = a === zoneOffset(d * DAY + DAY - 1) ? a : null;
      if (days.size > 50_000) days.clear();
      days.set(d, o);
    }
    if (o !== null) return o;
    const h = Math.floor(at / HOUR);
    let ho = hours.get(h);
    if (ho === undefined) hours.set(h, (ho = zoneOffset(h * HOUR)));
    return ho;
  };
  const wallDate = (at: number) => new Date(at + offset(at));
  const date = (at: number) => {
    const d = wallDate(at);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  };
  return {
    tz,
    offset,
    wallDate,
    date,
    stamp(at) {
      const d = wallDate(at);
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    },
    dayStart(dateText) {
      const p = splitDate(dateText);
      if (!p) return NaN;
      const wall = Date.UTC(p[0], p[1] - 1, p[2]);
      // The offset at the answer may differ from the offset at the guess (a DST change): look twice.
      const first = wall - offset(wall);
      const second = wall - offset(first);
      return second;
    },
    addDays(dateText, days) {
      const p = splitDate(dateText);
      if (!p) return dateText;
      const d = new Date(Date.UTC(p[0], p[1] - 1, p[2]) + days * DAY);
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    },
  };
}
