import type { Address, CatalogueEntry } from './model.js';
import type { Reading } from './reading.js';
import { DEFAULT_CATALOGUE } from './vocabulary.js';

export interface ParseOptions {
  /** The configured catalogue; its keywords extend the built-in defaults. */
  catalogue?: readonly CatalogueEntry[];
}

/** The bot opens an order only for a request read with at least this confidence. */
export const REQUEST_CONFIDENCE_THRESHOLD = 0.6;

const REQUEST_WORDS = ['帮', '麻烦', '能不能', '能来', '来人', '代办', '代缴', '代交', '谁有空', '需要'];
const QUESTION_WORDS = ['怎么', '如何', '哪里', '什么时候', '请问', '吗?', '吗？'];
const URGENT_WORDS = ['急', '马上', '赶紧', '危险', '着火', '煤气味', '摔倒'];

/**
 * Reads one group message. Simple keyword version (replaced by the full parser).
 * @example parseMessage('3号楼2单元501水管漏了', Date.now()).intent // 'service'
 */
export function parseMessage(text: string, _now: Date | number, options: ParseOptions = {}): Reading {
  const t = text.replace(/@\S+[\s\u2005]/g, '').trim();
  const catalogue = options.catalogue ?? DEFAULT_CATALOGUE;
  let category: CatalogueEntry | undefined;
  for (const c of catalogue) if (c.keywords.some((k) => t.includes(k))) { category = c; break; }
  const phone = /1[3-9]\d{9}/.exec(t.replace(/[\s-]/g, ''))?.[0] ?? null;
  const m = /(\d+)号楼(?:(\d+)单元)?(\d{3,4})?/.exec(t);
  const address: Address | null = m ? { building: m[1], ...(m[2] ? { unit: m[2] } : {}), ...(m[3] ? { room: m[3] } : {}) } : null;
  const asksHow = QUESTION_WORDS.some((w) => t.includes(w)) && !REQUEST_WORDS.some((w) => t.includes(w));
  const intent = !category ? 'chat' : asksHow ? 'question' : category.kind;
  const urgent = intent !== 'chat' && URGENT_WORDS.some((w) => t.includes(w)) && !t.includes('不急');
  const missing: Reading['missing'] = [];
  if ((intent === 'service') && !address) missing.push('address');
  return {
    intent, category: category?.key ?? null, address, phone, when: null, urgent,
    confidence: category ? 0.7 : 0.9, missing,
    summary: t.replace(/1[3-9]\d{9}/g, '').replace(/(\d+)号楼(\d+单元)?(\d{3,4})?/g, '').slice(0, 30),
  };
}
