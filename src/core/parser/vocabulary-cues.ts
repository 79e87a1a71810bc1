/**
 * Parser vocabulary, part 2: the cues that decide intent and urgency.
 * Entries are regular-expression sources (most are plain words) matched against the rewritten
 * text (see vocabulary-normalize.ts: 俺→我, 咋→怎么, 礼拜→周 have already been applied).
 */

/** Someone is asked to do something for the writer: the heart of a service or proxy request. */
export const REQUEST_CUES: readonly string[] = [
  '帮我', '帮我们', '帮着', '帮忙', '帮个忙', '帮下忙', '帮一下', '帮帮', '给帮', '帮她', '帮他', '帮咱',
  '麻烦(?!了$|问|一下问)', '劳驾', '拜托', '求助', '求帮', '代办', '代缴', '代交', '代买', '代取', '代收', '代发',
  '谁能', '谁有空', '谁有时间', '谁方便', '谁离得近', '谁在家', '谁赶紧', '谁.{0,6}帮', '哪位',
  '有没有人能', '有没有人可以', '有没有人帮', '有没有志愿者能', '有没有志愿者可以', '有没有志愿者.{0,4}来',
  '能不能.{0,8}(来|过来|上门|派|帮|给|跟|替|代|陪|让|叫)', '让物业', '叫物业', '能来', '能过来', '能上门', '可以来', '陪我去', '陪一下',
  '来修', '来给修', '上门修', '谁.{0,4}去(看|瞅|瞧)', '谁(能|可以|有空)?去(?!过)', '谁来', '叫人', '能给', '给我开', '谁会', '赶紧过来', '快过来', '去看一下', '看一下', '谁有时间', '能否.{0,8}(来|帮|派)', '可不可以.{0,6}(来|帮)',
  '派个人', '派人', '来个人', '来个(懂|会|师傅|志愿者|小伙)', '赶紧来', '来人', '有没有会', '有没有懂', '来一趟', '跑一趟', '上门', '搭把手', '找个人', '找人', '找个志愿者',
  '想请', '想找', '请.{0,4}志愿者', '需要(个)?人', '得有(个)?人', '需要志愿者', '需要帮助',
  '过来看看', '去看看', '来看看', '过去看看', '来给', '给看看', '给.{0,3}一下', '给弄',
  '跟物业(说|反映|讲|联系)', '通知物业', '告诉物业', '反映一下', '反映反映', '报修', '给修',
  '替我', '替我们', '委托', '快来',
];

/** A request cue that only asks whether a service exists when it stands without a personal task. */
export const GENERIC_REQUEST_CUES: readonly string[] = ['帮忙', '代办', '代缴', '代交', '上门', '帮着', '代收', '代发', '代买', '代取'];

/** Marks a concrete personal task (makes `社区能帮忙…吗` a request rather than a question). */
export const PERSONAL_MARKERS: readonly string[] = [
  '我', '我们', '我家', '我妈', '我爸', '家里', '老人', '孩子', '一下', '下吧', '这个', '这次', '给我',
  '\\d+号楼', '单元', '村',
];

/** Asking for information. */
export const QUESTION_CUES: readonly string[] = [
  '请问', '问一下', '问下', '咨询', '想问', '怎么', '如何', '什么时候', '多久', '几点', '(?<![前这过])几天', '(?<![前这])几号',
  '多大', '多少(?!钱我)', '能领', '好办法', '什么办法', '有什么', '是不是', '对不对', '行不行', '能不能用',
  '了没有', '好了没', '谁负责', '谁管', '谁赔', '谁值班', '问个事', '问点事', '(?<![前这好])几[寸张份块次岁]',
  '哪里', '哪儿', '哪个', '在哪', '去哪', '多少钱', '要钱不', '收费', '收钱', '免费', '是否', '能否',
  '该找谁', '找谁', '是找', '还是找', '还是', '有没有.{0,12}服务', '有懂的', '谁知道', '谁懂',
  '需要什么', '要带什么', '需要带', '需要本人', '要本人', '什么材料', '什么手续', '流程', '条件',
  '可以吗', '行吗', '能.{0,10}吗', '吗(?!啡)', '么(?=[\\s?,.!]|$)', '呢(?=[\\s?,.!]|$)', '(?<![也都还就并可])不[?]?$', '没[?]?$', '[?]',
];

