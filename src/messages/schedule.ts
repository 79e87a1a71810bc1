/**
 * What the bot says on its own (escalations, digests, summaries, follow-ups) and about duty and
 * leave. Group posts show the building and unit only and mask phone numbers.
 */
import type { Order } from '../core/model.js';
import { maskPhone } from '../core/privacy.js';
import { ACTION_NAMES, addressMasked, formatStamp } from './index.js';

const ref = (o: Pick<Order, 'id'>) => `#${o.id}`;
const refs = (ids: readonly number[]) => ids.map((id) => `#${id}`).join(' ');
const mention = (name: string) => `@${name}`;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const what = (o: Order, categoryName: string) => {
  const where = addressMasked(o.address);
  return `${ref(o)} ${categoryName}${where ? ` ${where}` : ''}${o.urgent ? '【急】' : ''}`;
};

/** 2026-06-10 → 6月10日. */
export function dateLabel(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** 2026-06-10 → 6月10日 周三. */
export function dayLabel(date: string): string {
  return `${dateLabel(date)} ${WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]}`;
}

/** An order's wanted time: 2026-06-10T15:00 → 6月10日 15:00. */
export function whenLabel(when: string): string {
  const [d, t] = when.split('T');
  return t ? `${dateLabel(d!)} ${t}` : dateLabel(d!);
}

/** A wait: 2小时 · 1小时30分钟 · 15分钟. */
export function durationLabel(ms: number): string {
  const total = Math.max(1, Math.round(ms / 60_000));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (!h) return `${m}分钟`;
  return m ? `${h}小时${m}分钟` : `${h}小时`;
}

/** The short history staff see with an escalation: the last few steps. */
export function shortHistory(o: Order, names: (id: string) => string, max = 6): string {
  const lines = o.history.slice(-max).map((h) => `· ${formatStamp(h.at)} ${ACTION_NAMES[h.action]} ${names(h.by)}${h.note ? `:${h.note.slice(0, 30)}` : ''}`);
  const more = o.history.length > max ? `\n(共${o.history.length}步,/查 ${ref(o)} 看全部)` : '';
  return `${lines.join('\n')}${more}`;
}

export interface DigestFacts {
  gridName: string;
  waiting: number[];
  inProgress: number;
  dueToday: number[];
  overdue: number[];
  duty: { name: string; phone: string | null; standsInFor: string | null } | null;
}

export interface DaySummaryFacts {
  date: string;
  created: number;
  claimed: number;
  resolved: number;
  rated: number;
  averageRating: number | null;
  waiting: number[];
  overdue: number[];
  escalated: number[];
}

export interface WeekSummaryFacts {
  from: string;
  to: string;
  created: number;
  resolved: number;
  rated: number;
  averageRating: number | null;
  stillOpen: number;
  byGrid: { name: string; created: number; resolved: number }[];
  byTeam: { team: string; resolved: number }[];
  top: { name: string; resolved: number }[];
}

const dutyText = (d: DigestFacts['duty'], full: boolean) =>
  d ? `${d.name}${d.phone ? ` ${full ? d.phone : maskPhone(d.phone)}` : ''}${d.standsInFor ? `(代${d.standsInFor})` : ''}` : '';
const avg = (a: number | null) => (a === null ? '' : `,平均${a.toFixed(1)}分`);
const listed = (label: string, ids: number[]) => (ids.length ? `${label}${ids.length}件(${refs(ids.slice(0, 10))}${ids.length > 10 ? ' …' : ''})` : '');

export const scheduleMessages = {
  /** Shown for an order whose grid is unknown. */
  noGrid(): string {
    return '未分网格';
  },
  // ── dispatch ───────────────────────────────────────────────────────
  /** Said with the acknowledgement when the call waits for the morning. */
  callHeldNote(releaseAt: number): string {
    return `现在是夜间,明早${formatStamp(releaseAt).slice(6)}通知本网格志愿者;急事请打社区值班电话。`;
  },
  /** With the claim notice, when the order has a wanted time. */
  claimEta(when: string, kind: Order['kind']): string {
    return `预计${whenLabel(when)}${kind === 'service' ? '上门' : '办理'}`;
  },
  overCapacity(o: Order, open: number): string {
    return `${ref(o)} 您手上已有${open}件未办结,先办完再接新单吧。`;
  },
  /** The completion notice when the rating is asked later (`later`), or never. */
  resolvedNoAsk(o: Order, residentName: string | null, later: boolean): string {
    const to = residentName ? `${mention(residentName)} ` : '';
    return later ? `${ref(o)} 已办结。${to}稍后社区会请您为这次服务打分。` : `${to}${ref(o)} 已办结,谢谢您的信任。`;
  },

  // ── escalation (小事不出楼栋,大事不出社区) ─────────────────────────
  escalateGroup(o: Order, categoryName: string, waited: number, names: string[]): string {
    const who = names.length ? `${names.map(mention).join(' ')} 哪位方便?` : '本网格哪位志愿者方便?';
    return `${what(o, categoryName)} 已${durationLabel(waited)}无人接单,${who}回复「接单 ${ref(o)}」`;
  },
  escalateWorker(o: Order, categoryName: string, waited: number, names: string[]): string {
    return `${what(o, categoryName)} 已${durationLabel(waited)}无人接单,${names.map(mention).join(' ')} 请协调。`;
  },
  escalateChief(o: Order, categoryName: string, waited: number, name: string): string {
    return `${what(o, categoryName)} 已${durationLabel(waited)}无人接单,网格员协调未果,${mention(name)} 请协调派单。`;
  },
  escalateStaff(o: Order, categoryName: string, gridName: string, waited: number, history: string): string {
    return `【升级】${gridName} ${ref(o)} ${categoryName}:${o.summary}${o.urgent ? '【急】' : ''},已${durationLabel(waited)}无人接单,请社区派单:/派单 ${ref(o)} @志愿者\n${history}`;
  },
  acceptanceReminder(o: Order, categoryName: string, waited: number): string {
    const how = o.status === 'submitted' ? `/受理 ${ref(o)}` : `/派单 ${ref(o)} @志愿者`;
    return `${ref(o)} ${categoryName}:${o.summary}${o.urgent ? '【急】' : ''},已等待${durationLabel(waited)},请处理:${how}`;
  },
  overdueClaimer(o: Order, deadline: number): string {
    return `${ref(o)} 约定${formatStamp(deadline)}前办好,现在还没有办结。办完请回复「完成 ${ref(o)}」,办不了请回复「放弃 ${ref(o)}」。`;
  },
  overdueWorker(o: Order, categoryName: string, deadline: number, claimerName: string, names: string[]): string {
    return `${what(o, categoryName)} 约定${formatStamp(deadline)}前办好,${claimerName}还没有办结,${names.map(mention).join(' ')} 请跟进。`;
  },
  overdueStaff(o: Order, categoryName: string, gridName: string, deadline: number, claimerName: string, history: string): string {
    return `【超时】${gridName} ${ref(o)} ${categoryName}:${o.summary},约定${formatStamp(deadline)}前办好,${claimerName}尚未办结,已请网格员跟进。\n${history}`;
  },

  // ── follow-up (回访) ───────────────────────────────────────────────
  followUpAsk(o: Order, categoryName: string, residentName: string | null): string {
    const to = residentName ? `${mention(residentName)} ` : '';
    return `${ref(o)} 回访:${to}您的${categoryName}已办结,这次服务您满意吗?请回复1–5打分。`;
  },
  followUpAskPrivately(o: Order, categoryName: string): string {
    return `您好,社区回访:您的 ${ref(o)}(${categoryName})已办结,这次服务您满意吗?请回复1–5打分。`;
  },

  // ── scheduled posts ────────────────────────────────────────────────
  morningDigest(f: DigestFacts): string {
    const parts = [listed('今日待接单', f.waiting), f.inProgress ? `办理中${f.inProgress}件` : '', listed('今日到期', f.dueToday), listed('已超时', f.overdue)].filter(Boolean);
    const body = parts.length ? `${f.gridName}${parts.join(',')}。` : `${f.gridName}目前没有待办工单。`;
    const duty = f.duty ? `今天值班:${dutyText(f.duty, false)}。` : '';
    return `早上好!${body}${duty}`;
  },
  eveningSummary(f: DaySummaryFacts): string {
    const head = `今日小结(${dateLabel(f.date)}):新登记${f.created}件,接单${f.claimed}件,办结${f.resolved}件,回访${f.rated}件${avg(f.averageRating)}。`;
    const open = [listed('待接单', f.waiting), listed('超时未办结', f.overdue), listed('今日升级到社区', f.escalated)].filter(Boolean);
    return open.length ? `${head}\n${open.join(';')}。` : `${head}\n没有积压的工单。`;
  },
  weeklySummary(f: WeekSummaryFacts): string {
    const lines = [`上周小结(${dateLabel(f.from)}–${dateLabel(f.to)}):新登记${f.created}件,办结${f.resolved}件,回访${f.rated}件${avg(f.averageRating)},目前未办结${f.stillOpen}件。`];
    if (f.byGrid.length) lines.push(`各网格:${f.byGrid.map((g) => `${g.name} 新${g.created}/结${g.resolved}`).join(';')}`);
    if (f.byTeam.length) lines.push(`服务队:${f.byTeam.map((t) => `${t.team} ${t.resolved}件`).join(';')}`);
    if (f.top.length) lines.push(`办结最多:${f.top.map((t) => `${t.name} ${t.resolved}件`).join('、')}`);
    return lines.join('\n');
  },

  // ── duty and leave ─────────────────────────────────────────────────
  onDuty(date: string, label: '今天' | '明天', duty: DigestFacts['duty'], fullPhone: boolean): string {
    if (!duty) return `${label}(${dayLabel(date)})没有排到值班的人,请联系社区。`;
    return `${label}(${dayLabel(date)})值班:${dutyText(duty, fullPhone)}。`;
  },
  dutyWeek(days: { date: string; duty: DigestFacts['duty'] }[], fullPhone: boolean): string {
    return `值班表:\n${days.map((d) => `${dayLabel(d.date)} ${d.duty ? dutyText(d.duty, fullPhone) : '—'}`).join('\n')}`;
  },
  noRoster(): string {
    return '还没有排值班表,请联系社区。';
  },
  leaveRecorded(name: string, from: string | null, lastDay: string, open: number[]): string {
    const span = from ? `${dayLabel(from)}到${dayLabel(lastDay)}` : `到${dayLabel(lastDay)}`;
    const held = open.length ? `您手上还有 ${refs(open)} 未办结,办不了请回复「放弃 #${open[0]}」。` : '';
    return `已记下:${name}请假${span},期间不派单给您。提前回来请回复「销假」。${held}`;
  },
  leaveEnded(name: string): string {
    return `已销假,欢迎回来,${name}!`;
  },
  notOnLeave(): string {
    return '您现在没有请假。';
  },
  leaveUnclear(): string {
    return '请这样写:请假 3天,或 请假到6月12日(最长90天)。';
  },
  leaveNotForYou(): string {
    return '请假、销假只对志愿者和社区工作人员有效。';
  },
};
