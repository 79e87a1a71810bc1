/** The words the mediation feature (万家和) listens for. What it says lives in src/messages/mediation.ts. */

/** The letter that marks a case number: `#M3` (orders are plain `#12`, topics `#T2`). */
export const CASE_PREFIX = 'M';

/** Slash commands for mediators and staff. The first word is the canonical one. */
export const MEDIATION_SLASH_WORDS = {
  /** `/调解 #M3 上门 …` records an attempt; `/调解 #M3` shows the case; `/调解 列表` lists open cases. */
  mediate: ['调解'],
  /** `/升级 #M3 原因` hands the case to the next level. */
  escalate: ['升级'],
  /** `/结案 #M3 达成一致 …` or `/结案 #M3 未达成 …`. */
  close: ['结案'],
} as const;

/** After `/调解 #M3`: takes a closed case up again (`/调解 #M3 重开 原因`). */
export const RESUME_WORDS = ['重开', '重新调解', '再调解', '重新打开'];

/** After `/调解`: the open-case list. */
export const LIST_WORDS = ['列表', '清单', '待办', '全部'];

/** How an attempt was made, when the mediator names it first (`/调解 #M3 上门 …`). */
export const ATTEMPT_METHODS = ['上门', '电话', '当面', '现场', '约谈', '微信', '视频', '入户', '面谈'];

/** Outcome words after `/结案 #M3`. Checked longest first, so 未达成一致 is not read as 达成一致. */
export const AGREED_WORDS = ['达成一致', '已达成', '达成', '调解成功', '成功', '一致'];
export const NOT_AGREED_WORDS = ['未达成一致', '未达成', '没达成', '没有达成', '调解失败', '失败', '不成'];

/** A complainant's answer to "did the agreement hold?". Whole-message words, punctuation ignored. */
export const HELD_WORDS = ['是', '是的', '落实了', '已落实', '好了', '解决了', '已解决', '没问题', '可以', '挺好', '好多了', '遵守了', '做到了'];
export const BROKEN_WORDS = ['否', '不是', '没有', '没', '没落实', '没有落实', '未落实', '没解决', '没有解决', '还没', '还是没有', '不行', '又开始了', '又犯了'];

/** `/帮助 调解` shows the mediation commands. */
export const MEDIATION_HELP_WORDS = ['调解', '万家和', '矛盾'];
