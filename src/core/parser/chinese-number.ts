/** Chinese numerals to integers: 十四 → 14, 二十三 → 23, 四零二 → 402, 两 → 2. */
import { CHINESE_DIGITS, CHINESE_UNITS } from './vocabulary-address.js';

/** Characters that may appear in a number written in Chinese or ASCII digits. */
export const NUMERAL_CLASS = `[0-9${Object.keys(CHINESE_DIGITS).join('')}${Object.keys(CHINESE_UNITS).join('')}]`;

/**
 * Reads a number written in ASCII or Chinese digits; null when it is not one.
 * @example chineseNumber('二十三') // 23
 */
export function chineseNumber(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (s.length === 0) return null;
  let hasUnit = false;
  for (const ch of s) if (ch in CHINESE_UNITS) hasUnit = true;
  if (!hasUnit) {
    // Digit by digit (四零二 → 402), as room numbers are read out.
    let out = '';
    for (const ch of s) {
      const d = CHINESE_DIGITS[ch] ?? (/[0-9]/.test(ch) ? Number(ch) : undefined);
      if (d === undefined) return null;
      out += String(d);
    }
    return Number(out);
  }
  let total = 0;
  let current = 0;
  for (const ch of s) {
    const d = CHINESE_DIGITS[ch] ?? (/[0-9]/.test(ch) ? Number(ch) : undefined);
    if (d !== undefined) {
      current = current * 10 + d; // 3 in "3十" is unusual but harmless
      continue;
    }
    const unit = CHINESE_UNITS[ch];
    if (unit === undefined) return null;
    total += (current === 0 ? 1 : current) * unit; // 十四: a bare 十 is ten
    current = 0;
  }
  return total + current;
}

/**
 * Like chineseNumber but returns the ASCII string (keeps leading zeros of digit strings).
 * @example numberText('零三') // '03'
 */
export function numberText(s: string): string | null {
  if (/^[0-9]+$/.test(s)) return s;
  let hasUnit = false;
  for (const ch of s) if (ch in CHINESE_UNITS) hasUnit = true;
  if (hasUnit) {
    const n = chineseNumber(s);
    return n === null ? null : String(n);
  }
  let out = '';
  for (const ch of s) {
    const d = CHINESE_DIGITS[ch] ?? (/[0-9]/.test(ch) ? Number(ch) : undefined);
    if (d === undefined) return null;
    out += String(d);
  }
  return out;
}
