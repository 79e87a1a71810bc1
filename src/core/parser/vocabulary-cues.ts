/**
 * Parser vocabulary, part 2: the cues that decide intent and urgency.
 * Entries are regular-expression sources (most are plain words) matched against the rewritten
 * text (see vocabulary-normalize.ts: 俺→我, 咋→怎么, 礼拜→周 have already been applied).
 * Each list is joined into one alternation, so a back-reference must use a named group.
 */

/** Someone is asked to do something for the writer: the heart of a service or proxy request. */
export const REQUEST_CUES: readonly string[] = [
  '帮我', '帮我们', '帮着', '帮忙', '帮个忙', '帮下忙', '帮一下', '帮帮', '给帮', '帮她', '帮他', '帮咱',
  '麻烦(?!了$|问|一下问)', '劳驾', '拜托', '求助', '求帮', '代办', '代缴', '代交', '代买', '代取', '代收', '代发',
  '谁能(?!告诉|说说|讲讲|解释)', '谁有空', '谁有时间', '谁方便', '谁离得近', '谁在家', '谁赶紧', '谁.{0,6}帮', '哪位',
  '有没有人能', '有没有人可以', '有没有人帮', '有没有志愿者能', '有没有志愿者可以', '有没有志愿者.{0,4}来',
  '能不能.{0,8}(来|过来|上门|派|帮|给|跟|替|代|陪|让|叫)', '让物业', '叫物业', '能来(?![水电气暖])', '能过来', '能上门', '(?<!都)可以来', '陪我去', '陪一下',
  '来修', '来给修', '上门修', '谁.{0,4}去(看|瞅|瞧)', '谁(能|可以|有空)?去(?!过)', '谁来', '叫人', '能给(?![^\\s,.!?]{0,6}用[吗不么])', '给我开', '谁会', '赶紧过来', '快过来', '去看一下', '看一下', '谁有时间', '能否.{0,8}(来|帮|派)', '可不可以.{0,6}(来|帮)',
  '派个人', '派人', '来个人', '来个(懂|会|师傅|志愿者|小伙)', '赶紧来', '来人', '有没有会', '有没有懂', '来一趟', '跑一趟', '上门', '搭把手', '找个人', '找人', '找个志愿者',
  '想请', '想找', '请.{0,4}志愿者', '需要(个)?人', '得有(个)?人', '需要志愿者', '需要帮助',
  '过来看看', '去看看', '来看看', '过去看看', '(?<!回)来给', '给看看', '给.{0,3}一下', '给弄',
  '跟物业(说|反映|讲|联系)', '通知物业', '告诉物业', '反映一下', '反映反映', '报修', '给修',
  '替我', '替我们', '委托', '快来',
  // 谁有车能拉一趟 / 周末来就行 / 快叫救护车 / 社区有人会修吗 / 能不能刷一下 / 给俺修修
  '谁有车', '谁家有车', '帮把手', '(希望|请|麻烦|催|催催)物业', '有车.{0,4}(拉|送|捎)', '(拉|捎|送)一趟', '来就行', '过来就行', '快叫', '赶紧叫', '帮忙叫', '叫个',
  '有人(会|能|可以)(修|来|帮|弄|通|换|去)', '能不能.{0,8}(修|换|弄|处理|清|刷|通|装|安排|改)',
  '给.{0,6}(?<redup>[剪修换擦洗通弄补理])\\k<redup>',
  // 谁在附近能去敲敲门 / 能找个开锁的吗 / 有会修的吗: asking for a person who can come
  '谁.{0,6}(能|可以)(去|来|过去|过来)', '找个(开锁|修|师傅|电工|会|懂)', '有会(修|弄|通|换|看)',
  // 能替他办吗 (for a relative) / 谁开车送我们去卫生院 / 需要个帮手 / 求一位阿姨: asking without 帮 or 谁能
  '替(他|她)们?(办|交|去|跑|取|领|申请|弄)', '谁(能|可以|有空)?开(个)?车', '谁(能|可以|有空)?送(我|他|她|老人|孩子)',
  '需要(个|一个|几个)?(帮手|人手)', '求(一位|一个|个|位)(阿姨|师傅|志愿者|好心人|帮手)', '能不能.{0,8}有人(过去|过来|来|去)',
];

