/** Reads the time a request wants help, resolved against `now` in Asia/Shanghai. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import * as zh from 'chrono-node/zh/hans';
import { NUMERAL_CLASS, chineseNumber } from './chinese-number.js';
import { cuePattern, escapeRegExp } from './cue-pattern.js';
import {
  APPROX_HOURS, BARE_PART_FOLLOWERS, DAY_PART_ENDS, EVENT_AFTER_CLOCK, EVENT_AFTER_DAY, MONTH_END_DEADLINE, NOT_DOTTED_DATE_AFTER, CLOCK_COLON, DEADLINE_AFTER, DURATION_BEFORE_DAY_PART, NOT_WEEK_BEFORE, CLOCK_PREFIX_PARTS, DAY_NUMBER_WORDS, DAY_PARTS, GREETING_AFTER_DAY_PART,
  HABITUAL_AFTER_PART, HABITUAL_CUES, HOUR_WORDS, WEEKDAY_RANGE_JOINERS, WEEKDAY_SCHEDULE_AFTER, MINUTE_UNIT, MINUTE_WORDS, MONTH_WORD, NEXT_MONTH_WORDS, NOT_CLOCK_BEFORE,
  NOT_DAY_AFTER, RELATIVE_DAYS, TIME_HINT_CHARS, VAGUE_TIME_CUES, WEEKDAY_NAMES, WEEK_PREFIXES, WEEK_WORD,
} from './vocabulary-time.js';

dayjs.extend(utc);

export const ZONE = 'Asia/Shanghai';
/**
 * Asia/Shanghai has had no daylight saving since 1991, so a fixed +08:00 offset is exact; it is also
 * what chrono is given. (dayjs's timezone plugin goes through Intl and cost ~170 µs a call here,
 * which alone would cap the parser near 5,000 messages/s; tests check both agree.)
 */
export const OFFSET_MINUTES = 480;

/**
 * `now` as a wall-clock day in Shanghai, held as a UTC-midnight dayjs (so day arithmetic never
 * crosses a host time-zone boundary), plus the minute of the day.
 * @example shanghaiToday(Date.parse('2026-06-10T01:30:00Z')).day.format('YYYY-MM-DD') // '2026-06-10'
 */
export function shanghaiToday(now: number): { day: dayjs.Dayjs; minuteOfDay: number } {
  // Messages come minutes apart at most: the last minute's answer is reused (dayjs values are immutable).
  const minute = Math.floor(now / 60_000);
  if (lastToday?.minute === minute) return lastToday.value;
  const local = dayjs.utc(now + OFFSET_MINUTES * 60_000);
  const value = { day: local.startOf('day'), minuteOfDay: local.hour() * 60 + local.minute() };
  lastToday = { minute, value };
  return value;
}
let lastToday: { minute: number; value: { day: dayjs.Dayjs; minuteOfDay: number } } | null = null;

