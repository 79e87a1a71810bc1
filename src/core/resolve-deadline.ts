/**
 * Deadlines and lengths typed in commands (`周五 18:00`, `6月30日`, `3天`), resolved against a
 * reference time passed in, in the deployment's zone. Pure: no clock is read here.
 */
import * as zh from 'chrono-node/zh/hans';
import { dayjs, DEFAULT_TZ } from './time.js';
import { DURATION_UNITS, WEEK_ALIASES } from './vocabulary-council.js';
import { chineseNumber } from './parser/chinese-number.js';
import { extractWhen } from './parser/extract-when.js';
import { WEEK_WORD, WEEKDAY_NAMES } from './parser/vocabulary-time.js';

/**
 * A length like `3天`, `48小时`, `一周` in milliseconds, or null if the text is not one.
 * @example parseDuration('3天') // 259200000
 */
export function parseDuration(text: string): number | null {
  const t = text.replace(/\s+/g, '');
  for (const [unit, hours] of [...DURATION_UNITS].sort((a, b) => b[0].length - a[0].length)) {
    if (!t.endsWith(unit)) continue;
    const n = chineseNumber(t.slice(0, -unit.length));
    if (n === null || n <= 0 || n > 10_000) return null;
    return n * hours * 3_600_000;
  }
  return null;
}

/** `星期五晚上8点` → `周五晚上8点`, `周五18:00` → `周五 18:00`: forms the parser's day reader expects. */
function normaliseDeadline(text: string): string {
  let t = text.trim();
  for (const [alias, word] of WEEK_ALIASES) t = t.split(alias).join(word);
  return t.replace(new RegExp(`(${WEEK_WORD}[${Object.keys(WEEKDAY_NAMES).join('')}])(?=\\d)`, 'g'), '$1 ');
}

/** A parser time (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, local) as an instant; a bare day is its end, 23:59. */
function fromLocal(when: string, tz: string): number {
  const d = when.includes('T') ? dayjs.tz(when.replace('T', ' '), 'YYYY-MM-DD HH:mm', tz) : dayjs.tz(`${when} 23:59`, 'YYYY-MM-DD HH:mm', tz);
  return d.valueOf();
}

/**
 * The instant a deadline like `周五 18:00` or `6月30日` means, seen at `now` in `tz`; a day without
 * a clock time means the end of that day (23:59). Null if no time is found. The message parser's
 * reader comes first (明早, 下下周一, 30号, 下个月5号); chrono reads what it does not (十天后).
 * @example resolveDeadline('周五 18:00', Date.parse('2026-06-10T09:30:00+08:00')) // 2026-06-12T18:00+08:00
 */
export function resolveDeadline(text: string, now: number, tz: string = DEFAULT_TZ): number | null {
  const t = normaliseDeadline(text);
  if (!t) return null;
  const when = extractWhen(t, now);
  if (when) return fromLocal(when, tz);
  const offset = dayjs(now).tz(tz).utcOffset();
  const hit = zh.parse(t, { instant: new Date(now), timezone: offset })[0];
  if (!hit) return null;
  const at = hit.start.date().getTime();
  if (hit.start.isCertain('hour')) return at;
  return dayjs(at).tz(tz).hour(23).minute(59).second(0).millisecond(0).valueOf();
}
