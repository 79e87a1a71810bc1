/** Words the bot listens for about duty and leave (轮流坐班, 请假, 销假), and the volunteer teams. */

/** The source report's six kinds of volunteer team (a volunteer's `team` in the config). */
export const VOLUNTEER_TEAMS = ['政策法规宣传队', '安全保障服务队', '矛盾调处和事佬', '雷锋志愿服务队', '爱心集结队', '夕阳红志愿服务队'] as const;
export type VolunteerTeam = (typeof VOLUNTEER_TEAMS)[number];

/** Starts a leave request: `请假 3天`, `请假到6月12日`. */
export const LEAVE_WORDS = ['请假', '告假'] as const;
/** Ends a leave early. */
export const BACK_WORDS = ['销假', '假期结束', '我回来了'] as const;
/** Asks who is on duty; the key says which day. */
export const WHO_ON_DUTY = {
  today: ['今天谁值班', '今日谁值班', '谁值班', '今天值班的是谁', '今天谁坐班', '谁坐班', '值班的是谁'],
  tomorrow: ['明天谁值班', '明日谁值班', '明天谁坐班', '明天值班的是谁'],
  week: ['值班表', '排班表', '这周谁值班', '本周值班'],
} as const;
/** Words between 请假 and the length or end date that carry nothing. */
export const LEAVE_FILLERS = ['到', '至', '直到', '一直到'] as const;
/** Day counts a volunteer may type in words. */
export const CHINESE_DAY_COUNTS: Record<string, number> = {
  一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 半个月: 15, 一周: 7, 一个星期: 7, 两周: 14,
};
/** Day words for a leave of one day. */
export const LEAVE_DAY_WORDS = { 今天: 0, 明天: 1, 后天: 2 } as const;
/** Units after a day count: `3天`, `3日`. Weeks count seven days. */
export const DAY_UNITS = ['天', '日'] as const;
export const WEEK_UNITS = ['周', '星期', '个星期'] as const;
/** Trailing politeness and punctuation a command may end with. */
export const COMMAND_TAILS = ['?', '?', '。', '!', '!', '呀', '啊', '呢', '哈'] as const;