/**
 * In the clause that asks, these do not name the task: the person helped says who, not what (谁能陪老人…),
 * and 陪护 / 陪床 / 照看 take their service from whom or where (陪护 in hospital is medical escort).
 */
export const NOT_TASK_OBJECT_WORDS: readonly string[] = ['老人', '孩子', '老太太', '老爷子', '老伴', '娃', '陪护', '陪床', '照看', '照顾'];

/** Right before a request cue these deny it (不用麻烦你们了, 别来了). */
export const NEGATED_REQUEST_BEFORE: readonly string[] = ['不用', '不必', '别', '无需', '不需要'];

/** Between a request cue and its object these mean the object is not asked for (麻烦大家别在楼道里抽烟). */
export const OBJECT_GAP_NEGATIONS: readonly string[] = ['别', '不要', '不'];

/** Thanks in the same clause before a request cue make it a narration (谢谢小刘帮我把快递送上楼). */
export const THANKS_BEFORE_REQUEST: readonly string[] = ['谢谢', '感谢', '多谢'];

/** A part of the request that ends its clause with this was done already (儿子回来给办了). */
export const DONE_CLAUSE_END = '了';

/** A request cue that only asks whether a service exists when it stands without a personal task. */
export const GENERIC_REQUEST_CUES: readonly string[] = ['帮忙', '帮个忙', '代办', '代缴', '代交', '上门', '帮着', '代收', '代发', '代买', '代取'];

/** Marks a concrete personal task (makes `社区能帮忙…吗` a request rather than a question). */
export const PERSONAL_MARKERS: readonly string[] = [
  '我', '我们', '我家', '我妈', '我爸', '家里', '老人', '孩子', '一下', '下吧', '这个', '这次', '给我',
  '\\d+号楼', '单元', '村',
];

/** Asking for information. */
export const QUESTION_CUES: readonly string[] = [
  '请问', '问一下', '问下', '咨询', '想问', '怎么', '如何', '什么时候', '多久', '几点', '(?<![前这过好十])几天', '提前几', '(?<![前这好十])几号',
  '几月', '哪天', '(?<!没)什么(?![也都])', '告诉我', '谁认识',
  // A-not-A questions: 停不停, 发不发, 修没修
  '(?<anota>[^\\s不没能可])[不没]\\k<anota>',
  '多大', '多少(?!钱我)', '能领', '好办法', '什么办法', '有什么', '是不是', '对不对', '行不行', '能不能用',
  '了没有', '好了没', '谁负责', '谁管', '谁赔', '谁值班', '问个事', '问点事', '(?<![前这好])几[寸张份块次岁]',
  '哪里', '哪儿', '哪个', '在哪', '去哪', '多少钱', '要钱不',
  // 收费 / 收钱 ask only as a question (物业天天收费 is a complaint): 收费吗, 怎么收费, 收费标准
  '收费(?=[吗不么嘛呢?]|标准|多少|贵)', '(怎么|咋|如何)收(费|钱)', '收钱(?=[吗不么嘛呢?])', '是否', '能否',
  '该找谁', '找谁', '是找', '还是找', '还是', '有没有.{0,12}服务', '有懂的', '谁知道', '谁懂',
  '需要什么', '要带什么', '需要带', '需要本人', '要本人', '什么材料', '什么手续', '流程', '条件',
  '可以吗', '行吗', '能.{0,10}吗',
  // asking whether something is allowed (楼道里能不能放电动车); 能不能来修 is a request cue instead
  '(能不能|可不可以)(放|停|养|带|进|用|在)', '吗(?!啡)', '么(?=[\\s?,.!]|$)', '呢(?=[\\s?,.!]|$)', '(?<![也都还就并可])不(?=[\\s?,.!]|$)', '没[?]?$', '[?]',
];

/** Asking whether a service exists (有没有帮老人代缴医保的): a question even with request words. */
export const SERVICE_EXISTS_CUES: readonly string[] = [
  '谁有.{0,6}(电话|联系方式)', '有没有.{0,6}(电话|联系方式)', '推荐',
  '有没有.{0,14}(服务|的)[?]?$', '有没有.{0,10}服务', '(社区|村里|网格)(能|可以)(不能)?.{0,10}(吗|不|么)[?]?$',
  // 你们能上门帮老人理发吗 / 社区的助餐能送上门吗: the clause asks about the service, not for a task
  '(社区|村里|网格|你们|咱们|咱这|这边)[^\\s,.!?]{0,6}(能|可以)(不能)?[^\\s,.!?]{0,10}(吗|么)(?=[\\s,.!?]|$)',
];

