/** Small numbers written in Chinese (两人, 三晚, 十二号楼, 六零二) or ASCII digits. */

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100 };

/** A character class for numbers in ASCII or Chinese digits. */
export const NUMERAL = '[0-9零〇一二两三四五六七八九十百]';

/**
 * Reads a number written in ASCII or Chinese digits; null when it is not one.
 * @example chineseNumeral('十二') // 12 · chineseNumeral('六零二') // 602 · chineseNumeral('两') // 2
 */
export function chineseNumeral(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (!s || ![...s].every((c) => c in DIGITS || c in UNITS)) return null;
  if (![...s].some((c) => c in UNITS)) return Number([...s].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c in DIGITS) current = current * 10 + DIGITS[c]!;
    else {
      total += (current || 1) * UNITS[c]!; // 十二: a bare 十 is ten
      current = 0;
    }
  }
  return total + current;
}

/**
 * Like chineseNumeral, as ASCII text that keeps the digits as read (room numbers).
 * @example numeralText('六零二') // '602'
 */
export function numeralText(s: string): string | null {
  if (/^[0-9]+$/.test(s)) return s;
  const n = chineseNumeral(s);
  return n === null ? null : String(n);
}
