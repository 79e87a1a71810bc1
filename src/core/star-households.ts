/**
 * 星级文明户, 报 → 审 → 晒 → 定: applications and their steps, the stars a household holds, and the
 * counts by star level. Pure: times come in.
 */
import type { Address } from './model.js';
import { normaliseCommandText } from './commands.js';
import { findHousehold, keyOf } from './household-address.js';
import {
  APPLICATION_PREFIX, HOUSEHOLD_SUFFIX, REVIEW_FAIL_WORDS, REVIEW_PASS_WORDS, STARS, STAR_ALIASES, type StarKey,
} from './vocabulary-stars.js';

export type { StarKey } from './vocabulary-stars.js';

/** 报 applied (or recommended) → 审 approved / rejected → 晒 publicised → 定 final. */
export type ApplicationStatus = 'applied' | 'approved' | 'rejected' | 'publicised' | 'final';
export type ApplicationAction = 'apply' | 'recommend' | 'approve' | 'reject' | 'publicise' | 'object' | 'finalise';

export interface ApplicationStep {
  action: ApplicationAction;
  by: string;
  at: number;
  note?: string;
}

export interface Objection {
  by: string;
  name: string;
  text: string;
  at: number;
}

/** One application for one star, numbered `#S<id>`. */
export interface StarApplication {
  id: number;
  kind: 'apply' | 'recommend';
  star: StarKey;
  address: Address;
  householdKey: string;
  /** As written: 李秀兰家 (may be empty). */
  household: string;
  /** What the applicant says in support (capped). */
  story: string;
  gridId: string | null;
  roomId: string | null;
  applicantId: string;
  applicantName: string;
  status: ApplicationStatus;
  createdAt: number;
  updatedAt: number;
  /** Set when publicised: until when objections are taken, and the rooms it was posted in. */
  publicity: { from: number; until: number; roomIds: string[] } | null;
  objections: Objection[];
  rejectReason: string | null;
  history: ApplicationStep[];
}

/** A household and the stars it holds; every change is kept with who, when and why. */
export interface StarHousehold {
  key: string;
  address: Address;
  name: string;
  gridId: string | null;
  stars: StarKey[];
  history: { action: 'add' | 'remove'; star: StarKey; by: string; at: number; reason: string; applicationId: number | null }[];
}

/** A star's display name. @example starName('filial') // '孝老爱亲' */
export function starName(key: StarKey): string {
  return STARS.find((s) => s.key === key)!.name;
}

const byLength = (a: string, b: string) => b.length - a.length;
// A full name counts with or without 星; a short form only with it (教育补助 is not a star).
const STAR_PATTERN = new RegExp(
  [...STARS.map((s) => s.name), ...Object.keys(STAR_ALIASES).map((a) => `${a}(?=星)`)].sort(byLength).join('|'),
);

/**
 * The first star a text names, and the text without it (the trailing 星 goes too).
 * @example findStar('孝老爱亲星 12号楼1单元602') // { star: 'filial', rest: '  12号楼1单元602' }
 */
export function findStar(text: string): { star: StarKey; rest: string } | null {
  const m = STAR_PATTERN.exec(text);
  if (!m) return null;
  const star = STARS.find((s) => s.name === m[0])?.key ?? STAR_ALIASES[m[0]]!;
  let end = m.index + m[0].length;
  if (text[end] === '星') end++;
  return { star, rest: `${text.slice(0, m.index)} ${text.slice(end)}` };
}

export type ApplicationText =
  | { ok: true; star: StarKey; address: Address; householdKey: string; household: string; story: string }
  | { ok: false; code: 'NO_STAR' | 'NO_ADDRESS' };

/**
 * Reads what follows 申报 / 推荐: a star, a household address, the household's name, a story.
 * @example readApplication('孝老爱亲星 12号楼1单元602 李秀兰家') // { ok: true, star: 'filial', household: '李秀兰家', … }
 */