/** Asking for the writer personally: stronger than a service-exists question. */
export const PERSONAL_REQUEST_CUES: readonly string[] = ['帮我', '麻烦(?!问)', '给我', '替我'];

/** The writer cannot do it themself (我在上班走不开): a 社区能帮忙…吗 with these is a request. */
export const PERSONAL_NEED_CUES: readonly string[] = [
  '走不开', '去不了', '回不去', '回不来', '赶不回', '没时间', '不会弄', '不会用', '腿脚不', '行动不便', '下不了楼', '走不动', '不识字',
  // 工作日请不了假 / 他在外地打工 / 我七十多了
  '请不了假', '在外地', '打工', '不在本地', '[六七八九]十多(岁|了)', '[六七八九]十[一二三四五六七八九]?岁',
];

/**
 * The writer has set the task up (钱我转给网格员, 材料我都准备好了, 取件码私发): with a request cue, a
 * question such as 社区可以代办吗 or 让我问下…怎么交 is a request for the writer's own case.
 */
export const ARRANGEMENT_CUES: readonly string[] = [
  '钱我?(转|给|放)', '(材料|证件|手续|照片|复印件).{0,4}(准备好|都有|齐了|备齐)', '取件码', '单号', '(发|转)(给)?你', '私发', '我(转|发)给',
];

/** Plain information questions: with no personal request cue they stay questions (想问一下…可以申请上门护理吗). */
export const INFO_QUESTION_CUES: readonly string[] = [
  '想问', '请问', '问一下', '问下', '咨询', '需要什么', '什么手续', '什么材料', '怎么申请', '如何申请',
  // eligibility (我家老人能申请上门助浴吗 有什么条件)
  '(能|可以)(不能)?申请[^\\s,.!?]{0,8}吗', '什么条件', '啥条件',
  // price questions (你们上门修东西收钱吗)
  '收钱吗', '收费吗', '要钱吗', '要钱不', '收不收', '多少钱', '免费吗', '收费不', '收钱不',
];

/** Asking for advice or a judgement (帮我看看这短信是真的假的): a question even with 帮我. */
export const ADVICE_CUES: readonly string[] = [
  '真的假的', '是真是假', '靠不靠谱', '靠谱吗', '是不是骗', '诈骗', '教教我怎么', '教我怎么', '告诉我怎么',
  '帮我看看[^\\s,.!?]{0,10}(什么|是不是|对不对|真假)',
  // asking for someone's number (电话能给我一个吗)
  '电话(能|可以)?(给|发)我', '(给|发)我(一?个)?(电话|联系方式|号码)',
];

/** 能帮我问问都需要啥吗: asks someone to find out what a procedure needs; a question when nothing else is asked. */
export const ASK_INFO_CUES: readonly string[] = [
  '帮我问问?(一下)?.{0,10}(需要什么|要什么|什么材料|什么手续|准备什么)',
  // 帮我姥姥问问 她户口迁过来以后 养老金还在那边领吗: a relayed yes/no question about a rule is information;
  // 帮俺问问 危房改造款啥时候能下来 chases the writer's own case with the office (proxy), so only a closing 吗/么/呢
  '帮[我俺]?[^\\s,.!?]{0,3}问(问|一下|下)[\\s,.!?].*(吗|么|呢|[?])[\\s,.!?]*$',
];

/** `啥时候来都行` is not a question: removed before the question cues are tried. */
export const NOT_QUESTION_CUES: readonly string[] = [
  '什么时候.{0,6}都(行|可以|成)', '哪天.{0,4}都(行|可以|成)', '怎么.{0,6}都(?!行|可以|成)', '有什么事?(尽管|就|随时)', '(哪天|什么时候).{0,10}就(行|可以|成)', '怕.{0,3}什么',
  // rhetorical complaints (物业到底管不管)
  '管不管',
];

/** Asking about a notice or schedule (what is on, when it stops): a question even with a topic word. */
export const INFO_TOPIC_CUES: readonly string[] = ['停水', '停电', '停气', '通知', '开门', '关门', '上班', '营业(?!厅)'];
/** Notices and schedules (明天停不停电): asked about with 帮我看一下, still a question. */
export const SCHEDULE_TOPIC_CUES: readonly string[] = ['停水', '停电', '停气', '停暖', '通知', '来水', '来电'];

