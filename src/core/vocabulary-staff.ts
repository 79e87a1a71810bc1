/** The words the staff tools listen for (what they say lives in src/messages/staff.ts). */

/** Slash commands of the staff tools. The first word is the canonical one. */
export const STAFF_SLASH_WORDS = {
  export: ['导出', '台账'],
  stats: ['统计'],
  addPoints: ['加分'],
  deductPoints: ['扣分'],
  leaderboard: ['积分榜', '积分排名', '排行榜'],
  followUp: ['回访', '二次回访'],
  points: ['积分', '我的积分'],
} as const;

/** Plain words a volunteer may send, alone, to ask for their points. */
export const POINTS_WORDS = ['积分', '我的积分', '查积分'] as const;

/** Named periods. Weeks start on Monday. */
export const PERIOD_WORDS = {
  today: ['今天', '今日'],
  yesterday: ['昨天', '昨日'],
  thisWeek: ['本周', '这周', '这星期', '本星期'],
  lastWeek: ['上周', '上星期'],
  thisMonth: ['本月', '这个月', '这月'],
  lastMonth: ['上月', '上个月'],
  thisYear: ['今年', '本年', '本年度'],
  lastYear: ['去年', '上年', '上年度'],
} as const;

/** What may follow a year's number in `/积分榜 2025年度`. */
export const YEAR_SUFFIXES = ['年度', '年'] as const;

/** Words between the two dates of a range (a space also works). */
export const RANGE_SEPARATORS = ['至', '到', '~', '～', '—', '--'] as const;

/** Words after an amount of points that are part of it ("5分"). */
export const POINTS_SUFFIXES = ['分'] as const;
