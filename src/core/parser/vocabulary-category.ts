/**
 * Parser vocabulary, part 5: how strongly a built-in catalogue keyword points at its category.
 * Words a community adds through configuration weigh CUSTOM_KEYWORD_WEIGHT.
 * The highest-weighted keyword in a message decides its category; ties go to the larger sum of
 * non-weak keywords, then to the earliest mention.
 */

export const DEFAULT_KEYWORD_WEIGHT = 2;
/** A word a community adds through configuration names its service: as strong as the built-in service words. */
export const CUSTOM_KEYWORD_WEIGHT = 3;
/** A request needs a keyword at least this strong to take its category (帮我购买彩票 is not an errand order). */
export const MIN_REQUEST_KEYWORD_WEIGHT = 2;

/** Context words that often accompany another matter (`身份证照片我发你` in a 医保 request). */
const WEAK = [
  '身份证', '户口本', '户口', '复印件', '老人', '照看', '窗户', '认证', '补贴', '下水', '买点', '买个', '买些', '带点',
  '超市', '卫生', '轮椅', '楼道', '残疾人', '充值', '欠费', '开关', '没人接', '摔了', '搬',
  '收拾', '清理', '代收', '代发', '黑灯瞎火', '买', '手机', '行李', '拎', '不会用', '安装', '坏了', '不好使', '不热', '学校', '找找', '发票', '营业厅', '绿化', '外墙', '水池', '线路', '电路', '洗澡', '瘫', '卧床',
  // context, not the service: 孩子在外地, 我给跑腿费, 晚上遛弯, 家里的狗
  '跑腿费', '跑腿钱', '遛弯', '浇不了',
  // 陪护 says someone stays with a patient; where (医院/住院 or 老人 at home) names the service
  '陪护', '狗', '猫', '看一会儿', '看会儿', '激活', '老太太', '老爷子', '作业', '大门', '现金', '手机银行', '浇不上', '浇地', '陪床', '骨折', '麦子', '玉米', '庄稼', '材料', '抬杆', '炕',
];

/** Words that name the service itself. */
const STRONG = [
  '复印', '打印', '扫描', '陪诊', '助浴', '打扫', '清一下', '扫一下', '大扫除', '代购', '跑腿', '买菜',
  '买点菜', '买药', '低保', '残疾证', '护理补贴', '高龄补贴', '医保', '医保卡', '社保', '社保卡', '养老认证',
  '生存认证', '刷脸', '居民医保', '城乡居民医保', '销户', '落户', '迁户', '上户口', '无犯罪证明', '居住证', '暂住证',
  '暖气片', '合页', '燃气灶', '煤气灶', '点不着', '打不着', '通一下', '水龙头', '马桶', '水管', '快递', '退货',
  '退回去', '取件码', '寄快递', '电费', '水费', '燃气费', '暖气费', '取暖费', '燃气表', '燃气公司', '供电所',
  '门禁', '消防栓', '消防通道', '楼道灯', '电梯', '物业', '没人拉', '单元门', '擦', '擦玻璃', '保洁',
  '拍片', '120', '救护车', '胸口疼', '喘不上气', '送医', '挂号', '复查', '助餐', '敲门', '跌倒', '摔倒',
  '起不来', '看望', '探望', '放学', '上门护理', '长期护理', '报上去', '递材料', '递个材料', '照看老人', '打疫苗',
  '晕倒', '急救', '开车送', '送医院', '叫不醒', '倒在地上', '昏迷', '核磁', 'CT', 'B超', '化疗', '屋顶', '房顶', '漏雨', '危房改造', '申请轮椅', '申请个轮椅', '居住证明', '户籍证明', '寄', '放错了',
  '教教', '健康码', '血压计', '化验单', '漏到', '泡了', '挂上', '垃圾桶满', '倒垃圾', '疏通', '电工', '电视', '没信号', '取钱', '取点钱', '陪老人', '陪我家老人', 
  '看会儿孩子', '照看孩子', '带孩子', '陪陪', '换身份证', '办身份证', '临时身份证', '补身份证', '身份证过期', '报销', '药店', '感冒药', '翻身', '擦身', '透析', 
  '抽血', '胃镜', '浇花', '浇', '走丢', '吸顶灯', '漏气', '搬不动', '接下孩子', '接一下孩子', '合作医疗', '接孩子', '接送', '看孩子', '遛狗', '喂猫', '开锁',
  '彩印', '塑封', '卡表', '买气', '买点气', '取现', '取现金', '取点现金', '菜市场', '指甲', '剪指甲', '老年痴呆', '痴呆', '剪头', '剪头发', '烫伤', '换药', '井盖', '声控', '道闸', '懂电的', '洗头', '洗洗头', '没人照顾', '按摩', '量血压', '量量血压', '日间照料', '送饭', '收拾收拾', '打扫打扫', '高龄津贴', '盘炕', '看一眼', '出生证明', '死亡证明', '养老金卡', '残疾人证', '幼儿园', '银行', '收麦', '割麦', '收玉米', '掰玉米',
  '洗洗', '拆洗', '洗一洗', '搬走', '拖地', '拖拖地', '拖一拖', '拖一下地', '欠费停', '弄不下楼', '弄不上楼', '弄下楼', '弄上楼', '遛', '辅导', '浇水', '资格认证', '异地报销', '异地就医', '身份证丢', '身份证到期', '不制冷', '居家养老',
  '养老服务补贴',
];

