/** The staff tools' command grammar: text → StaffCommand, or null when the text is not one of them. */
import { normaliseCommandText } from './commands.js';
import { POINTS_SUFFIXES, POINTS_WORDS, STAFF_SLASH_WORDS } from './vocabulary-staff.js';

export type StaffCommandName = keyof typeof STAFF_SLASH_WORDS;

export type StaffCommand =
  /** `/导出 本月`: `period` is the raw period text ('' for the default). */
  | { type: 'export'; period: string }
  | { type: 'stats'; period: string }
  /** `/加分 @name 5 原因` (delta > 0) and `/扣分 @name 2 原因` (delta < 0). */
  | { type: 'adjust'; name: string; delta: number; reason: string }
  | { type: 'leaderboard'; cycle: string }
  /** `/回访` (list) or `/回访 #12 情况` (record). */
  | { type: 'followUpList' }
  | { type: 'followUp'; orderId: number; note: string }
  | { type: 'points' }
  | { type: 'malformed'; command: Exclude<StaffCommandName, 'points'> };

function slashWord(body: string): { name: StaffCommandName; rest: string } | null {
  let best: { name: StaffCommandName; word: string } | null = null;
  for (const name of Object.keys(STAFF_SLASH_WORDS) as StaffCommandName[]) {
    for (const w of STAFF_SLASH_WORDS[name]) {
      if (body.startsWith(w) && (!best || w.length > best.word.length)) best = { name, word: w };
    }
  }
  return best ? { name: best.name, rest: body.slice(best.word.length).trim() } : null;
}

/** `5`, `+5`, `5分`, `2.5` → 5, 5, 5, 2.5; anything else → null. */
function amount(token: string): number | null {
  let t = token;
  for (const s of POINTS_SUFFIXES) if (t.endsWith(s)) t = t.slice(0, -s.length);
  if (!/^\+?\d{1,4}(?:\.\d)?$/.test(t)) return null;
  const n = Number(t.replace('+', ''));
  return n > 0 ? n : null;
}

function adjust(rest: string, sign: 1 | -1, command: 'addPoints' | 'deductPoints'): StaffCommand {
  // @name may end with WeChat's mention space (U+2005); a name typed without @ also works.
  const m = /^@?([^\s@\u2005]+)[\s\u2005]+(\S+)\s*(.*)$/s.exec(rest);
  if (!m) return { type: 'malformed', command };
  const n = amount(m[2]!);
  const reason = m[3]!.trim();
  if (n === null || !reason) return { type: 'malformed', command };
  return { type: 'adjust', name: m[1]!, delta: sign * n, reason };
}

/**
 * Reads a staff-tools command, or null if the text is not one.
 * @example parseStaffCommand('/加分 @张师傅 5 暴雨夜巡') // { type: 'adjust', name: '张师傅', delta: 5, reason: '暴雨夜巡' }
 */
export function parseStaffCommand(raw: string): StaffCommand | null {
  const text = normaliseCommandText(raw);
  if ((POINTS_WORDS as readonly string[]).includes(text)) return { type: 'points' };
  if (!text.startsWith('/')) return null;
  const hit = slashWord(text.slice(1).trim());
  if (!hit) return null;
  const { name, rest } = hit;
  switch (name) {
    case 'export':
      return { type: 'export', period: rest };
    case 'stats':
      return { type: 'stats', period: rest };
    case 'addPoints':
      return adjust(rest, 1, 'addPoints');
    case 'deductPoints':
      return adjust(rest, -1, 'deductPoints');
    case 'leaderboard':
      return { type: 'leaderboard', cycle: rest };
    case 'points':
      return rest ? null : { type: 'points' };
    case 'followUp': {
      if (!rest) return { type: 'followUpList' };
      const m = /^#?\s*(\d{1,9})(?!\d)\s*(.*)$/s.exec(rest);
      if (!m || !m[2]!.trim()) return { type: 'malformed', command: 'followUp' };
      return { type: 'followUp', orderId: Number(m[1]), note: m[2]!.trim() };
    }
  }
}
