/**
 * Every Chinese string the bot says. Short, polite, plain: 您 to residents, no jokes,
 * never pretending to be a person. Group texts never carry a full phone or room number.
 */
import type { Address, Order, OrderStatus, Transition } from '../core/model.js';
import { maskPhone, excerpt } from '../core/privacy.js';
import { formatLocal } from '../core/time.js';
import { registrationHelp } from './star-households.js';

export const STATUS_NAMES: Record<OrderStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  dispatched: '待接单',
  claimed: '已接单',
  in_progress: '办理中',
  resolved: '已办结',
  reported: '已上报',
  followed_up: '已回访',
  rejected: '已驳回',
  cancelled: '已取消',
  closed: '已关闭',
};

export const ACTION_NAMES: Record<Transition['action'], string> = {
  submit: '委托',
  accept: '受理',
  dispatch: '派单',
  assign: '指派',
  claim: '接单',
  start: '代办',
  abandon: '放弃',
  resolve: '回复',
  report: '上报',
  rate: '回访',
  reject: '驳回',
  cancel: '取消',
  close: '关闭',
  reopen: '重开',
};

export const KIND_NAMES = { service: '服务', proxy: '代办' } as const;

/** 3号楼2单元 (no room number): what a group may see. */
export function addressMasked(a: Address | null): string {
  if (!a) return '';
  if (a.village) return `${a.village}${a.group ?? ''}`;
  return `${a.building ? `${a.building}号楼` : ''}${a.unit ? `${a.unit}单元` : ''}`;
}

/** 3号楼2单元501: for the claimer and staff only. */
export function addressFull(a: Address | null): string {
  if (!a) return '未提供地址';
  if (a.village) return `${a.village}${a.group ?? ''}`;
  return `${addressMasked(a)}${a.room ?? ''}` || '未提供地址';
}

const ref = (o: Pick<Order, 'id'>) => `#${o.id}`;
const label = (o: Order, categoryName: string) => {
  const where = addressMasked(o.address);
  return `${categoryName}${where ? `·${where}` : ''}`;
};
const mention = (name: string) => `@${name}`;

