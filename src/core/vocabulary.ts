/**
 * Every Chinese word the bot listens for: catalogue defaults and the command words.
 * (What the bot *says* lives in src/messages/.)
 */
import type { CatalogueEntry } from './model.js';

/** Built-in catalogue: the corpus's category keys with default keywords. */
export const DEFAULT_CATALOGUE: readonly CatalogueEntry[] = [
  { key: 'civil_affairs', kind: 'proxy', name: '民政优扶', keywords: ['低保', '滴保', '残疾证', '高龄补贴', '优抚', '救助', '养老补贴'] },
  { key: 'social_insurance', kind: 'proxy', name: '医疗社保', keywords: ['医保', '社保', '一保卡', '医疗保险', '养老保险', '报销'] },
  { key: 'household_registration', kind: 'proxy', name: '户籍管理', keywords: ['户口', '身份证', '身份正', '居住证', '迁户'] },
  { key: 'utility_payment', kind: 'proxy', name: '水电气暖代缴', keywords: ['电费', '水费', '燃气费', '暖气费', '取暖费', '缴费', '交费'] },
  { key: 'parcel', kind: 'proxy', name: '快递代收代发', keywords: ['快递', '包裹', '驿站', '退货'] },
  { key: 'copy_print', kind: 'proxy', name: '复印打印', keywords: ['复印', '打印', '扫描'] },
  { key: 'property_maintenance', kind: 'proxy', name: '物业维护', keywords: ['电梯', '楼道灯', '路灯', '化粪池', '垃圾', '单元门', '楼顶'] },
  { key: 'home_repair', kind: 'service', name: '家庭维修', keywords: ['水管', '漏水', '马桶', '下水道', '堵了', '灯泡', '插座', '跳闸', '修'] },
  { key: 'errand', kind: 'service', name: '跑腿代购', keywords: ['买菜', '买药', '代购', '跑腿', '取药'] },
  { key: 'elderly_care', kind: 'service', name: '助老服务', keywords: ['老人', '陪护', '照看', '助餐', '理发'] },
  { key: 'medical_escort', kind: 'service', name: '就医陪诊', keywords: ['陪诊', '看病', '医院', '复查', '挂号'] },
  { key: 'cleaning', kind: 'service', name: '家政保洁', keywords: ['打扫', '保洁', '擦玻璃', '清洗'] },
  { key: 'moving_help', kind: 'service', name: '搬运帮忙', keywords: ['搬家', '搬东西', '搬运', '抬'] },
  { key: 'other_service', kind: 'service', name: '其他服务', keywords: [] },
];