/** Conflict words. `strong` alone with a counterparty makes a dispute; `weak` only adds weight. */
export const DISPUTE_STRONG_CUES: readonly string[] = [
  '评理', '评评理', '调解', '调和', '纠纷', '矛盾', '不可开交', '吵架', '打架', '打起来', '动手', '骂人',
  '欺负', '不讲理', '蛮不讲理', '出面', '挡路', '挡道', '打人', '砸东西', '家暴', '动手打', '不退', '他不管', '她不管', '不承认', '推卸', '不负责', '不认账', '说了.{0,4}不听', '说了.{0,4}没用', '说了.{0,3}(几|多少)(次|回|遍)',
  '说了也不', '也不管(?!用)', '不听劝', '扰民', '噪音', '吵得', '吵到', '吵死', '半夜吵', '让不让人睡',
  '占了', '占俩', '霸占', '侵占', '私占', '泼水', '油烟全冲', '也不接', '不挪',
  '调委会', '人民调解', '赔偿', '索赔', '拖欠', '欠款', '讨要', '起诉', '争执', '争吵', '协商未果',
  '不肯', '拒不', '拒绝赔', '闹事', '闹矛盾', '管不管', '管一下', '管管',
  // a rhetorical 'is this fair' about someone's decision (房东说等秋天再修 这合理吗)
  '这(样|么做|么办)?(合理|公平|像话)吗',
  // asking for mediation
  '协调一下', '协调协调', '帮.{0,4}协调', '给.{0,2}协调', '劝劝', '做做工作', '做.{0,2}思想工作', '主持公道', '能管吗', '能不能管',
  // what the other party does
  '赡养费', '抚养费', '不赡养', '不孝', '抢走', '不让我见', '占着', '占用', '私自', '往下扔', '高空抛物', '站出来',
  '不给(修|换|办|退|赔)', '不赔', '也不(打扫|收拾|清理|挪|赔|修)', '不理(?!解)', '说不管', '不管我', '还有理', '有理了', '吵起来', '说理', '说说理', '不让我', '赶紧挪',
  '说(过|了)(好多|好几|多少|几)(次|回|遍)', '不认(?![识得])',
  // 说了不当回事 / 说了还跟我吵 / 请社区来评个理
  '不当一?回事', '(跟|和|冲)我(吵|嚷|闹|发火|骂)', '评(个|一下|一个)理', '说了还',
  // 说他也不听 / 找他赔他说跟他没关系 / 找村干部也不给说法
  '说(他|她|他们|她们)?也不听', '说(他|她)不听', '都不管(?!用)', '也不(开门|开|应|理)(?![关始])', '拖着不(修|办|给|还|退|管)', '(说|赖|怪)是我(弄|搞|碰|砸)?(坏|的)', '就是不(给|交|还|挪|改|听|赔|管|修|搬)', '(跟|和)(他|她|他们|她们|我们?)没关系', '不给(个)?说法', '找(他|她|他们)赔', '说过.{0,4}不', '说了.{0,3}(两|三|好几)(次|回|遍)', '吵了(好几|半天|一架|几次|多少)',
];

export const DISPUTE_WEAK_CUES: readonly string[] = [
  '协调', '天天', '每天', '半夜', '大半夜', '一两点', '不让', '乱堆', '乱停', '堵在', '堵着', '不给', '不还', '受不了', '太过分',
  '凭什么', '还让不让', '闹', '吵', '纠缠', '威胁', '报警',
  '不拴绳', '不牵绳', '不拴', '整夜', '有意见', '不愿意', '分摊', '自己协商', '围起来', '管不了', '不同意', '合理吗', '堆在', '不收拾',
];

/** Asking whom to turn to (押金纠纷该找谁, 邻里纠纷可以找社区调解吗): a question unless mediation is asked for. */
export const WHOM_TO_ASK_CUES: readonly string[] = ['该找谁', '找谁', '找哪个', '可以找.{0,8}吗', '能找.{0,8}吗', '归谁管', '有没有懂法律'];
/** An explicit request for mediation: keeps a whom-to-ask message a dispute. */
export const MEDIATION_ASK_CUES: readonly string[] = [
  '评理', '评评理', '评(个|一下|一个)理', '调解一下', '调解调解', '给.{0,2}调解', '帮.{0,4}调解', '请.{0,8}调解', '协调一下', '帮.{0,4}协调', '出面',
  '管管', '管一下', '做主', '做做工作', '劝劝',
];

