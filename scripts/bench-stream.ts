/**
 * The messages of the end-to-end benchmark: a day's group traffic across the 70 grid groups,
 * mostly chat, with requests and what follows them (claims, a second claim that loses the race,
 * progress, completions, ratings, details the bot asked for, staff commands). Follow-ups refer to
 * the order numbers the bot will give, so the stream is built for a store whose next order
 * number is known; each follow-up comes long enough after its cause (`GAP` messages) that the bot
 * has handled the cause by then.
 */
import type { AppConfig } from '../src/core/config-schema.js';
import { isOrderReading, parseMessage } from '../src/core/parse-message.js';
import { pick, residentId, RESIDENTS_PER_GRID, rng, weighted } from './bench-world.js';

export interface StreamMessage {
  room: string;
  from: string;
  text: string;
  kind: 'chat' | 'request' | 'details' | 'claim' | 'claim_race' | 'start' | 'complete' | 'rate' | 'staff';
}

/** Messages between an order's steps: far more than the messages in flight at once. */
export const GAP = 300;

/** What residents post that is not a request (the bot stays silent on it). */
export const CHAT = [
  '早上好', '大家早上好🌞', '收到', '收到收到', '好的', '谢谢', '谢谢大家', '谢谢网格员', '辛苦了', '👍', '[微笑]', '[玫瑰]', '[抱拳]',
  '今天天气不错', '这天可热了 大家注意防暑啊', '明天降温 老人注意保暖', '下午有雨 出门带伞',
  '【转发】关于开展夏季消防安全检查的通知', '【社区通知】本周六上午在小区广场开展义诊活动', '转发:医保缴费指南', '[链接] 防范电信诈骗 这些套路要当心',
  '请问社区几点上班', '物业电话是多少', '有人知道快递驿站几点关门吗', '疫苗在哪里打', '今天社区有活动吗',
  '哈哈哈', '祝王大爷生日快乐🎂', '我家孩子考上大学了 谢谢大家关心', '楼下的花开得真好', '晚上广场舞几点开始',
  '已经弄好了 谢谢', '上次的事解决了 不用了', '好的 知道了', '明白', '👌', '[强]', '老师好', '收到 谢谢提醒',
];

/** Requests, in residents' words; each opens an order. {a} address, {p} phone. */
export const REQUESTS = [
  '{a}厨房水管漏了 能来人看看吗 {p}', '卫生间马桶堵了 {a} 麻烦来人通一下', '家里跳闸了 老是合不上 {a} {p}', '帮我代缴下这个月电费 {a}',
  '麻烦帮忙交一下燃气费 {a} {p}', '驿站有个快递 帮忙取一下送到{a}', '帮我寄个包裹回老家 {a} {p}', '{a}电梯又坏了 困了一会儿',
  '楼道灯不亮了 晚上黑乎乎的 {a}', '帮忙买点菜 腿脚不方便 {a} {p}', '能不能帮我买药 {a} 降压药没了', '我妈腿脚不方便 医保卡补办能帮忙跑一趟吗 {p}',
  '家里老人一个人在家 明天上午能来人照看一下吗 {a}', '明天要去医院复查 没人陪 能安排人陪诊吗 {p}', '帮我把户口本复印三份 {a}',
  '帮我申请下低保 {a} {p}', '身份证过期了 老人去不了 能上门办吗 {a}', '快过年了 想找人打扫一下 {a} {p}', '有个旧柜子要搬下楼 {a}',
  '水龙头一直滴水 {a} 能来修吗 {p}',
];

const DETAILS = ['{a}', '{p}', '电话{p}', '{a} {p}'];
const COMPLETE_NOTES = ['', '已处理', '换了阀门', '已代缴 回执给了本人', '已送到家', '修好了'];
const RATE_NOTES = ['很满意', '师傅很热心', '来得很快', '谢谢'];

interface Pending {
  at: number;
  msg: StreamMessage;
  then?: (i: number) => void;
}

/**
 * `n` messages for a store whose next order number is `firstOrderId`; also the next number after them.
 * @example buildStream(config, 4000, 1, 42).messages.filter((m) => m.kind === 'request').length // about 300
 */
