/** The words the neighbourhood council (睦邻议事会) listens for. What it says lives in src/messages/council.ts. */

/** The letter that marks a topic number: `#T2`; its tasks are `#T2-1`. */
export const TOPIC_PREFIX = 'T';

/** Raising a topic without a slash (`议题 5号楼加装电梯`): the word must be followed by a space or colon. */
export const RAISE_WORDS = ['议题', '提议题', '提个议题'];

/** Slash commands. The first word is the canonical one. */
export const COUNCIL_SLASH_WORDS = {
  /** `/议题 #T2` shows the record; `/议题` lists open topics; `/议题 标题` raises one. */
  topic: ['议题'],
  /** `/讨论 #T2 3天` opens the discussion window; `/讨论 #T2 结束` closes it now. */
  discuss: ['讨论', '商议'],
  /** `/表决 #T2 同意 反对 弃权 截止 周五 18:00`. */
  vote: ['表决'],
  /** `/任务 #T2 @name 内容 截止 6月30日`. */
  task: ['任务'],
} as const;

/** Commands members type without a slash (a slash is accepted too). */
export const COUNCIL_PLAIN_WORDS = {
  ballot: ['投票'],
  progress: ['进展', '进度'],
  done: ['完成', '已完成', '办结'],
  rate: ['评价', '打分'],
} as const;

/** Separates the deadline from what comes before it: `… 截止 周五 18:00`. */
export const DEADLINE_WORDS = ['截止到', '截止时间', '截止日期', '截止', '截至', '到期', '期限'];

/** Other words for 周 in a deadline (星期五, 礼拜五 → 周五; 星期天 → 周日), applied in order. */
export const WEEK_ALIASES: readonly (readonly [string, string])[] = [['星期天', '周日'], ['礼拜天', '周日'], ['星期', '周'], ['礼拜', '周'], ['周天', '周日']];

/** Before a deadline without 截止: `/讨论 #T2 到周五 18:00`. */
export const UNTIL_WORDS = ['直到', '到'];

/** After `/讨论 #T2`: close the window now. */
export const END_WORDS = ['结束', '关闭', '截止'];

/** `/议题 #T2 撤回 原因`: takes a topic back. */
export const WITHDRAW_WORDS = ['撤回', '撤销', '撤掉'];

/** Options a vote gets when `/表决` names none. */
export const DEFAULT_VOTE_OPTIONS = ['同意', '反对', '弃权'];
/** Options that count towards the quorum but for no side. */
export const ABSTAIN_OPTIONS = ['弃权'];
/** Options that, when they win, mean the proposal is turned down. */
export const AGAINST_OPTIONS = ['反对', '不同意', '不赞成'];

/** Stance of a discussion message. Against is checked first: 不同意 contains 同意. */
export const AGAINST_WORDS = ['不同意', '反对', '不赞成', '不支持', '不行', '不好', '没必要', '不需要', '不要'];
export const FOR_WORDS = ['同意', '赞成', '支持', '拥护', '可以', '好主意', '没意见', '应该', '挺好', '好事'];

/** Units of a discussion length: `3天`, `48小时`, `1周`. Value in hours. */
export const DURATION_UNITS: readonly (readonly [string, number])[] = [
  ['个小时', 1], ['小时', 1], ['个钟头', 1], ['天', 24], ['日', 24], ['个星期', 168], ['星期', 168], ['周', 168],
];

/** Words after a score (`4分`). */
export const SCORE_SUFFIXES = ['分', '星'];

/** `/帮助 议事` shows the council commands. */
export const COUNCIL_HELP_WORDS = ['议事', '议事会', '议题', '睦邻议事会'];
