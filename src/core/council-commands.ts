/** The council command grammar: text → CouncilCommand, or null when the text is not one. */
import { normaliseCommandText } from './commands.js';
import { SLASH_COMMAND_WORDS } from './vocabulary-commands.js';
import {
  COUNCIL_HELP_WORDS, COUNCIL_PLAIN_WORDS, COUNCIL_SLASH_WORDS, DEADLINE_WORDS, END_WORDS, RAISE_WORDS, SCORE_SUFFIXES, WITHDRAW_WORDS,
  TOPIC_PREFIX,
} from './vocabulary-council.js';
import { chineseNumber } from './parser/chinese-number.js';

export type CouncilCommandName = keyof typeof COUNCIL_SLASH_WORDS | keyof typeof COUNCIL_PLAIN_WORDS;

export type CouncilCommand =
  | { type: 'raise'; title: string }
  | { type: 'list' }
  | { type: 'show'; topicId: number }
  /** `length` is what followed the number: `3天`, `截止 周五 18:00`, or '' for the default. */
  | { type: 'discuss'; topicId: number; length: string }
  | { type: 'end_discussion'; topicId: number }
  /** `/议题 #T2 撤回 原因`. */
  | { type: 'withdraw'; topicId: number; reason: string }
  | { type: 'vote'; topicId: number; options: string[]; deadline: string }
  | { type: 'task'; topicId: number; names: string[]; text: string; deadline: string }
  | { type: 'ballot'; topicId: number; choice: string }
  | { type: 'progress'; topicId: number; n: number; note: string }
  | { type: 'done'; topicId: number; n: number; note: string }
  | { type: 'rate'; topicId: number; score: number; note: string }
  /** `#T2 我同意, 但…`: a view on the topic (a leading 1–5 is a rating while the group rates). */
  | { type: 'comment'; topicId: number; text: string }
  | { type: 'help' }
  | { type: 'malformed'; command: CouncilCommandName };

const MAX_ID = 999_999_999;
const num = (s: string) => {
  const n = Number(s);
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_ID ? n : 0;
};

/**
 * `#T2 rest` → [2, 'rest']; with `prefixOptional` (after a council-only word) `#2` and `2` too.
 * @example topicRef('#T2 同意', false) // [2, '同意']
 */
export function topicRef(text: string, prefixOptional: boolean): [number, string] | null {
  const re = new RegExp(`^#?\\s*${TOPIC_PREFIX}${prefixOptional ? '?' : ''}\\s*(\\d{1,12})(?![\\d-])\\s*(.*)$`, 'is');
  const m = re.exec(text);
  return m ? [num(m[1]!), m[2]!.trim()] : null;
}

/** `#T2-1 rest` → [2, 1, 'rest']. @example taskRef('#T2-1 已联系', false) // [2, 1, '已联系'] */
export function taskRef(text: string, prefixOptional: boolean): [number, number, string] | null {
  const re = new RegExp(`^#?\\s*${TOPIC_PREFIX}${prefixOptional ? '?' : ''}\\s*(\\d{1,12})\\s*[-—–]\\s*(\\d{1,4})(?!\\d)\\s*(.*)$`, 'is');
  const m = re.exec(text);
  return m ? [num(m[1]!), num(m[2]!), m[3]!.trim()] : null;
}

function startsWithWord(text: string, words: readonly string[]): { word: string; rest: string } | null {
  const lower = text.toLowerCase();
  const w = longestFirst(words).find(([, l]) => lower.startsWith(l));
  return w === undefined ? null : { word: w[0], rest: text.slice(w[0].length).trim() };
}

/** A word list as [word, lower-cased] pairs, longest first: sorted once per list, not per message. */
const sortedWords = new WeakMap<readonly string[], [string, string][]>();
function longestFirst(words: readonly string[]): [string, string][] {
  let sorted = sortedWords.get(words);
  if (!sorted) {
    sorted = [...words].sort((a, b) => b.length - a.length).map((w) => [w, w.toLowerCase()] as [string, string]);
    sortedWords.set(words, sorted);
  }
  return sorted;
}

/** Splits `… 截止 周五 18:00` into what comes before the deadline word and the deadline. */
export function splitDeadline(text: string): { before: string; deadline: string } {
  let at = -1;
  let word = '';
  for (const w of [...DEADLINE_WORDS].sort((a, b) => b.length - a.length)) {
    const i = text.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      word = w;
    }
  }
  if (at < 0) return { before: text.trim(), deadline: '' };
  return { before: text.slice(0, at).trim(), deadline: text.slice(at + word.length).replace(/^[\s::]+/, '').trim() };
}

/**
 * A score 1–5 at the start of a text (`4`, `4分`, `四星`) and the rest.
 * @example leadingScore('4分 不错') // [4, '不错']
 */
export function leadingScore(text: string): [number, string] | null {
  const m = /^(\S+?)(?:[\s,,]+(.*))?$/s.exec(text.trim());
  if (!m) return null;
  let head = m[1]!;
  const suffix = SCORE_SUFFIXES.find((s) => head.endsWith(s));
  if (suffix) head = head.slice(0, -suffix.length);
  const n = chineseNumber(head);
  return n !== null && n >= 1 && n <= 5 && head.length === 1 ? [n, (m[2] ?? '').trim()] : null;
}