/** Asking whether a service exists (有没有帮老人代缴医保的): a question even with request words. */
export const SERVICE_EXISTS_CUES: readonly string[] = [
  '谁有.{0,6}(电话|联系方式)', '有没有.{0,6}(电话|联系方式)', '推荐',
  '有没有.{0,14}(服务|的)[?]?$', '有没有.{0,10}服务', '(社区|村里|网格)(能|可以)(不能)?.{0,10}(吗|不|么)[?]?$',
];

/** Asking for the writer personally: stronger than a service-exists question. */
export const PERSONAL_REQUEST_CUES: readonly string[] = ['帮我', '麻烦(?!问)', '给我', '替我'];

/** Plain information questions: with no personal request cue they stay questions (想问一下…可以申请上门护理吗). */
export const INFO_QUESTION_CUES: readonly string[] = [
  '想问', '请问', '问一下', '问下', '咨询', '需要什么', '什么手续', '什么材料', '怎么申请', '如何申请',
];

/** Asking for advice or a judgement (帮我看看这短信是真的假的): a question even with 帮我. */
export const ADVICE_CUES: readonly string[] = [
  '真的假的', '是真是假', '靠不靠谱', '靠谱吗', '是不是骗', '诈骗', '教教我怎么', '教我怎么', '告诉我怎么',
];

/** `啥时候来都行` is not a question: removed before the question cues are tried. */
export const NOT_QUESTION_CUES: readonly string[] = ['什么时候.{0,6}都(行|可以|成)', '哪天.{0,4}都(行|可以|成)'];

/** Asking about a notice or schedule (what is on, when it stops): a question even with a topic word. */
export const INFO_TOPIC_CUES: readonly string[] = ['停水', '停电', '停气', '通知', '开门', '关门', '上班', '营业'];

/** Conflict words. `strong` alone with a counterparty makes a dispute; `weak` only adds weight. */
export const DISPUTE_STRONG_CUES: readonly string[] = [
  '评理', '评评理', '调解', '调和', '纠纷', '矛盾', '不可开交', '吵架', '打架', '打起来', '动手', '骂人',
  '欺负', '不讲理', '蛮不讲理', '出面', '挡路', '挡道', '打人', '砸东西', '家暴', '动手打', '不退', '他不管', '她不管', '不承认', '推卸', '不负责', '不认账', '说了.{0,4}不听', '说了.{0,4}没用', '说了.{0,3}(几|多少)(次|回|遍)',
  '说了也不', '也不管(?!用)', '不听劝', '扰民', '噪音', '吵得', '吵到', '吵死', '半夜吵', '让不让人睡',
  '占了', '占俩', '霸占', '侵占', '私占', '泼水', '油烟全冲', '也不接', '不挪',
  '调委会', '人民调解', '赔偿', '索赔', '拖欠', '欠款', '讨要', '起诉', '争执', '争吵', '协商未果',
  '不肯', '拒不', '拒绝赔', '闹事', '闹矛盾', '管不管', '管一下', '管管',
];

export const DISPUTE_WEAK_CUES: readonly string[] = [
  '协调', '天天', '每天', '半夜', '大半夜', '一两点', '不让', '乱堆', '乱停', '堵在', '堵着', '不给', '不还', '受不了', '太过分',
  '凭什么', '还让不让', '闹', '吵', '纠缠', '威胁', '报警',
];

/** The other party of a conflict. */
export const COUNTERPARTY_CUES: readonly string[] = [
  '楼上', '楼下', '隔壁', '邻居', '对门', '对面', '室友', '房东', '租户', '房客', '那家', '谁家',
  '儿媳', '婆婆', '公公', '女婿', '丈夫', '妻子', '老公', '媳妇', '前夫', '前妻', '兄弟', '姐妹', '亲戚',
  '商户', '烧烤摊', '摊贩', '饭店', '老板', '公司', '单位', '开发商', '他们', '她们', '某', '有人.{0,3}把', '有人在', '别人',
];

