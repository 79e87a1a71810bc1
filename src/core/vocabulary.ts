/**
 * Every Chinese word the bot listens for: catalogue defaults and the command words.
 * (What the bot *says* lives in src/messages/.)
 * The parser's own word lists (intent cues, time, address words) live in src/core/parser/vocabulary-*.ts.
 */
import type { CatalogueEntry } from './model.js';

// ---------------------------------------------------------------------------------------------
// Catalogue (owned by the parser): the corpus's category keys with default keywords.
// A community extends it through configuration: entries with the same key add keywords.
// How strongly each built-in keyword points at its category is in parser/vocabulary-category.ts.
// ---------------------------------------------------------------------------------------------

/** Built-in catalogue: the corpus's category keys with default keywords. */
export const DEFAULT_CATALOGUE: readonly CatalogueEntry[] = [
  { key: 'civil_affairs', kind: 'proxy', name: '民政优扶', keywords: [
    '低保', '残疾证', '残疾人', '高龄补贴', '优抚', '救助', '养老补贴', '护理补贴', '补贴', '特困', '五保',
    '临时救助', '困难补助', '尊老金', '优待证', '退役军人', '廉租房', '公租房', '老年证', '老年卡', '残联' ] },
  { key: 'social_insurance', kind: 'proxy', name: '医疗社保', keywords: [
    '医保', '社保', '医保卡', '社保卡', '医疗保险', '养老保险', '报销', '发票', '合作医疗', '养老认证', '认证', '刷脸',
    '养老金', '退休金', '生存认证', '城乡居民医保', '新农合', '农合', '慢病', '门诊慢特病', '居民医保' ] },
  { key: 'household_registration', kind: 'proxy', name: '户籍管理', keywords: [
    '户口', '户口本', '身份证', '居住证', '迁户', '落户', '销户', '上户口', '户籍', '无犯罪证明', '派出所',
    '死亡证明', '出生证明', '迁移证', '换身份证', '办身份证', '临时身份证', '补身份证', '身份证过期' ] },
  { key: 'utility_payment', kind: 'proxy', name: '水电气暖代缴', keywords: [
    '电费', '水费', '燃气费', '煤气费', '暖气费', '取暖费', '供暖费', '缴费', '交费', '充电费', '电卡',
    '水卡', '燃气卡', '气卡', '燃气表', '电表', '水表', '燃气公司', '供电所', '供电局', '营业厅', '自来水公司',
    '热力公司', '物业费', '充值', '欠费' ] },
  { key: 'parcel', kind: 'proxy', name: '快递代收代发', keywords: [
    '快递', '包裹', '驿站', '退货', '取件码', '寄件', '寄个', '寄东西', '代收', '代发', '菜鸟', '丰巢',
    '快递柜', '退回去', '收件', '邮寄', '寄快递' ] },
  { key: 'copy_print', kind: 'proxy', name: '复印打印', keywords: [
    '复印', '打印', '扫描', '复印件', '打印机', '彩印', '塑封' ] },
  { key: 'property_maintenance', kind: 'proxy', name: '物业维护', keywords: [
    '电梯', '楼道灯', '路灯', '化粪池', '垃圾', '单元门', '楼顶', '物业', '楼道', '门禁', '消防栓', '消防通道',
    '公共管道', '主管道', '排水管', '下水主管', '屋顶漏', '房顶漏', '垃圾桶', '垃圾清运', '没人拉', '井盖',
    '楼梯扶手', '声控灯', '防盗门', '水箱', '二次供水', '绿化', '树枝', '外墙' ] },
  { key: 'home_repair', kind: 'service', name: '家庭维修', keywords: [
    '水管', '漏水', '马桶', '下水道', '下水', '堵了', '灯泡', '插座', '跳闸', '修', '水龙头', '龙头', '暖气片',
    '渗水', '合页', '窗户', '纱窗', '门锁', '换锁', '开关', '电路', '线路', '热水器', '燃气灶', '煤气灶', '点不着',
    '打不着', '通一下', '滴水', '漏气', '燃气味', '吸顶灯', '灯', '换灯泡', '油烟机', '洗衣机', '冰箱', '空调', '水池', '地漏', '灯管', '漏电', '短路', '换灯' ] },
  { key: 'errand', kind: 'service', name: '跑腿代购', keywords: [
    '买菜', '买点菜', '买药', '代购', '跑腿', '捎', '买点', '买些', '买个', '带点', '买东西', '送饭',
    '买米', '买面', '买油', '超市', '药店', '买', '感冒药', '送份饭', '送点饭', '做饭' ] },
  { key: 'elderly_care', kind: 'service', name: '助老服务', keywords: [
    '老人', '陪护', '照看', '助餐', '理发', '助浴', '洗澡', '独居', '摔倒', '摔了', '跌倒', '起不来',
    '敲门', '看望', '探望', '陪聊', '瘫', '瘫痪', '卧床', '送餐', '上门理发', '没人接', '翻身', '擦身', '一个人住',
    '一个人在家', '陪陪', '看一眼', '说说话', '读报' ] },
  { key: 'medical_escort', kind: 'service', name: '就医陪诊', keywords: [
    '陪诊', '看病', '医院', '复查', '挂号', '就医', '住院', '手术', '拍片', '输液', '打针', '体检',
    '120', '救护车', '胸口疼', '喘不上气', '送医', '急诊', '处方', '取药', '拿药', '开药', '轮椅', '透析', '陪着去',
    '陪我去', '陪她去', '陪他去', '抽血', '胃镜', '犯病', '发高烧' ] },
  { key: 'cleaning', kind: 'service', name: '家政保洁', keywords: [
    '打扫', '保洁', '擦玻璃', '清洗', '擦', '清理', '收拾', '打扫卫生', '搞卫生', '做卫生', '大扫除', '清一下', '扫一下',
    '油乎乎' ] },
  { key: 'moving_help', kind: 'service', name: '搬运帮忙', keywords: [
    '搬家', '搬东西', '搬运', '抬', '扛', '搬', '挪', '拎上去', '提上去', '背上去', '运上去', '抬上去', '搬不动',
    '抬不动', '扛不动', '拿不动', '提不动', '扛不上去', '搬不上去', '拉回来', '搬下来', '搬上去', '搬下楼', '搬上楼', '抬下楼', '抬上楼' ] },
  { key: 'other_service', kind: 'service', name: '其他服务', keywords: [
    '着火', '起火', '冒烟', '失火', '接孩子', '接下孩子', '接一下孩子', '接娃', '放学', '学校', '接送', '看孩子', '遛狗',
    '喂猫', '开锁', '浇花', '浇', '走丢', '找找' ] },
];