/** The other party of a conflict. */
export const COUNTERPARTY_CUES: readonly string[] = [
  '楼上', '楼下', '隔壁', '邻居', '对门', '对面', '室友', '房东', '租户', '房客', '那家', '谁家',
  '儿媳', '婆婆', '公公', '女婿', '丈夫', '妻子', '老公', '媳妇', '前夫', '前妻', '兄弟', '姐妹', '亲戚',
  '商户', '烧烤摊', '摊贩', '饭店', '老板', '公司', '单位', '开发商', '他们', '她们', '某', '有人.{0,3}把', '有人在', '别人',
  '有人.{0,3}在', '合租', '他家', '她家', '儿子', '女儿', '闺女', '小叔子', '大伯', '嫂子', '弟弟', '哥哥', '姐姐', '妹妹', '弟媳', '侄子', '人家', '那户', '有户',
];

/** Notices, instructions and forwarded posts: never a request. */
export const NOTICE_CUES: readonly string[] = [
  '大家注意', '提醒大家', '温馨提示', '友情提示', '特此通知', '通知[:：]', '紧急通知', '请互相转告',
  '互相转告', '相互转告', '转[:：]', '^转发', '^【.{1,12}】', '@全体成员', '请各', '各位居民', '各位业主',
  '各楼长', '千万别信', '谨防', '注意防', '安全提示', '下班前统计', '需要的(可以|请|来)', '大家小心', '告诉一声',
  '需要.{0,10}的(居民|住户|老人|朋友|家庭)', '居民朋友', '请.{0,4}居民',
  // lost and found, maintenance notices
  '失主', '认领', '捡到', '谁丢的', '来领', '谁看(到|见)了?.{0,8}(告诉|说一声|联系)', '看(到|见)的.{0,4}(告诉|说一声|联系)', '给留意', '帮忙留意',
  '有需要.{0,8}的(可以|请|找)', '找我登记', '都可以来', '欢迎.{0,6}来', '需要.{0,6}配合', '请.{0,6}配合', '检修', '请大家谅解', '停用',
];
/** Advertisements and sales posts: chat. */
export const AD_CUES: readonly string[] = [
  '有需要的', '加我微信', '加微信', '价格优惠', '价格实惠', '欢迎咨询', '出售', '转让', '低价', '招聘', '专业(疏通|维修|保洁|开锁)',
  '开荒保洁', '上门服务', '包月', '优惠', '团购', '接龙',
  '24小时', '服务热线', '欢迎来电',
  // 有人要土鸡蛋吗 自家养的: selling or giving away, asked as a question
  '有人要.{0,8}[吗不么]', '有要.{0,8}的吗', '自家(养|种|做)的', '专业.{0,4}(开锁|疏通|维修|保洁|搬家|家政|换锁)',
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
export const RELATIVE_CLAUSE_BLOCKERS = '下把给去来我你他她';
/** Only cues starting with this take a relative clause (来个懂电的 describes a person, not the past). */
export const RELATIVE_CLAUSE_CUE_START = '帮';

/**
 * Someone tells the group a matter is passed on and the other party will act (我已经跟物业说了 他们下午派人去):
 * chat, both parts needed, and not when the matter is still open (已经跟物业说了 到现在还没人来).
 */
export const PASSED_ON_CUES: readonly string[] = ['已经?(跟|给|和|找)[^\\s,.!?]{0,6}(说|反映|联系|讲|打电话|报)(过)?了'];
export const ARRANGED_CUES: readonly string[] = ['(他们|物业|师傅|社区|人家|那边)[^\\s,.!?]{0,6}(派人|来修|过来|上门|来人|安排)'];

/**
 * A need stated without asking (有十几个箱子要搬下楼装车 明天上午十点 6号楼2单元): a modal right before the
 * task word, a day ahead and where; read as a request but below the order threshold (no order is opened).
 */
export const NEED_MODALS: readonly string[] = ['要', '得', '需要', '想'];
export const FUTURE_DAY_CUES: readonly string[] = ['明天', '后天', '今天下午', '今晚', '周[一二三四五六日末]', '[0-9一二三四五六七八九十]+号(?![楼院])'];
/** Apologies for a disturbance (明天搬家占用电梯 大家见谅) are notices, not needs. */
export const APOLOGY_CUES: readonly string[] = ['见谅', '担待', '抱歉', '打扰', '不好意思', '谅解'];

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
  '已经来修', '来修过了', '修过了', '办下来了', '弄开了', '协调好了', '不用麻烦', '没什么大事', '没大碍', '不要紧',
];

