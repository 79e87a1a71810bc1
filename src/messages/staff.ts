/**
 * What the staff tools say: statistics, points, the ledger's file and sheets, second follow-ups.
 * Reports are short enough for a phone screen; full personal data only in the ledger file,
 * which goes to staff privately.
 */
import type { MemberType, PointsConfig, ServiceGroup, YearEndRating } from '../core/config-staff.js';
import type { Order } from '../core/model.js';
import type { Period, PeriodWord } from '../core/period.js';
import type { PointsEntry, Standing } from '../core/points.js';
import type { Stats } from '../core/stats.js';
import { excerpt } from '../core/privacy.js';

export const SERVICE_GROUP_NAMES: Record<ServiceGroup, string> = {
  livelihood: '民生服务',
  daily_life: '生活服务',
  production: '生产服务',
  payment: '缴费服务',
};

export const MEMBER_TYPE_NAMES: Record<MemberType, string> = {
  youth: '青年党员',
  employed: '在职党员',
  retired: '退休党员',
  volunteer: '志愿者',
};

export const YEAR_END_RATING_NAMES: Record<YearEndRating, string> = { excellent: '优秀', good: '良好', fair: '一般', poor: '差' };

export const PERIOD_NAMES: Record<PeriodWord, string> = {
  today: '今天',
  yesterday: '昨天',
  thisWeek: '本周',
  lastWeek: '上周',
  thisMonth: '本月',
  lastMonth: '上月',
  thisYear: '今年',
  lastYear: '去年',
};

/** Who did it when the bot did it itself. */
export const BOT_ACTOR_NAME = '系统';

// ── formatting ───────────────────────────────────────────────────────

