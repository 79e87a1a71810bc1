/**
 * A year of a sub-district's orders, as the bot would have stored them:
 *   npm run gen-history -- --data DIR [--orders 100000] [--grids 70] [--end ISO] [--seed N]
 *
 * Realistic spreads, not uniform noise: busier and quieter grids, categories weighted as in the
 * source report (payments, repairs, parcels first) with seasons (heating fees in autumn, repairs
 * in summer, a dip at the Spring Festival), fewer requests at weekends and at night, residents
 * who ask again and again, claims within minutes to hours, most orders rated (mostly 5s), some
 * cancelled, rejected or closed, and the last days still open. Written through JournalStore, so
 * the files are exactly what the bot reads on start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { AppConfig } from '../src/core/config-schema.js';
import type { Order, OrderAction, OrderStatus, Transition } from '../src/core/model.js';
import { JournalStore } from '../src/adapters/store/journal-store.js';
import { SEEN_KEEP_MS, workGiven } from '../src/app/records.js';
import { benchConfig, personName, pick, residentId, RESIDENTS_PER_GRID, rng, weighted } from './bench-world.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Asia/Shanghai has no daylight saving: a fixed offset is exact. */
const TZ_OFFSET = 8 * HOUR;

/** Category weights through the year: [key, base weight, month multipliers (Jan..Dec) or null]. */
const CATEGORIES: readonly [string, number, number[] | null][] = [
  ['utility_payment', 15, [1.3, 1.1, 1, 0.8, 0.8, 0.9, 1, 1, 1.1, 1.6, 1.8, 1.5]],
  ['home_repair', 16, [1.1, 0.9, 0.9, 1, 1.1, 1.3, 1.4, 1.4, 1.1, 0.9, 0.9, 1.1]],
  ['parcel', 10, [1, 0.8, 0.9, 1, 1, 1.1, 1, 1, 1, 1, 1.5, 1.3]],
  ['property_maintenance', 9, [1.2, 1, 1, 1, 1.1, 1.2, 1.3, 1.3, 1, 0.9, 0.9, 1.1]],
  ['errand', 9, [1.2, 1.3, 1, 1, 1, 1, 1.1, 1.1, 1, 1, 1, 1.2]],
  ['social_insurance', 8, [1.1, 0.9, 1, 1, 1, 1, 1, 1, 1.1, 1.2, 1.4, 1.5]],
  ['elderly_care', 7, null],
  ['medical_escort', 5, [1.3, 1.2, 1, 1, 0.9, 0.9, 0.9, 0.9, 1, 1, 1.1, 1.3]],
  ['copy_print', 5, [1, 0.8, 1.1, 1, 1, 1, 0.9, 1.2, 1.2, 1, 1, 1]],
  ['civil_affairs', 4, [1.2, 1, 1.1, 1, 1, 1, 1, 1, 1, 1, 1.1, 1.3]],
  ['household_registration', 4, [0.9, 0.8, 1, 1, 1, 1.2, 1.3, 1.3, 1, 1, 1, 0.9]],
  ['cleaning', 3, [1.8, 1.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2]],
  ['moving_help', 3, [0.8, 0.8, 1, 1, 1.1, 1.2, 1.3, 1.3, 1.1, 1, 0.9, 0.8]],
  ['other_service', 2, null],
];

/** Requests per hour of the local day (0..23). */
const HOURS = [0.3, 0.1, 0.05, 0.05, 0.1, 0.4, 1.5, 4, 9, 10, 9, 7, 4, 3, 6, 7, 6.5, 5, 3.5, 3.5, 3, 2, 1.2, 0.6];