/** Notices, instructions and forwarded posts: never a request. */
export const NOTICE_CUES: readonly string[] = [
  '大家注意', '提醒大家', '温馨提示', '友情提示', '特此通知', '通知[:：]', '紧急通知', '请互相转告',
  '互相转告', '相互转告', '转[:：]', '^转发', '^【.{1,12}】', '@全体成员', '请各', '各位居民', '各位业主',
  '各楼长', '千万别信', '谨防', '注意防', '安全提示', '下班前统计', '需要的(可以|请|来)', '大家小心', '告诉一声',
  '需要.{0,10}的(居民|住户|老人|朋友|家庭)', '居民朋友', '请.{0,4}居民'
];
/** Advertisements and sales posts: chat. */
export const AD_CUES: readonly string[] = [
  '有需要的', '加我微信', '加微信', '价格优惠', '价格实惠', '欢迎咨询', '出售', '转让', '低价', '招聘', '专业(疏通|维修|保洁|开锁)',
  '开荒保洁', '上门服务', '包月', '优惠', '团购', '接龙',
];
/** Passing a message on to someone else (请帮我转告张阿姨): chat, whatever it mentions. */
export const RELAY_CUES: readonly string[] = ['转告', '带个话', '捎个话', '传个话'];

/** Right before a request cue these tell of something already done (物业已经来修了). */
export const DONE_BEFORE_REQUEST: readonly string[] = ['已经', '已'];

/**
 * A request cue followed by a short verb phrase and 的 is a relative clause about something done
 * (帮我们申请的低保, 帮忙搬家的小伙子); the gap may not contain these (帮我爸交一下今年的医保).
 */
export const RELATIVE_CLAUSE_MARK = '的';
export const RELATIVE_CLAUSE_BLOCKERS = '下把给去来';
/** Only cues starting with this take a relative clause (来个懂电的 describes a person, not the past). */
export const RELATIVE_CLAUSE_CUE_START = '帮';

/** A staff member reporting what is arranged (已联系物业 明天上午来修): chat. */
export const STAFF_STATUS_CUES: readonly string[] = ['^已(联系|通知|安排|派|上报|反映|转交|登记)', '已经(联系|通知|安排)了'];

/** Right after a settled cue these make it a question (修好了没有). */
export const STILL_ASKING_AFTER = '没吗么';

/** Weaker notice words: they make a short message a notice, not a long appeal. */
export const NOTICE_WEAK_CUES: readonly string[] = ['请大家', '报名', '活动', '欢迎参加', '通知', '讲座', '义诊'];

/** The matter is settled, cancelled or was a false alarm. */
export const RESOLVED_CUES: readonly string[] = [
  '不用了', '不需要了', '不麻烦了', '已经修好', '修好了', '弄好了', '搞定了', '解决了', '办好了', '办完了',
  '批下来了', '没事了', '虚惊一场', '已经收到', '收到了', '找到了', '已经好了', '好了谢谢', '取消了',
  '不用来了', '已经有人', '有人接了', '自己弄好', '自己修好', '让他弄', '已处理', '已经处理', '到账了', '能用了',
  '来电了', '来水了', '通了', '找着了', '(自己|已经)(换|修|弄|装|通)(上|好)了?', '换上了', '小事一桩', '搞好了',
];

/** Thanks, praise, wishes, celebration: chat unless a request is also made. */
export const SOCIAL_CUES: readonly string[] = [
  '谢谢', '感谢', '多谢', '辛苦了', '辛苦啦', '点赞', '恭喜', '祝', '快乐', '生日', '身体健康', '哈哈', '给力', '真好', '好样的',
  '早安', '早上好', '晚安', '美好的一天', '可爱', '好看', '漂亮', '厉害',
];

/** A volunteer offering or claiming (handled by the command layer, not an order). */
export const VOLUNTEER_REPLY_CUES: readonly string[] = [
  '我去吧', '我去$', '我来吧', '我来$', '我可以去', '我有空', '我能去', '我过去', '我马上到', '接单',
  '我在路上', '我这就去',
];

