/**
 * The last privacy gate before text leaves for a whole group, and the filter for log lines.
 * The messages already leave out room numbers and full phones; this catches what slips through
 * anyway: a phone in someone's display name, an ID number in a summary, a staff member's reason.
 */

/** ASCII or full-width digit. */
const D = '[0-9\uFF10-\uFF19]';
const NOT_D_BEFORE = `(?<![0-9\uFF10-\uFF19])`;
const NOT_D_AFTER = `(?![0-9\uFF10-\uFF19])`;

/** 18-digit ID numbers, bank cards: any run of 12+ digits (an ID may end in X). */
const LONG_NUMBER = new RegExp(`${NOT_D_BEFORE}(${D}{4})${D}{4,11}(${D}{3}[${'0-9\uFF10-\uFF19'}Xx])(?![0-9\uFF10-\uFF19A-Za-z])`, 'g');
/** Mobile: 138 1234 5678, 138-1234-5678 (with +86 glued on, it is a long number). */
const MOBILE = new RegExp(`${NOT_D_BEFORE}(1[3-9]${D})[\\s-]?(${D}{4})[\\s-]?(${D}{4})${NOT_D_AFTER}`, 'g');
/** Landline with area code: 0351-1234567, (0351)12345678. */
const LANDLINE = new RegExp(`${NOT_D_BEFORE}\\(?(0${D}{2,3})\\)?[\\s-]?(${D}{3,4})(${D}{4})${NOT_D_AFTER}`, 'g');
/** 3号楼2单元501(室) → 3号楼2单元 */
const BUILDING_UNIT_ROOM = new RegExp(`(${D}+\\s*(?:号楼|栋|幢|号院)\\s*${D}+\\s*(?:单元|门))\\s*[-—]?\\s*${D}{2,4}(?:\\s*(?:室|号|户))?${NOT_D_AFTER}`, 'g');
/** 5号楼302 → 5号楼 */
const BUILDING_ROOM = new RegExp(`(${D}+\\s*(?:号楼|栋|幢))\\s*[-—]?\\s*${D}{3,4}(?:\\s*(?:室|号|户))?${NOT_D_AFTER}`, 'g');
/** 3-2-501 → 3-2-** */
const DASHED_ROOM = new RegExp(`${NOT_D_BEFORE}(${D}{1,3}-${D}{1,2})-${D}{3,4}${NOT_D_AFTER}`, 'g');
/** 501室, 501房间 → **室 */
const ROOM_WORD = new RegExp(`${NOT_D_BEFORE}${D}{3,4}(\\s*(?:室|房间))`, 'g');
/** Building and unit numbers (logs only): 3号楼2单元 → *号楼*单元 */
const BUILDING_OR_UNIT = new RegExp(`${D}+(\\s*(?:号楼|栋|幢|号院|单元))`, 'g');

/**
 * Masks phone numbers, ID and card numbers and room numbers in a text a whole group will read.
 * Building and unit stay (the group needs to know where): that is what the messages show.
 * @example maskForGroup('@王阿姨13812345678 3号楼2单元501') // '@王阿姨138****5678 3号楼2单元'
 */
export function maskForGroup(text: string): string {
  return text
    .replace(LONG_NUMBER, (m, a: string, b: string) => `${a}${'*'.repeat(Math.max(4, m.length - 8))}${b.slice(-4)}`)
    // Rooms before phones: a masked phone (138****5678) must not look like a room number after an address.
    .replace(BUILDING_UNIT_ROOM, '$1')
    .replace(BUILDING_ROOM, '$1')
    .replace(DASHED_ROOM, '$1-**')
    .replace(ROOM_WORD, '**$1')
    .replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(LANDLINE, (_m, area: string, _b: string, c: string) => `${area}-****${c}`);
}

/**
 * What a log line may carry: ids, not personal data. Masks as for a group, and hides the building
 * and unit too. @example redactForLog('3号楼2单元501 13812345678') // '*号楼*单元 138****5678'
 */
export function redactForLog(text: string): string {
  return maskForGroup(text).replace(BUILDING_OR_UNIT, '*$1');
}