function slash(body: string): CouncilCommand | null {
  const help = startsWithWord(body, SLASH_COMMAND_WORDS.help);
  if (help) return COUNCIL_HELP_WORDS.includes(help.rest) ? { type: 'help' } : null;
  for (const name of Object.keys(COUNCIL_SLASH_WORDS) as (keyof typeof COUNCIL_SLASH_WORDS)[]) {
    const hit = startsWithWord(body, COUNCIL_SLASH_WORDS[name]);
    if (!hit) continue;
    const rest = hit.rest;
    if (name === 'topic') {
      if (!rest) return { type: 'list' };
      const ref = topicRef(rest, true);
      if (ref && !ref[1]) return { type: 'show', topicId: ref[0] };
      const withdraw = ref ? startsWithWord(ref[1], WITHDRAW_WORDS) : null;
      if (ref && withdraw) return { type: 'withdraw', topicId: ref[0], reason: withdraw.rest.replace(/^[::]/, '').trim() };
      return raiseTitle(rest.replace(/^[::]/, ''));
    }
    const ref = topicRef(rest, true);
    if (!ref) return { type: 'malformed', command: name };
    const [topicId, tail] = ref;
    switch (name) {
      case 'discuss':
        return END_WORDS.includes(tail) ? { type: 'end_discussion', topicId } : { type: 'discuss', topicId, length: tail };
      case 'vote': {
        const { before, deadline } = splitDeadline(tail);
        const options = [...new Set(before.split(/[\s,,、/|]+/).map((o) => o.trim()).filter(Boolean))];
        if (options.length === 1 || options.length > 8 || options.some((o) => [...o].length > 12)) return { type: 'malformed', command: 'vote' };
        return { type: 'vote', topicId, options, deadline };
      }
      case 'task': {
        const { before, deadline } = splitDeadline(tail);
        const names = [...before.matchAll(/@([^\s@\u2005]+)/g)].map((m) => m[1]!);
        const text = before.replace(/@[^\s@\u2005]+[\s\u2005]*/g, '').trim();
        if (!text || !deadline) return { type: 'malformed', command: 'task' };
        return { type: 'task', topicId, names, text, deadline };
      }
    }
  }
  return null;
}

function raiseTitle(title: string): CouncilCommand {
  const t = title.trim();
  return [...t].length >= 2 ? { type: 'raise', title: t } : { type: 'malformed', command: 'topic' };
}

/**
 * Reads a council command, or null if the text is not one.
 * @example parseCouncilCommand('投票 #T2 同意') // { type: 'ballot', topicId: 2, choice: '同意' }
 */
export function parseCouncilCommand(raw: string): CouncilCommand | null {
  const text = normaliseCommandText(raw);
  if (!text) return null;
  if (text.startsWith('/')) {
    const body = text.slice(1).trim();
    const plain = plainCommand(body, true);
    return plain ?? slash(body);
  }

  if (text.startsWith('#')) {
    const ref = topicRef(text, false);
    if (ref && ref[1]) return { type: 'comment', topicId: ref[0], text: ref[1] };
    return null;
  }

  const raise = startsWithWord(text, RAISE_WORDS);
  if (raise) {
    const after = text.slice(raise.word.length);
    // "议题太多了" is chat: the word must be set off by a space or a colon.
    if (!/^[\s::]/.test(after)) return null;
    const rest = after.replace(/^[\s::]+/, '').trim();
    const ref = topicRef(rest, true);
    if (ref && !ref[1]) return { type: 'show', topicId: ref[0] };
    return rest ? raiseTitle(rest) : null;
  }
  return plainCommand(text, false);
}

/** 投票 / 进展 / 完成 / 评价 followed by a topic or task number. */
const PLAIN_NAMES = Object.keys(COUNCIL_PLAIN_WORDS) as (keyof typeof COUNCIL_PLAIN_WORDS)[];

function plainCommand(text: string, slashed: boolean): CouncilCommand | null {
  for (const name of PLAIN_NAMES) {
    const hit = startsWithWord(text, COUNCIL_PLAIN_WORDS[name]);
    if (!hit) continue;
    switch (name) {
      case 'ballot': {
        const ref = topicRef(hit.rest, true);
        if (!ref) return slashed ? { type: 'malformed', command: 'ballot' } : null;
        return ref[1] ? { type: 'ballot', topicId: ref[0], choice: ref[1] } : { type: 'malformed', command: 'ballot' };
      }
      case 'progress':
      case 'done': {
        // 完成 #12 is an order: only `#T2-1` (or `2-1` after 进展, a council-only word) is a task.
        const ref = taskRef(hit.rest, name === 'progress');
        if (!ref) return slashed && name === 'progress' ? { type: 'malformed', command: 'progress' } : null;
        const [topicId, n, note] = ref;
        if (name === 'progress' && !note) return { type: 'malformed', command: 'progress' };
        return { type: name, topicId, n, note };
      }
      case 'rate': {
        const ref = topicRef(hit.rest, false);
        if (!ref) return null;
        const s = leadingScore(ref[1]);
        return s ? { type: 'rate', topicId: ref[0], score: s[0], note: s[1] } : { type: 'malformed', command: 'rate' };
      }
    }
  }
  return null;
}
