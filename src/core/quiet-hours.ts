/**
 * Quiet hours (default 22:00–07:00): only urgent posts go out; others wait for the morning.
 * Shared by every feature that posts on its own initiative.
 */
import { DEFAULT_TZ } from './time.js';
import { addDays, atLocal, clockMinutes, minuteOfDay, today } from './local-time.js';

export interface QuietHours {
  /** `HH:MM`, local. */
  from: string;
  /** `HH:MM`, local; earlier than `from` means the span crosses midnight. */
  to: string;
}

function inSpan(minute: number, from: number, to: number): boolean {
  if (from === to) return false;
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** Whether an instant falls in quiet hours. @example isQuiet(Date.parse('2026-06-10T23:00:00+08:00'), { from: '22:00', to: '07:00' }) // true */
export function isQuiet(at: number, quiet: QuietHours | null, tz: string = DEFAULT_TZ): boolean {
  if (!quiet) return false;
  return inSpan(minuteOfDay(at, tz), clockMinutes(quiet.from), clockMinutes(quiet.to));
}

/**
 * The first instant at or after `at` outside quiet hours: `at` itself when it is not quiet,
 * else the end of the quiet span (the morning).
 * @example afterQuiet(Date.parse('2026-06-10T23:00:00+08:00'), { from: '22:00', to: '07:00' }) // 2026-06-11 07:00
 */
export function afterQuiet(at: number, quiet: QuietHours | null, tz: string = DEFAULT_TZ): number {
  if (!isQuiet(at, quiet, tz)) return at;
  const date = today(at, tz);
  const end = atLocal(date, quiet!.to, tz);
  return end > at ? end : atLocal(addDays(date, 1), quiet!.to, tz);
}

/**
 * The first start of quiet hours strictly after `at` (for posts that are stale once the night begins).
 * @example nextQuietStart(Date.parse('2026-06-10T18:00:00+08:00'), { from: '22:00', to: '07:00' }) // 2026-06-10 22:00
 */
export function nextQuietStart(at: number, quiet: QuietHours | null, tz: string = DEFAULT_TZ): number | null {
  if (!quiet || quiet.from === quiet.to) return null;
  const date = today(at, tz);
  const start = atLocal(date, quiet.from, tz);
  return start > at ? start : atLocal(addDays(date, 1), quiet.from, tz);
}