export function buildStream(config: AppConfig, n: number, firstOrderId: number, seed: number, now = Date.parse('2026-06-10T09:30:00+08:00')): { messages: StreamMessage[]; nextOrderId: number } {
  const r = rng(seed);
  const grids = config.grids;
  const gridWeights = grids.map((g, i) => [i, 0.4 + r() * 1.6] as const);
  const pending: Pending[] = [];
  const out: StreamMessage[] = [];
  let nextId = firstOrderId;
  const address = () => `${1 + Math.floor(r() * 30)}号楼${1 + Math.floor(r() * 4)}单元${1 + Math.floor(r() * 6)}0${1 + Math.floor(r() * 4)}`;
  const phone = () => `1${pick(r, ['3', '5', '8', '9'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
  const fill = (t: string, withA: boolean, withP: boolean) =>
    t.replace('{a}', withA ? address() : '').replace('{p}', withP ? phone() : '').replace(/\s+/g, ' ').trim();
  const later = (i: number, msg: StreamMessage, then?: (at: number) => void) => pending.push({ at: i + GAP + Math.floor(r() * GAP), msg, ...(then ? { then } : {}) });

  const request = (i: number, gi: number) => {
    const grid = grids[gi]!;
    const resident = residentId(gi, Math.floor(RESIDENTS_PER_GRID * Math.pow(r(), 2)));
    const withA = r() < 0.8;
    const withP = r() < 0.6;
    const text = fill(pick(r, REQUESTS), withA, withP) || '帮我代缴下这个月电费';
    const reading = parseMessage(text, now, { catalogue: config.catalogue });
    // As the bot decides (BotApp.request): a request it can read, of a configured category.
    const opens = isOrderReading(reading) && !!reading.category && config.catalogue.some((c) => c.key === reading.category);
    out.push({ room: grid.roomId, from: resident, text, kind: 'request' });
    if (!opens) return;
    const id = nextId++;
    const volunteers = config.volunteers.filter((v) => v.gridIds.includes(grid.id));
    if (!volunteers.length) return;
    const skilled = volunteers.filter((v) => v.skills.includes(reading.category!));
    const claimer = pick(r, skilled.length ? skilled : volunteers).id;
    const rival = pick(r, volunteers).id;
    // The bot asks for a missing address or phone; most residents answer.
    const category = config.catalogue.find((c) => c.key === reading.category);
    const askAddress = category?.kind === 'service' && !reading.address;
    const askPhone = !reading.phone;
    if ((askAddress || askPhone) && r() < 0.7) {
      later(i, { room: grid.roomId, from: resident, text: fill(pick(r, DETAILS), askAddress, askPhone) || phone(), kind: 'details' });
    }
    const claim = () =>
      later(i, { room: grid.roomId, from: claimer, text: `接单 #${id}`, kind: 'claim' }, (j) => {
        if (rival !== claimer && r() < 0.25) pending.push({ at: j + GAP / 4, msg: { room: grid.roomId, from: rival, text: `接单 #${id}`, kind: 'claim_race' } });
        const complete = (k: number) =>
          later(k, { room: grid.roomId, from: claimer, text: `完成 #${id} ${pick(r, COMPLETE_NOTES)}`.trim(), kind: 'complete' }, (m) => {
            const bare = r() < 0.6;
            const score = weighted(r, [[5, 70], [4, 19], [3, 6], [2, 3], [1, 2]] as const);
            if (r() < 0.85) later(m, { room: grid.roomId, from: resident, text: bare ? String(score) : `评价 #${id} ${score} ${pick(r, RATE_NOTES)}`, kind: 'rate' });
          });
        if (r() < 0.5) later(j, { room: grid.roomId, from: claimer, text: `开始 #${id}`, kind: 'start' }, complete);
        else complete(j);
      });
    if (config.orders.requireAcceptance.includes(reading.category!)) {
      later(i, { room: grid.roomId, from: grid.workerIds[0]!, text: `/受理 #${id}`, kind: 'staff' }, () => claim());
    } else claim();
  };

  for (let i = 0; out.length < n; i++) {
    pending.sort((a, b) => a.at - b.at);
    if (pending.length && pending[0]!.at <= i) {
      const p = pending.shift()!;
      out.push(p.msg);
      p.then?.(out.length);
      continue;
    }
    const gi = weighted(r, gridWeights);
    const grid = grids[gi]!;
    const x = r();
    if (x < 0.1) request(out.length, gi);
    else if (x < 0.11) out.push({ room: grid.roomId, from: grid.workerIds[0]!, text: '/待办', kind: 'staff' });
    else {
      const resident = residentId(gi, Math.floor(r() * RESIDENTS_PER_GRID));
      out.push({ room: grid.roomId, from: resident, text: pick(r, CHAT), kind: 'chat' });
    }
  }
  return { messages: out.slice(0, n), nextOrderId: nextId };
}

/** How many of each kind a stream holds. */
export function mix(stream: readonly StreamMessage[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const s of stream) m[s.kind] = (m[s.kind] ?? 0) + 1;
  return m;
}
