/**
 * Reads a landlord's daily report (日租房房东报备) from free text: who checked in, where, for how
 * many nights. Pure: the day comes in as `now`. A full ID number is never returned, only its
 * last four characters.
 */
import type { Address } from './model.js';
import { NUMERAL_CLASS as NUMERAL, chineseNumber as chineseNumeral } from './parser/chinese-number.js';
import { normaliseCommandText } from './commands.js';
import { findHousehold } from './household-address.js';
import { DEFAULT_TZ, dayjs } from './time.js';
import { today as localToday } from './local-time.js';
import {
  CHECK_IN_WORDS, DAY_WORDS, GUEST_UNITS, ID_TAIL_WORDS, NAME_JOINERS, NAME_PLACEHOLDERS, NIGHT_UNITS,
  NO_CHECK_IN_PHRASES, NON_NAME_WORDS, NOT_GUEST_NAME_ENDINGS, SURNAMES,
} from './vocabulary-registration.js';

export interface TenantReport {
  /** The landlord says nobody checked in (今日无入住). */
  none: boolean;
  /** Check-in date `YYYY-MM-DD` when the text names one (今天, 昨天, 6月10日); else null. */
  checkIn: string | null;
  address: Address | null;
  guests: number | null;
  /** Guests' names as written (张某, 李小红). */
  names: string[];
  /** Last four characters of each guest's ID number (digits, or X last). */
  idTails: string[];
  nights: number | null;
  /** How many full ID numbers were in the text: only their last four characters are kept. */
  fullIdsRefused: number;
  /** The text speaks of a check-in (入住, 客人): a report of its own, not an answer to a question. */
  checkInSaid: boolean;
  /** The text reads as (part of) a report; false for chat such as 收到 or 谢谢. */
  isReport: boolean;
}

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
const N = `(${NUMERAL}{1,3})`;

// 18 characters (last may be X), also typed in groups 6-8-4, or the old 15-digit number; any
// longer run of digits (two numbers typed without a space) is refused the same way.
// Letters around it do not protect it (ID110101…).
const FULL_ID = /(?<![0-9])(?:[0-9]{6}[\s-]?[0-9]{8}[\s-]?[0-9]{3}[0-9Xx]|[0-9][0-9Xx]{14,})(?![0-9])/g;
const PHONE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;
const FULL_DATE = /(?<![0-9])(20[0-9]{2})\s*[年./-]\s*([0-9]{1,2})\s*[月./-]\s*([0-9]{1,2})\s*[日号]?/;
const MONTH_DAY = new RegExp(`${N}\\s*月\\s*${N}\\s*[日号]?`);
const DOTTED_DATE = /(?<![0-9.])([0-9]{1,2})[./]([0-9]{1,2})(?![0-9.])/;
const DAY_OF_MONTH = new RegExp(`(?<![0-9])${N}\\s*[日号](?=\\s*(?:${alt(CHECK_IN_WORDS)}|晚上|下午|上午|中午))`);
const DAY_WORD = new RegExp(alt(Object.keys(DAY_WORDS)));
const CHECK_OUT = new RegExp(`(?:住到|住至|到|至)\\s*${N}\\s*[号日]\\s*(?:退房|走|离店)?`);
const FAMILY = new RegExp(`一家\\s*${N}\\s*口`);
const GUESTS = new RegExp(`(?<![0-9])${N}\\s*(?:${alt(GUEST_UNITS)})`);
const NIGHTS = new RegExp(`(?<![0-9])${N}\\s*个?\\s*(?:${alt(NIGHT_UNITS)})`);
const TAIL_WORD = new RegExp(alt(ID_TAIL_WORDS), 'g');
const TAIL = /(?<![0-9A-Za-z])([0-9]{3}[0-9Xx])(?![0-9A-Za-z])/g;
// 身份证后六位 123456: a longer group right after a tail word keeps its last four characters.
const LONG_TAIL = /(?<![0-9A-Za-z])([0-9]{5,8}[Xx]?)(?![0-9A-Za-z])/g;
const SURNAME = `(?:${alt(SURNAMES)})`;
const PLACEHOLDER_NAME = new RegExp(`${SURNAME}(?:${alt(NAME_PLACEHOLDERS)})`, 'g');
const PLAIN_NAME = new RegExp(`^${SURNAME}[\\u4e00-\\u9fff]{1,2}$`);
const NON_NAME = new RegExp(alt(NON_NAME_WORDS), 'g');

/**
 * Reads a landlord's report.
 * @example parseTenantReport('今天入住2人 张某 李某 身份证尾号 1234 5678 住3晚 9号楼2单元301', now)
 * // { none: false, guests: 2, names: ['张某', '李某'], idTails: ['1234', '5678'], nights: 3, … }
 */