type Part = 'am' | 'noon' | 'pm';
interface Day {
  index: number;
  /** Days from today (may be negative: a past reference). */
  offset: number;
  /** The day word carries a part of the day (今晚, 明早). */
  part?: Part;
}
interface Clock {
  index: number;
  /** Where the clock expression ends. */
  end: number;
  /** 3点前: a deadline, so only its date counts. */
  deadline: boolean;
  hour: number;
  minute: number;
  part?: Part;
}

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const RELATIVE = new Map(RELATIVE_DAYS);
const RELATIVE_RE = new RegExp(alt(RELATIVE_DAYS.map(([w]) => w)), 'g');
const WEEK_PREFIX = new Map(WEEK_PREFIXES);
const WEEK_RE = new RegExp(
  `(?<![${NOT_WEEK_BEFORE}])(${alt(WEEK_PREFIXES.map(([w]) => w))})?${WEEK_WORD}([${Object.keys(WEEKDAY_NAMES).join('')}])`,
  'g',
);
const NUM = `(${NUMERAL_CLASS}{1,3})`;
const MONTH_DAY_RE = new RegExp(
  `(${alt(NEXT_MONTH_WORDS)})?(?:${NUM}${MONTH_WORD})?${NUM}(${alt(DAY_NUMBER_WORDS)})(?![${NOT_DAY_AFTER}])`,
  'g',
);
const MINUTES = Object.keys(MINUTE_WORDS).join('|');
const CLOCK_RE = new RegExp(
  `${NUM}(?:${alt(HOUR_WORDS)}|${CLOCK_COLON}(?=[0-9]{2}))(${MINUTES}|${NUMERAL_CLASS}{1,3}(?:${MINUTE_UNIT})?)?`,
  'g',
);
const PART_MAP = new Map(DAY_PARTS);
const PART_RE = new RegExp(`(?<![${DURATION_BEFORE_DAY_PART}])(${alt(DAY_PARTS.map(([w]) => w))})(?![${GREETING_AFTER_DAY_PART}])`, 'g');
const VAGUE_RE = cuePattern(VAGUE_TIME_CUES);
const HABITUAL_NEAR_RE = cuePattern(HABITUAL_CUES);
const HABITUAL_AFTER_RE = new RegExp(`^[^\\s,.!?;:]*(?:${HABITUAL_AFTER_PART.join('|')})`);
const RANGE_SCHEDULE = new RegExp(`^[${WEEKDAY_RANGE_JOINERS}]${WEEK_WORD}[^\\s,.!?;:]*(?:${WEEKDAY_SCHEDULE_AFTER.join('|')})`);
const BARE_PART_FOLLOWERS_RE = cuePattern(BARE_PART_FOLLOWERS);
const HINT = new RegExp(`[${TIME_HINT_CHARS}]`);
// Only these reach chrono: numeric dates with a year (2026-06-16, 2026年6月18日).
const CHRONO_HINT = /[0-9]{4}[/.-][0-9]{1,2}|[0-9]{4}年/;
const MONTH_END_RE = new RegExp(MONTH_END_DEADLINE, 'g');
const SLASH_DATE_RE = /(?<![0-9/])(1[0-2]|0?[1-9])\/([12][0-9]|3[01]|0?[1-9])(?![0-9/])/g;
// 6.18上午: month.day, but not a price or a measure (5.5元, 36.5度).
const DOTTED_DATE_RE = new RegExp(`(?<![0-9.])(1[0-2]|0?[1-9])\\.([12][0-9]|3[01]|0?[1-9])(?![0-9.${NOT_DOTTED_DATE_AFTER}])`, 'g');

function weekdayOf(d: dayjs.Dayjs): number {
  return d.day() === 0 ? 7 : d.day();
}

function findDays(text: string, today: dayjs.Dayjs): Day[] {
  const days: Day[] = [];
  for (const m of text.matchAll(RELATIVE_RE)) {
    const word = m[0];
    if (EVENT_AFTER_DAY.includes(text[m.index! + word.length] ?? '\n')) continue;
    const part = PART_MAP.get(word);
    days.push({ index: m.index!, offset: RELATIVE.get(word)!, ...(part ? { part } : {}) });
  }
  const w = weekdayOf(today);
  let rangeEnd = -1;
  for (const m of text.matchAll(WEEK_RE)) {
    const end = m.index! + m[0].length;
    // 周一到周五都上班: both ends of a weekday range that is a schedule.
    if (m.index! <= rangeEnd) continue;
    if (RANGE_SCHEDULE.test(text.slice(end))) { rangeEnd = end + 2; continue; }
    const prefix = m[1] ? WEEK_PREFIX.get(m[1])! : null;
    const target = WEEKDAY_NAMES[m[2]!]!;
    let offset: number;
    if (prefix === null) offset = (target - w + 7) % 7; // the next such day, today included
    else offset = target - w + 7 * prefix; // 这周五, 下周一: weeks run Monday to Sunday
    days.push({ index: m.index!, offset });
  }
  for (const m of text.matchAll(MONTH_DAY_RE)) {
    const day = chineseNumber(m[3]!);
    if (day === null || day < 1 || day > 31) continue;
    // 一日三餐: a Chinese numeral + 日 is a date only after a month.
    if (!m[2] && m[4] !== DAY_NUMBER_WORDS[0] && !/^[0-9]+$/.test(m[3]!)) continue;
    let month = m[2] ? chineseNumber(m[2]) : null;
    if (month !== null && (month < 1 || month > 12)) continue;
    let year = today.year();
    if (month === null) {
      // A day number without a month: this month if still ahead, else next month (15号).
      month = today.month() + 1 + (m[1] ? 1 : 0);
      if (!m[1] && day < today.date()) month += 1;
      if (month > 12) { month -= 12; year += 1; }
    }
    const date = dayjs.utc(`${year}-${pad(month)}-${pad(day)}`);
    if (!date.isValid() || date.date() !== day) continue;
    days.push({ index: m.index!, offset: Math.round(date.diff(today, 'day', true)) });
  }
  for (const m of text.matchAll(MONTH_END_RE)) {
    days.push({ index: m.index!, offset: Math.round(today.endOf('month').startOf('day').diff(today, 'day', true)) });
  }
  for (const m of [...text.matchAll(SLASH_DATE_RE), ...text.matchAll(DOTTED_DATE_RE)]) {
    // 6/20: month/day, the way dates are typed on phones (chrono's zh parser does not read it).
    const month = Number(m[1]);
    const day = Number(m[2]);
    const date = dayjs.utc(`${today.year()}-${pad(month)}-${pad(day)}`);
    if (!date.isValid() || date.date() !== day) continue;
    days.push({ index: m.index!, offset: Math.round(date.diff(today, 'day', true)) });
  }
  return days.sort((a, b) => a.index - b.index);
}

