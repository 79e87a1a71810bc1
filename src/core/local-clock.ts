/**
 * Local time for reports over many orders, on top of `local-time.ts` (cached Intl offsets): a
 * ledger of 100,000 orders formats about a million stamps, so the zone's offset is also kept per
 * day (one lookup for a day without an offset change) and stamps are formatted by hand.
 */
import { addDays, DAY, startOfLocalDay, zoneOffsetMs } from './local-time.js';

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
  // Per UTC day: its offset when the day starts and ends with the same one (zones change at most
  // a couple of times a year), else null and the hour decides.
  const days = new Map<number, number | null>();
  const offset = (at: number): number => {
    const d = Math.floor(at / DAY);
    let o = days.get(d);
    if (o === undefined) {
      const a = zoneOffsetMs(d * DAY, tz);
      o = a === zoneOffsetMs(d * DAY + DAY - 1, tz) ? a : null;
      if (days.size > 50_000) days.clear();
      days.set(d, o);
    }
    return o ?? zoneOffsetMs(at, tz);
  };
  const wallDate = (at: number) => new Date(at + offset(at));
  const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return {
    tz,
    offset,
    wallDate,
    date: (at) => ymd(wallDate(at)),
    stamp(at) {
      const d = wallDate(at);
      return `${ymd(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    },
    dayStart: (date) => (splitDate(date) ? startOfLocalDay(date, tz) : NaN),
    addDays: (date, n) => (splitDate(date) ? addDays(date, n) : date),
  };
}