export function parseTenantReport(text: string, now: number, tz: string = DEFAULT_TZ): TenantReport {
  let t = ` ${normaliseCommandText(text).replace(/[,、;:。!?()[\]{}"'“”‘’<>《》]/g, ' ')} `;
  const cut = (start: number, end: number) => {
    t = `${t.slice(0, start)} ${t.slice(end)}`;
  };
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(t);
    if (m) cut(m.index, m.index + m[0].length);
    return m;
  };

  const idTails: string[] = [];
  let fullIdsRefused = 0;
  t = t.replace(FULL_ID, (m) => {
    fullIdsRefused++;
    idTails.push(m.replace(/[\s-]/g, '').slice(-4).toUpperCase());
    return ' ';
  });
  t = t.replace(PHONE, ' ');
  const noneSaid = NO_CHECK_IN_PHRASES.some((p) => t.includes(p));
  const checkInSaid = CHECK_IN_WORDS.some((w) => t.includes(w));

  // Calendar arithmetic on the local date, in UTC: only "today" needs the zone (and that lookup is cached).
  const today = dayjs.utc(localToday(now, tz));
  let checkIn: dayjs.Dayjs | null = null;
  let m: RegExpExecArray | null;
  if ((m = take(FULL_DATE))) checkIn = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = take(MONTH_DAY))) checkIn = nearDate(today, chineseNumeral(m[1]!), chineseNumeral(m[2]!));
  else if ((m = take(DOTTED_DATE))) checkIn = nearDate(today, Number(m[1]), Number(m[2]));
  else if ((m = take(DAY_OF_MONTH))) checkIn = nearDate(today, today.month() + 1, chineseNumeral(m[1]!));
  const dayWord = DAY_WORD.exec(t);
  if (!checkIn && dayWord) checkIn = today.add(DAY_WORDS[dayWord[0]]!, 'day');

  const place = findHousehold(t);
  const address = place?.address ?? null;
  if (place) cut(place.start, place.end);

  let nights: number | null = null;
  const out = take(CHECK_OUT);
  if (out) {
    const from = checkIn ?? today;
    const day = chineseNumeral(out[1]!);
    if (day !== null && day >= 1 && day <= 31) {
      let end = from.date(day);
      if (!end.isAfter(from)) end = from.add(1, 'month').date(day);
      const n = end.diff(from, 'day');
      if (n >= 1 && n <= 60) nights = n;
    }
  }

  // Tail words go before counts are read: 后4位 is not four guests.
  const hasTailWord = TAIL_WORD.test(t);
  TAIL_WORD.lastIndex = 0;
  const tailZone = hasTailWord ? t.slice(t.search(TAIL_WORD)) : '';
  t = t.replace(TAIL_WORD, ' ');

  let guests: number | null = null;
  const family = take(FAMILY);
  const count = family ?? take(GUESTS);
  if (count) guests = positive(chineseNumeral(count[1]!), 50);
  const n = take(NIGHTS);
  if (n && nights === null) nights = positive(chineseNumeral(n[1]!), 60);

  t = t.replace(TAIL, (_m, tail: string) => {
    idTails.push(tail.toUpperCase());
    return ' ';
  });
  if (tailZone) {
    t = t.replace(LONG_TAIL, (whole, digits: string) => {
      if (!tailZone.includes(digits)) return whole;
      idTails.push(digits.slice(-4).toUpperCase());
      return ' ';
    });
  }

  const names = readNames(t);
  const none = noneSaid && guests === null && names.length === 0 && idTails.length === 0;
  const isReport =
    none || guests !== null || nights !== null || idTails.length > 0 || fullIdsRefused > 0 || checkInSaid || (!!checkIn && names.length > 0);
  return {
    none,
    checkIn: checkIn ? checkIn.format('YYYY-MM-DD') : null,
    address,
    guests: none ? 0 : guests,
    names: none ? [] : names,
    idTails,
    nights: none ? null : nights,
    fullIdsRefused,
    checkInSaid,
    isReport,
  };
}

/** Names left in a text once dates, numbers, addresses and known words are gone. */
function readNames(text: string): string[] {
  const cleaned = text
    .replace(NON_NAME, ' ')
    .replace(new RegExp(`[${NAME_JOINERS}]`, 'g'), ' ')
    .replace(/[0-9A-Za-z#*/\\+-]+/g, ' ');
  const names: string[] = [];
  for (const token of cleaned.split(/\s+/)) {
    if (token.length < 2) continue;
    const placeholders = token.match(PLACEHOLDER_NAME);
    if (placeholders && placeholders.join('') === token) {
      names.push(...placeholders);
      continue;
    }
    if (PLAIN_NAME.test(token) && !NOT_GUEST_NAME_ENDINGS.some((e) => token.endsWith(e))) names.push(token);
  }
  return names;
}

function positive(n: number | null, max: number): number | null {
  return n !== null && n >= 1 && n <= max ? n : null;
}

function validDate(y: number, mo: number, d: number): dayjs.Dayjs | null {
  const s = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const day = dayjs.utc(s);
  return day.isValid() && day.format('YYYY-MM-DD') === s ? day.startOf('day') : null;
}

/** A month and day without a year: the one nearest to today (a January report of 12月31日 is last year). */
function nearDate(today: dayjs.Dayjs, mo: number | null, d: number | null): dayjs.Dayjs | null {
  if (mo === null || d === null) return null;
  const candidates = [-1, 0, 1].map((k) => validDate(today.year() + k, mo, d)).filter((x): x is dayjs.Dayjs => !!x);
  if (!candidates.length) return null;
  return candidates.reduce((best, c) => (Math.abs(c.diff(today, 'day')) < Math.abs(best.diff(today, 'day')) ? c : best));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
