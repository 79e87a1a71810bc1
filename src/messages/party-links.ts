/** What the bot says about party-member links (党员包联). Messages to members are private: full addresses. */
import { formatHousehold, formatHouseholdMasked } from '../core/household-address.js';
import type { LinkedHousehold } from '../core/party-links.js';
import type { Order } from '../core/model.js';
import { excerpt } from '../core/privacy.js';

const month = (m: string) => `${Number(m.split('-')[1])}月`;
const list = (hs: LinkedHousehold[]) => hs.map((h) => formatHousehold(h.address)).join('、');

export const partyLinkMessages = {
  orderToMember(h: LinkedHousehold, o: Order, categoryName: string): string {
    return `您包联的住户 ${formatHousehold(h.address)}(${o.residentName})提交了 #${o.id} ${categoryName}:${o.summary}。可关心一下办理进展。`;
  },
  disputeToMember(h: LinkedHousehold, residentName: string, where: string, text: string): string {
    return `您包联的住户 ${formatHousehold(h.address)}(${residentName})在${where}群反映了邻里矛盾:「${excerpt(text, 40)}」。可上门了解一下。`;
  },
  visitRecorded(h: LinkedHousehold, note: string, left: number, inGroup: boolean): string {
    const where = inGroup ? formatHouseholdMasked(h.address) : formatHousehold(h.address);
    return `已记录走访 ${where}${note ? `(${excerpt(note, 30)})` : ''}。本月还有${left}户未走访。`;
  },
  notLinked(text: string): string {
    return `${excerpt(text, 20)} 不在您的包联名单中。`;
  },
  visitUsage(): string {
    return '格式:走访 12号楼1单元602 已上门(只发「走访」可查看本月未走访的住户)';
  },
  monthReminder(name: string, m: string, left: LinkedHousehold[], total: number): string {
    return `${name}您好,本月(${month(m)})您包联的${total}户中还有${left.length}户未走访:${list(left)}。走访后回复「走访 ${formatHousehold(left[0]!.address)} 已上门」即可记录。`;
  },
  monthStatus(m: string, left: LinkedHousehold[], total: number): string {
    if (!left.length) return `本月(${month(m)})您包联的${total}户都已走访,谢谢!`;
    return `本月(${month(m)})您包联的${total}户中还有${left.length}户未走访:${list(left)}。`;
  },
  staffOverview(m: string, rows: { name: string; visited: number; total: number }[]): string {
    if (!rows.length) return '配置里还没有包联党员(partyMembers)。';
    return `${month(m)}党员包联走访:${rows.map((r) => `${r.name} ${r.visited}/${r.total}户`).join('、')}。`;
  },
};
