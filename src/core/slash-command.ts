/** Matching a feature's own slash commands (`/房东 …`, `/评审 #S3 通过`) against its word table. */
import { normaliseCommandText } from './commands.js';

/**
 * The command of `table` a text starts with (longest word first), and the rest of the text.
 * @example matchSlash('/房东 @王房东 9号楼', { landlord: ['房东'] }) // { name: 'landlord', rest: '@王房东 9号楼' }
 */
export function matchSlash<K extends string>(raw: string, table: Readonly<Record<K, readonly string[]>>): { name: K; rest: string } | null {
  const text = normaliseCommandText(raw);
  if (!text.startsWith('/')) return null;
  return matchLeading(text.slice(1).trim(), table);
}

/**
 * The word of `table` a text starts with (longest first), and the rest.
 * @example matchLeading('走访 12号楼1单元602', { visit: ['走访'] }) // { name: 'visit', rest: '12号楼1单元602' }
 */
export function matchLeading<K extends string>(text: string, table: Readonly<Record<K, readonly string[]>>): { name: K; rest: string } | null {
  let best: { name: K; word: string } | null = null;
  for (const name of Object.keys(table) as K[]) {
    for (const w of table[name]) if (text.startsWith(w) && (!best || w.length > best.word.length)) best = { name, word: w };
  }
  return best ? { name: best.name, rest: text.slice(best.word.length).trim() } : null;
}

/** `@王房东 rest` → ['王房东', 'rest']; null when the text does not start with a mention. */
export function leadingMention(text: string): [string, string] | null {
  const m = /^@([^\s@\u2005]+)[\s\u2005]*(.*)$/s.exec(text.trim());
  return m ? [m[1]!, m[2]!.trim()] : null;
}