function findClocks(text: string): Clock[] {
  const clocks: Clock[] = [];
  for (const m of text.matchAll(CLOCK_RE)) {
    const raw = m[1]!;
    const before = text.slice(Math.max(0, m.index! - 2), m.index!);
    // 快一点 / 早一点 are "a bit", not one o'clock; 一两点 is an estimate.
    if (raw === '一' && NOT_CLOCK_BEFORE.includes(before.slice(-1))) continue;
    if (APPROX_HOURS.some((a) => raw.endsWith(a) || raw === a)) continue;
    const hour = chineseNumber(raw);
    if (hour === null || hour > 24) continue;
    let minute = 0;
    const mm = m[2];
    if (mm) {
      const word = MINUTE_WORDS[mm];
      const n = word ?? chineseNumber(mm.replace(MINUTE_UNIT, ''));
      if (n === null || n === undefined || n > 59) continue;
      minute = n;
    }
    const prefix = CLOCK_PREFIX_PARTS[before.slice(-1)];
    const end = m.index! + m[0].length;
    if (habitualBefore(text, m.index! - (prefix ? 1 : 0))) continue;
    const deadline = DEADLINE_AFTER.some((w) => text.startsWith(w, end));
    clocks.push({ index: m.index!, end, deadline, hour, minute, ...(prefix ? { part: prefix } : {}) });
  }
  return clocks;
}

interface PartMatch {
  index: number;
  part: Part;
  /** When this part of the day is over, in minutes after midnight. */
  ends: number;
  /** Presence or an action follows (下午有人在家): usable without a day word. */
  acted: boolean;
}

/** How far after a bare part of the day presence or action is looked for (晚上需要人陪护 is not 晚上陪). */
const BARE_PART_WINDOW = 3;

function findParts(text: string): PartMatch[] {
  const out: PartMatch[] = [];
  for (const m of text.matchAll(PART_RE)) {
    if (habitualBefore(text, m.index!) || HABITUAL_AFTER_RE.test(text.slice(m.index! + m[0].length))) continue;
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + BARE_PART_WINDOW);
    out.push({ index: m.index!, part: PART_MAP.get(m[1]!)!, ends: DAY_PART_ENDS[m[1]!] ?? 24 * 60, acted: BARE_PART_FOLLOWERS_RE.test(after) });
  }
  return out;
}

