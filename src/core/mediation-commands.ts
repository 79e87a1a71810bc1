/** The mediation command grammar: text → MediationCommand, or null when the text is not one. */
import { normaliseCommandText } from './commands.js';
import {
  AGREED_WORDS, ATTEMPT_METHODS, BROKEN_WORDS, CASE_PREFIX, HELD_WORDS, LIST_WORDS, MEDIATION_HELP_WORDS,
  MEDIATION_SLASH_WORDS, NOT_AGREED_WORDS, RESUME_WORDS,
} from './vocabulary-mediation.js';
import { SLASH_COMMAND_WORDS } from './vocabulary-commands.js';

export type MediationCommandName = keyof typeof MEDIATION_SLASH_WORDS;

export type MediationCommand =
  | { type: 'list' }
  | { type: 'show'; caseId: number }
  | { type: 'attempt'; caseId: number; method: string | null; note: string }
  | { type: 'escalate'; caseId: number; reason: string }
  /** `/调解 #M3 重开 原因`: a closed case taken up again at its level. */
  | { type: 'resume'; caseId: number; reason: string }
  | { type: 'close'; caseId: number; agreed: boolean; note: string }
  /** `#M3 是` / `#M3 否 又堆上了`: the complainant answers the follow-up question. */
  | { type: 'answer'; caseId: number; held: boolean; note: string }
  | { type: 'help' }
  | { type: 'malformed'; command: MediationCommandName };

const MAX_ID = 999_999_999;

/**
 * `#M3 rest` → [3, 'rest']; after a mediation-only keyword `#3` and `3` are read the same way.
 * @example caseRef('#M3 上门', true) // [3, '上门']
 */
export function caseRef(text: string, prefixOptional: boolean): [number, string] | null {
  const re = new RegExp(`^#?\\s*${CASE_PREFIX}${prefixOptional ? '?' : ''}\\s*(\\d{1,12})(?![\\d-])\\s*(.*)$`, 'is');
  const m = re.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return [Number.isSafeInteger(n) && n >= 1 && n <= MAX_ID ? n : 0, m[2]!.trim()];
}

function startsWithWord(text: string, words: readonly string[]): { word: string; rest: string } | null {
  const w = [...words].sort((a, b) => b.length - a.length).find((x) => text.startsWith(x));
  return w === undefined ? null : { word: w, rest: text.slice(w.length).replace(/^[\s,,::]+/, '').trim() };
}

const PUNCTUATION = /[\s,,.。!!??~～、;;::…]+/g;

/**
 * Reads a complainant's yes/no to "did the agreement hold?" (whole message), or null.
 * @example readFollowUpAnswer('没有,又堆上了') // { held: false, note: '又堆上了' }
 */
export function readFollowUpAnswer(text: string): { held: boolean; note: string } | null {
  const t = normaliseCommandText(text);
  const bare = t.replace(PUNCTUATION, '');
  if (!bare) return null;
  if (HELD_WORDS.includes(bare)) return { held: true, note: '' };
  if (BROKEN_WORDS.includes(bare)) return { held: false, note: '' };
  // A no with a reason: "没有,又堆上了".
  const broken = startsWithWord(t, [...BROKEN_WORDS].filter((w) => w.length > 1 || w === '否'));
  if (broken && broken.rest && /^[\s,,.。!!]/.test(t.slice(broken.word.length))) return { held: false, note: broken.rest };
  const held = startsWithWord(t, HELD_WORDS.filter((w) => w.length > 1 || w === '是'));
  if (held && held.rest && /^[\s,,.。!!]/.test(t.slice(held.word.length))) return { held: true, note: held.rest };
  return null;
}

/**
 * Reads a mediation command, or null if the text is not one.
 * @example parseMediationCommand('/结案 #M3 达成一致 周末前清理杂物') // { type: 'close', caseId: 3, agreed: true, note: '周末前清理杂物' }
 */
export function parseMediationCommand(raw: string): MediationCommand | null {
  const text = normaliseCommandText(raw);
  if (!text) return null;

  if (!text.startsWith('/')) {
    // `#M3 是` — only with the M, so an order number `#3` is never taken.
    const ref = caseRef(text, false);
    if (!ref || !text.startsWith('#')) return null;
    const a = readFollowUpAnswer(ref[1]);
    return a ? { type: 'answer', caseId: ref[0], ...a } : null;
  }

  const body = text.slice(1).trim();
  const help = startsWithWord(body, SLASH_COMMAND_WORDS.help);
  if (help) return MEDIATION_HELP_WORDS.includes(help.rest) ? { type: 'help' } : null;

  let name: MediationCommandName | null = null;
  let rest = '';
  for (const k of Object.keys(MEDIATION_SLASH_WORDS) as MediationCommandName[]) {
    const hit = startsWithWord(body, MEDIATION_SLASH_WORDS[k]);
    if (hit) {
      name = k;
      rest = hit.rest;
      break;
    }
  }
  if (!name) return null;

  if (name === 'mediate' && (rest === '' || LIST_WORDS.includes(rest))) return { type: 'list' };
  const ref = caseRef(rest, true);
  if (!ref) return { type: 'malformed', command: name };
  const [caseId, tail] = ref;
  switch (name) {
    case 'mediate': {
      if (!tail) return { type: 'show', caseId };
      const resume = startsWithWord(tail, RESUME_WORDS);
      if (resume) return { type: 'resume', caseId, reason: resume.rest.replace(/^[::]/, '').trim() };
      const m = startsWithWord(tail, ATTEMPT_METHODS);
      return m ? { type: 'attempt', caseId, method: m.word, note: m.rest } : { type: 'attempt', caseId, method: null, note: tail };
    }
    case 'escalate':
      return { type: 'escalate', caseId, reason: tail };
    case 'close': {
      // Longest words first across both lists: 未达成一致 must not be read as 达成一致.
      const outcome = startsWithWord(tail, [...NOT_AGREED_WORDS, ...AGREED_WORDS]);
      if (!outcome) return { type: 'malformed', command: 'close' };
      return { type: 'close', caseId, agreed: !NOT_AGREED_WORDS.includes(outcome.word), note: outcome.rest };
    }
  }
}
