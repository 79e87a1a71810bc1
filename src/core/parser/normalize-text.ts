/** Turns raw WeChat text into the two forms the parser reads. */
import { escapeRegExp } from './cue-pattern.js';
import { DIALECT_REWRITES, OPENING_INTERJECTIONS, TYPO_FIXES } from './vocabulary-normalize.js';

export interface NormalizedText {
  /** Mentions, emoji and [表情] codes removed, full-width folded to ASCII, typos fixed. */
  clean: string;
  /** `clean` with dialect words rewritten (俺→我, 明儿个→明天): what the cue and time rules read. */
  canon: string;
  /** The message @-mentioned everyone (a staff notice). */
  mentionsAll: boolean;
}

// WeChat puts U+2005 (four-per-em space) after a mention; NFKC folds it to a plain space first.
const MENTION = /@[^\s@]{1,20}(?:\s|$)/g;
const MENTION_ALL = /@(?:所有人|全体成员)/;
// [流泪] [玫瑰] /::) — WeChat sticker codes; emoji incl. modifiers, ZWJ and variation selectors.
const STICKER = /\[[\p{Script=Han}A-Za-z]{1,6}\]|\/::?[\w)(!<>|~@$&*^-]{1,3}/gu;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0e\ufe0f\u20e3]/gu;
const SPACES = /\s+/g;
const OPENING = new RegExp(`^(?:${OPENING_INTERJECTIONS.map(escapeRegExp).join('|')})+[\\s,.!]*`);

const TYPO_MAP = new Map(TYPO_FIXES);
const TYPO_RE = new RegExp(
  [...TYPO_MAP.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'),
  'g',
);

const DIALECT_MAP = new Map(DIALECT_REWRITES.map((r) => [r.from, r.to]));
const DIALECT_RE = new RegExp(
  DIALECT_REWRITES.map((r) =>
    (r.notAfter ? `(?<!${r.notAfter})` : '') + escapeRegExp(r.from) + (r.notBefore ? `(?!${r.notBefore})` : ''),
  ).join('|'),
  'g',
);

/**
 * Cleans a message and rewrites dialect for the rules.
 * @example normalizeText('@网格员小李\u2005俺家一保卡丢了[流泪]').canon // '我家医保卡丢了'
 */
export function normalizeText(raw: string): NormalizedText {
  // NFKC folds full-width digits, letters, punctuation and odd spaces (１５８ → 158, ！→ !).
  let s = raw.normalize('NFKC');
  const mentionsAll = MENTION_ALL.test(s);
  s = s.replace(MENTION, ' ').replace(STICKER, ' ').replace(EMOJI, ' ');
  s = s.replace(TYPO_RE, (m) => TYPO_MAP.get(m) ?? m);
  const clean = s.replace(SPACES, ' ').trim();
  const canon = clean.replace(OPENING, '').replace(DIALECT_RE, (m) => DIALECT_MAP.get(m) ?? m);
  return { clean, canon, mentionsAll };
}
