/** Masking for anything posted to a whole group. */

/** 13812345678 → 138****5678. @example maskPhone('13812345678') // '138****5678' */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** Masks every mobile number inside a free text (for logs and group posts). */
export function maskPhonesIn(text: string): string {
  return text.replace(/(?<!\d)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}

/** Removes control characters and bidi marks, folds runs of whitespace, caps the length. */
export function sanitiseText(text: string, max: number): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .slice(0, max)
    .replace(/[\uD800-\uDBFF]$/, '') // never cut an emoji in half
    .trim();
}

/** Shortens a text for echoing back: never the whole input. */
export function excerpt(text: string, max = 30): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
