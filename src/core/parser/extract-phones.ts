/** Finds the resident's mobile number. */
import { CHINESE_DIGITS } from './vocabulary-address.js';

export interface PhoneMatch {
  /** 11 digits, ASCII. */
  phone: string;
  start: number;
  end: number;
}

// A mainland mobile: 1[3-9] + 9 digits, optionally +86/0086, with single spaces or dashes anywhere.
// The lookarounds keep ID-card numbers, order numbers and 户号 from yielding a false phone.
const MOBILE = /(?<![0-9])(?:(?:\+|00)?86[-\s]?)?(1[3-9][0-9](?:[-\s]?[0-9]){8})(?![0-9])/g;
const CN_DIGIT = `[${Object.keys(CHINESE_DIGITS).join('')}]`;
// Read out in Chinese digits by voice input: 一三八…
const MOBILE_CN = new RegExp(`${CN_DIGIT}{11,}`, 'g');

/**
 * Every mobile number in the text (landlines and other numbers are ignored).
 * @example extractPhones('电话 138-1234-5678')[0].phone // '13812345678'
 */
export function extractPhones(text: string): PhoneMatch[] {
  const out: PhoneMatch[] = [];
  for (const m of text.matchAll(MOBILE)) {
    out.push({ phone: m[1]!.replace(/[-\s]/g, ''), start: m.index!, end: m.index! + m[0].length });
  }
  if (out.length === 0) {
    for (const m of text.matchAll(MOBILE_CN)) {
      if (m[0].length !== 11) continue; // a longer run is not a phone number
      const digits = [...m[0]].map((c) => CHINESE_DIGITS[c]).join('');
      if (/^1[3-9]/.test(digits)) out.push({ phone: digits, start: m.index!, end: m.index! + m[0].length });
    }
  }
  return out;
}
