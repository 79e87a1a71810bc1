/** What the bot says about star-rated households (星级文明户). Group posts show building and unit only. */
import { formatHousehold, formatHouseholdMasked } from '../core/household-address.js';
import { excerpt } from '../core/privacy.js';
import { starName, type ApplicationAction, type ApplicationStatus, type StarApplication, type StarHousehold, type StarKey, type StarStats } from '../core/star-households.js';
import { APPLICATION_PREFIX, STARS } from '../core/vocabulary-stars.js';
import { formatLocal } from '../core/time.js';

export const APPLICATION_STATUS_NAMES: Record<ApplicationStatus, string> = {
  applied: '待评审',
  approved: '待公示',
  rejected: '未通过',
  publicised: '公示中',
  final: '已定星',
};

const ACTION_NAMES: Record<ApplicationAction, string> = {
  apply: '申报',
  recommend: '推荐',
  approve: '评审通过',
  reject: '评审不通过',
  publicise: '公示',
  object: '收到异议',
  finalise: '定星',
};

const LEVELS = ['', '一', '二', '三', '四', '五'];
const ref = (a: Pick<StarApplication, 'id'>) => `#${APPLICATION_PREFIX}${a.id}`;
const star = (k: StarKey) => `「${starName(k)}星」`;
const day = (at: number, tz?: string) => formatLocal(at, 'M月D日', tz);
/** 12号楼1单元 李秀兰家 (group) · 12号楼1单元602 李秀兰家 (staff). */
const who = (a: { address: StarApplication['address']; household?: string; name?: string }, full: boolean) =>
  `${full ? formatHousehold(a.address) : formatHouseholdMasked(a.address)}${(a.household ?? a.name) ? ` ${a.household ?? a.name}` : ''}`;
const kindVerb = (a: StarApplication) => (a.kind === 'recommend' ? '推荐' : '申报');

