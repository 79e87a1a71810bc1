/**
 * What the mediation feature (万家和) says. Group posts are neutral: the case number and nothing
 * about the matter or the other party. Details go privately to the complainant, the mediators and staff.
 */
import type { CaseAction, CaseStatus, CaseStep, MediationCase } from '../core/mediation.js';
import { excerpt } from '../core/privacy.js';
import { formatLocal } from '../core/time.js';

export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  open: '调解中',
  agreed: '已达成一致',
  failed: '未达成一致',
  held: '已回访·约定已落实',
};

export const CASE_ACTION_NAMES: Record<CaseAction, string> = {
  open: '登记',
  note: '补充',
  attempt: '调解',
  escalate: '升级',
  agree: '结案·达成一致',
  fail: '结案·未达成',
  ask: '回访询问',
  confirm: '回访·已落实',
  reopen: '回访·未落实,重新调解',
  resume: '重开',
};

/** `#M3`: case numbers carry an M so they never read as an order `#3`. */
export const caseRef = (c: Pick<MediationCase, 'id'> | number) => `#M${typeof c === 'number' ? c : c.id}`;
const at = (t: number) => formatLocal(t, 'MM-DD HH:mm');
const names = (xs: string[]) => xs.join('、');
const hours = (h: number) => (h % 24 === 0 ? `${h / 24}天` : `${h}小时`);

