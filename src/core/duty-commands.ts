/** The duty and leave commands volunteers type: 请假 3天 · 请假到6月12日 · 销假 · 今天谁值班. */
import { normaliseCommandText } from './commands.js';
import { addDays } from './local-time.js';
import {
  BACK_WORDS, CHINESE_DAY_COUNTS, COMMAND_TAILS, DAY_UNITS, LEAVE_DAY_WORDS, LEAVE_FILLERS, LEAVE_WORDS, WEEK_UNITS, WHO_ON_DUTY,
} from './vocabulary-duty.js';

export type DutyCommand =
  /** Leave from `fromDay` (days after today, 0 = now) through the end of `lastDay` days after today. */
  | { type: 'leave'; fromDay: number; lastDay: number }
  /** Leave through the end of a date (`MM-DD`, the year is worked out from today). */
  | { type: 'leave_until'; month: number; day: number }
  | { type: 'back' }
  | { type: 'who'; day: 'today' | 'tomorrow' | 'week' }
  /** `请假` followed by something we cannot read. */
  | { type: 'leave_unclear' };

/** Longest leave a volunteer can record in one message (days). */
export const MAX_LEAVE_DAYS = 90;

function stripTail(t: string): string {
  let s = t;
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of COMMAND_TAILS) {
      if (s.endsWith(w)) {
        s = s.slice(0, -w.length).trimEnd();
        changed = true;
      }
    }
  }
  return s;
}

/** 一 … 九十九 in words. */
function chineseNumber(t: string): number | null {
  if (CHINESE_DAY_COUNTS[t] && t.length === 1) return CHINESE_DAY_COUNTS[t]!;
  const m = /^([二两三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(t);
  if (!m) return null;
  return (m[1] ? CHINESE_DAY_COUNTS[m[1]]! : 1) * 10 + (m[2] ? CHINESE_DAY_COUNTS[m[2]]! : 0);
}

function count(n: string): number | null {
  if (/^\d{1,3}$/.test(n)) return Number(n);
  return chineseNumber(n) ?? CHINESE_DAY_COUNTS[n] ?? null;
}

function dayCount(text: string): number | null {
  for (const unit of WEEK_UNITS) {
    if (!text.endsWith(unit)) continue;
    const n = text.slice(0, -unit.length).trim();
    const v = n === '' || n === '个' ? 1 : count(n.replace(/个$/, ''));
    return v ? v * 7 : null;
  }
  if (CHINESE_DAY_COUNTS[text]) return CHINESE_DAY_COUNTS[text]!;
  for (const unit of DAY_UNITS) {
    if (!text.endsWith(unit)) continue;
    const n = text.slice(0, -unit.length).trim();
    const v = count(n);
    if (v) return v;
  }
  return null;
}

/**
 * Reads a duty or leave command, or null if the text is not one.
 * @example parseDutyCommand('请假 3天') // { type: 'leave', fromDay: 0, lastDay: 2 }
 */
export function parseDutyCommand(raw: string): DutyCommand | null {
  const text = stripTail(normaliseCommandText(raw));
  if (!text || text.length > 30) return null;
  for (const [day, words] of Object.entries(WHO_ON_DUTY) as [keyof typeof WHO_ON_DUTY, readonly string[]][]) {
    if (words.includes(text)) return { type: 'who', day };
  }
  if ((BACK_WORDS as readonly string[]).includes(text)) return { type: 'back' };
  const word = LEAVE_WORDS.find((w) => text.startsWith(w));
  if (!word) return null;
  let rest = text.slice(word.length).trim();
  if (!rest) return { type: 'leave', fromDay: 0, lastDay: 0 };
  for (const f of [...LEAVE_FILLERS].sort((a, b) => b.length - a.length)) {
    if (rest.startsWith(f)) {
      rest = rest.slice(f.length).trim();
      break;
    }
  }
  const date = /^(\d{1,2})[月\/.-](\d{1,2})[日号]?$/.exec(rest);
  if (date) {
    const month = Number(date[1]);
    const day = Number(date[2]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return { type: 'leave_until', month, day };
    return { type: 'leave_unclear' };
  }
  if (rest in LEAVE_DAY_WORDS) {
    const d = LEAVE_DAY_WORDS[rest as keyof typeof LEAVE_DAY_WORDS];
    return { type: 'leave', fromDay: d, lastDay: d };
  }
  const n = dayCount(rest);
  if (n !== null && n >= 1 && n <= MAX_LEAVE_DAYS) return { type: 'leave', fromDay: 0, lastDay: n - 1 };
  return { type: 'leave_unclear' };
}

/**
 * The local date a `请假到M月D日` ends on: this year's date, or next year's if it has passed.
 * Null for a date that does not exist or lies beyond the longest leave.
 * @example leaveUntilDate(6, 12, '2026-06-10') // '2026-06-12'
 */
export function leaveUntilDate(month: number, day: number, todayDate: string): string | null {
  const year = Number(todayDate.slice(0, 4));
  for (const y of [year, year + 1]) {
    const d = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (new Date(`${d}T12:00:00Z`).toISOString().slice(0, 10) !== d) return null; // 2月30日
    if (d >= todayDate) return d <= addDays(todayDate, MAX_LEAVE_DAYS) ? d : null;
  }
  return null;
}
