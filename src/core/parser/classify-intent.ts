/** Decides what a message is: a request (service/proxy), a question, a dispute or chat. */
import type { Intent } from '../reading.js';
import { cuePattern } from './cue-pattern.js';
import type { CategoryMatch } from './match-categories.js';
import { MIN_REQUEST_KEYWORD_WEIGHT } from './vocabulary-category.js';
import { ACK_MESSAGES } from './vocabulary-normalize.js';
import {
  AD_CUES, APPEAL_CUES, COUNTERPARTY_CUES, GREETING_QUESTIONS, NOT_QUESTION_CUES, PERSONAL_REQUEST_CUES, SERVICE_EXISTS_CUES, INFO_QUESTION_CUES, ADVICE_CUES, FIRST_PERSON_CUES, IN_PERSON_CUES, DISPUTE_STRONG_CUES, DISPUTE_WEAK_CUES, GENERIC_REQUEST_CUES, INFO_TOPIC_CUES,
  NOTICE_CUES, NOTICE_WEAK_CUES, PAST_CUES, RELAY_CUES, DONE_BEFORE_REQUEST, STILL_ASKING_AFTER, RELATIVE_CLAUSE_MARK, RELATIVE_CLAUSE_BLOCKERS, RELATIVE_CLAUSE_CUE_START, STAFF_STATUS_CUES, PERSONAL_MARKERS, PROBLEM_CUES, QUESTION_CUES, REQUEST_CUES, RESOLVED_CUES,
  SOCIAL_CUES, VOLUNTEER_REPLY_CUES,
} from './vocabulary-cues.js';