export const mediationMessages = {
  // ── a dispute comes in ─────────────────────────────────────────────
  openedInGroup(c: MediationCase): string {
    return `@${c.complainantName} 已收到,登记为调解事项 ${caseRef(c)},调解员会私下联系您。`;
  },
  openedPrivately(c: MediationCase, levelName: string, mediatorNames: string[]): string {
    const who = mediatorNames.length ? `调解员${names(mediatorNames)}会尽快联系您` : '社区会尽快安排调解员联系您';
    return `您反映的情况已登记为调解事项 ${caseRef(c)}(${levelName}):「${excerpt(c.text, 60)}」。${who}。有新情况可以直接私信补充。`;
  },
  toMediators(c: MediationCase, levelName: string, gridName: string, limitHours: number, why: 'new' | 'escalated' | 'reopened' | 'resumed', history: string[]): string {
    const head = { new: '新调解事项', escalated: '转到本级的调解事项', reopened: '回访未落实,重新调解', resumed: '已结案的事项重新调解' }[why];
    const phone = c.phone ? ` ${c.phone}` : '';
    const past = history.length ? `\n经过:${history.join(';')}` : '';
    return (
      `${caseRef(c)} ${head}(${gridName || '未知网格'}·${levelName},限${hours(limitHours)}):${c.complainantName}${phone} 反映「${excerpt(c.text, 120)}」。${past}\n` +
      `记录调解:/调解 ${caseRef(c)} 上门 情况;结案:/结案 ${caseRef(c)} 达成一致 约定内容(或 未达成 原因);转上一级:/升级 ${caseRef(c)} 原因`
    );
  },
  /** One step of the case for the mediators of a new level: `06-10 调解(上门) 周楼长:…`. */
  stepLine(h: CaseStep, byName: string): string {
    return `${formatLocal(h.at, 'MM-DD')} ${CASE_ACTION_NAMES[h.action]}${h.method ? `(${h.method})` : ''} ${byName}${h.note ? `:${excerpt(h.note, 30)}` : ''}`;
  },
  toStaff(c: MediationCase, gridName: string, levelName: string, mediatorNames: string[]): string {
    const who = mediatorNames.length ? `交${levelName}:${names(mediatorNames)}` : `${levelName}没有配置调解员,请安排`;
    return `${caseRef(c)} 新调解事项(${gridName || '未知网格'}),${who}。详情:/调解 ${caseRef(c)}`;
  },
  addedInGroup(c: MediationCase): string {
    return `@${c.complainantName} 已补充到调解事项 ${caseRef(c)}。`;
  },
  addedPrivately(c: MediationCase): string {
    return `已补充到您的调解事项 ${caseRef(c)},调解员会看到。`;
  },
  addedToMediators(c: MediationCase, text: string): string {
    return `${caseRef(c)} ${c.complainantName}补充:「${excerpt(text, 120)}」`;
  },

  // ── mediators ──────────────────────────────────────────────────────
  attemptRecorded(c: MediationCase, n: number): string {
    return `${caseRef(c)} 已记录第${n}次调解。`;
  },
  escalatedAck(c: MediationCase, levelName: string): string {
    return `${caseRef(c)} 已转到${levelName}。`;
  },
  escalatedToComplainant(c: MediationCase, levelName: string, mediatorNames: string[]): string {
    const who = mediatorNames.length ? `调解员${names(mediatorNames)}会联系您` : '社区会安排调解员联系您';
    return `您的调解事项 ${caseRef(c)} 已转到${levelName},${who}。`;
  },
  escalatedToStaff(c: MediationCase, fromName: string, toName: string, reason: string | null, limitHours: number | null): string {
    const why = reason ? `原因:${excerpt(reason, 40)}` : limitHours !== null ? `${fromName}超过${hours(limitHours)}未达成一致` : '';
    return `${caseRef(c)} 已从${fromName}转到${toName}${why ? `(${why})` : ''}。`;
  },
  topLevelOverdue(c: MediationCase, levelName: string, limitHours: number): string {
    return `${caseRef(c)} 在${levelName}已超过${hours(limitHours)}仍未达成一致,这已是最高一级,请社区跟进。详情:/调解 ${caseRef(c)}`;
  },
  atTopLevel(c: MediationCase, levelName: string): string {
    return `${caseRef(c)} 已在最高一级(${levelName}),不能再升级。`;
  },
  closedAgreedAck(c: MediationCase, followUpDays: number): string {
    return `${caseRef(c)} 已结案:达成一致。${followUpDays}天后回访当事人。`;
  },
  closedFailedAck(c: MediationCase, canEscalate: boolean): string {
    return `${caseRef(c)} 已结案:未达成一致。${canEscalate ? `如需上一级调解,发送「/升级 ${caseRef(c)} 原因」。` : ''}`;
  },
  agreedToComplainant(c: MediationCase, followUpDays: number): string {
    return `您的调解事项 ${caseRef(c)} 已达成一致${c.outcome ? `:「${excerpt(c.outcome, 80)}」` : ''}。${followUpDays}天后会问您约定是否落实。`;
  },
  failedToComplainant(c: MediationCase): string {
    return `您的调解事项 ${caseRef(c)} 这次未能达成一致${c.outcome ? `(${excerpt(c.outcome, 60)})` : ''}。社区会继续跟进,您也可以直接私信说明情况。`;
  },
  closedToStaff(c: MediationCase, agreed: boolean, levelName: string): string {
    return `${caseRef(c)} 已在${levelName}结案:${agreed ? '达成一致' : '未达成一致'}。`;
  },

  // ── follow-up ──────────────────────────────────────────────────────
  followUpAsk(c: MediationCase): string {
    const what = c.outcome ? `约定的「${excerpt(c.outcome, 40)}」` : '约定的事项';
    return `您好,调解事项 ${caseRef(c)} ${what}落实了吗?请回复「是」或「否」,也可以说说现在的情况。`;
  },
  followUpHeld(c: MediationCase): string {
    return `谢谢您的反馈!调解事项 ${caseRef(c)} 已回访:约定已落实。`;
  },
  followUpBroken(c: MediationCase, levelName: string): string {
    return `调解事项 ${caseRef(c)} 已重新打开(${levelName}),调解员会再联系您。`;
  },
  resumedAck(c: MediationCase, levelName: string): string {
    return `${caseRef(c)} 已重开(${levelName}),本级调解员和当事人已私信告知。`;
  },
  resumedToComplainant(c: MediationCase, levelName: string): string {
    return `调解事项 ${caseRef(c)} 已重新打开(${levelName}),调解员会再联系您。`;
  },
  resumedToStaff(c: MediationCase, levelName: string, byName: string, reason: string): string {
    return `${caseRef(c)} 已由${byName}重开(${levelName})${reason ? `:${excerpt(reason, 40)}` : ''}。`;
  },
  reopenedToStaff(c: MediationCase, levelName: string): string {
    return `${caseRef(c)} 回访时当事人说约定未落实,已重新打开(${levelName})。`;
  },

  // ── answers and refusals ───────────────────────────────────────────
  recordedInGroup(c: MediationCase): string {
    return `${caseRef(c)} 已记录。详情已私信。`;
  },
  wholeCommunity(): string {
    return '全社区';
  },
  levelFallback(i: number): string {
    return `第${i + 1}级`;
  },
  limitPassedNote(levelName: string): string {
    return `超过${levelName}时限`;
  },
  notFound(id: number): string {
    return id > 0 ? `没有找到调解事项 #M${id}。` : '没有找到这个调解编号。';
  },
  notMediator(c: MediationCase): string {
    return `${caseRef(c)} 只有本级调解员或社区工作人员可以操作。`;
  },
  notNow(c: MediationCase, action: CaseAction): string {
    return `${caseRef(c)} 现在${CASE_STATUS_NAMES[c.status]},不能${CASE_ACTION_NAMES[action]}。`;
  },
  notYourCase(c: MediationCase): string {
    return `${caseRef(c)} 不是您反映的事项。`;
  },
  noQuestionPending(c: MediationCase): string {
    return `${caseRef(c)} ${CASE_STATUS_NAMES[c.status]},现在不需要回复。`;
  },
  staffOnly(): string {
    return '这个指令只有调解员或社区工作人员可以使用。';
  },
  sentPrivately(): string {
    return '调解事项不在群里公开,已私信发给您。';
  },
  usage(command: 'mediate' | 'escalate' | 'close'): string {
    const u = { mediate: '/调解 #M3 上门 双方同意周末前清理杂物 · /调解 #M3 · /调解 列表 · /调解 #M3 重开 原因', escalate: '/升级 #M3 原因', close: '/结案 #M3 达成一致 约定内容 · /结案 #M3 未达成 原因' };
    return `格式:${u[command]}`;
  },
  help(): string {
    return [
      '调解(万家和):居民在群里或私信说邻里矛盾,机器人登记为调解事项 #M编号,群里只回编号,详情私信调解员。',
      '调解员:/调解 #M3 上门 情况 · /升级 #M3 原因 · /结案 #M3 达成一致 约定 · /结案 #M3 未达成 原因 · /调解 #M3 查看 · /调解 #M3 重开 原因',
      '工作人员:/调解 列表(按级别和天数)',
      '当事人:结案一周后回复「是」或「否」说明约定是否落实;「否」会重新调解。',
    ].join('\n');
  },

  // ── cards and lists (staff, mediators: never in a grid group) ───────
  card(c: MediationCase, levelName: (i: number) => string, nameOf: (id: string) => string, gridName: string, now: number): string {
    const lines = [
      `${caseRef(c)} ${CASE_STATUS_NAMES[c.status]} · ${gridName || '未知网格'} · ${levelName(c.level)}(本级第${Math.max(0, Math.floor((now - c.levelSince) / 86_400_000))}天)`,
      `当事人:${c.complainantName}${c.phone ? ` ${c.phone}` : ''}`,
      `反映:${excerpt(c.text, 120)}`,
    ];
    if (c.outcome) lines.push(`${c.status === 'failed' ? '未达成原因' : '约定'}:${excerpt(c.outcome, 80)}`);
    for (const h of c.history.slice(-12)) {
      const how = h.method ? `(${h.method})` : '';
      lines.push(`· ${at(h.at)} ${CASE_ACTION_NAMES[h.action]}${how} ${nameOf(h.by)}${h.action === 'escalate' ? `→${levelName(h.level)}` : ''}${h.note ? `:${excerpt(h.note, 40)}` : ''}`);
    }
    return lines.join('\n');
  },
  list(groups: { levelName: string; cases: { c: MediationCase; gridName: string; days: number; attempts: number }[] }[], scope: string): string {
    const total = groups.reduce((n, g) => n + g.cases.length, 0);
    if (!total) return `${scope}目前没有进行中的调解事项。`;
    const lines = [`${scope}进行中的调解事项${total}件:`];
    for (const g of groups) {
      if (!g.cases.length) continue;
      lines.push(`【${g.levelName}】${g.cases.length}件`);
      for (const x of g.cases.slice(0, 15)) {
        lines.push(`${caseRef(x.c)} ${x.gridName} ${x.days}天 调解${x.attempts}次 ${excerpt(x.c.summary || x.c.text, 16)}`);
      }
      if (g.cases.length > 15) lines.push(`……共${g.cases.length}件`);
    }
    return lines.join('\n');
  },
};