/** Words that settle the category even next to strong ones. */
const DECISIVE: Readonly<Record<string, number>> = {
  搬家: 4, 搬东西: 4, 搬运: 4, 抬: 4, 扛: 4, 挪: 4, 拎上去: 4, 提上去: 4, 背上去: 4, 运上去: 4, 抬上去: 4,
  拎下楼: 4, 拎上楼: 4, 弄不动: 4, 码一码: 4, 拎不动: 4, 燃气报警器: 4,
  搬下来: 4, 搬上去: 4, 搬下楼: 4, 搬上楼: 4, 抬下楼: 4, 抬上楼: 4, 弄不下去: 4,
  // someone missing: 老伴早上出去买菜到现在没回来 is about finding him, not the shopping
  找不着: 4,
  抬不动: 4, 扛不动: 4, 拿不动: 4, 提不动: 4, 扛不上去: 4, 搬不上去: 4, 拉回来: 4,
  煤气味: 4, 燃气味: 4, 天然气味: 4,
  // shared facilities that are never a household's own (a 排水沟 or 化粪池 behind a village house may be): 水渠堵了…能派人来清一下吗 is property maintenance
  水渠: 4, 充电桩: 4, 水塔: 4, 大喇叭: 4,
  // a pet stuck somewhere (家里的猫卡在空调外机上下不来了): a rescue, not a repair of where it is stuck
  猫卡: 4, 狗卡: 4, 猫困: 4, 狗困: 4, 猫掉: 4, 狗掉: 4, 猫爬: 4, 猫下不来: 4, 狗下不来: 4,
  // minding the flat while a fitter comes (明天装空调的师傅要来 谁能帮我在家看一下门): the minding is the service
  看家: 4, 替我在家: 4, 在家看一下门: 4, 在家看下门: 4, 在家等一下师傅: 4,
  开下门: 4, 开一下门: 4, 开个门: 4, 看着师傅: 4, 盯着师傅: 4,
  着火: 5, 起火: 5, 冒烟: 5, 失火: 5, 公共管道: 5, 主管道: 5, 下水主管: 5,
  // The copying is the service, the document only its object (户口本 / 出生证明 复印三份: copy_print).
  复印: 4, 打印: 4, 扫描: 4, 彩印: 4,
  // An emergency call settles it: carrying someone to the ambulance is medical escort (g049).
  '120': 5, 救护车: 5,
};

/** Words that name a medical reason more than the service wanted: middling. */
// 搬出去 / 搬进来 also tell of the writer moving (刚搬进来 前租户留了一屋子垃圾): middling, not decisive.
const MEDIUM = ['搬出去', '搬出来', '搬进来', '搬进去', '手术', '住院', '处方', '派出所', '停电', '做检查', '陪着去', '陪我去', '陪她去', '陪他去', '转转', '散步', '捎', '补贴', '窗帘', '一个人在家', '户口', '户口本', '中风'];

/** Built-in keyword weights (keywords not listed weigh DEFAULT_KEYWORD_WEIGHT). */
export const KEYWORD_WEIGHTS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(WEAK.map((w) => [w, 1])),
  ...Object.fromEntries(MEDIUM.map((w) => [w, 2])),
  ...Object.fromEntries(STRONG.map((w) => [w, 3])),
  ...DECISIVE,
};

/**
 * Where the matter is, for the line between home repair (inside the flat) and property
 * maintenance (shared facilities): 全村的自来水管子冻裂了 is shared, 我家茅房的水箱 is not.
 */
export const SHARED_PLACE_WORDS: readonly string[] = [
  '楼道', '地下室', '公共', '全村', '半个村', '全组', '我们村', '我们组', '村里的', '好几家', '好几户', '[一二三四五六七八九十0-9]组的', '[几两三四五]户', '整栋', '整个单元', '各家', '单元门口', '楼顶', '顶楼', '公用',
];
/** Weaker shared places: they settle a close call but do not make a home repair a shared one on their own. */
export const SHARED_AREA_WORDS: readonly string[] = ['小区', '院里', '院子里', '村口'];
export const PRIVATE_PLACE_WORDS: readonly string[] = [
  // 我家门口 / 我家旁边 is outside the flat
  '我家(?!门口|旁边|附近|楼下|对面|前面|后面)', '我们家(?!门口|旁边|附近|楼下|对面)', '家里', '屋里', '厨房', '卫生间', '卧室', '客厅', '茅房', '厕所', '阳台',
];
/** 理个发 → 理发, 开点药 → 开药: measure words that split a two-character verb-object keyword. */
export const MEASURE_WORDS: readonly string[] = ['个', '点', '顿', '次', '两次', '两顿'];

/** The two catalogue keys that line divides. */
export const HOME_KEY = 'home_repair';
export const SHARED_KEY = 'property_maintenance';
/** A shared-facility word this strong is not overruled by a private place (楼顶漏雨 into my flat). */
export const MAX_OVERRULED_SHARED_WEIGHT = 2;

/** A keyword right after one of these is denied (`不是主管道的事`) or was done to the writer (`被人挪走了`). */
export const KEYWORD_NEGATIONS: readonly string[] = ['不是', '不是因为', '并非', '不属于', '被人', '被', '万一', '如果', '要是'];
/** …except in an A-not-A question (是不是阀门的问题 asks, it does not deny). */
export const NOT_NEGATIONS: readonly string[] = ['是不是'];