/** 3 → '3', 4.25 → '4.3'. */
export function num(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** +5 / -2. */
export function signed(x: number): string {
  return x >= 0 ? `+${num(x)}` : `-${num(-x)}`;
}

/** 35分钟 · 5.2小时 · 3.5天. */
export function duration(ms: number): string {
  const min = ms / 60_000;
  if (min < 60) return `${Math.max(0, Math.round(min))}分钟`;
  const h = min / 60;
  if (h < 48) return `${num(h)}小时`;
  return `${num(h / 24)}天`;
}

function pct(n: number, of: number): string {
  return of ? `${Math.round((100 * n) / of)}%` : '—';
}

const md = (day: string) => day.slice(5);

/** 本周(06-08—06-14) · 2026-06-01 至 2026-06-30 · 2026-06-10 · 全部. */
export function periodLabel(p: Period): string {
  if (!p.firstDay && !p.lastDay) return '全部';
  if (!p.firstDay) return `${p.lastDay} 及以前`;
  if (!p.lastDay) return `${p.firstDay} 起`;
  const sameYear = p.firstDay.slice(0, 4) === p.lastDay.slice(0, 4);
  const span = p.firstDay === p.lastDay ? p.firstDay : `${p.firstDay} 至 ${p.lastDay}`;
  if (!p.word) return span;
  const short = p.firstDay === p.lastDay ? md(p.firstDay) : sameYear ? `${md(p.firstDay)}—${md(p.lastDay)}` : span;
  return `${PERIOD_NAMES[p.word]}(${short})`;
}

/** 台账-2026-06.xlsx · 台账-2026.xlsx · 台账-2026-06-08至2026-06-14.xlsx · 台账-全部.xlsx */
export function ledgerFileName(p: Period, ext: 'xlsx' | 'csv' = 'xlsx'): string {
  let span: string;
  if (!p.firstDay && !p.lastDay) span = '全部';
  else if (!p.firstDay || !p.lastDay) span = p.firstDay ? `${p.firstDay}起` : `至${p.lastDay}`;
  else if (p.unit === 'month') span = p.firstDay.slice(0, 7);
  else if (p.unit === 'year' && p.firstDay.endsWith('-01-01')) span = p.firstDay.slice(0, 4);
  else if (p.firstDay === p.lastDay) span = p.firstDay;
  else span = `${p.firstDay}至${p.lastDay}`;
  return `台账-${span}.${ext}`;
}

// ── the ledger file ─────────────────────────────────────────────────

/** Column headers of the orders sheet, in order. */
export const LEDGER_ORDER_HEADERS = {
  id: '编号',
  grid: '网格',
  kind: '类型',
  group: '服务分组',
  category: '类别',
  resident: '居民',
  address: '地址',
  phone: '电话',
  text: '诉求内容',
  when: '希望时间',
  urgent: '紧急',
  submittedAt: '委托时间',
  acceptedAt: '受理时间',
  dispatchedAt: '派单时间',
  claimedAt: '接单时间',
  startedAt: '开始办理',
  resolvedAt: '办结时间',
  reportedAt: '上报时间',
  ratedAt: '回访时间',
  endedAt: '驳回/取消/关闭时间',
  acceptedBy: '受理人',
  claimedBy: '接单人',
  claimMinutes: '接单用时(分钟)',
  finishHours: '办结用时(小时)',
  rating: '评分',
  status: '状态',
  overdue: '超时',
  escalated: '升级',
  notes: '备注',
} as const;

export const ledgerText = {
  ordersSheet: '工单台账',
  summarySheet: '汇总',
  yes: '是',
  urgent: '急',
  botActor: BOT_ACTOR_NAME,
  noGrid: '未分网格',
  summaryHeaders: ['统计项', '数值', '平均评分', '评分条数'],
  /** One note of the audit trail: 完成:换了阀门. */
  note: (action: string, text: string) => `${action}:${text}`,
  ratingNote: (text: string) => `评价:${text}`,
  secondFollowUp: (who: string, text: string) => `二次回访(${who}):${text}`,
  awaitingSecondFollowUp: '待二次回访',
  rows: {
    period: '时段',
    generatedAt: '生成时间',
    created: '新单',
    finished: '已办结',
    open: '在办',
    dropped: '驳回/取消/关闭',
    byGroup: '按服务分组',
    byGrid: '按网格',
    byCategory: '按类别',
    byVolunteer: '按志愿者(办结单数)',
    medianClaim: '接单用时中位(分钟)',
    medianFinish: '办结用时中位(小时)',
    overdue: '超时',
    overdueShare: '超时占比',
    escalated: '升级',
    escalatedShare: '升级占比',
    rating: '平均评分',
    backlog: '当前待办(全部)',
    awaitingSecondFollowUp: '待二次回访(全部)',
  },
};

// ── replies ──────────────────────────────────────────────────────────

export interface StatsNames {
  gridName(id: string | null): string;
  categoryName(key: string): string;
  nameOf(id: string): string;
}

/** Shows the first `n` items, then "等N类". */
function topList<T>(items: T[], n: number, show: (t: T) => string, rest: (count: number) => string): string {
  const head = items.slice(0, n).map(show);
  if (items.length > n) head.push(rest(items.length - n));
  return head.join(' · ');
}

export const staffMessages = {
  badPeriod(): string {
    return '没看懂时间段。可以写:本周、上周、本月、上月、今年,或 2026-06-01 2026-06-30。';
  },
  usage(command: 'export' | 'stats' | 'addPoints' | 'deductPoints' | 'leaderboard' | 'followUp'): string {
    const u = {
      export: '/导出 本月(或 本周、上月、今年、2026-06-01 2026-06-30)',
      stats: '/统计 本周(或 本月、上月、今年、2026-06-01 2026-06-30)',
      addPoints: '/加分 @志愿者 5 原因',
      deductPoints: '/扣分 @志愿者 2 原因',
      leaderboard: '/积分榜(或 /积分榜 2025)',
      followUp: '/回访(列表)或 /回访 #12 回访情况',
    }[command];
    return `格式:${u}`;
  },

  // ── the ledger ──
  exportSentPrivately(name: string): string {
    return `台账已私信发给${name}。`;
  },
  exportCaption(p: Period, orders: number): string {
    return `台账:${periodLabel(p)},共${orders}单。含居民个人信息,请勿转发到群里。`;
  },
  exportEmpty(p: Period): string {
    return `${periodLabel(p)}没有工单,未生成台账。`;
  },
  exportTooBig(p: Period, orders: number, mb: number | null): string {
    const size = mb === null ? '' : `(约${num(Math.max(0.1, mb))}MB)`;
    return `${periodLabel(p)}共${orders}单,文件过大${size},请缩短时间段,或在服务器上用 npm run ledger 导出。`;
  },

  // ── statistics ──
  stats(s: Stats, p: Period, names: StatsNames): string {
    const head = `${periodLabel(p)}统计`;
    const tail = `待办${s.backlog}件 · 待二次回访${s.awaitingSecondFollowUp}件`;
    if (!s.created) return `${head}:没有新工单。\n${tail}`;
    const g = s.byGroup;
    const groups = (['livelihood', 'daily_life', 'production', 'payment'] as const).map((k) => `${SERVICE_GROUP_NAMES[k].slice(0, 2)}${g[k]}`).join(' · ');
    const grids = topList(s.byGrid, 4, (x) => `${names.gridName(x.gridId)}${x.count}`, (n) => `等${n}个`);
    const cats = topList(s.byCategory, 3, (x) => `${names.categoryName(x.category)}${x.count}`, (n) => `等${n}类`);
    const vols = s.byVolunteer.length
      ? `志愿者:${topList(s.byVolunteer, 3, (x) => `${names.nameOf(x.contactId)}${x.finished}单${x.rating.average === null ? '' : `${num(x.rating.average)}分`}`, (n) => `等${n}人`)}`
      : '志愿者:暂无办结';
    const times = `接单中位${s.medianClaimMs === null ? '—' : duration(s.medianClaimMs)} · 办结中位${s.medianFinishMs === null ? '—' : duration(s.medianFinishMs)}`;
    const shares = `超时${s.overdue}件(${pct(s.overdue, s.expectedWork)}) · 升级${s.escalated}件(${pct(s.escalated, s.created)})`;
    const rated = s.byGrid.filter((x) => x.rating.average !== null);
    const rating =
      s.rating.average === null
        ? '评分:暂无'
        : `评分${num(s.rating.average)}(${s.rating.count}条)${rated.length > 1 ? `:${topList(rated, 4, (x) => `${names.gridName(x.gridId)}${num(x.rating.average!)}`, (n) => `等${n}个`)}` : ''}`;
    return [
      head,
      `新单${s.created}:办结${s.finished} · 在办${s.open} · 驳回/取消/关闭${s.dropped}`,
      groups,
      `网格:${grids}`,
      `类别:${cats}`,
      vols,
      times,
      shares,
      rating,
      tail,
    ].join('\n');
  },

  // ── points ──
  notOnRoster(): string {
    return '您不在积分名单中。如有疑问请联系社区。';
  },
  entryLine(e: PointsEntry, when: string, names: { categoryName(key: string): string; nameOf(id: string): string }): string {
    const what = {
      order_done: () => `#${e.orderId} ${names.categoryName(e.category ?? '')}办结`,
      top_rating: () => `#${e.orderId} 好评${e.rating ?? ''}分`,
      abandoned: () => `#${e.orderId} 放弃`,
      overdue: () => `#${e.orderId} 超时`,
      manual: () => `${names.nameOf(e.by ?? '')}:${excerpt(e.note ?? '', 20)}`,
    }[e.reason]();
    return `${when} ${signed(e.delta)} ${what}`;
  },
  myPoints(name: string, s: Standing, year: number, lines: string[]): string {
    const parts = [
      `${name}(${MEMBER_TYPE_NAMES[s.type]})${year}年度积分 ${num(s.total)}`,
      `基础${num(s.base)} · 履职${signed(s.duty)} · 奖励${signed(s.reward)} · 扣减${s.deduction ? signed(-s.deduction) : '0'}`,
      `服务${s.orders}单 · 时长${num(s.hours)}小时`,
    ];
    parts.push(lines.length ? `最近:\n${lines.join('\n')}` : '本年度还没有积分记录。');
    return parts.join('\n');
  },
  /** `asOf` (MM-DD) for the running cycle: its ratings are provisional until the cycle ends. */
  leaderboard(rows: Standing[], year: number, rules: PointsConfig, nameOf: (id: string) => string, asOf: string | null, max = 20): string {
    if (!rows.length) return '积分名单为空:请在配置的 volunteers 或 points.members 中添加。';
    const y = rules.yearEnd;
    const how =
      y.by === 'score'
        ? `优秀≥${num(y.scores.excellent)} 良好≥${num(y.scores.good)} 一般≥${num(y.scores.fair)}`
        : `前${Math.round(y.ranks.excellent * 100)}%优秀 前${Math.round(y.ranks.good * 100)}%良好 前${Math.round(y.ranks.fair * 100)}%一般`;
    const lines = rows.slice(0, max).map((r) => `${r.rank}. ${nameOf(r.contactId)} ${num(r.total)} ${YEAR_END_RATING_NAMES[r.rating]}`);
    if (rows.length > max) lines.push(`……共${rows.length}人`);
    const count = (k: YearEndRating) => rows.filter((r) => r.rating === k).length;
    const summary = (['excellent', 'good', 'fair', 'poor'] as const).map((k) => `${YEAR_END_RATING_NAMES[k]}${count(k)}`).join(' · ');
    return [`${year}年度积分榜(${asOf ? `截至${asOf},` : ''}${rows.length}人;${how})`, ...lines, summary].join('\n');
  },
  pointsAdjusted(name: string, delta: number, reason: string, total: number): string {
    return `已给${name}${delta >= 0 ? '加' : '扣'}${num(Math.abs(delta))}分:${excerpt(reason, 30)}。${name}本年度积分 ${num(total)}。`;
  },
  pointsAdjustedNotice(staffName: string, delta: number, reason: string, total: number): string {
    return `${staffName}给您${delta >= 0 ? '加' : '扣'}${num(Math.abs(delta))}分:${excerpt(reason, 30)}。您本年度积分 ${num(total)},发送「积分」查看明细。`;
  },
  notAMember(name: string): string {
    return `积分名单里没有「${excerpt(name, 12)}」,请检查名字。`;
  },
  tooManyPoints(max: number): string {
    return `一次最多加减${num(max)}分。`;
  },
  noSuchCycle(): string {
    return '格式:/积分榜 或 /积分榜 2025(年度)。';
  },

  // ── second follow-ups ──
  followUpList(orders: Order[], categoryName: (key: string) => string, gridName: (id: string | null) => string, nameOf: (id: string) => string, max = 15): string {
    if (!orders.length) return '目前没有待二次回访的工单。';
    const lines = orders.slice(0, max).map((o) => {
      const who = o.claimerId ? ` ${nameOf(o.claimerId)}办理` : '';
      const note = o.ratingNote ? `「${excerpt(o.ratingNote, 20)}」` : '';
      return `#${o.id} ${categoryName(o.category)} ${gridName(o.gridId)} ${o.rating}分${note}${who}`;
    });
    if (orders.length > max) lines.push(`……共${orders.length}件`);
    return `待二次回访${orders.length}件:\n${lines.join('\n')}\n回访后回复「/回访 #${orders[0]!.id} 回访情况」`;
  },
  followUpRecorded(o: Order, note: string): string {
    return `#${o.id} 已记录二次回访:${excerpt(note, 40)}。`;
  },
  followUpAlreadyDone(o: Order): string {
    return `#${o.id} 已经做过二次回访。`;
  },
  followUpNotNeeded(o: Order): string {
    return o.rating === null ? `#${o.id} 还没有评分,不需要二次回访。` : `#${o.id} 评分${o.rating}分,不需要二次回访。`;
  },
};

export type StaffMessages = typeof staffMessages;
