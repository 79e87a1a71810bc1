/**
 * A household's address (12号楼1单元602, 12-1-602, 十二栋一单元六零二室, 郝庄村三组15号), read from
 * free text and normalised so that different spellings of one household compare equal.
 */
import type { Address } from './model.js';
import { NUMERAL_CLASS as NUMERAL, numberText as numeralText, chineseNumber as chineseNumeral } from './parser/chinese-number.js';

export interface HouseholdMatch {
  address: Address;
  /** Where the address stands in the (normalised) text. */
  start: number;
  end: number;
}

const N = `(${NUMERAL}{1,4})`;
const DASHED = /(?<![0-9-])([0-9]{1,3})\s*[-—]\s*([0-9]{1,2})\s*[-—]\s*([0-9]{3,4})(?![0-9-])/;
const BUILDING_WORDS = '号楼|栋楼|#楼|栋|幢|号院|座';
const UNIT_WORDS = '单元|门洞|门';
// A room is 3–4 digits. Written with a space before it only with 室/号/户 or as 3 digits: a
// 4-digit group after a space is more often an ID-number tail (9号楼2单元 1234 5678).
const ROOM = `(?:([0-9]{3,4}|[零〇一二三四五六七八九]{3,4})(?:室|号|户)?(?![0-9])|\\s+([0-9]{3,4}|[零〇一二三四五六七八九]{3,4})(?:室|号|户)(?![0-9])|\\s+([0-9]{3})(?![0-9]))`;
const BUILDING = new RegExp(
  `${N}\\s*(?:${BUILDING_WORDS}|楼(?=\\s*${NUMERAL}{1,2}\\s*(?:${UNIT_WORDS})))(?:\\s*${N}\\s*(?:${UNIT_WORDS}))?(?:${ROOM})?`,
);
const VILLAGE = new RegExp(`([\\u4e00-\\u9fff]{2,4}村)\\s*(?:${N}\\s*[组队])?\\s*(?:${N}\\s*号)?`);

/** Full-width digits and signs to ASCII, one character for one, so positions stay valid. */
function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\u3000\u2005\u00A0]/g, ' ');
}

function small(raw: string | undefined, max: number): string | undefined {
  if (!raw) return undefined;
  const n = chineseNumeral(raw);
  return n !== null && n > 0 && n <= max ? String(n) : undefined;
}

/**
 * Finds the first household address in a text (positions are those of `raw`).
 * @example findHousehold('住3晚 9号楼2单元301')?.address // { building: '9', unit: '2', room: '301' }
 */
export function findHousehold(raw: string): HouseholdMatch | null {
  const text = foldWidth(raw);
  const d = DASHED.exec(text);
  const b = BUILDING.exec(text);
  if (d && (!b || d.index < b.index)) {
    return { address: { building: String(Number(d[1])), unit: String(Number(d[2])), room: d[3]! }, start: d.index, end: d.index + d[0].length };
  }
  if (b) {
    const building = small(b[1], 999);
    if (building) {
      const address: Address = { building };
      const unit = small(b[2], 30);
      if (unit) address.unit = unit;
      const room = numeralText(b[3] ?? b[4] ?? b[5] ?? '');
      if (room) address.room = room;
      return { address, start: b.index, end: b.index + b[0].length };
    }
  }
  const v = VILLAGE.exec(text);
  if (v) {
    const address: Address = { village: v[1]! };
    const group = small(v[2], 99);
    if (group) address.group = `${group}组`;
    const house = small(v[3], 9999);
    if (house) address.room = house;
    return { address, start: v.index, end: v.index + v[0].length };
  }
  return null;
}

/**
 * A key that is equal for two spellings of the same household, or null when the text names none.
 * @example householdKey('12号楼1单元602') === householdKey('12-1-602') // true
 */
export function householdKey(text: string): string | null {
  const m = findHousehold(text);
  return m ? keyOf(m.address) : null;
}

/** The key of an address. @example keyOf({ building: '12', unit: '1', room: '602' }) // '12-1-602' */
export function keyOf(a: Address): string {
  if (a.village) return `${a.village}-${a.group ?? ''}-${a.room ?? ''}`;
  return `${a.building ?? ''}-${a.unit ?? ''}-${a.room ?? ''}`;
}

/**
 * Whether two addresses are the same household: building and room equal, and the unit equal
 * where both state one (12号楼602 is 12号楼1单元602). Without a room no household is meant.
 * @example sameHousehold({ building: '12', room: '602' }, { building: '12', unit: '1', room: '602' }) // true
 */
export function sameHousehold(a: Address | null | undefined, b: Address | null | undefined): boolean {
  if (!a || !b || !a.room || !b.room || a.room !== b.room) return false;
  if (a.village || b.village) return a.village === b.village && (a.group ?? '') === (b.group ?? '');
  if (!a.building || a.building !== b.building) return false;
  return !a.unit || !b.unit || a.unit === b.unit;
}

/** 12号楼1单元602 (full: for staff and private messages). @example formatHousehold({ building: '12', unit: '1', room: '602' }) // '12号楼1单元602' */
export function formatHousehold(a: Address): string {
  if (a.village) return `${a.village}${a.group ?? ''}${a.room ? `${a.room}号` : ''}`;
  return `${a.building ? `${a.building}号楼` : ''}${a.unit ? `${a.unit}单元` : ''}${a.room ?? ''}`;
}

/** 12号楼1单元 (no room number: what a group may see). @example formatHouseholdMasked({ building: '12', unit: '1', room: '602' }) // '12号楼1单元' */
export function formatHouseholdMasked(a: Address): string {
  if (a.village) return `${a.village}${a.group ?? ''}`;
  return `${a.building ? `${a.building}号楼` : ''}${a.unit ? `${a.unit}单元` : ''}`;
}
