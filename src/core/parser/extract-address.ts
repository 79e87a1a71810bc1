/** Finds the building / unit / room or village / group a message states. */
import type { Address } from '../model.js';
import { NUMERAL_CLASS, numberText } from './chinese-number.js';
import { escapeRegExp } from './cue-pattern.js';
import {
  BUILDING_SUFFIXES, ESTATE_VILLAGE_ENDINGS, FLOOR_OR_BUILDING, GROUP_WORDS, NOT_VILLAGE, ROOM_SUFFIXES,
  UNIT_SUFFIXES, UNIT_AFTER_BUILDING_SUFFIXES, ROOM_LABELS, MIN_VILLAGE_NAME, CODE_LABELS, COMPOUND_SUFFIX, VILLAGE_NAME_LEADING_STOP, VILLAGE_NAME_STOP, VILLAGE_PRONOUNS, VILLAGE_WORD, NOT_VILLAGE_AFTER,
} from './vocabulary-address.js';

export interface AddressMatch {
  address: Address | null;
  /** Text ranges that state the address (removed from the summary). */
  spans: [number, number][];
}

// ASCII or Chinese, never mixed (统一3号楼 must not read 一3 as 13).
const CN = NUMERAL_CLASS.replace('0-9', '');
const N = `([0-9]{1,4}|${CN}{1,4})`;
const alt = (words: readonly string[]) => words.map(escapeRegExp).sort((a, b) => b.length - a.length).join('|');
const SEP = '[\\s,的-]?';
// 9-2-301 (building-unit-room), the usual shorthand.
const DASHED = /(?<![0-9-])([0-9]{1,3})-([0-9]{1,2})-([0-9]{3,4})(?![0-9-])/;
// 3号楼2单元501室 / 十四号楼 / 27#楼 / 3栋1单元101 / 3楼2单元 (楼 + unit is a building, 住7楼 is a floor).
const BUILDING = new RegExp(
  `${N}(?:${alt(BUILDING_SUFFIXES)}|${escapeRegExp(FLOOR_OR_BUILDING)}(?=${SEP}(?:[0-9]{1,2}|${CN}{1,2})(?:${alt(UNIT_SUFFIXES)})))` +
    `(?:${SEP}${N}(?:${alt([...UNIT_SUFFIXES, ...UNIT_AFTER_BUILDING_SUFFIXES])}))?` +
    `(?:${SEP}${N}(?:${alt(ROOM_SUFFIXES)})?)?`,
);
const UNIT_ONLY = new RegExp(`${N}(?:${alt(UNIT_SUFFIXES)})(?:${SEP}${N}(?:${alt(ROOM_SUFFIXES)})?)?`);
const ROOM_ONLY = new RegExp(`(?<![0-9])([0-9]{3,4})室|(?:${alt(ROOM_LABELS)})[:\\s]?([0-9]{3,4})(?![0-9])`);
const VILLAGE = new RegExp(`(\\p{Script=Han}{1,4})${VILLAGE_WORD}(?![${NOT_VILLAGE_AFTER}])(?:${SEP}((?:[0-9]{1,2}|${CN}{1,3})(?:${alt(GROUP_WORDS)})))?`, 'gu');
const STOP = new Set(VILLAGE_NAME_STOP);
const CODE_BEFORE = new RegExp(`(?:${alt(CODE_LABELS)})[:\\s是]{0,2}$`);

/** A room is 3–4 digits (201, 1502); anything else after a unit is not a room. */
function room(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const t = numberText(raw);
  return t && /^[0-9]{3,4}$/.test(t) ? t : undefined;
}

function num(raw: string | undefined, max: number): string | undefined {
  if (!raw) return undefined;
  const t = numberText(raw);
  if (!t) return undefined;
  const n = Number(t);
  return n > 0 && n <= max ? String(n) : undefined;
}

/**
 * Reads the address a message states; keys not stated are absent.
 * @example extractAddress('三号楼二单元四零二').address // { building: '3', unit: '2', room: '402' }
 */
export function extractAddress(text: string): AddressMatch {
  const spans: [number, number][] = [];
  let address: Address = {};
  const dashed = DASHED.exec(text);
  // 取件码5-3-2011: a code shaped like an address is not one.
  const d = dashed && !CODE_BEFORE.test(text.slice(Math.max(0, dashed.index - 6), dashed.index)) ? dashed : null;
  let b = BUILDING.exec(text);
  if (b && text.startsWith(COMPOUND_SUFFIX, b.index + b[1]!.length)) {
    // 2号院3号楼1单元: the compound is like an estate name; the building after it is the address.
    const from = b.index + b[1]!.length + COMPOUND_SUFFIX.length;
    const next = BUILDING.exec(text.slice(from));
    if (next) {
      next.index += from;
      b = next;
    }
  }
  if (d && (!b || d.index < b.index)) {
    address = { building: String(Number(d[1])), unit: String(Number(d[2])), room: d[3]! };
    spans.push([d.index, d.index + d[0].length]);
  } else if (b) {
    const building = num(b[1], 999);
    if (building) {
      address.building = building;
      const unit = num(b[2], 30);
      if (unit) address.unit = unit;
      const r = room(b[3]);
      if (r) address.room = r;
      // When the trailing number was not a room, the span ends before it.
      const end = r || !b[3] ? b.index + b[0].length : b.index + b[0].lastIndexOf(b[3]);
      spans.push([b.index, end]);
      // 三单元的楼道灯不亮了…6号楼: the unit stated apart from its building.
      const u = unit ? null : UNIT_ONLY.exec(text);
      const apart = u && (u.index + u[0].length <= b.index || u.index >= end) ? num(u[1], 30) : undefined;
      if (u && apart) {
        address.unit = apart;
        spans.push([u.index, u.index + u[0].length]);
      }
    }
  } else {
    const u = UNIT_ONLY.exec(text);
    const unit = u ? num(u[1], 30) : undefined;
    if (u && unit) {
      address.unit = unit;
      const r = room(u[2]);
      if (r) address.room = r;
      spans.push([u.index, u.index + u[0].length]);
    }
  }
  if (!address.room) {
    const r = ROOM_ONLY.exec(text);
    if (r) {
      address.room = (r[1] ?? r[2])!;
      spans.push([r.index, r.index + r[0].length]);
    }
  }
  const villages = text.includes(VILLAGE_WORD) ? text.matchAll(VILLAGE) : [];
  for (const v of villages) {
    const run = v[1]!;
    // The name is what follows the last function word (下雨把进村 names no village; 俺是郝庄村 → 郝庄村).
    let i = run.length;
    while (i > 0 && !STOP.has(run[i - 1]!)) i--;
    while (i < run.length - 1 && VILLAGE_NAME_LEADING_STOP.includes(run[i]!)) i++;
    // 咱村 / 问问我村: a pronoun right before 村 means no name is given.
    if (VILLAGE_PRONOUNS.includes(run[run.length - 1]!)) continue;
    const name = run.slice(i) + VILLAGE_WORD;
    if (name.length < (v[2] ? MIN_VILLAGE_NAME - 1 : MIN_VILLAGE_NAME) || NOT_VILLAGE.includes(name) || ESTATE_VILLAGE_ENDINGS.some((e) => name.endsWith(e))) continue;
    address.village = name;
    if (v[2]) address.group = v[2];
    spans.push([v.index! + i, v.index! + v[0].length]);
    break;
  }
  return { address: Object.keys(address).length > 0 ? address : null, spans };
}