export function readApplication(raw: string): ApplicationText {
  const text = normaliseCommandText(raw).replace(/[,、;:。!?()[\]“”]/g, ' ');
  const s = findStar(text);
  if (!s) return { ok: false, code: 'NO_STAR' };
  const place = findHousehold(s.rest);
  if (!place || !place.address.room) return { ok: false, code: 'NO_ADDRESS' };
  const rest = `${s.rest.slice(0, place.start)} ${s.rest.slice(place.end)}`.trim().split(/\s+/).filter(Boolean);
  const named = rest.findIndex((w) => w.endsWith(HOUSEHOLD_SUFFIX) && [...w].length <= 6);
  const household = named >= 0 ? rest.splice(named, 1)[0]! : '';
  return { ok: true, star: s.star, address: place.address, householdKey: keyOf(place.address), household, story: rest.join(' ').slice(0, 200) };
}

/**
 * An application number at the start of a text: `#S3`, `S3`, `＃Ｓ３`.
 * @example applicationRef('#S3 通过') // [3, '通过']
 */
export function applicationRef(raw: string): [number, string] | null {
  const m = new RegExp(`^#?\\s*${APPLICATION_PREFIX}\\s*(\\d{1,9})(?!\\d)\\s*(.*)$`, 'is').exec(normaliseCommandText(raw));
  return m ? [Number(m[1]), m[2]!.trim()] : null;
}

/**
 * The verdict of `/评审 #S3 …`: pass (with an optional note) or fail (a reason is required).
 * @example readVerdict('不通过 材料不实') // { verdict: 'fail', note: '材料不实' }
 */
export function readVerdict(text: string): { verdict: 'pass' | 'fail'; note: string } | null {
  const t = text.trim();
  const fail = [...REVIEW_FAIL_WORDS].sort(byLength).find((w) => t.startsWith(w));
  if (fail) return { verdict: 'fail', note: t.slice(fail.length).trim() };
  const pass = [...REVIEW_PASS_WORDS].sort(byLength).find((w) => t.startsWith(w));
  return pass ? { verdict: 'pass', note: t.slice(pass.length).trim() } : null;
}

const ALLOWED: Record<ApplicationAction, ApplicationStatus[]> = {
  apply: [],
  recommend: [],
  approve: ['applied'],
  reject: ['applied', 'approved', 'publicised'],
  publicise: ['approved'],
  object: ['publicised'],
  finalise: ['publicised'],
};
const TARGET: Partial<Record<ApplicationAction, ApplicationStatus>> = {
  approve: 'approved',
  reject: 'rejected',
  publicise: 'publicised',
  finalise: 'final',
};

export type StepResult = { ok: true; application: StarApplication } | { ok: false; code: 'NOT_NOW' | 'PUBLICITY_RUNNING' };

/**
 * Applies one step of 报 → 审 → 晒 → 定 to an application, keeping it in the history.
 * @example applicationStep(a, 'approve', 'staff-liu', now).ok // true when a is applied
 */
export function applicationStep(a: StarApplication, action: ApplicationAction, by: string, at: number, note?: string, patch: Partial<StarApplication> = {}): StepResult {
  if (!ALLOWED[action].includes(a.status)) return { ok: false, code: 'NOT_NOW' };
  if (action === 'finalise' && a.publicity && at < a.publicity.until) return { ok: false, code: 'PUBLICITY_RUNNING' };
  const status = TARGET[action] ?? a.status;
  const step: ApplicationStep = { action, by, at, ...(note ? { note } : {}) };
  return { ok: true, application: { ...a, ...patch, status, updatedAt: at, history: [...a.history, step] } };
}

export interface StarStats {
  /** Households with at least one star. */
  total: number;
  /** Index = level (number of stars): byLevel[5] are five-star households. */
  byLevel: number[];
  byStar: Record<StarKey, number>;
  /** Share of all households in percent (one decimal), or null when the total is not configured. */
  share: number | null;
  byGrid: { gridId: string; count: number; share: number | null }[];
}

