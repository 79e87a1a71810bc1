/**
 * The world the benchmark runs in: a sub-district of 70 grid groups (杜儿坪街道 has 62 ordinary
 * grids plus 7 special ones, each with its own WeChat group), its staff, grid workers and
 * about 800 volunteers, and the residents who write in the groups. Built in code, deterministic
 * for a seed, so `npm run bench` and `scripts/gen-history.ts` see the same people.
 */
import { configSchema, type AppConfig } from '../src/core/config-schema.js';
import { DEFAULT_CATALOGUE } from '../src/core/vocabulary.js';

/** A small seeded PRNG (mulberry32): the same seed gives the same world and the same history. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Picks a key by weight. */
export function weighted<T>(r: () => number, entries: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = r() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return entries[entries.length - 1]![0];
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '秀英桂英玉兰建国建华志强丽娟淑珍国华海燕春梅红霞德明永红小红凤英金凤立新振华福生宝山玉珍桂兰文斌丽华明亮翠花淑英俊杰';
const SUFFIX_ELDER = ['阿姨', '大爷', '奶奶', '大妈', '叔', '婶'];
const VOLUNTEER_TITLES = ['师傅', '大姐', '老师', '阿姨', '小'];

export function personName(r: () => number): string {
  const s = pick(r, [...SURNAMES]);
  if (r() < 0.45) return `${s}${pick(r, SUFFIX_ELDER)}`;
  const i = Math.floor(r() * (GIVEN.length / 2)) * 2;
  return `${s}${GIVEN.slice(i, i + 2)}`;
}

export const GRID_COUNT = 70;
export const STAFF_ROOM = 'staff@chatroom';
export const gridRoom = (i: number) => `grid${i + 1}@chatroom`;
export const gridId = (i: number) => `g${i + 1}`;
/** Households (residents who may write) per grid, about 300 as in the source report. */
export const RESIDENTS_PER_GRID = 300;
export const residentId = (grid: number, n: number) => `res-${grid + 1}-${n}`;

const SKILL_SETS: readonly string[][] = [
  ['home_repair', 'property_maintenance', 'moving_help'],
  ['home_repair', 'moving_help', 'cleaning'],
  ['elderly_care', 'medical_escort', 'errand'],
  ['civil_affairs', 'social_insurance', 'household_registration'],
  ['parcel', 'errand', 'copy_print', 'utility_payment'],
  ['utility_payment', 'copy_print', 'other_service'],
  ['elderly_care', 'cleaning', 'errand'],
  ['social_insurance', 'medical_escort'],
  ['parcel', 'moving_help', 'other_service'],
  ['civil_affairs', 'utility_payment', 'parcel'],
  ['home_repair', 'property_maintenance'],
];

/** The 70-grid config of the benchmark (validated like a real config file). */
export function benchConfig(grids = GRID_COUNT, seed = 7): AppConfig {
  const r = rng(seed);
  const raw = {
    community: { name: '杜儿坪街道' },
    timezone: 'Asia/Shanghai',
    botName: 'grid-bot-bench',
    staffRoomId: STAFF_ROOM,
    grids: Array.from({ length: grids }, (_, i) => ({
      id: gridId(i),
      name: i < grids - 7 ? `第${i + 1}网格` : `专属网格${i - grids + 8}`,
      roomId: gridRoom(i),
      workerIds: [`wk-${i + 1}`, ...(i % 3 === 0 ? [`wk-${i + 1}b`] : [])],
      chiefId: `chief-${Math.floor(i / 6) + 1}`,
    })),
    staff: Array.from({ length: 8 }, (_, i) => ({ id: `staff-${i + 1}`, name: `${pick(r, [...SURNAMES])}${['书记', '主任', '委员'][i % 3]}`, role: '街道工作人员' })),
    gridWorkers: [
      ...Array.from({ length: grids }, (_, i) => [
        { id: `wk-${i + 1}`, name: `网格员${personName(r)}` },
        ...(i % 3 === 0 ? [{ id: `wk-${i + 1}b`, name: `微网格员${personName(r)}` }] : []),
      ]).flat(),
      ...Array.from({ length: Math.ceil(grids / 6) }, (_, i) => ({ id: `chief-${i + 1}`, name: `${personName(r)}网格长` })),
    ],
    volunteers: Array.from({ length: grids }, (_, i) =>
      Array.from({ length: 11 }, (_, j) => ({
        id: `vol-${i + 1}-${j + 1}`,
        name: `${pick(r, [...SURNAMES])}${pick(r, VOLUNTEER_TITLES)}${j + 1}`,
        skills: SKILL_SETS[(j + i) % SKILL_SETS.length]!,
        // Some volunteers help in the next grid too.
        gridIds: j === 0 && i + 1 < grids ? [gridId(i), gridId(i + 1)] : [gridId(i)],
      })),
    ).flat(),
    catalogue: DEFAULT_CATALOGUE.map((c) => ({ ...c, keywords: [...c.keywords] })),
    orders: { requireAcceptance: ['civil_affairs'], maxTextLength: 500 },
  };
  return configSchema.parse(raw);
}
