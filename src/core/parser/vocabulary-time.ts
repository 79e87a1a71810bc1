/**
 * Parser vocabulary, part 3: time words (after the dialect rewrite: 明儿个→明天, 后晌→下午,
 * 夜来→昨天, 礼拜/星期→周).
 */

/** Day words with their offset from today. Longer words first (大后天 before 后天). */
export const RELATIVE_DAYS: readonly (readonly [string, number])[] = [
  ['大后天', 3],
  ['大前天', -3],
  ['今天', 0],
  ['今日', 0],
  ['今早', 0],
  ['今晚', 0],
  ['今夜', 0],
  ['今儿', 0],
  ['当天', 0],
  ['明天', 1],
  ['明日', 1],
  ['明早', 1],
  ['明晚', 1],
  ['明后天', 1],
  ['后天', 2],
  ['昨天', -1],
  ['昨日', -1],
  ['昨晚', -1],
  ['前天', -2],
];

/** Weekday names after 周; Monday = 1 … Sunday = 7. */
export const WEEKDAY_NAMES: Readonly<Record<string, number>> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 末: 6, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7,
};

/** Week prefixes: 0 = this week or the next such day, 1 = next week, -1 = last week. */
export const WEEK_PREFIXES: readonly (readonly [string, number])[] = [
  ['下下', 2], ['下个', 1], ['下', 1], ['上个', -1], ['上', -1], ['这个', 0], ['这', 0], ['本', 0],
];

/** The week word itself (礼拜/星期 are rewritten to 周). */
export const WEEK_WORD = '周';

/** Parts of the day: `pm` moves an hour below 12 into the afternoon/evening. */
export const DAY_PARTS: readonly (readonly [string, 'am' | 'noon' | 'pm'])[] = [
  ['凌晨', 'am'], ['清早', 'am'], ['早上', 'am'], ['早晨', 'am'], ['上午', 'am'], ['今早', 'am'],
  ['明早', 'am'], ['中午', 'noon'], ['下午', 'pm'], ['傍晚', 'pm'], ['晚上', 'pm'], ['夜里', 'pm'], ['今晚', 'pm'],
  ['明晚', 'pm'], ['半夜', 'pm'],
];
/** Single characters that name a part of the day only right before a clock time (晚7点). */
export const CLOCK_PREFIX_PARTS: Readonly<Record<string, 'am' | 'pm'>> = { 早: 'am', 晚: 'pm', 夜: 'pm' };
/** A day part after these is a duration (打了一早上), not a time. */
export const DURATION_BEFORE_DAY_PART = '一整';
/** A day part followed by these is a greeting (早上好), not a time. */
export const GREETING_AFTER_DAY_PART = '好安';
/** Two numerals in a row before 点 are an estimate (一两点), not a time. */
export const APPROX_HOURS: readonly string[] = ['一两', '两三', '三四', '四五', '五六', '六七', '七八', '八九', '九十'];
/** Prefixes to a month: next month. */
export const NEXT_MONTH_WORDS: readonly string[] = ['下个月', '下月'];

/** The hour unit and the minute words after it. */
export const HOUR_WORDS: readonly string[] = ['点钟', '点'];
export const MINUTE_WORDS: Readonly<Record<string, number>> = { 半: 30, 一刻: 15, 三刻: 45 };
/** Clock separators between hour and minute. */
export const CLOCK_COLON = ':';
export const MINUTE_UNIT = '分';

/** Characters before 一点 that make it "a little" (快一点), not one o'clock. */
export const NOT_CLOCK_BEFORE = '快慢早晚多少好大小轻有差这那些再稍点';

/** Day of the month without a month (15号): words after 号 that make it something else. */
export const DAY_NUMBER_WORDS: readonly string[] = ['号', '日'];
export const NOT_DAY_AFTER = '楼院栋幢门房床线窗口室铺位车桌屋码人';

/** Month-day dates: 6月16号. */
export const MONTH_WORD = '月';

/** After a dotted number these make it a price or measure (5.5元), not a month.day date. */
export const NOT_DOTTED_DATE_AFTER = '元块斤米度万%kK个岁平';

/** By the end of this month (月底前要交): a deadline, so the month's last day. */
export const MONTH_END_DEADLINE = '(?:这个月|本月)?月底(?:之)?前';

/**
 * When each part of the day is over (minutes after midnight): 早上出去买菜 said at 09:30 is past,
 * not a wanted time.
 */
export const DAY_PART_ENDS: Readonly<Record<string, number>> = {
  凌晨: 6 * 60, 清早: 9 * 60, 早上: 9 * 60, 早晨: 9 * 60, 上午: 12 * 60, 中午: 14 * 60,
  下午: 18 * 60, 傍晚: 19 * 60, 晚上: 24 * 60, 夜里: 24 * 60, 半夜: 24 * 60,
};

/** Vague or open-ended times: no `when` (README: 这两天 is vague). */
export const VAGUE_TIME_CUES: readonly string[] = [
  '这两天', '过两天', '过几天', '这几天', '改天', '回头', '有空的时候', '有空再', '抽空', '哪天', '啥时候', '什么时候',
  '随时', '都行', '月底', '月初', '月内', '这个月', '下个月', '最近', '一会儿', '待会', '等会',
];

/** Habitual times describe a problem, not when help is wanted (每天下午, 天天晚上). */
export const HABITUAL_CUES: readonly string[] = ['天天', '每天', '每晚', '每周', '经常', '总是', '老是', '一到'];
/** After a clock time this tells when something happens (晚上十点就灭了), not when help is wanted. */
export const EVENT_AFTER_CLOCK = '就';
/** After a day word these make it the time of an event (今天又漏了), not a wanted time. */
export const EVENT_AFTER_DAY = '又刚已才';
/**
 * Between two weekdays these make a range; followed in its clause by a habit word (周一到周五都上班) it is
 * a schedule, not a wanted day (下周一到周三出差 is a range: its start).
 */
export const WEEKDAY_RANGE_JOINERS = '到至~-';
export const WEEKDAY_SCHEDULE_AFTER: readonly string[] = ['都', '全', '每', '一般', '平时', '天天'];
/** Later in its clause these make a part of the day a habit (晚上回来全靠手电筒), not a wanted time. */
export const HABITUAL_AFTER_PART: readonly string[] = ['全靠', '都得', '总是', '老是', '每次', '经常'];
/** Before 周 these make it a count of weeks (一周一次), not a weekday. */
export const NOT_WEEK_BEFORE = '一每两三几整半';
/** After a clock time these make it a deadline: the date only (README: a deadline gives its date). */
export const DEADLINE_AFTER: readonly string[] = ['之前', '以前', '前'];
/**
 * A part of the day without a day word is a wanted time only when presence or action follows it
 * (下午有人在家, 下午来拿); 晚上黑咕隆咚的 describes the problem.
 */
export const BARE_PART_FOLLOWERS: readonly string[] = [
  '在家', '有人', '家里有', '有空', '方便', '来(?!的)', '去', '到家', '过来', '帮', '陪', '送', '取', '拿', '接', '办', '交', '修',
];

/** Text containing none of these has no time at all (so chrono is never called for it). */
export const TIME_HINT_CHARS = '天日早晚午周点号月:今明后昨前凌夜.';