/**
 * Counts by star level (a household's level is the number of stars it holds) and the share of
 * all households.
 * @example starStats(households, { gridHouseholds: { g1: 420 }, totalHouseholds: null }).byLevel[5] // five-star households
 */
export function starStats(households: Iterable<StarHousehold>, totals: { gridHouseholds: Record<string, number>; totalHouseholds: number | null }): StarStats {
  const byLevel = [0, 0, 0, 0, 0, 0];
  const byStar = Object.fromEntries(STARS.map((s) => [s.key, 0])) as Record<StarKey, number>;
  const grids = new Map<string, number>();
  let total = 0;
  for (const h of households) {
    const level = Math.min(h.stars.length, 5);
    if (!level) continue;
    total++;
    byLevel[level]!++;
    for (const s of h.stars) byStar[s]++;
    if (h.gridId) grids.set(h.gridId, (grids.get(h.gridId) ?? 0) + 1);
  }
  const gridSum = Object.values(totals.gridHouseholds).reduce((a, b) => a + b, 0);
  const all = totals.totalHouseholds ?? (gridSum || null);
  const pct = (n: number, of: number | null | undefined) => (of ? Math.round((n / of) * 1000) / 10 : null);
  const byGrid = [...new Set([...Object.keys(totals.gridHouseholds), ...grids.keys()])].map((gridId) => ({
    gridId,
    count: grids.get(gridId) ?? 0,
    share: pct(grids.get(gridId) ?? 0, totals.gridHouseholds[gridId]),
  }));
  return { total, byLevel, byStar, share: pct(total, all), byGrid };
}

export type StarChangeText =
  | { ok: true; ref: number | null; address: Address | null; star: StarKey; household: string; reason: string }
  | { ok: false; code: 'NO_HOUSEHOLD' | 'NO_STAR' | 'NO_REASON' };

/**
 * Reads what follows `/加星` or `/摘星`: the household (`#S3` or an address), the star, the reason.
 * @example readStarChange('12号楼1单元602 志愿服务星 常年义务理发') // { ok: true, star: 'volunteer', reason: '常年义务理发', … }
 */
export function readStarChange(raw: string): StarChangeText {
  let text = normaliseCommandText(raw);
  const ref = applicationRef(text);
  let address: Address | null = null;
  if (ref) text = ref[1];
  else {
    const place = findHousehold(text);
    if (!place || !place.address.room) return { ok: false, code: 'NO_HOUSEHOLD' };
    address = place.address;
    text = `${text.slice(0, place.start)} ${text.slice(place.end)}`;
  }
  const s = findStar(text);
  if (!s) return { ok: false, code: 'NO_STAR' };
  const words = s.rest.trim().split(/\s+/).filter(Boolean);
  const named = words.findIndex((w) => w.endsWith(HOUSEHOLD_SUFFIX) && [...w].length <= 6);
  const household = named >= 0 && words.length > 1 ? words.splice(named, 1)[0]! : '';
  const reason = words.join(' ').slice(0, 200);
  if (!reason) return { ok: false, code: 'NO_REASON' };
  return { ok: true, ref: ref ? ref[0] : null, address, star: s.star, household, reason };
}

/** Adds or removes one star of a household, with the reason kept. Null when nothing changes. */
export function changeStar(h: StarHousehold, action: 'add' | 'remove', star: StarKey, by: string, at: number, reason: string, applicationId: number | null = null): StarHousehold | null {
  const has = h.stars.includes(star);
  if ((action === 'add') === has) return null;
  const stars = action === 'add' ? STARS.map((s) => s.key).filter((k) => k === star || h.stars.includes(k)) : h.stars.filter((k) => k !== star);
  return { ...h, stars, history: [...h.history, { action, star, by, at, reason, applicationId }] };
}