/** Thanks, praise, wishes, celebration: chat unless a request is also made. */
export const SOCIAL_CUES: readonly string[] = [
  '谢谢', '感谢', '多谢', '辛苦了', '辛苦啦', '点赞', '恭喜', '祝', '快乐', '生日', '身体健康', '哈哈', '给力', '真好', '好样的',
  '早安', '早上好', '晚安', '美好的一天', '可爱', '好看', '漂亮', '(?<!得)厉害',
];

/**
 * The writer offers help to whoever needs it (我下午没事 谁家需要帮忙掰玉米吱一声): chat, although the
 * offer itself contains 谁…帮.
 */
export const OFFER_CUES: readonly string[] = [
  '(谁家?|哪家|哪位|大家|有人)(有)?需要.{0,10}(吱一声|说一声|喊一声|招呼一声|叫我|喊我|找我)',
];

/**
 * Something found and kept for its owner (哪位邻居丢了一只橘猫…我先喂着): chat even with 哪位 in it,
 * unless the writer asks for themself (帮我, 麻烦).
 */
export const FOUND_CUES: readonly string[] = ['(哪位|谁家|哪家)[^\\s,.!?]{0,4}丢了', '我先(喂着|养着|收着|放着|替.{0,3}收着)'];

/** A volunteer offering or claiming (handled by the command layer, not an order). */
export const VOLUNTEER_REPLY_CUES: readonly string[] = [
  '我去吧', '我去$', '我来吧', '我来$', '我可以去', '我有空', '我能去', '我过去', '我马上到', '接单',
  '我在路上', '我这就去',
  '我一起', '顺便(帮|给)', '拼车', '拼单', '一起拼', '有没有一起', '有没有人.{0,6}一起', '我可以帮', '我帮你', '我帮您', '我替你', '要.{0,8}的说一声',
];

/** Something is broken or wrong: with a catalogue word, a report the bot should take up. */
export const PROBLEM_CUES: readonly string[] = [
  '坏了', '坏掉', '漏了', '漏水', '渗水', '滴水', '返水', '冒水', '淹了', '堵了', '堵住', '不通', '不亮',
  '不出水', '没水', '停电', '没电', '跳闸', '关不上', '关不严', '打不开', '锁不上', '松了', '掉了',
  '裂了', '碎了', '不见了', '丢了', '没人拉', '没人修', '没人管', '没人清', '没人来', '臭', '冒烟',
  '着火', '起火', '摔倒', '摔了', '困在', '点不着', '充不进', '不转', '不动了', '出故障', '故障',
  '漏雨', '流水', '停不下来', '满了', '溢', '塌', '刷不开', '不开了', '开不了', '黑了', '灭了', '破了', '堵', '没清',
  '生锈', '歪了', '冲坏', '冻裂', '不热', '不制冷', '火花', '弄不动', '搬不动', '扛不动', '抬不动', '拿不动', '弄不下去',
  '叫不醒', '不行了', '晕倒', '昏迷', '喘不上气', '进水', '泡了', '没气', '没信号', '失灵', '不灵', '卡住', '掉漆', '黑屏',
  '漏', '坏', '往外冒', '没修', '没人收', '裂', '不紧', '滴答', '关不住', '断了', '怪味', '有点味', '在响', '连不上', '太陡',
];

/** Past or third-party narration: a request is less likely (`上个月去医院复查…`). */
export const PAST_CUES: readonly string[] = [
  '上个月', '(?<!马)上回(?![去来家])', '(?<!马)上次', '上周(?![一二三四五六日末])', '(?<![0-9号点天午日周一二三四五六七八九十末底])之前',
  '(?<![0-9号点天午日周一二三四五六七八九十末底])以前', '(?<!提)前几天', '昨天', '前天', '去年', '那天', '当时', '曾经',
];
/** A past cue after 从 or before these tells how long a problem has lasted (从前天就不亮了): not a past event. */
export const ONGOING_BEFORE_PAST = '从';
export const ONGOING_AFTER_PAST: readonly string[] = ['就', '到现在', '一直', '起', '开始', '到今天'];
/** Anywhere in the text these say the matter is still open (上周反映的…到现在还没修): past references do not make it chat. */
export const STILL_OPEN_CUES: readonly string[] = ['到现在', '还没', '一直没', '至今', '到今天'];