/** 每天下午 / 天天晚上: a habit right before the time word. */
function habitualBefore(text: string, index: number): boolean {
  return HABITUAL_NEAR_RE.test(text.slice(Math.max(0, index - 3), index));
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Moves an hour to the 24-hour clock by its part of day; bare 1–5 are afternoon hours in a request. */
function hour24(hour: number, part: Part | undefined): number {
  if (part === 'pm' && hour < 12) return hour + 12;
  if (part === 'noon' && hour <= 2) return hour + 12;
  if (part === undefined && hour >= 1 && hour <= 5) return hour + 12;
  return hour === 24 ? 0 : hour;
}

function viaChrono(text: string, now: number, today: dayjs.Dayjs): string | null {
  const results = zh.parse(text, { instant: new Date(now), timezone: OFFSET_MINUTES }, { forwardDate: true });
  for (const r of results) {
    // Only a result that read the numeric date itself: chrono reads 6/20下午3点 as today 03:00.
    if (!r.start.isCertain('day') || !CHRONO_HINT.test(r.text)) continue;
    const y = r.start.get('year')!;
    const mo = r.start.get('month')!;
    const d = r.start.get('day')!;
    const date = `${y}-${pad(mo)}-${pad(d)}`;
    if (date < today.format('YYYY-MM-DD')) continue;
    return r.start.isCertain('hour') ? `${date}T${pad(r.start.get('hour')!)}:${pad(r.start.get('minute') ?? 0)}` : date;
  }
  return null;
}

/**
 * The wanted time: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM` when an hour is stated; null when vague or past.
 * `habitualOk` false ignores bare clock times (a dispute's 吵到一两点 is not an appointment).
 * @example extractWhen('明天下午3点来', Date.parse('2026-06-10T09:30:00+08:00')) // '2026-06-11T15:00'
 */
export function extractWhen(text: string, now: number, options: { dayWordsOnly?: boolean } = {}): string | null {
  if (!HINT.test(text) && !CHRONO_HINT.test(text)) return null;
  const { day: today, minuteOfDay } = shanghaiToday(now);
  const days = findDays(text, today);
  const future = days.find((d) => d.offset >= 0);
  const clocks = options.dayWordsOnly ? [] : findClocks(text);
  const parts = findParts(text);

  if (!future && CHRONO_HINT.test(text)) {
    // A numeric date (2026-06-16, 6/20) our rules do not read: chrono's date, our clock if it has none.
    const viaC = viaChrono(text, now, today);
    if (viaC) {
      const clock = clocks[0];
      if (viaC.includes('T') || !clock || clock.deadline) return viaC;
      const part = clock.part ?? [...parts].reverse().find((p) => p.index < clock.index && clock.index - p.index <= 8)?.part;
      return `${viaC}T${pad(hour24(clock.hour, part))}:${pad(clock.minute)}`;
    }
  }
  if (!future) {
    if (days.length > 0 && clocks.length === 0) return null; // only past references (上周五就报了)
    if (clocks.length === 0) {
      // 下午来人看看: a part of today that is still ahead (早上出去… said at 09:30 is past).
      if (options.dayWordsOnly || !parts.some((p) => p.acted && p.ends > minuteOfDay) || VAGUE_RE.test(text)) return null;
      return today.format('YYYY-MM-DD');
    }
  }
  const clock = clocks.find((c) => !future || c.index >= future.index - 1) ?? clocks[0];
  // 路灯晚上十点就灭了: with no day word, a clock followed by 就 dates the problem.
  if (!future && clock && text.startsWith(EVENT_AFTER_CLOCK, clock.end)) return null;
  let date = future ? today.add(future.offset, 'day') : today;
  if (!clock || clock.deadline) return date.format('YYYY-MM-DD');
  // The part of day closest before the clock (明天下午3点), else the day word's own (今晚7点).
  const part =
    clock.part ??
    [...parts].reverse().find((p) => p.index < clock.index && clock.index - p.index <= 8)?.part ??
    (future && future.index < clock.index ? future.part : undefined);
  const hour = hour24(clock.hour, part);
  if (!future) {
    // A bare clock time is today if still ahead, else tomorrow.
    if (hour * 60 + clock.minute <= minuteOfDay) date = date.add(1, 'day');
  }
  return `${date.format('YYYY-MM-DD')}T${pad(hour)}:${pad(clock.minute)}`;
}
