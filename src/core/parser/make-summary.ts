/** Builds the short description the bot may post to the whole group. */
import { NUMERAL_CLASS } from './chinese-number.js';
import { escapeRegExp } from './cue-pattern.js';
import { GREETINGS, PHONE_LABELS, RESIDENT_INTRO, RESIDENT_SUFFIX } from './vocabulary-normalize.js';

export const SUMMARY_MAX = 30;

const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const CLAUSE_SPLIT = /[\s,.!?;:、，。！？；：~…]+/;
const GREETING_RE = new RegExp(`^(?:${alt(GREETINGS)})[\\s,.!?，。！？~]*`);
const GREETING_END_RE = new RegExp(`[\\s,.!?，。！？~]*(?:${alt(GREETINGS)})[\\s,.!?，。！？~]*$`);
// 我是3号楼2单元的住户 → after blanking the address: 我是 … 的住户 (the blank is what marks it).
const INTRO_RE = new RegExp(`(?:${alt(RESIDENT_INTRO)})(?:\\s+的?(?:${alt(RESIDENT_SUFFIX)})?|\\s*(?:${alt(RESIDENT_SUFFIX)}))`, 'g');
const LABEL_BEFORE = new RegExp(`(?:${alt(PHONE_LABELS)})[\\s:：]*$`);
// Belt and braces: whatever slipped past the extractors, never post a number of 3+ digits.
// (a room number a resident writes without its building, 住501, must not reach the group either).
const LONG_NUMBER = new RegExp(`\\+?[0-9](?:[\\s-]?[0-9]){2,}|${NUMERAL_CLASS.replace('0-9', '')}{3,}`, 'g');
// What an address leaves behind (`3号楼的事` → `的事`): a bare 的 opening a clause.
const DANGLING = /^的+/g;

/**
 * The need in ≤ 30 characters: greeting, mention, address and phone removed.
 * @example makeSummary('大家好 3号楼2单元501水管漏了', [[4, 13]]) // '水管漏了'
 */
export function makeSummary(text: string, spans: readonly (readonly [number, number])[]): string {
  let s = text;
  // Blank from the end so earlier offsets stay valid; take a phone's label with it.
  for (const [start, end] of [...spans].sort((a, b) => b[0] - a[0])) {
    const label = LABEL_BEFORE.exec(s.slice(Math.max(0, start - 6), start));
    const from = label ? start - label[0].length : start;
    s = s.slice(0, from) + ' '.repeat(end - from) + s.slice(end);
  }
  s = s.replace(INTRO_RE, ' ').replace(LONG_NUMBER, ' ');
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.trim().replace(GREETING_RE, '').replace(GREETING_END_RE, '');
  }
  const clauses = s.split(CLAUSE_SPLIT).map((c) => c.replace(DANGLING, '')).filter((c) => c.length > 0);
  let out = '';
  for (const c of clauses) {
    const next = out ? `${out}，${c}` : c;
    if (next.length > SUMMARY_MAX) {
      if (!out) out = c.slice(0, SUMMARY_MAX);
      break;
    }
    out = next;
  }
  return out;
}