/** The ledger's sheet of mediation cases (调解台账): its name, headers and cell words. */
export const CASE_LEDGER = {
  sheet: '调解台账',
  headers: {
    id: '编号',
    grid: '网格',
    complainant: '当事人',
    phone: '电话',
    text: '反映内容',
    openedAt: '登记时间',
    firstLevel: '受理级别',
    level: '当前级别',
    status: '状态',
    attempts: '调解次数',
    climbs: '升级经过',
    mediators: '调解人',
    closedAt: '结案时间',
    result: '结果',
    outcome: '约定/未达成原因',
    followUpAt: '回访时间',
    followUp: '回访结果',
    steps: '经过',
  },
  agreed: '达成一致',
  failed: '未达成',
  held: '已落实',
  reopened: (n: number) => `未落实,重新调解${n > 1 ? `${n}次` : ''}`,
  climbStep: (levelName: string, byTime: boolean) => `${levelName}${byTime ? '(超时)' : ''}`,
  climb: (levels: string[]) => levels.join('→'),
  names: (names: string[]) => names.join('、'),
  step: (stamp: string, action: CaseAction, byName: string, note?: string, method?: string) =>
    `${stamp} ${CASE_ACTION_NAMES[action]}${method ? `(${method})` : ''} ${byName}${note ? `:${note}` : ''}`,
};
