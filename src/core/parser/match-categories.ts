/** Finds the catalogue entry a message is about, from the configured keywords. */
import type { CatalogueEntry } from '../model.js';
import { DEFAULT_CATALOGUE } from '../vocabulary.js';
import { CUSTOM_KEYWORD_WEIGHT, DEFAULT_KEYWORD_WEIGHT, KEYWORD_NEGATIONS, KEYWORD_WEIGHTS } from './vocabulary-category.js';

interface CompiledKeyword {
  word: string;
  weight: number;
  entry: CatalogueEntry;
}

/** A catalogue prepared for matching: merged with the defaults, keywords weighted. */
export interface CompiledCatalogue {
  entries: readonly CatalogueEntry[];
  keywords: readonly CompiledKeyword[];
  /** Keywords by their first character: one pass over the text finds them all. */
  byFirstChar: ReadonlyMap<string, readonly CompiledKeyword[]>;
}

export interface CategoryMatch {
  entry: CatalogueEntry;
  /** The highest keyword weight found for this entry. */
  score: number;
  /** Where its first keyword was found. */
  index: number;
}

const cache = new WeakMap<readonly CatalogueEntry[], CompiledCatalogue>();
const NEGATION_MAX = Math.max(...KEYWORD_NEGATIONS.map((n) => n.length));

/**
 * Merges a configured catalogue into the defaults: same key → keywords added (and name/kind
 * replaced), new key → appended. Compiled once per catalogue object.
 * @example compileCatalogue([{ key: 'home_repair', kind: 'service', name: '家庭维修', keywords: ['换锁芯'] }])
 */
export function compileCatalogue(custom?: readonly CatalogueEntry[]): CompiledCatalogue {
  const source = custom ?? DEFAULT_CATALOGUE;
  const hit = cache.get(source);
  if (hit) return hit;
  const merged = new Map<string, CatalogueEntry>();
  for (const e of DEFAULT_CATALOGUE) merged.set(e.key, { ...e, keywords: [...e.keywords] });
  if (custom) {
    for (const e of custom) {
      const base = merged.get(e.key);
      merged.set(e.key, base ? { ...base, ...e, keywords: [...new Set([...base.keywords, ...e.keywords])] } : { ...e });
    }
  }
  const customWords = new Set(custom?.flatMap((e) => e.keywords) ?? []);
  const keywords: CompiledKeyword[] = [];
  for (const entry of merged.values()) {
    for (const word of entry.keywords) {
      if (!word) continue;
      // A word a community adds itself is meant to count: at least the default weight.
      const builtIn = KEYWORD_WEIGHTS[word];
      const weight = customWords.has(word) && !isDefault(entry.key, word) ? Math.max(builtIn ?? 0, CUSTOM_KEYWORD_WEIGHT) : (builtIn ?? DEFAULT_KEYWORD_WEIGHT);
      keywords.push({ word, weight, entry });
    }
  }
  const byFirstChar = new Map<string, CompiledKeyword[]>();
  for (const k of keywords) {
    const list = byFirstChar.get(k.word[0]!) ?? [];
    list.push(k);
    byFirstChar.set(k.word[0]!, list);
  }
  const compiled = { entries: [...merged.values()], keywords, byFirstChar };
  cache.set(source, compiled);
  return compiled;
}

function isDefault(key: string, word: string): boolean {
  return DEFAULT_CATALOGUE.some((e) => e.key === key && e.keywords.includes(word));
}

/**
 * Every catalogue entry the text mentions, best first (highest keyword weight, then total weight,
 * then earliest mention). Keywords right after a negation (不是主管道) are ignored.
 * @example matchCategories('厨房水管漏了', compileCatalogue())[0].entry.key // 'home_repair'
 */
export function matchCategories(text: string, catalogue: CompiledCatalogue): CategoryMatch[] {
  const found = new Map<string, CategoryMatch & { sum: number }>();
  const seen = new Set<CompiledKeyword>();
  for (let i = 0; i < text.length; i++) {
    const candidates = catalogue.byFirstChar.get(text[i]!);
    if (!candidates) continue;
    for (const k of candidates) {
      if (seen.has(k) || !text.startsWith(k.word, i)) continue;
      const before = text.slice(Math.max(0, i - NEGATION_MAX), i);
      if (!KEYWORD_NEGATIONS.some((n) => before.endsWith(n))) {
        seen.add(k); // each keyword counts once, at its first un-negated mention
        const cur = found.get(k.entry.key);
        // Weak context words (老人, 身份证) do not add to the tie-break sum.
        const add = k.weight > 1 ? k.weight : 0;
        if (!cur) found.set(k.entry.key, { entry: k.entry, score: k.weight, index: i, sum: add });
        else {
          cur.score = Math.max(cur.score, k.weight);
          cur.sum += add;
          cur.index = Math.min(cur.index, i);
        }
      }
    }
  }
  return [...found.values()]
    .sort((a, b) => b.score - a.score || b.sum - a.sum || a.index - b.index)
    .map(({ entry, score, index }) => ({ entry, score, index }));
}