/** What residents write, per category: {a} address, {p} phone, {w} wanted time. */
const TEXTS: Record<string, string[]> = {
  utility_payment: ['帮我代缴下这个月电费 {a}', '家里没电了 电卡里没钱了 谁能帮忙充一下 {a} {p}', '暖气费今年怎么交 能帮我代交吗 {a}', '麻烦帮忙交一下燃气费 {a}{p}', '水费单子来了 帮我交一下 {a}'],
  home_repair: ['{a}厨房水管漏了 能来人看看吗 {p}', '卫生间马桶堵了 {a} 麻烦来人通一下', '家里跳闸了 老是合不上 {a} {p}', '{a} 水龙头一直滴水 {w}能来修吗', '暖气片漏水 地上都湿了 {a} 急', '灯泡坏了 够不着 {a} 老两口换不了'],
  parcel: ['驿站有个快递 帮忙取一下送到{a}', '帮我寄个包裹回老家 {a} {p}', '有个退货 帮忙送驿站 {a}', '快递放错了 放到别的单元了 {a}'],
  property_maintenance: ['{a}电梯又坏了 困了一会儿', '楼道灯不亮了 晚上黑乎乎的 {a}', '单元门关不上了 {a}', '{a}楼顶漏水 墙都湿了', '垃圾桶满了好几天没人拉 {a}'],
  errand: ['帮忙买点菜 腿脚不方便 {a} {p}', '能不能帮我买药 {a} 降压药没了', '谁有空帮忙取个药 {w} {a}', '麻烦帮忙买袋米送上楼 {a}'],
  social_insurance: ['我妈腿脚不方便 医保卡补办能帮忙跑一趟吗 {p}', '养老认证不会弄 能来人帮一下吗 {a}', '社保卡丢了 怎么补 帮我办一下 {p}', '住院的发票报销 谁能帮忙送一下材料 {a}'],
  elderly_care: ['家里老人一个人在家 {w}能来人照看一下吗 {a}', '想给老人预约上门理发 {a} {p}', '老人助餐能送到家吗 {a}', '我爸摔倒了 起不来 {a} {p} 快来人'],
  medical_escort: ['{w}要去医院复查 没人陪 能安排人陪诊吗 {p}', '帮忙挂个号 {w}看病 {a}', '老伴要去医院拿药 谁能陪一下 {a} {p}'],
  copy_print: ['帮我把户口本复印三份 {a}', '有个材料要打印 能帮忙吗 {p}', '身份证复印件要两份 {a}'],
  civil_affairs: ['低保年审的材料 能帮我递一下吗 {a} {p}', '高龄补贴怎么申请 帮我办一下 {a}', '残疾证到期了 帮忙办换证 {p}'],
  household_registration: ['孩子上户口要哪些材料 能帮忙跑一趟吗 {p}', '身份证过期了 老人去不了 能上门办吗 {a}', '迁户口的证明 帮我开一下 {p}'],
  cleaning: ['快过年了 想找人打扫一下 {a} {p}', '老人家里油烟机要清洗 {a}', '帮忙擦玻璃 {w} {a}'],
  moving_help: ['{w}搬家 缺两个人帮忙抬 {a} {p}', '有个旧柜子要搬下楼 {a}', '帮忙把煤气罐搬上楼 {a}'],
  other_service: ['能来人帮我弄一下手机吗 不会用 {a}', '帮忙看看电视怎么没信号了 {a} {p}'],
};

const RATING_NOTES = ['很满意', '师傅很热心', '来得很快', '谢谢志愿者', '办得很好', '态度好', '来得有点晚', '还行', '下次早点来'];
const COMPLETE_NOTES = ['已处理', '换了阀门', '已代缴 回执给了本人', '已送到家', '材料已递交', '修好了', '已陪同就诊', ''];
const CANCEL_NOTES = ['自己弄好了', '孩子回来了', '不需要了', ''];

interface Counts {
  orders: number;
  contacts: number;
  open: number;
  awaitingRating: number;
}

export interface HistoryOptions {
  orders: number;
  config?: AppConfig;
  /** The end of the year of history (epoch ms); the last orders are still open. */
  end?: number;
  seed?: number;
}

