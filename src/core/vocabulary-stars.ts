/**
 * Words the bot listens for in the star-rated households practice (星级文明户: 报 → 审 → 晒 → 定).
 * (What the bot says lives in src/messages/star-households.ts.)
 */

/** The five stars, in the source report's order; the name is also how the bot writes them. */
export const STARS = [
  { key: 'diligence', name: '勤劳敬业' },
  { key: 'filial', name: '孝老爱亲' },
  { key: 'harmony', name: '团结友善' },
  { key: 'volunteer', name: '志愿服务' },
  { key: 'culture', name: '文化教育' },
] as const;

export type StarKey = (typeof STARS)[number]['key'];

/** Shorter ways people write a star (孝老, 志愿). Longest first when matched. */
export const STAR_ALIASES: Readonly<Record<string, StarKey>> = {
  勤劳: 'diligence', 敬业: 'diligence', 孝老: 'filial', 爱亲: 'filial', 孝亲: 'filial', 团结: 'harmony', 友善: 'harmony',
  志愿: 'volunteer', 文化: 'culture', 教育: 'culture',
};

/** Plain words a household or a neighbour starts with (no slash). */
export const STAR_PLAIN_WORDS = {
  apply: ['申报', '申请'],
  recommend: ['推荐'],
  object: ['异议', '有异议', '反映'],
} as const;

/** Staff commands (after `/`). */
export const STAR_SLASH_WORDS = {
  review: ['评审', '审核'],
  publicise: ['公示'],
  finalise: ['定星'],
  addStar: ['加星'],
  removeStar: ['摘星'],
  stars: ['星级'],
} as const;

/** After `/评审 #S3`: the verdict. 不通过 is matched before 通过. */
export const REVIEW_PASS_WORDS: readonly string[] = ['通过', '同意', '合格'];
export const REVIEW_FAIL_WORDS: readonly string[] = ['不通过', '不同意', '不合格', '驳回'];

/** After `/星级`: what to show. */
export const STARS_VIEW_WORDS = {
  stats: ['统计', '汇总'],
  open: ['待办', '列表', '进度'],
} as const;

/** The prefix of an application number, so `#S3` never reads as order `#3`. */
export const APPLICATION_PREFIX = 'S';

/** A household is usually named after its head: 李秀兰家. */
export const HOUSEHOLD_SUFFIX = '家';

/** The character that marks a star name (孝老爱亲星): an application without a known star but with this is answered. */
export const STAR_MARK = '星';
