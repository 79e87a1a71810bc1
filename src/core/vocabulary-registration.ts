/**
 * Words the bot listens for in landlords' daily tenant reports (日租房房东报备) and the staff
 * commands of that feature. (What the bot says lives in src/messages/tenant-registration.ts.)
 */

/** A report that nobody checked in today. Checked before any count is read. */
export const NO_CHECK_IN_PHRASES: readonly string[] = [
  '今日无入住', '今天无入住', '今天没有入住', '今日没有入住', '无入住', '没有入住', '没人入住', '无人入住', '暂无入住',
  '今天没人住', '今天没有人住', '没有客人', '无客人', '没客人', '今日无客', '今天无客', '今日空房', '今天空房', '全部空房',
  '今日无', '今天无', '今日没有', '今天没有',
];

/** Words that make a message a report even when nothing else could be read from it. */
export const CHECK_IN_WORDS: readonly string[] = ['入住', '住店', '开房', '住进', '来住', '客人', '住客', '租客', '房客'];

/** Before a check-in date: 今天 / 昨天 / 明天 (day offsets). Longest first when matched. */
export const DAY_WORDS: Readonly<Record<string, number>> = {
  今天: 0, 今日: 0, 今晚: 0, 昨天: -1, 昨日: -1, 昨晚: -1, 前天: -2, 明天: 1, 明日: 1,
};

/** After a number: nights of stay (住3晚, 两天, 一宿). */
export const NIGHT_UNITS: readonly string[] = ['晚上', '个晚上', '晚', '夜', '宿', '天'];

/** After a number: guests (2人, 两位, 3个人, 2名). */
export const GUEST_UNITS: readonly string[] = ['个人', '人', '位', '名', '口'];

/** Before the ID-number tails: every 4-character group after one of these is a tail. */
export const ID_TAIL_WORDS: readonly string[] = ['身份证尾号', '身份证后四位', '身份证后4位', '身份证后六位', '身份证后6位', '证件尾号', '证件后四位', '尾号', '后四位', '后4位', '后六位', '后6位', '身份证号', '身份证', '证件号'];

/**
 * Words removed before names are read (longest first): what is left and starts with a surname is
 * a name. Chat that comes with a report (谢谢, 麻烦了) is here too, as 谢 and 麻 start names.
 */
export const NON_NAME_WORDS: readonly string[] = [
  '身份证', '证件号', '证件', '尾号', '后四位', '分别是', '分别为', '分别', '姓名', '名字', '入住人', '入住', '住客', '租客',
  '房客', '客人', '住店', '开房', '住进', '来住', '退房', '今天', '今日', '今晚', '昨天', '昨日', '昨晚', '前天', '明天',
  '明日', '晚上', '房东', '报备', '登记', '一共', '总共', '谢谢', '麻烦', '辛苦', '好的', '收到', '您好', '你好', '大家好',
  '情况', '如下', '信息', '号码', '手机', '电话', '预计', '大概', '左右', '已经', '已', '都是', '他们', '她们', '还有',
];

/** Characters that join or surround names (张某和李某, 张某、李某, 入住的是张某); never inside a guest's name in practice. */
export const NAME_JOINERS = '和与跟及、,的了是';

/** Common surnames (two-character ones first). A guest's name starts with one of these. */
export const SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '令狐', '宇文', '夏侯', '司徒',
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向常汤康易乔赖文施洪牛樊葛邢安齐庞颜倪温芦俞'.split(''),
];

/** After a surname: a name written without the given name (张某, 王先生). */
export const NAME_PLACEHOLDERS: readonly string[] = ['某某', '某', '先生', '女士', '小姐', '师傅', '阿姨', '大爷', '大姐'];

/** Staff commands (after `/`). The first word is the canonical one. */
export const REGISTRATION_COMMAND_WORDS = {
  landlord: ['房东'],
  status: ['报备'],
} as const;

/** After `/房东`: remove a landlord instead of adding one. */
export const LANDLORD_REMOVE_WORDS: readonly string[] = ['移除', '删除', '去掉'];

/** A two- or three-character word that starts with a surname but names someone present, not a guest (王哥, 李总). */
export const NOT_GUEST_NAME_ENDINGS: readonly string[] = ['哥', '姐', '总', '老师', '书记', '主任', '经理', '叔', '婶', '嫂', '弟', '妹'];

/** Before a report: it replaces the landlord's last report of the day. */
export const CORRECTION_WORDS: readonly string[] = ['更正', '修改', '改一下', '纠正'];