const REQUEST = cuePattern(REQUEST_CUES, 'g');
const GENERIC_REQUEST = new Set(GENERIC_REQUEST_CUES);
const PERSONAL = cuePattern(PERSONAL_MARKERS);
const QUESTION = cuePattern(QUESTION_CUES);
const INFO_TOPIC = cuePattern(INFO_TOPIC_CUES);
const DISPUTE_STRONG = cuePattern(DISPUTE_STRONG_CUES, 'g');
const DISPUTE_WEAK = cuePattern(DISPUTE_WEAK_CUES, 'g');
const COUNTERPARTY = cuePattern(COUNTERPARTY_CUES);
const NOTICE = cuePattern(NOTICE_CUES);
const RELAY = cuePattern(RELAY_CUES);
const STAFF_STATUS = cuePattern(STAFF_STATUS_CUES);
const RELATIVE_CLAUSE = new RegExp(`^[^\\s,.!?${RELATIVE_CLAUSE_BLOCKERS}${RELATIVE_CLAUSE_MARK}]{1,3}${RELATIVE_CLAUSE_MARK}`);
const DONE_BEFORE = new RegExp(`(?:${DONE_BEFORE_REQUEST.join('|')})$`);
const AD = cuePattern(AD_CUES);
const AD_G = cuePattern(AD_CUES, 'g');
const GREETING_QUESTION = cuePattern(GREETING_QUESTIONS, 'g');
const NOT_QUESTION = cuePattern(NOT_QUESTION_CUES, 'g');
const SERVICE_EXISTS = cuePattern(SERVICE_EXISTS_CUES);
const INFO_QUESTION = cuePattern(INFO_QUESTION_CUES);
const ADVICE = cuePattern(ADVICE_CUES);
/** Request cues that ask for the writer personally, stronger than a service-exists question. */
const PERSONAL_REQUEST = cuePattern(PERSONAL_REQUEST_CUES);
const PAST_G = cuePattern(PAST_CUES, 'g');
const NOTICE_WEAK = cuePattern(NOTICE_WEAK_CUES);
const RESOLVED = cuePattern(RESOLVED_CUES, 'g');
const SOCIAL = cuePattern(SOCIAL_CUES);
const VOLUNTEER = cuePattern(VOLUNTEER_REPLY_CUES);
const PROBLEM = cuePattern(PROBLEM_CUES);
const PAST = cuePattern(PAST_CUES);
const APPEAL = cuePattern(APPEAL_CUES, 'g');
const FIRST_PERSON = cuePattern(FIRST_PERSON_CUES);
const IN_PERSON = cuePattern(IN_PERSON_CUES);
const ACKS = new Set(ACK_MESSAGES);
const PUNCT = /[\s,.!?;:、，。！？；：~…""''"'()（）【】《》\-—]+/g;

/** Longer than this, a message reads as a formal appeal or a narrative, not a group request. */
const LONG_TEXT = 120;
/** From this length on, thanks or a past reference no longer make a message small talk. */
const FORMAL_TEXT = 60;

export interface IntentInput {
  /** Rewritten text (vocabulary-normalize.ts), with the address and phone still in it. */
  canon: string;
  categories: readonly CategoryMatch[];
  hasAddress: boolean;
  hasPhone: boolean;
  mentionsAll: boolean;
}

export interface IntentResult {
  intent: Intent;
  confidence: number;
  /** Why: the rule that decided (for debugging and the eval report). */
  rule: string;
}

function all(re: RegExp, text: string): RegExpExecArray[] {
  re.lastIndex = 0;
  return [...text.matchAll(re)];
}

/** How many times a global cue pattern matches, without collecting the matches. */
function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

function disputeScore(text: string): number {
  const strong = count(DISPUTE_STRONG, text);
  if (strong === 0) return 0;
  const weak = count(DISPUTE_WEAK, text);
  const party = COUNTERPARTY.test(text) ? 1 : 0;
  if (strong === 0) return 0;
  return strong * 2 + Math.min(weak, 2) + party;
}

/**
 * Classifies a normalised message.
 * @example classifyIntent({ canon: '低保怎么申请', categories: [], hasAddress: false, hasPhone: false, mentionsAll: false }).intent // 'question'
 */
export function classifyIntent(input: IntentInput): IntentResult {
  const t = input.canon.replace(GREETING_QUESTION, ' ');
  const bare = t.replace(PUNCT, '');
  if (bare.length === 0 || ACKS.has(bare) || /^[a-zA-Z0-9]{0,6}$/.test(bare)) {
    return { intent: 'chat', confidence: 0.95, rule: 'ack' };
  }
  // 上回帮我家交的电费: a request cue right after a past reference tells of a past request.
  const pastEnds = all(PAST_G, t).map((m) => m.index! + m[0].length);
  // 物业已经来修了 / 帮我们申请的低保: a request cue after 已经 or before a 的-clause tells of something done.
  const requests = all(REQUEST, t).filter(
    (m) =>
      !pastEnds.some((e) => m.index! >= e && m.index! - e <= 4) &&
      !DONE_BEFORE.test(t.slice(Math.max(0, m.index! - 3), m.index!)) &&
      !(m[0].startsWith(RELATIVE_CLAUSE_CUE_START) && RELATIVE_CLAUSE.test(t.slice(m.index! + m[0].length))),
  );
  const strongRequest = requests.some((m) => !GENERIC_REQUEST.has(m[0]));
  const anyRequest = requests.length > 0;
  // Weak context words alone (买, 老人) do not make a category for a request.
  const top = input.categories[0] && input.categories[0].score >= MIN_REQUEST_KEYWORD_WEIGHT ? input.categories[0] : undefined;
  const long = t.length > LONG_TEXT;
  const formal = t.length >= FORMAL_TEXT;
  const appeals = formal || t.length >= 30 ? count(APPEAL, t) : 0;

  if (!formal && STAFF_STATUS.test(t)) return { intent: 'chat', confidence: 0.8, rule: 'staff-status' };
  if (!formal && RELAY.test(t)) return { intent: 'chat', confidence: 0.8, rule: 'relay' };
  if (!formal && AD.test(t) && !FIRST_PERSON.test(t.replace(AD_G, ''))) return { intent: 'chat', confidence: 0.8, rule: 'ad' };
  if (input.mentionsAll || NOTICE.test(t) || (!formal && NOTICE_WEAK.test(t) && !strongRequest && !QUESTION.test(t))) {
    if (!(strongRequest && FIRST_PERSON.test(t) && top && !input.mentionsAll)) {
      return { intent: 'chat', confidence: 0.85, rule: 'notice' };
    }
  }

  // Settled, cancelled or a false alarm: chat, unless a fresh request follows the settling words.
  // 修好了没有 asks whether it is settled: not settled.
  const resolved = formal ? [] : all(RESOLVED, t).filter((m) => {
    const next = t[m.index! + m[0].length];
    return next === undefined || !STILL_ASKING_AFTER.includes(next);
  });
  if (resolved.length > 0) {
    const lastResolved = resolved[resolved.length - 1]!.index!;
    const later = requests.some((m) => m.index! > lastResolved && !GENERIC_REQUEST.has(m[0]));
    if (!later) return { intent: 'chat', confidence: 0.85, rule: 'resolved' };
  }

  const dScore = disputeScore(t);
  if (dScore >= 3 || (dScore >= 2 && COUNTERPARTY.test(t))) {
    return { intent: 'dispute', confidence: Math.min(0.95, 0.6 + dScore * 0.07), rule: 'dispute' };
  }

  if (VOLUNTEER.test(t) && !strongRequest) return { intent: 'chat', confidence: 0.85, rule: 'volunteer' };

  const question = QUESTION.test(t.replace(NOT_QUESTION, ' ')) || SERVICE_EXISTS.test(t);
  // 今天帮忙搬家的小伙子太给力了 谢谢: thanks with only a generic 帮忙 is praise, not a request.
  if (!strongRequest && !question && SOCIAL.test(t) && !formal) return { intent: 'chat', confidence: 0.8, rule: 'thanks' };
  // 帮我看看这短信是真的假的: asks for a judgement, not for someone to act.
  if (ADVICE.test(t) && (anyRequest || question)) return { intent: 'question', confidence: 0.7, rule: 'advice' };
  if (anyRequest) {
    // 社区能帮忙交电费吗: asks whether the service exists, with no personal task.
    const generic =
      (!strongRequest && question && (!PERSONAL.test(t) || INFO_QUESTION.test(t))) ||
      (SERVICE_EXISTS.test(t) && !PERSONAL_REQUEST.test(t));
    if (!generic) {
      if (top) {
        let confidence = 0.75;
        if (input.hasAddress) confidence += 0.1;
        if (input.hasPhone) confidence += 0.05;
        if (!strongRequest) confidence -= 0.1;
        if (question) confidence -= 0.05;
        if (long) confidence -= 0.25; // formal appeals and narratives are not group orders
        if (PAST.test(t) && SOCIAL.test(t)) confidence -= 0.2;
        return { intent: top.entry.kind, confidence: clamp(confidence), rule: 'request' };
      }
      if (strongRequest && !long && (input.hasAddress || IN_PERSON.test(t))) {
        return { intent: 'service', confidence: input.hasAddress ? 0.6 : 0.5, rule: 'request-uncategorised' };
      }
    }
  }

  if (question) {
    const infoTopic = INFO_TOPIC.test(t);
    return { intent: 'question', confidence: infoTopic || top ? 0.8 : 0.7, rule: 'question' };
  }

  // Long appeals to officials (the Teddy Cup posts) are not chat, but not orders either.
  if (formal && appeals >= 1) return { intent: dScore >= 2 ? 'dispute' : 'question', confidence: 0.5, rule: 'appeal' };

  if (SOCIAL.test(t) || PAST.test(t)) return { intent: 'chat', confidence: 0.8, rule: 'social-or-past' };

  if (top && PROBLEM.test(t) && !long) {
    // A bare report (3号楼2单元501水管漏了): a request the bot takes up, a little less surely.
    const confidence = 0.6 + (input.hasAddress ? 0.1 : 0) + (top.score >= 3 ? 0.02 : -0.05);
    return { intent: top.entry.kind, confidence: clamp(confidence), rule: 'report' };
  }

  if (dScore >= 2) return { intent: 'dispute', confidence: 0.6, rule: 'dispute-weak' };

  if (t.length >= 30 && appeals >= 2) {
    return { intent: 'question', confidence: 0.5, rule: 'appeal' };
  }
  return { intent: 'chat', confidence: 0.7, rule: 'default' };
}

function clamp(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}