/** Something is broken or wrong: with a catalogue word, a report the bot should take up. */
export const PROBLEM_CUES: readonly string[] = [
  '坏了', '坏掉', '漏了', '漏水', '渗水', '滴水', '返水', '冒水', '淹了', '堵了', '堵住', '不通', '不亮',
  '不出水', '没水', '停电', '没电', '跳闸', '关不上', '关不严', '打不开', '锁不上', '松了', '掉了',
  '裂了', '碎了', '不见了', '丢了', '没人拉', '没人修', '没人管', '没人清', '没人来', '臭', '冒烟',
  '着火', '起火', '摔倒', '摔了', '困在', '点不着', '充不进', '不转', '不动了', '出故障', '故障',
];

/** Past or third-party narration: a request is less likely (`上个月去医院复查…`). */
export const PAST_CUES: readonly string[] = [
  '上个月', '(?<!马)上回(?![去来家])', '(?<!马)上次', '上周(?![一二三四五六日末])', '之前', '以前', '前几天', '昨天', '前天', '去年', '那天', '当时', '曾经',
];

/** A dispute is urgent only on explicit urgency or violence (淹了我家 in a complaint is history). */
export const DISPUTE_URGENT_CUES: readonly string[] = [
  '(?<![不别])急', '马上', '赶紧', '立刻', '快来', '打起来', '动手', '动刀', '拿刀', '报警', '打人', '出人命',
];

/** Urgency and emergencies (README: 急, 马上, 赶紧, 危险, 淹, 老人摔倒, 煤气味, 着火, 困人…). */
export const URGENT_CUES: readonly string[] = [
  '急', '马上', '赶紧', '赶快', '快来', '快点', '立刻', '立即', '危险', '淹', '摔倒', '摔了一跤',
  '跌倒', '起不来', '晕倒', '昏倒', '昏迷', '不省人事', '煤气味', '燃气味', '天然气味', '漏气', '煤气泄漏',
  '着火', '起火', '失火', '冒烟', '烧起来', '困人', '困在', '关在电梯', '被困', '救命', '喘不上气',
  '胸口疼', '出血', '流血', '打了?120', '叫了?救护车', '人不见了', '走丢', '困了.{0,3}人', '困住', '快叫', '爆了', '叫不醒', '冒火花', '火花',
];

/** Phrases that look urgent but are not (negated urgency). Removed before URGENT_CUES are tried. */
export const NOT_URGENT_CUES: readonly string[] = [
  '不急', '不着急', '不是很急', '不太急', '不用急', '别着急', '别急', '没那么急', '不紧急', '不算急', '急不急',
  '不用着急', '着急不', '急诊科',
];

/** A power cut or heating failure with someone vulnerable alone is an emergency. */
export const POWER_CUT_CUES: readonly string[] = ['停电', '没电', '跳闸', '断电'];
export const VULNERABLE_ALONE_CUES: readonly string[] = ['独居', '一个人在家', '一个人住', '老人自己', '瘫', '卧床'];

/** Long formal appeals to officials (the Teddy Cup style): an appeal, not chat. */
export const APPEAL_CUES: readonly string[] = [
  '希望', '请求', '恳请', '要求', '建议', '反映', '投诉', '举报', '咨询', '为什么', '能否', '是否',
  '何时', '解决', '处理', '落实', '领导', '书记', '市长', '局长', '县长', '政府', '部门', '相关',
  '有关', '尊敬的', '请问', '问题', '维权', '补偿', '政策', '办理', '严重', '违法', '违规', '非法', '污染',
  '查处', '取缔', '整治', '监管', '做主', '欠', '骗', '不公平', '呼吁', '督促', '调查', '隐患', '影响', '损害',
  '权益', '强烈', '望', '恳请', '请.{0,6}(部门|领导|政府)', '打击', '不合理', '乱收费', '拖', '得不到', '无法',
];

/** The writer speaks for themself or their family (a notice with these may still carry a request). */
export const FIRST_PERSON_CUES: readonly string[] = ['我', '我家', '我妈', '我爸', '我们'];

/** Someone has to come in person: a request without a catalogue word is still a service. */
export const IN_PERSON_CUES: readonly string[] = ['来人', '上门', '过来', '过去', '来看看', '去看看', '搭把手', '来一趟', '跑一趟'];

/** Phatic questions that are greetings (吃了没): removed before the question cues are tried. */
export const GREETING_QUESTIONS: readonly string[] = ['吃了没', '吃了吗', '吃饭了没', '吃饭了吗', '在吗', '睡了吗', '睡了没', '好久不见'];