/** Builds the orders, contacts and counters of a year; values as the bot stores them. */
export function generateHistory(o: HistoryOptions): { collections: Record<string, Map<string, unknown>>; counts: Counts } {
  const config = o.config ?? benchConfig();
  const end = o.end ?? Date.parse('2026-06-10T09:30:00+08:00');
  const start = end - 365 * DAY;
  const r = rng(o.seed ?? 2026);
  const grids = config.grids;
  // Busier and quieter grids (a log-normal-ish spread: the busiest about 4x the quietest).
  const gridWeights = grids.map((g, i) => [i, Math.exp((r() + r() + r() - 1.5) * 0.9)] as const);
  const volunteersBy = new Map<string, string[]>();
  for (const g of grids) {
    for (const c of config.catalogue) volunteersBy.set(`${g.id}|${c.key}`, config.volunteers.filter((v) => v.gridIds.includes(g.id) && v.skills.includes(c.key)).map((v) => v.id));
  }
  const residents: { id: string; name: string; phone: string; address: { building: string; unit: string; room: string } }[][] = grids.map((_, gi) =>
    Array.from({ length: RESIDENTS_PER_GRID }, (_, n) => ({
      id: residentId(gi, n),
      name: personName(r),
      phone: `1${pick(r, ['3', '5', '8', '9'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
      address: { building: String(1 + Math.floor(r() * 30)), unit: String(1 + Math.floor(r() * 4)), room: `${1 + Math.floor(r() * 6)}0${1 + Math.floor(r() * 4)}` },
    })),
  );

  // Request times: days weighted by weekday, season and the Spring Festival; hours by HOURS.
  const dayWeights: (readonly [number, number])[] = [];
  for (let d = 0; d < 365; d++) {
    const t = start + d * DAY;
    const local = new Date(t + TZ_OFFSET);
    const wd = local.getUTCDay();
    const month = local.getUTCMonth();
    const doy = Math.floor((Date.UTC(local.getUTCFullYear(), month, local.getUTCDate()) - Date.UTC(local.getUTCFullYear(), 0, 1)) / DAY);
    const festival = doy >= 30 && doy <= 40 ? 0.45 : 1; // around the Spring Festival
    dayWeights.push([d, (wd === 0 || wd === 6 ? 0.7 : 1) * festival * (1 + 0.1 * Math.sin(d / 9))]);
  }
  const times: number[] = [];
  const hourEntries = HOURS.map((w, h) => [h, w] as const);
  for (let i = 0; i < o.orders; i++) {
    const d = weighted(r, dayWeights);
    const h = weighted(r, hourEntries);
    const localMidnight = Math.floor((start + d * DAY + TZ_OFFSET) / DAY) * DAY - TZ_OFFSET;
    times.push(localMidnight + h * HOUR + Math.floor(r() * HOUR));
  }
  times.sort((a, b) => a - b);

  const orders = new Map<string, unknown>();
  const contacts = new Map<string, unknown>();
  let open = 0;
  let awaitingRating = 0;
  for (const v of config.volunteers) contacts.set(v.id, { name: v.name, gridId: v.gridIds[0] ?? null });
  times.forEach((createdAt, idx) => {
    const id = idx + 1;
    const month = new Date(createdAt + TZ_OFFSET).getUTCMonth();
    const category = weighted(r, CATEGORIES.map(([k, w, m]) => [k, w * (m ? m[month]! : 1)] as const));
    const entry = config.catalogue.find((c) => c.key === category)!;
    const gi = weighted(r, gridWeights);
    const grid = grids[gi]!;
    // Some residents ask again and again (older people living alone): a skewed pick.
    const res = residents[gi]![Math.floor(RESIDENTS_PER_GRID * Math.pow(r(), 2.2))]!;
    contacts.set(res.id, { name: res.name, gridId: grid.id });
    const template = pick(r, TEXTS[category]!);
    const withAddress = template.includes('{a}') && r() < 0.8;
    const withPhone = template.includes('{p}') && r() < 0.7;
    const wantsTime = template.includes('{w}');
    const when = wantsTime ? new Date(createdAt + TZ_OFFSET + DAY).toISOString().slice(0, 10) : null;
    const addrText = `${res.address.building}号楼${res.address.unit}单元${res.address.room}`;
    const text = template
      .replace('{a}', withAddress ? addrText : '')
      .replace('{p}', withPhone ? res.phone : '')
      .replace('{w}', wantsTime ? '明天上午' : '')
      .replace(/\s+/g, ' ')
      .trim();
    const urgent = /急|快来人|摔倒|困了/.test(text) || r() < 0.02;
    const isPrivate = r() < 0.05;
    const age = end - createdAt;
    const waitsForAcceptance = config.orders.requireAcceptance.includes(category);

    const history: Transition[] = [];
    let status = 'submitted' as OrderStatus;
    let t = createdAt;
    const step = (action: OrderAction, to: OrderStatus, by: string, dt: number, note?: string): boolean => {
      if (t + dt > end) return false;
      t += dt;
      history.push({ action, from: history.length ? status : null, to, by, at: t, ...(note ? { note } : {}) });
      status = to;
      return true;
    };
    const lognormal = (median: number, spread = 1) => Math.round(median * Math.exp((r() + r() + r() - 1.5) * spread * 1.6));
    step('submit', 'submitted', res.id, 0);
    const order: Order = {
      id,
      gridId: grid.id,
      roomId: isPrivate ? null : grid.roomId,
      kind: entry.kind,
      category,
      text,
      summary: text.replace(/1[3-9]\d{9}/g, '').replace(/\d+号楼(\d+单元)?(\d{3,4})?/g, '').trim().slice(0, 30) || entry.name,
      residentId: res.id,
      residentName: res.name,
      address: withAddress ? { ...res.address } : null,
      phone: withPhone ? res.phone : null,
      when,
      urgent,
      status,
      createdAt,
      updatedAt: createdAt,
      acceptedBy: null,
      claimerId: null,
      invitedIds: [],
      rating: null,
      ratingNote: null,
      history,
    };

    const pool = volunteersBy.get(`${grid.id}|${category}`) ?? [];
    const fate = r();
    // A few are rejected or cancelled before anyone acts.
    if (fate < 0.03) {
      if (step('accept', 'accepted', 'bot', 0) && step('dispatch', 'dispatched', 'bot', 0)) step('reject', 'rejected', pick(r, grid.workerIds), lognormal(40 * MIN), '已由物业处理');
    } else if (fate < 0.08) {
      if (step('accept', 'accepted', 'bot', 0) && step('dispatch', 'dispatched', 'bot', 0)) step('cancel', 'cancelled', res.id, lognormal(30 * MIN), pick(r, CANCEL_NOTES));
    } else {
      const acceptedBy = waitsForAcceptance ? pick(r, grid.workerIds) : 'bot';
      order.acceptedBy = acceptedBy;
      const ok =
        step('accept', 'accepted', acceptedBy, waitsForAcceptance ? lognormal(50 * MIN) : 0) &&
        step('dispatch', 'dispatched', 'bot', 0);
      order.invitedIds = pool.slice(0, 3);
      const claimer = pool.length ? pick(r, pool) : null;
      if (ok && claimer && step('claim', 'claimed', claimer, lognormal(urgent ? 8 * MIN : 25 * MIN))) {
        order.claimerId = claimer;
        const proxy = entry.kind === 'proxy';
        step('start', 'in_progress', claimer, lognormal(20 * MIN));
        if (status === 'in_progress' && step('resolve', 'resolved', claimer, lognormal(proxy ? 20 * HOUR : 90 * MIN), pick(r, COMPLETE_NOTES))) {
          step('report', 'reported', 'bot', 0);
          const rateFate = r();
          if (rateFate < 0.72) {
            const score = weighted(r, [[5, 70], [4, 19], [3, 6], [2, 3], [1, 2]] as const);
            const note = r() < 0.3 ? pick(r, RATING_NOTES) : '';
            if (step('rate', 'followed_up', res.id, lognormal(3 * HOUR), note)) {
              order.rating = score;
              order.ratingNote = note || null;
            }
          } else if (rateFate < 0.86 && age > 3 * DAY) {
            step('close', 'closed', pick(r, grid.workerIds), lognormal(2 * DAY), '回访未回复');
          }
        }
      } else if (ok && age > 2 * DAY) {
        // Nobody claimed it: the grid worker handled it and closed it.
        step('close', 'closed', pick(r, grid.workerIds), lognormal(6 * HOUR), '网格员已处理');
      }
    }
    order.status = status;
    order.updatedAt = t;
    if (['submitted', 'accepted', 'dispatched', 'claimed', 'in_progress'].includes(status)) open++;
    if (status === 'resolved' || status === 'reported') awaitingRating++;
    orders.set(String(id), order);
  });

  // What the bot keeps beside the orders: when volunteers last got work, and the message ids of the
  // last two days (older ones expire), about five handled messages per order.
  const workload = new Map<string, unknown>();
  const seen = new Map<string, unknown>();
  let msg = 0;
  for (const v of orders.values()) {
    const order = v as Order;
    for (const [id, at] of workGiven(order, 0)) if (((workload.get(id) as number | undefined) ?? -Infinity) < at) workload.set(id, at);
    for (const h of order.history) {
      msg++;
      if (h.by !== 'bot' && end - h.at < SEEN_KEEP_MS) seen.set(`wx-${String(msg).padStart(9, '0')}`, h.at);
    }
  }
  const meta = new Map<string, unknown>([
    ['order', o.orders],
    ['outbox', msg],
    ['workloadIndex', 1],
  ]);
  return {
    collections: { orders, contacts, meta, workload, seen },
    counts: { orders: orders.size, contacts: contacts.size, open, awaitingRating },
  };
}

/** Writes a generated history into `dir` (which must not hold data yet) through JournalStore. */
export async function writeHistory(dir: string, o: HistoryOptions): Promise<Counts> {
  if (fs.existsSync(JournalStore.snapshotPath(dir))) throw new Error(`${dir} already holds data; pass an empty folder`);
  const { collections, counts } = generateHistory(o);
  const end = o.end ?? Date.parse('2026-06-10T09:30:00+08:00');
  const store = await JournalStore.open(dir, { fsync: false, now: () => end });
  let n = 0;
  for (const [name, entries] of Object.entries(collections)) {
    for (const [k, v] of entries) {
      store.put(name, k, v);
      if (++n % 5000 === 0) await store.commit();
    }
  }
  await store.compact();
  await store.close();
  // The snapshot now holds everything; the journal written on the way is empty again.
  return counts;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, orders: { type: 'string' }, grids: { type: 'string' }, end: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
  });
  if (!values.data) throw new Error('usage: npm run gen-history -- --data DIR [--orders 100000] [--grids 70] [--end ISO] [--seed N]');
  const dir = path.resolve(values.data);
  const t0 = performance.now();
  const counts = await writeHistory(dir, {
    orders: Number(values.orders ?? 100_000),
    config: benchConfig(Number(values.grids ?? 70)),
    ...(values.end ? { end: Date.parse(values.end) } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
  });
  const size = fs.statSync(JournalStore.snapshotPath(dir)).size;
  process.stdout.write(`${JSON.stringify({ dir, ...counts, snapshot_mb: +(size / 1e6).toFixed(1), seconds: +((performance.now() - t0) / 1000).toFixed(1) })}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
