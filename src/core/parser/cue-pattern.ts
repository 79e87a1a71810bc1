/** Compiles a vocabulary list of regex sources into one regex, once, at module load. */

/**
 * Joins regex-source cues into one alternation (longest first, so 不着急 wins over 急).
 * @example cuePattern(['不急', '急']).test('不急哈') // true
 */
export function cuePattern(cues: readonly string[], flags = ''): RegExp {
  const sorted = [...cues].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map((c) => `(?:${c})`).join('|'), flags);
}

/** Escapes a plain word for use inside a regex. @example escapeRegExp('27#') // '27#' */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
