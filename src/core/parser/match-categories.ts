/** Finds the catalogue entry a message is about, from the configured keywords. */
import type { CatalogueEntry } from '../model.js';
import { DEFAULT_CATALOGUE } from '../vocabulary.js';
import { cuePattern } from './cue-pattern.js';
import {
  CUSTOM_KEYWORD_WEIGHT, DEFAULT_KEYWORD_WEIGHT, HOME_KEY, KEYWORD_NEGATIONS, NOT_NEGATIONS, KEYWORD_WEIGHTS, MAX_OVERRULED_SHARED_WEIGHT,
  MEASURE_WORDS, PRIVATE_PLACE_WORDS, SHARED_AREA_WORDS, SHARED_KEY, SHARED_PLACE_WORDS,
} from './vocabulary-category.js';

interface CompiledKeyword {
  word: string;
  weight: number;
  entry: CatalogueEntry;
  /** Starts or ends with a digit (120): must not run on into more digits. */
  digitEdge?: boolean;
}

/** A catalogue prepared for matching: merged with the defaults, keywords weighted. */
export interface CompiledCatalogue {
  entries: readonly CatalogueEntry[];
  keywords: readonly CompiledKeyword[];
  /**
   * Keywords of two characters or more by their first two code units (`c0 * 65536 + c1`), longest
   * first, and one-character keywords by their code unit: one pass over the text finds them all,
   * trying at each place only the words that start with the two characters found there.
   */
  byFirstTwo: ReadonlyMap<number, readonly CompiledKeyword[]>;
  singles: ReadonlyMap<number, readonly CompiledKeyword[]>;
}

const HAN_PAIR = /^\p{Script=Han}{2}$/u;
const SHARED_PLACE = cuePattern(SHARED_PLACE_WORDS);
const PRIVATE_PLACE = cuePattern(PRIVATE_PLACE_WORDS);
const SHARED_AREA = cuePattern(SHARED_AREA_WORDS);

