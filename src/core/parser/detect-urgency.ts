/** Decides whether a request is urgent (README: 急, 马上, 赶紧, 危险, 淹, 老人摔倒, 煤气味…). */
import { cuePattern } from './cue-pattern.js';
import {
  DISPUTE_URGENT_CUES, NOT_URGENT_CUES, POWER_CUT_CUES, URGENT_CUES, VULNERABLE_ALONE_CUES,
} from './vocabulary-cues.js';

const URGENT = cuePattern(URGENT_CUES);
const NOT_URGENT = cuePattern(NOT_URGENT_CUES, 'g');
const POWER_CUT = cuePattern(POWER_CUT_CUES);
const VULNERABLE = cuePattern(VULNERABLE_ALONE_CUES);
const DISPUTE_URGENT = cuePattern(DISPUTE_URGENT_CUES);

/**
 * True when the text states urgency or an emergency; negated urgency (不急, 不着急) is removed first.
 * @example detectUrgency('不着急 周五来就行') // false
 */
export function detectUrgency(canon: string, options: { dispute?: boolean } = {}): boolean {
  const t = canon.replace(NOT_URGENT, ' ');
  if (options.dispute) return DISPUTE_URGENT.test(t);
  if (URGENT.test(t)) return true;
  return POWER_CUT.test(t) && VULNERABLE.test(t);
}
