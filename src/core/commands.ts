/** The command grammar: text → Command, or null when the text is not a command. */
import { CHINESE_SCORES, PLAIN_COMMAND_WORDS, SCORE_SUFFIXES, SLASH_COMMAND_WORDS } from './vocabulary-commands.js';

export type Command =
  | { type: 'claim'; orderId: number }
  | { type: 'start'; orderId: number }
  | { type: 'complete'; orderId: number; note: string }
  | { type: 'abandon'; orderId: number; note: string }
  | { type: 'cancel'; orderId: number; note: string }
  | { type: 'rate'; orderId: number | null; score: number; note: string }
  | { type: 'accept'; orderId: number }
  | { type: 'assign'; orderId: number; names: string[] }
  | { type: 'reject'; orderId: number; reason: string }
  | { type: 'close'; orderId: number; note: string }
  | { type: 'reopen'; orderId: number; reason: string }
  | { type: 'show'; orderId: number }
  | { type: 'todo' }
  | { type: 'help' }
  /** A slash command with a known word but a missing or bad argument. */
  | { type: 'malformed'; command: SlashCommandName | PlainCommandName }
  /** A slash command we do not know. */
  | { type: 'unknown'; word: string };

export type SlashCommandName = keyof typeof SLASH_COMMAND_WORDS;
export type PlainCommandName = keyof typeof PLAIN_COMMAND_WORDS;

/** Order numbers above this are treated as not existing, not parsed as huge numbers. */
const MAX_ORDER_ID = 999_999_999;

/** Normalises full-width forms people type on phones: ／＃１２ → /#12, ideographic space → space. */
export function normaliseCommandText(text: string): string {
  // Most messages have nothing to rewrite: one test instead of two replacements (several features ask).
  if (!WIDE_OR_SPACE.test(text)) return text.trim();
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u2005\u00A0]/g, ' ')
    .trim();
}
const WIDE_OR_SPACE = /[\uFF01-\uFF5E\u3000\u2005\u00A0]/;

/** A command table as [name, word lowercased] pairs, longest word first (built once per table). */
const compiled = new WeakMap<object, [string, string][]>();
function wordsOf(table: Record<string, readonly string[]>): [string, string][] {
  let words = compiled.get(table);
  if (!words) {
    words = Object.keys(table).flatMap((name) => table[name]!.map((w) => [name, w.toLowerCase()] as [string, string]));
    words.sort((a, b) => b[1].length - a[1].length);
    compiled.set(table, words);
  }
  return words;
}

/** The longest command word the text starts with (first in the table on a tie), and the rest. */
function matchWord<K extends string>(text: string, table: Record<K, readonly string[]>): { name: K; rest: string } | null {
  const lower = text.toLowerCase();
  for (const [name, w] of wordsOf(table)) if (lower.startsWith(w)) return { name: name as K, rest: text.slice(w.length).trim() };
  return null;
}

/** `#12 rest`, `12 rest`, `#12rest` → [12, 'rest']. */
function orderRef(rest: string): [number, string] | null {
  const m = /^#?\s*(\d{1,12})(?!\d)\s*(.*)$/s.exec(rest);
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_ORDER_ID) return [0, m[2]!.trim()];
  return [n, m[2]!.trim()];
}

function score(text: string): number | null {
  const t = text.trim();
  const suffix = SCORE_SUFFIXES.find((s) => t.endsWith(s));
  const core = suffix ? t.slice(0, -suffix.length).trim() : t;
  if (/^[1-5]$/.test(core)) return Number(core);
  return Object.hasOwn(CHINESE_SCORES, core) ? CHINESE_SCORES[core]! : null; // not "toString" from the prototype
}

/**
 * Reads a command from a message, or null if it is not one.
 * @example parseCommand('接单 #12') // { type: 'claim', orderId: 12 }
 */
export function parseCommand(raw: string): Command | null {
  const text = normaliseCommandText(raw);
  if (!text) return null;

  if (text.startsWith('/')) {
    const body = text.slice(1).trim();
    const hit = matchWord(body, SLASH_COMMAND_WORDS);
    if (!hit) return { type: 'unknown', word: body.split(/\s/)[0]!.slice(0, 20) };
    const { name, rest } = hit;
    if (name === 'todo') return { type: 'todo' };
    if (name === 'help') return { type: 'help' };
    const ref = orderRef(rest);
    if (!ref) return { type: 'malformed', command: name };
    const [orderId, tail] = ref;
    switch (name) {
      case 'accept':
        return { type: 'accept', orderId };
      case 'show':
        return { type: 'show', orderId };
      case 'assign': {
        const names = [...tail.matchAll(/@([^\s@]+)/g)].map((m) => m[1]!);
        return { type: 'assign', orderId, names };
      }
      case 'reject':
        return tail ? { type: 'reject', orderId, reason: tail } : { type: 'malformed', command: 'reject' };
      case 'close':
        return { type: 'close', orderId, note: tail };
      case 'reopen':
        return { type: 'reopen', orderId, reason: tail };
    }
  }

  const bare = score(text);
  if (bare !== null) return { type: 'rate', orderId: null, score: bare, note: '' };

  const hit = matchWord(text, PLAIN_COMMAND_WORDS);
  if (!hit) return null;
  const ref = orderRef(hit.rest);
  // "接孩子", "取消了" are words, not commands: a plain command needs a number right after it.
  if (!ref) return null;
  const [orderId, tail] = ref;
  switch (hit.name) {
    case 'claim':
      return tail ? null : { type: 'claim', orderId };
    case 'start':
      return { type: 'start', orderId };
    case 'complete':
      return { type: 'complete', orderId, note: tail };
    case 'abandon':
      return { type: 'abandon', orderId, note: tail };
    case 'cancel':
      return { type: 'cancel', orderId, note: tail };
    case 'rate': {
      const m = /^(\S+?)(?:\s+(.*))?$/s.exec(tail);
      const s = m ? score(m[1]!) : null;
      return s === null ? { type: 'malformed', command: 'rate' } : { type: 'rate', orderId, score: s, note: (m?.[2] ?? '').trim() };
    }
  }
}