export const messages = {
  // ── residents' requests ────────────────────────────────────────────
  orderCreated(o: Order, categoryName: string, opts: { waitsForAcceptance: boolean; askAddress: boolean; askPhone: boolean; callHeldNote?: string }): string {
    const head = `已登记 ${ref(o)}(${label(o, categoryName)}):${o.summary}。`;
    const next = opts.waitsForAcceptance
      ? '社区工作人员受理后会安排志愿者,请稍候。'
      : o.gridId
        ? (opts.callHeldNote ?? '已通知本网格志愿者,接单后会私信联系您。')
        : '已转社区工作人员安排。';
    const asks: string[] = [];
    if (opts.askAddress) asks.push('请问是几号楼几单元?');
    if (opts.askPhone) asks.push('留个电话也方便志愿者联系您');
    const ask = asks.length ? `${asks.join('')},直接回复即可。` : '';
    return `${head}${next}${ask}`;
  },
  alreadyRequested(o: Order, categoryName: string): string {
    return `您${formatStamp(o.createdAt)}说的事已登记为 ${ref(o)}(${label(o, categoryName)}),现在${STATUS_NAMES[o.status]},不用再发;有新情况直接补充说明即可。`;
  },
  detailsAdded(o: Order, what: { address: boolean; phone: boolean }): string {
    const parts = [what.address ? '地址' : '', what.phone ? '电话' : ''].filter(Boolean).join('和');
    return `${ref(o)} 已补充${parts},谢谢您。`;
  },
  clarify(): string {
    return '您好,请问需要帮什么忙?说一下事情和地址(几号楼几单元),社区会安排人员。';
  },
  dispatchCall(o: Order, categoryName: string, names: string[]): string {
    const who = names.length ? `${names.map(mention).join(' ')} 哪位方便?` : '哪位志愿者方便?';
    const when = o.when ? `(希望时间 ${o.when.replace('T', ' ')})` : '';
    return `${ref(o)} ${label(o, categoryName).replace('·', ' ')} ${o.summary}${when}${o.urgent ? '【急】' : ''},${who}回复「接单 ${ref(o)}」`;
  },
  dispatchToStaff(o: Order, categoryName: string, reason: 'acceptance' | 'no_grid' | 'no_volunteer'): string {
    const why = { acceptance: '需要受理', no_grid: '私聊提交,网格未知', no_volunteer: '本网格暂无匹配的志愿者' }[reason];
    const how = reason === 'acceptance' ? `回复「/受理 ${ref(o)}」` : `回复「/派单 ${ref(o)} @志愿者」`;
    return `${ref(o)} ${categoryName}:${o.summary}(${why})。${how}`;
  },

  // ── claiming and doing ─────────────────────────────────────────────
  claimedInGroup(o: Order, claimerName: string, residentName: string | null, eta?: string): string {
    const to = residentName ? `${mention(residentName)} ` : '';
    return `${to}${ref(o)} 已由${claimerName}接单,${eta ? `${eta},` : ''}志愿者会私信联系您。`;
  },
  claimedPrivately(o: Order, claimerName: string, eta?: string): string {
    return `您的 ${ref(o)} 已由${claimerName}接单,${eta ? `${eta},` : ''}志愿者会尽快联系您。`;
  },
  orderDetails(o: Order, categoryName: string): string {
    const phone = o.phone ?? '未留电话';
    const when = o.when ? `,希望时间 ${o.when.replace('T', ' ')}` : '';
    return `${ref(o)} 详情:${o.residentName} ${phone},${addressFull(o.address)},${categoryName}:${excerpt(o.text, 120)}${when}。办完回复「完成 ${ref(o)}」,办不了回复「放弃 ${ref(o)}」。`;
  },
  alreadyClaimedBy(o: Order, claimerName: string): string {
    return `${ref(o)} 已由${claimerName}接单,谢谢您!`;
  },
  alreadyYours(o: Order): string {
    return `${ref(o)} 已经是您接的单了。`;
  },
  notClaimable(o: Order): string {
    if (o.status === 'submitted' || o.status === 'accepted') return `${ref(o)} 还在等社区受理,受理后才能接单。`;
    return `${ref(o)} ${STATUS_NAMES[o.status]},无需接单。`;
  },
  onlyGridVolunteers(o: Order): string {
    return `${ref(o)} 只有本网格的志愿者可以接单。`;
  },
  onlyClaimer(o: Order): string {
    return `${ref(o)} 只有接单的志愿者或社区工作人员可以操作。`;
  },
  started(o: Order): string {
    return `${ref(o)} 已开始办理。`;
  },
  abandoned(o: Order, name: string): string {
    return `${name}已放弃 ${ref(o)},重新等待接单。`;
  },
  resolvedAskRating(o: Order, residentName: string | null): string {
    const to = residentName ? `${mention(residentName)} ` : '';
    return `${ref(o)} 已办结。${to}请给这次服务打个分(1–5),回复数字即可。`;
  },
  resolvedAskRatingPrivately(o: Order): string {
    return `您的 ${ref(o)} 已办结。请给这次服务打个分(1–5),回复数字即可。`;
  },
  reportedToStaff(o: Order, categoryName: string, claimerName: string, note: string): string {
    return `${ref(o)} 已办结上报:${categoryName},${claimerName}办理${note ? `,备注:${excerpt(note, 60)}` : ''}。`;
  },
  youResolved(o: Order): string {
    return `${ref(o)} 已记为办结,谢谢您!`;
  },

  // ── residents' answers ─────────────────────────────────────────────
  rated(o: Order, score: number): string {
    return `谢谢您的评价!${ref(o)} 已回访(${score}分)。`;
  },
  lowRatingToStaff(o: Order, score: number, note: string): string {
    return `${ref(o)} 收到${score}分的低评价${note ? `:${excerpt(note, 60)}` : ''},请安排二次回访,回访后回复「/回访 ${ref(o)} 情况」。`;
  },
  notYourOrder(o: Order): string {
    return `${ref(o)} 不是您提交的,无法操作。`;
  },
  notRatable(o: Order): string {
    return `${ref(o)} ${STATUS_NAMES[o.status]},现在不能评价。`;
  },
  cancelled(o: Order): string {
    return `${ref(o)} 已取消。`;
  },
  cancelledToClaimer(o: Order): string {
    return `${ref(o)} 居民已取消,不用再办了,谢谢您。`;
  },

  // ── staff ──────────────────────────────────────────────────────────
  accepted(o: Order): string {
    return `${ref(o)} 已受理。`;
  },
  assigned(o: Order, name: string): string {
    return `${ref(o)} 已派给${name}。`;
  },
  assignWho(o: Order): string {
    return `派给谁?请写「/派单 ${ref(o)} @志愿者」。`;
  },
  unknownPerson(name: string): string {
    return `没有找到志愿者「${excerpt(name, 12)}」,请检查名字。`;
  },
  rejected(o: Order, reason: string, residentName: string | null): string {
    const to = residentName ? `${mention(residentName)} ` : '';
    return `${to}${ref(o)} 未能受理:${excerpt(reason, 60)}。如有疑问请联系社区。`;
  },
  closed(o: Order): string {
    return `${ref(o)} 已关闭。`;
  },
  reopened(o: Order): string {
    return `${ref(o)} 已重开,重新等待接单。`;
  },
  notAllowedNow(o: Order, action: Transition['action']): string {
    return `${ref(o)} 现在${STATUS_NAMES[o.status]},不能${ACTION_NAMES[action]}。`;
  },
  orderNotFound(id: number): string {
    return id > 0 ? `没有找到 #${id}。` : '没有找到这个编号。';
  },
  orderCard(o: Order, categoryName: string, names: (id: string) => string, full: boolean): string {
    const lines = [
      `${ref(o)} ${KIND_NAMES[o.kind]}·${categoryName} ${STATUS_NAMES[o.status]}${o.urgent ? '【急】' : ''}`,
      full
        ? `居民:${o.residentName} ${o.phone ?? '未留电话'},${addressFull(o.address)}`
        : `居民:${o.residentName} ${o.phone ? maskPhone(o.phone) : ''} ${addressMasked(o.address)}`.trimEnd(),
      `内容:${full ? excerpt(o.text, 120) : o.summary}`,
    ];
    if (o.claimerId) lines.push(`接单:${names(o.claimerId)}`);
    if (o.rating !== null) lines.push(`评分:${o.rating}分`);
    for (const h of o.history.slice(-8)) {
      lines.push(`· ${formatStamp(h.at)} ${ACTION_NAMES[h.action]} ${names(h.by)}${h.note ? `:${excerpt(h.note, 40)}` : ''}`);
    }
    return lines.join('\n');
  },
  todoList(orders: Order[], scope: string, categoryName: (key: string) => string): string {
    if (!orders.length) return `${scope}目前没有待办工单。`;
    const shown = orders.slice(0, 15).map((o) => `${ref(o)} ${STATUS_NAMES[o.status]} ${categoryName(o.category)} ${addressMasked(o.address)}${o.urgent ? '【急】' : ''}`);
    const more = orders.length > shown.length ? `\n……共${orders.length}件` : '';
    return `${scope}待办${orders.length}件:\n${shown.join('\n')}${more}`;
  },
  sendFailed(where: string, text: string): string {
    return `有一条消息发送失败(发往 ${where}):「${excerpt(text, 40)}」请人工转达。`;
  },
  staffOnly(): string {
    return '这个指令只有社区工作人员可以使用。';
  },
  unknownCommand(): string {
    return '没看懂这个指令,发送「/帮助」查看用法。';
  },
  usage(command: string): string {
    const u: Record<string, string> = {
      accept: '/受理 #12',
      assign: '/派单 #12 @志愿者',
      reject: '/驳回 #12 原因',
      close: '/关闭 #12 备注',
      reopen: '/重开 #12 原因',
      show: '/查 #12',
      rate: '评价 #12 5 很满意',
    };
    return `格式:${u[command] ?? '/帮助'}`;
  },
  help(role: 'staff' | 'manager' | 'volunteer' | 'resident'): string {
    const resident = ['居民:在群里直接说需要什么,写上几号楼几单元;', '取消 #12 取消;办结后回复 1–5 打分,或「评价 #12 5 很满意」。', '邻里纠纷直接说,会私下安排调解;议事会:议题 内容 · 投票 #T2 同意。详见「/帮助 调解」「/帮助 议事」。'];
    const volunteer = ['志愿者:接单 #12 · 开始 #12 · 完成 #12 备注 · 放弃 #12 · 请假 3天 · 销假 · 今天谁值班 · 积分'];
    const staff = [
      '工作人员:/受理 #12 · /派单 #12 @志愿者 · /驳回 #12 原因 · /关闭 #12 · /重开 #12 · /查 #12 · /待办',
      // The staff tools are for community staff only, not grid workers.
      ...(role === 'staff' ? ['台账统计:/统计 本周 · /导出 本月 · /积分榜 · /加分 @志愿者 5 原因 · /扣分 @志愿者 2 原因 · /回访'] : []),
    ];
    // issue 9: star households, tenant registration, party links
    resident.push(registrationHelp.resident);
    staff.push(registrationHelp.staff);
    const parts = role === 'resident' ? resident : role === 'volunteer' ? [...volunteer, ...resident] : [...staff, ...volunteer, ...resident];
    return parts.join('\n');
  },
};

/** 06-10 09:30 in the community's time zone. */
export function formatStamp(at: number): string {
  return formatLocal(at, 'MM-DD HH:mm');
}

export type Messages = typeof messages;

/** The bot account's display name in the simulator (a real deployment uses its WeChat name). */
export const BOT_DISPLAY_NAME = '网格助手';

/** Transcript labels for the simulator. */
export const transcriptLabels = { private: '私聊', bot: '🤖', file: '[文件]' };
