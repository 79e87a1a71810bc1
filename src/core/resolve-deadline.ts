/**
 * Deadlines and lengths typed in commands (`周五 18:00`, `6月30日`, `3天`), resolved against a
 * reference time passed in, in the deployment's zone. Pure: no clock is read here.
 */
import * as zh from 'chrono-node/zh/hans';
import { dayjs, DEFAULT_TZ } from './time.js';
import { CHINESE_DIGITS, CHINESE_TEN, DURATION_UNITS } from './vocabulary-council.js';

/** 3, 十, 十二, 二十四, 两 → number; null if not a number. @example chineseOrArabic('十二') // 12 */
export function chineseOrArabic(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,6}$/.test(t)) return Number(t);
  if (!t || [...t].some((c) => !(c in CHINESE_DIGITS) && c !== CHINESE_TEN)) return null;
  const i = t.indexOf(CHINESE_TEN);
  if (i < 0) return t.length === 1 ? CHINESE_DIGITS[t]! : null;
  if (t.indexOf(CHINESE_TEN, i + 1) >= 0) return null;
  const tens = i === 0 ? 1 : i === 1 ? CHINESE_DIGITS[t[0]!]! : NaN;
  const rest = t.slice(i + 1);
  const ones = rest === '' ? 0 : rest.length === 1 ? CHINESE_DIGITS[rest]! : NaN;
  const n = tens * 10 + ones;
  return Number.isFinite(n) ? n : null;
}

/**
 * A length like `3天`, `48小时`, `一周` in milliseconds, or null if the text is not one.
 * @example parseDuration('3天') // 259200000
 */
export function parseDuration(text: string): number | null {
  const t = text.replace(/\s+/g, '');
  for (const [unit, hours] of [...DURATION_UNITS].sort((a, b) => b[0].length - a[0].length)) {
    if (!t.endsWith(unit)) continue;
    const n = chineseOrArabic(t.slice(0, -unit.length));
    if (n === null || n <= 0 || n > 10_000) return null;
    return n * hours * 3_600_000;
  }
  return null;
}

/**
 * The instant a deadline like `周五 18:00` or `6月30日` means, seen at `now` in `tz`; a day without
 * a clock time means the end of that day (23:59). Null if no time is found.
 * @example resolveDeadline('周五 18:00', Date.parse('2026-06-10T09:30:00+08:00')) // 2026-06-12T18:00+08:00
 */
export function resolveDeadline(text: string, now: number, tz: string = DEFAULT_TZ): number | null {
  const t = text.trim();
  if (!t) return null;
  const offset = dayjs(now).tz(tz).utcOffset();
  const hit = zh.parse(t, { instant: new Date(now), timezone: offset }, { forwardDate: true })[0];
  if (!hit) return null;
  const at = hit.start.date().getTime();
  if (hit.start.isCertain('hour')) return at;
  // A bare day: the end of that local day.
  return dayjs(at).tz(tz).hour(23).minute(59).second(0).millisecond(0).valueOf();
}