export interface CategoryMatch {
  entry: CatalogueEntry;
  /** The highest keyword weight found for this entry. */
  score: number;
  /** Where its first keyword was found. */
  index: number;
  /** Where each of its keywords was found. */
  positions: readonly number[];
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
  // 理个发, 挂个号, 开点药: a two-character verb-object word split by a measure word.
  const known = new Set(keywords.map((k) => k.word));
  for (const k of [...keywords]) {
    if (!HAN_PAIR.test(k.word)) continue;
    for (const measure of MEASURE_WORDS) {
      const split = k.word[0] + measure + k.word[1];
      if (!known.has(split)) { known.add(split); keywords.push({ ...k, word: split }); }
    }
  }
  const byFirstTwo = new Map<number, CompiledKeyword[]>();
  const singles = new Map<number, CompiledKeyword[]>();
  for (const k of keywords) {
    const [index, key] = k.word.length > 1 ? [byFirstTwo, k.word.charCodeAt(0) * 65536 + k.word.charCodeAt(1)] : [singles, k.word.charCodeAt(0)];
    const list = index.get(key) ?? [];
    list.push(k);
    index.set(key, list);
  }
  for (const list of byFirstTwo.values()) list.sort((a, b) => b.word.length - a.word.length);
  for (const k of keywords) if (DIGIT.test(k.word[0]!) || DIGIT.test(k.word[k.word.length - 1]!)) k.digitEdge = true;
  const compiled = { entries: [...merged.values()], keywords, byFirstTwo, singles };
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
  const found = new Map<string, { entry: CatalogueEntry; score: number; index: number; sum: number; positions: number[] }>();
  const seen = new Set<CompiledKeyword>();
  // Only the longest keyword starting at a place counts, and none inside it (跑腿费 is not 跑腿,
  // 手机银行 is not 银行).
  let coveredUntil = 0;
  let longest = 0;
  // Tries the words of one list at place i (longest first); `longest` is the length matched there so far.
  const tryAt = (i: number, candidates: readonly CompiledKeyword[]) => {
    for (const k of candidates) {
      if (k.word.length < longest) break;
      if (i + k.word.length <= coveredUntil || !text.startsWith(k.word, i) || (k.digitEdge && !numberBounded(text, i, k.word))) continue;
      longest = k.word.length;
      coveredUntil = Math.max(coveredUntil, i + longest);
      if (seen.has(k)) {
        found.get(k.entry.key)?.positions.push(i);
        continue;
      }
      const before = text.slice(Math.max(0, i - NEGATION_MAX), i);
      if (!KEYWORD_NEGATIONS.some((n) => before.endsWith(n)) || NOT_NEGATIONS.some((n) => before.endsWith(n))) {
        seen.add(k); // each keyword counts once, at its first un-negated mention
        const cur = found.get(k.entry.key);
        // Weak context words (老人, 身份证) do not add to the tie-break sum.
        const add = k.weight > 1 ? k.weight : 0;
        if (!cur) found.set(k.entry.key, { entry: k.entry, score: k.weight, index: i, sum: add, positions: [i] });
        else {
          cur.score = Math.max(cur.score, k.weight);
          cur.sum += add;
          cur.index = Math.min(cur.index, i);
          cur.positions.push(i);
        }
      }
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c0 = text.charCodeAt(i);
    const long = i + 1 < text.length ? catalogue.byFirstTwo.get(c0 * 65536 + text.charCodeAt(i + 1)) : undefined;
    const single = catalogue.singles.get(c0);
    if (!long && !single) continue;
    longest = 0;
    if (long) tryAt(i, long);
    if (single) tryAt(i, single);
  }
  const ranked = [...found.values()]
    .sort((a, b) => b.score - a.score || b.sum - a.sum || a.index - b.index)
    .map(({ entry, score, index, positions }) => ({ entry, score, index, positions }));
  return preferByPlace(text, ranked, catalogue);
}

const DIGIT = /[0-9]/;
/** A keyword that starts or ends with a digit must not run on into more digits (120 is not in 1201). */
function numberBounded(text: string, i: number, word: string): boolean {
  if (DIGIT.test(word[0]!) && i > 0 && DIGIT.test(text[i - 1]!)) return false;
  const after = text[i + word.length];
  return !(DIGIT.test(word[word.length - 1]!) && after !== undefined && DIGIT.test(after));
}

/**
 * Home repair is inside the flat, property maintenance is shared: when the text says where
 * (全村, 楼道 / 我家, 厨房) and not both, the place settles a close call between the two.
 * @example preferByPlace('全村的自来水管子冻裂了', matches, catalogue)[0].entry.key // 'property_maintenance'
 */
export function preferByPlace(text: string, ranked: CategoryMatch[], catalogue: CompiledCatalogue): CategoryMatch[] {
  const best = ranked[0];
  if (!best || (best.entry.key !== HOME_KEY && best.entry.key !== SHARED_KEY)) return ranked;
  const sharedPlace = SHARED_PLACE.test(text);
  const shared = sharedPlace || SHARED_AREA.test(text);
  if (shared === PRIVATE_PLACE.test(text)) return ranked;
  const want = shared ? SHARED_KEY : HOME_KEY;
  if (best.entry.key === want) return ranked;
  if (!shared && best.score > MAX_OVERRULED_SHARED_WEIGHT) return ranked;
  const other = ranked.find((c) => c.entry.key === want);
  if (other) {
    if (other.score < best.score - 1) return ranked;
    return [{ ...other, score: best.score }, ...ranked.filter((c) => c !== other)];
  }
  // A broken pipe in the whole village is the shared mains, even with no shared-facility keyword.
  const entry = sharedPlace ? catalogue.entries.find((e) => e.key === SHARED_KEY) : undefined;
  return entry ? [{ entry, score: best.score, index: best.index, positions: best.positions }, ...ranked] : ranked;
}
