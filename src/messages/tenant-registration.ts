/** What the bot says about the daily tenant registration (日租房房东报备). Names and ID tails are masked. */
import { formatHousehold, formatHouseholdMasked } from '../core/household-address.js';
import { maskName, maskTail, type Landlord, type MissingField, type Registration } from '../core/tenant-registration-rules.js';
import { excerpt } from '../core/privacy.js';

/** 2026-06-10 → 6月10日 */
export function dayLabel(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

function missingText(missing: MissingField[]): string {
  const parts = missing.map((m) => {
    switch (m.field) {
      case 'address':
        return '房屋地址(几号楼几单元几号)';
      case 'guests':
        return '入住人数';
      case 'names':
        return m.count ? `${m.count}位客人的姓名` : '客人姓名';
      case 'idTails':
        return m.count ? `${m.count}位客人的身份证后四位` : '身份证后四位';
      case 'nights':
        return '住几晚';
    }
  });
  return `还缺:${parts.join('、')},直接回复即可。`;
}

/** One line, masked: 6月10日入住2人(张*、李*;身份证尾号**34、**78),住3晚,9号楼2单元。 */
function summary(r: Registration, full: boolean): string {
  if (r.none) return `${dayLabel(r.checkIn)}无入住`;
  const who = [
    r.names.length ? (full ? r.names : r.names.map(maskName)).join('、') : '',
    r.idTails.length ? `身份证尾号${(full ? r.idTails : r.idTails.map(maskTail)).join('、')}` : '',
  ].filter(Boolean);
  const parts = [
    `${dayLabel(r.checkIn)}入住${r.guests !== null ? `${r.guests}人` : ''}${who.length ? `(${who.join(';')})` : ''}`,
    r.nights !== null ? `住${r.nights}晚` : '',
    r.address ? (full ? formatHousehold(r.address) : formatHouseholdMasked(r.address)) : '',
  ].filter(Boolean);
  return parts.join(',');
}

export const registrationMessages = {
  /** The confirmation of a report, with what is missing and, if a full ID number was sent, why only its tail was kept. */
  registered(r: Registration, o: { missing: MissingField[]; fullIdsRefused: number; verb: 'new' | 'completed' | 'corrected' }): string {
    const verb = { new: '已登记', completed: '已补充', corrected: '已更正' }[o.verb];
    const head = `${verb}:${summary(r, false)}。`;
    const ask = o.missing.length ? missingText(o.missing) : r.none ? '谢谢。' : '';
    const ids = o.fullIdsRefused
      ? '为保护客人信息,完整身份证号不登记,只记后四位;请撤回含完整号码的那条消息,以后只发后四位即可。'
      : '';
    return `${head}${ask}${ids}`;
  },
  /** Nothing could be added from an answer. */
  nothingAdded(missing: MissingField[]): string {
    return `没有读到要补充的内容。${missingText(missing)}`;
  },
  reminder(name: string, date: string): string {
    return `${name}您好,今天(${dayLabel(date)})还没有收到您的日租房报备。有客人入住请发:今天入住2人 张某 李某 身份证尾号 1234 5678 住3晚;没有客人请发:今日无入住。`;
  },
  unreportedToStaff(date: string, missing: Landlord[], o: { landlords: number; guests: number; incomplete: Registration[] }): string {
    const head = `${dayLabel(date)}房东报备:${o.landlords - missing.length}/${o.landlords}户已报,入住${o.guests}人。`;
    const who = missing.length ? `未报备:${missing.map((l) => `${l.name}(${l.address})`).join('、')}。` : '全部已报备。';
    const gaps = o.incomplete.length ? `资料不全:${[...new Set(o.incomplete.map((r) => r.landlordName))].join('、')}。` : '';
    return `${head}${who}${gaps}`;
  },
  /** `/报备`: the day's status; `full` (names, tails, rooms) only in the staff room or privately. */
  status(date: string, landlords: Landlord[], regs: Registration[], missing: Landlord[], full: boolean): string {
    const guests = regs.reduce((n, r) => n + (r.none ? 0 : (r.guests ?? 0)), 0);
    const lines = [`${dayLabel(date)}房东报备 ${landlords.length - missing.length}/${landlords.length}户,入住${guests}人:`];
    for (const r of regs.slice(0, 30)) lines.push(`· ${r.landlordName} ${summary(r, full)}`);
    if (regs.length > 30) lines.push(`……共${regs.length}条`);
    lines.push(missing.length ? `未报备:${missing.map((l) => l.name).join('、')}` : '全部已报备。');
    return lines.join('\n');
  },
  strangerToStaff(name: string): string {
    return `报备群里的「${excerpt(name, 12)}」不在房东名单上,其报备已先登记。发送「/房东 @${excerpt(name, 12)} 9号楼2单元301」把他/她加入名单,以后按时提醒。`;
  },
  landlordAdded(l: Landlord, reportBy: string): string {
    return `已把${l.name}(${l.address})加入房东名单;每天${reportBy}还没报备的会私信提醒。`;
  },
  landlordRemoved(name: string): string {
    return `已把${name}移出房东名单。`;
  },
  landlordNotFound(name: string): string {
    return `没有找到「${excerpt(name, 12)}」:请在报备群里 @ 他/她,或让他/她先在报备群发一条消息。`;
  },
  landlordList(list: Landlord[]): string {
    if (!list.length) return '房东名单是空的。添加:/房东 @王房东 9号楼2单元301';
    return `房东${list.length}户:\n${list.map((l) => `· ${l.name} ${l.address}`).join('\n')}`;
  },
  landlordUsage(): string {
    return '格式:/房东 @王房东 9号楼2单元301(添加)· /房东 移除 @王房东 · /房东(名单)';
  },
  statusUsage(): string {
    return '格式:/报备(今天)或 /报备 2026-06-10';
  },
};

/** The ledger's sheet of registrations (`/导出`, `npm run ledger`): its name and column headers. */
export const registrationSheetText = {
  sheet: '房东报备',
  headers: {
    id: '编号',
    reportDate: '报备日期',
    checkIn: '入住日期',
    landlord: '房东',
    address: '房屋地址',
    guests: '入住人数',
    names: '姓名',
    idTails: '身份证后四位',
    nights: '住几晚',
    checkOut: '预计退房',
    none: '无入住',
    reportedAt: '报备时间',
    updatedAt: '更新时间',
    missing: '缺少',
  },
  yes: '是',
  missing: { address: '地址', guests: '人数', names: '姓名', idTails: '身份证后四位', nights: '住几晚' } as Record<MissingField['field'], string>,
};