/** A dispute is urgent only on explicit urgency or violence (淹了我家 in a complaint is history). */
export const DISPUTE_URGENT_CUES: readonly string[] = [
  '(?<![不别])急', '马上', '赶紧', '立刻', '快来', '打起来', '动手', '动刀', '拿刀', '报警', '打人', '出人命',
];

/** Urgency and emergencies (README: 急, 马上, 赶紧, 危险, 淹, 老人摔倒, 煤气味, 着火, 困人…). */
export const URGENT_CUES: readonly string[] = [
  '急', '马上', '赶紧', '赶快', '快来', '快点', '立刻', '立即', '危险', '淹', '摔倒', '摔了一跤',
  '跌倒', '起不来', '晕倒', '昏倒', '昏迷', '不省人事', '煤气味', '燃气味', '天然气味', '漏气', '煤气泄漏',
  '着火', '起火', '失火', '冒烟', '烧起来', '困人', '困在', '关在电梯', '被困', '救命', '喘不上气',
  '胸口疼', '出血', '流血', '站不起来', '打了?120', '叫了?救护车', '人不见了', '走丢', '困了.{0,3}人', '困住', '快叫', '爆了', '叫不醒', '冒火花', '火花',
  '烫伤', '烫了', '开水烫', '抽搐', '不行了', '漏电', '报警器.{0,4}响',
  '(老伴|老人|孩子|我爸|我妈|老爷子|老太太|爷爷|奶奶|姥姥|姥爷|老头).{0,4}(找不着|找不到|不见了|没回来)',
  // nobody answers at a door or phone for days: a welfare check (电话打了一上午都没人接)
  '(敲门|电话).{0,8}没人(应|接)',
  // shut in a room (我被关在卧室里了)
  '(关|锁|困)在(卧室|屋|房间|厕所|卫生间|阳台|家)',
];

/** Phrases that look urgent but are not (negated urgency). Removed before URGENT_CUES are tried. */
export const NOT_URGENT_CUES: readonly string[] = [
  '不急', '不着急', '不是很急', '不太急', '不用急', '别着急', '别急', '没那么急', '不紧急', '不算急', '急不急',
  '不用着急', '着急不', '急诊科', '应急',
  // 报警也没用: a call to the police told as history and futile, not violence happening now
  '报警了?(也|都)?(没用|不管用|不管)', '不(是|太|怎么|算|用)?(很|太|那么)?着急',
];

/** A power cut or heating failure with someone vulnerable alone is an emergency. */
export const POWER_CUT_CUES: readonly string[] = ['停电', '没电', '跳闸', '断电'];
export const VULNERABLE_ALONE_CUES: readonly string[] = ['独居', '一个人在家', '一个人住', '老人自己', '瘫', '卧床'];

/**
 * Emergencies that make a message a request even when it is phrased as a question
 * (谁家有氧气袋？快！ after 打了120): urgency cues other than a bare 急.
 */
export const EMERGENCY_CUES: readonly string[] = [
  '打了?120', '叫了?救护车', '喘不上气', '叫不醒', '晕倒', '昏迷', '摔倒', '摔了一跤', '起不来', '着火', '起火', '冒烟', '煤气味', '燃气味',
  '困在', '被困', '淹', '(敲门|电话).{0,8}没人(应|接)',
  // a burst pipe spraying now (水管爆了 总阀在哪关啊)
  '(水管|管子|管道|暖气片?).{0,3}爆',
];

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
export const IN_PERSON_CUES: readonly string[] = ['帮我去', '替我去', '帮忙去', '来人', '上门', '过来', '过去', '来看看', '去看看', '搭把手', '来一趟', '跑一趟'];

/** Phatic questions that are greetings (吃了没): removed before the question cues are tried. */
export const GREETING_QUESTIONS: readonly string[] = ['吃了没', '吃了吗', '吃饭了没', '吃饭了吗', '在吗', '睡了吗', '睡了没', '好久不见'];
