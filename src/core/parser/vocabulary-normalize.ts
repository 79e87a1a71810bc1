/**
 * Parser vocabulary, part 1: how raw group text is rewritten before it is read.
 * Every Chinese word the parser listens for lives in a `vocabulary*.ts` file; logic files hold none.
 */

/**
 * Voice-input typos and homophones, fixed before anything else reads the text.
 * Left: what residents' phones produce; right: the word meant. Also used for the summary.
 */
export const TYPO_FIXES: readonly (readonly [string, string])[] = [
  ['一保卡', '医保卡'],
  ['依保卡', '医保卡'],
  ['医宝卡', '医保卡'],
  ['一保', '医保'],
  ['滴保', '低保'],
  ['底保', '低保'],
  ['身份正', '身份证'],
  ['身分证', '身份证'],
  ['社宝', '社保'],
  ['户口薄', '户口本'],
  ['残急证', '残疾证'],
  ['残疾正', '残疾证'],
  ['快第', '快递'],
  ['水管露了', '水管漏了'],
  ['露水', '漏水'],
  ['煤汽', '煤气'],
  ['燃汽', '燃气'],
  ['电悌', '电梯'],
  ['下水到', '下水道'],
  ['复印件儿', '复印件'],
  ['帮帮忙', '帮忙'],
  ['一哈', '一下'],
  ['一伙儿', '一会儿'],
  ['低包', '低保'],
  ['户口簿', '户口本'],
  ['残疾症', '残疾证'],
  ['居主证', '居住证'],
  ['暖汽', '暖气'],
];

/**
 * Shanxi dialect and colloquial forms, rewritten to plain Mandarin for the cue and time rules only
 * (the summary keeps the resident's words). Order matters: longer forms first.
 * `notAfter` / `notBefore` are character classes the match must not follow / precede
 * (半夜来 is not 夜来 'yesterday'; 甚至 is not 甚 'what').
 */
export const DIALECT_REWRITES: readonly { from: string; to: string; notAfter?: string; notBefore?: string }[] = [
  { from: '明儿个', to: '明天' },
  { from: '今儿个', to: '今天' },
  { from: '后儿个', to: '后天' },
  { from: '夜儿个', to: '昨天' },
  { from: '明个', to: '明天' },
  { from: '明儿', to: '明天' },
  { from: '今儿', to: '今天' },
  { from: '后儿', to: '后天', notAfter: '[以之然]' },
  { from: '夜来', to: '昨天', notAfter: '[半深昨今前每]' },
  { from: '前晌', to: '上午' },
  { from: '后晌', to: '下午' },
  { from: '晌午', to: '中午' },
  { from: '黑夜', to: '晚上' },
  { from: '礼拜天', to: '周日' },
  { from: '礼拜日', to: '周日' },
  { from: '星期天', to: '周日' },
  { from: '星期日', to: '周日' },
  { from: '周天', to: '周日' },
  { from: '礼拜', to: '周', notAfter: '[做]' },
  { from: '星期', to: '周' },
  { from: '俺们', to: '我们' },
  { from: '俺', to: '我' },
  { from: '咱们', to: '我们' },
  { from: '甚时候', to: '什么时候' },
  { from: '干甚', to: '干什么' },
  { from: '做甚', to: '做什么' },
  { from: '为甚', to: '为什么' },
  { from: '要甚', to: '要什么' },
  { from: '甚', to: '什么', notBefore: '[至么好多少]' },
  { from: '啥', to: '什么' },
  { from: '咋', to: '怎么' },
  { from: '娃娃', to: '孩子' },
  { from: '娃', to: '孩子', notBefore: '[哈]' },
  { from: '老汉', to: '老人' },
  { from: '老婆儿', to: '老人' },
  // 打不着火 is a stove that will not light, not a fire: keep 着火 out of the urgency rules.
  { from: '打不着火', to: '打不着' },
  { from: '点不着火', to: '点不着' },
];

/** Interjections that open a message (喂 网格员…): dropped for the rules, so 喂 is not read as feeding. */
export const OPENING_INTERJECTIONS: readonly string[] = ['喂', '哎', '嗨'];

/** Whole messages (after cleaning) that are acknowledgements or small talk. */
export const ACK_MESSAGES: readonly string[] = [
  '收到', '好的', '好', '嗯', '嗯嗯', '哦', '哦哦', '噢', '行', '可以', '好嘞', '好滴', '好哒', 'ok', 'OK',
  '谢谢', '谢谢你', '谢谢您', '多谢', '感谢', '辛苦了', '辛苦', '辛苦啦', '哈哈', '哈哈哈', '呵呵',
  '赞', '点赞', '厉害', '是的', '对', '对的', '没问题', '明白', '知道了', '了解', '收到收到',
  '早', '早上好', '早安', '晚安', '中午好', '下午好', '晚上好', '大家好', '你好', '您好',
];

/** Greetings and courtesies stripped from the front (and back) of a message for the summary. */
export const GREETINGS: readonly string[] = [
  '大家好', '大家早上好', '早上好', '早晨好', '早安', '上午好', '中午好', '下午好', '晚上好',
  '你好', '您好', '各位好', '各位邻居好', '各位', '打扰了', '打扰一下', '打扰大家了', '不好意思',
  '辛苦啦', '辛苦了', '谢谢大家', '谢谢了', '谢谢', '感谢', '麻烦了', '拜托了', '网格员', '请问',
  '喂喂', '喂', '那个网格员啊', '网格员啊', '我说一下', '那个',
];

/** What names a person's home in `我是3号楼的住户`: stripped from the summary with the address. */
export const RESIDENT_INTRO = ['我是', '我家是', '我住在', '我住', '家住'] as const;
export const RESIDENT_SUFFIX = ['的住户', '的居民', '的业主', '住户', '居民'] as const;

/** Labels in front of a phone number, removed with it from the summary. */
export const PHONE_LABELS: readonly string[] = ['联系电话', '手机号', '电话号', '电话', '手机', '联系方式', '联系', '打'];