export const starMessages = {
  /** The audit note of a star given by /定星. */
  finalisedNote(): string {
    return '评审公示后定星';
  },
  applied(a: StarApplication): string {
    const what = a.kind === 'recommend' ? `推荐 ${who(a, false)} 为${star(a.star)}` : `${who(a, false)} 申报${star(a.star)}`;
    return `已收到 ${ref(a)}:${what},社区评审后会在群里公示。${a.kind === 'recommend' ? '谢谢您的推荐。' : ''}`;
  },
  appliedToStaff(a: StarApplication, gridName: string): string {
    const story = a.story ? `,事迹:${excerpt(a.story, 60)}` : '';
    return `${ref(a)} 新${kindVerb(a)}(${gridName || '私聊'}):${star(a.star)} ${who(a, true)}(${kindVerb(a)}人 ${a.applicantName})${story}。回复「/评审 ${ref(a)} 通过」或「/评审 ${ref(a)} 不通过 原因」。`;
  },
  applyUsage(): string {
    return `请写明哪颗星和这户的地址,例如「申报 孝老爱亲星 12号楼1单元602 李秀兰家」。五星:${STARS.map((s) => s.name).join('、')}。`;
  },
  alreadyHolds(h: StarHousehold, k: StarKey): string {
    return `${who(h, false)} 已是${star(k)},无需再申报。`;
  },
  alreadyOpen(a: StarApplication): string {
    return `${who(a, false)} 的${star(a.star)}已在办理中(${ref(a)} ${APPLICATION_STATUS_NAMES[a.status]})。`;
  },
  approved(a: StarApplication): string {
    return `${ref(a)} 评审通过。发送「/公示」把评审通过的名单在网格群公示。`;
  },
  approvedToApplicant(a: StarApplication, days: number): string {
    return `您${kindVerb(a)}的 ${ref(a)}(${who(a, true)} ${star(a.star)})已通过评审,将在网格群公示${days}天。`;
  },
  rejected(a: StarApplication, reason: string): string {
    return `${ref(a)} 评审未通过:${excerpt(reason, 60)}。已私信告知${kindVerb(a)}人。`;
  },
  rejectedToApplicant(a: StarApplication, reason: string): string {
    return `您${kindVerb(a)}的 ${ref(a)}(${who(a, true)} ${star(a.star)})未通过评审:${excerpt(reason, 60)}。如有疑问请联系社区。`;
  },
  reviewUsage(): string {
    return `格式:/评审 #${APPLICATION_PREFIX}3 通过 · /评审 #${APPLICATION_PREFIX}3 不通过 原因`;
  },
  /** The publicity list posted to a grid group (building and unit only). */
  publicityPost(apps: StarApplication[], days: number, until: number, tz: string): string {
    const lines = apps.map((a) => `${ref(a)} ${who(a, false)} ${starName(a.star)}星`);
    return [
      `【星级文明户公示】以下家庭经评审拟评为星级文明户,公示${days}天(至${day(until, tz)}):`,
      ...lines,
      `如有异议,请私信本助手「异议 ${ref(apps[0]!)} 内容」,意见只转社区工作人员。`,
    ].join('\n');
  },
  publicised(apps: StarApplication[], gridNames: string[], until: number, tz: string): string {
    return `已在${gridNames.join('、')}公示${apps.length}户(${apps.map(ref).join(' ')}),至${day(until, tz)}。`;
  },
  nothingToPublicise(): string {
    return '没有待公示的申报(评审通过后才能公示)。';
  },
  objectionThanks(a: StarApplication): string {
    return `您对 ${ref(a)} 的意见已转社区工作人员,谢谢。`;
  },
  objectionToStaff(a: StarApplication, name: string, text: string): string {
    return `${ref(a)}(${who(a, true)} ${star(a.star)})收到异议,来自${name}:${excerpt(text, 100)}`;
  },
  objectionUsage(a: StarApplication): string {
    return `请写上意见内容,例如「异议 ${ref(a)} 具体情况」。`;
  },
  notInPublicity(a: StarApplication): string {
    return `${ref(a)} 现在不在公示期,意见未登记。如有情况请直接联系社区工作人员。`;
  },
  publicityEnded(a: StarApplication): string {
    const n = a.objections.length;
    return `${ref(a)}(${who(a, true)} ${star(a.star)})公示期满,${n ? `收到异议${n}条` : '无异议'}。回复「/定星 ${ref(a)}」定星,或「/评审 ${ref(a)} 不通过 原因」。`;
  },
  finalisedInGroup(a: StarApplication, level: number): string {
    return `经评审公示,${who(a, false)} 获评${star(a.star)},现为${LEVELS[level]}星级文明户。祝贺!`;
  },
  finalised(a: StarApplication, level: number): string {
    return `${ref(a)} 已定星:${who(a, true)} ${star(a.star)},现为${LEVELS[level]}星级。`;
  },
  finaliseUsage(): string {
    return `格式:/定星 #${APPLICATION_PREFIX}3`;
  },
  publicityRunning(a: StarApplication, tz: string): string {
    return `${ref(a)} 公示期至${formatLocal(a.publicity!.until, 'M月D日 HH:mm', tz)},期满后再定星。`;
  },
  notNow(a: StarApplication, action: ApplicationAction): string {
    return `${ref(a)} 现在${APPLICATION_STATUS_NAMES[a.status]},不能${ACTION_NAMES[action]}。`;
  },
  notFound(id: number): string {
    return `没有找到 #${APPLICATION_PREFIX}${id}。`;
  },
  starAdded(h: StarHousehold, k: StarKey, reason: string): string {
    return `已为 ${who(h, true)} 加${star(k)}(${excerpt(reason, 40)}),现为${LEVELS[h.stars.length] || '零'}星级。`;
  },
  starRemoved(h: StarHousehold, k: StarKey, reason: string): string {
    return `已摘除 ${who(h, true)} 的${star(k)}(${excerpt(reason, 40)}),现为${h.stars.length ? `${LEVELS[h.stars.length]}星级` : '无星'}。`;
  },
  starUnchanged(h: StarHousehold | null, k: StarKey, action: 'add' | 'remove'): string {
    const name = h ? who(h, true) : '这户';
    return action === 'add' ? `${name} 已有${star(k)}。` : `${name} 没有${star(k)}。`;
  },
  starChangeUsage(command: 'addStar' | 'removeStar'): string {
    return command === 'addStar'
      ? '格式:/加星 12号楼1单元602 志愿服务星 原因(也可写 #S3 代替地址)'
      : '格式:/摘星 12号楼1单元602 孝老爱亲星 原因(也可写 #S3 代替地址)';
  },
  stats(s: StarStats, communityName: string, gridName: (id: string) => string): string {
    if (!s.total) return '还没有评定的星级文明户。';
    const levels = [5, 4, 3, 2, 1].map((l) => `${LEVELS[l]}星级${s.byLevel[l]}户`).join('、');
    const share = s.share !== null ? `,占${communityName}总户数的${s.share.toFixed(1)}%` : '';
    const lines = [`星级文明户共${s.total}户:${levels}${share}。`, `各星:${STARS.map((x) => `${x.name}${s.byStar[x.key]}户`).join('、')}。`];
    const grids = s.byGrid.filter((g) => g.count || g.share !== null);
    if (grids.length) lines.push(grids.map((g) => `${gridName(g.gridId)}${g.count}户${g.share !== null ? `(${g.share.toFixed(1)}%)` : ''}`).join('、'));
    return lines.join('\n');
  },
  openList(apps: StarApplication[], tz: string): string {
    if (!apps.length) return '目前没有办理中的星级申报。';
    const line = (a: StarApplication) => {
      const extra = a.status === 'publicised' && a.publicity ? `(至${day(a.publicity.until, tz)}${a.objections.length ? `,异议${a.objections.length}条` : ''})` : '';
      return `${ref(a)} ${APPLICATION_STATUS_NAMES[a.status]}${extra} ${starName(a.star)} ${who(a, true)}`;
    };
    const shown = apps.slice(0, 20).map(line);
    return `星级申报办理中${apps.length}件:\n${shown.join('\n')}${apps.length > shown.length ? `\n……共${apps.length}件` : ''}`;
  },
  householdCard(h: StarHousehold | null, label: string, tz: string): string {
    if (!h || (!h.stars.length && !h.history.length)) return `${label} 还没有星。`;
    const lines = [`${who(h, true)}:${h.stars.length ? `${h.stars.map(starName).join('、')}(${LEVELS[h.stars.length]}星级)` : '无星'}`];
    for (const e of h.history.slice(-8)) {
      lines.push(`· ${formatLocal(e.at, 'YYYY-MM-DD', tz)} ${e.action === 'add' ? '加' : '摘'} ${starName(e.star)}${e.applicationId ? ` ${ref({ id: e.applicationId })}` : ''}:${excerpt(e.reason, 30)}`);
    }
    return lines.join('\n');
  },
  starsUsage(): string {
    return `格式:/星级 统计 · /星级 待办 · /星级 12号楼1单元602`;
  },
};

/** Lines of `/帮助` for the registration features (issue 9), added to the base help by role. */
export const registrationHelp = {
  resident: '星级文明户:申报 孝老爱亲星 12号楼1单元602 李秀兰家 · 推荐 … · 异议 #S1 内容;包联党员:走访 12号楼1单元602 已上门;房东:今天入住2人 张某 李某 身份证尾号 1234 5678 住3晚 / 今日无入住',
  staff: '星级:/评审 #S1 通过 · /公示 · /定星 #S1 · /加星 · /摘星 · /星级 统计;报备:/房东 @名字 地址 · /报备;包联:/包联',
};
