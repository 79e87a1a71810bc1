/** The command words the bot listens for (what it says lives in src/messages/). */

/** Commands anyone in the role may type without a slash. The first word is the canonical one. */
export const PLAIN_COMMAND_WORDS = {
  claim: ['接单', '抢单', '接'],
  start: ['开始', '已上门', '在办'],
  complete: ['完成', '办结', '已完成'],
  abandon: ['放弃', '退单'],
  cancel: ['取消'],
  rate: ['评价', '打分'],
} as const;

/** Slash commands, mostly for staff. The first word is the canonical one. */
export const SLASH_COMMAND_WORDS = {
  accept: ['受理'],
  assign: ['派单', '指派'],
  reject: ['驳回'],
  close: ['关闭'],
  reopen: ['重开'],
  show: ['查', '查询'],
  todo: ['待办'],
  help: ['帮助', 'help'],
} as const;

/** Words after a score that are part of the score ("5分", "5星"). */
export const SCORE_SUFFIXES = ['分', '星'];

/** Chinese numerals a resident may type for a score. */
export const CHINESE_SCORES: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };
