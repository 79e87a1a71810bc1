/** Decides what a message is: a request (service/proxy), a question, a dispute or chat. */
import type { Intent } from '../reading.js';
import { cuePattern } from './cue-pattern.js';
import type { CategoryMatch } from './match-categories.js';
import { MIN_REQUEST_KEYWORD_WEIGHT } from './vocabulary-category.js';
import { ACK_MESSAGES } from './vocabulary-normalize.js';
import {
  AD_CUES, APPEAL_CUES, COUNTERPARTY_CUES, GREETING_QUESTIONS, NOT_QUESTION_CUES, PERSONAL_REQUEST_CUES, SERVICE_EXISTS_CUES, INFO_QUESTION_CUES, ADVICE_CUES, FIRST_PERSON_CUES, IN_PERSON_CUES, DISPUTE_STRONG_CUES, DISPUTE_WEAK_CUES, GENERIC_REQUEST_CUES, INFO_TOPIC_CUES,
  NOTICE_CUES, NOTICE_WEAK_CUES, PAST_CUES, RELAY_CUES, DONE_BEFORE_REQUEST, STILL_ASKING_AFTER, RELATIVE_CLAUSE_MARK, RELATIVE_CLAUSE_BLOCKERS, RELATIVE_CLAUSE_CUE_START, STAFF_STATUS_CUES, PERSONAL_MARKERS, PROBLEM_CUES, QUESTION_CUES, REQUEST_CUES, RESOLVED_CUES,
  SOCIAL_CUES, VOLUNTEER_REPLY_CUES, NEGATED_REQUEST_BEFORE, THANKS_BEFORE_REQUEST, DONE_CLAUSE_END, ONGOING_BEFORE_PAST, ONGOING_AFTER_PAST,
  WHOM_TO_ASK_CUES, MEDIATION_ASK_CUES, ARRANGEMENT_CUES, OFFER_CUES, FOUND_CUES, NOT_TASK_OBJECT_WORDS, PASSED_ON_CUES, ARRANGED_CUES, NEED_MODALS, FUTURE_DAY_CUES, APOLOGY_CUES, OBJECT_GAP_NEGATIONS, STILL_OPEN_CUES, SCHEDULE_TOPIC_CUES, EMERGENCY_CUES, PERSONAL_NEED_CUES, ASK_INFO_CUES,
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
const NEGATED_BEFORE = new RegExp(`(?:${NEGATED_REQUEST_BEFORE.join('|')})$`);
// 谢谢小刘帮我…: thanks earlier in the same clause (no space or punctuation in between).
const THANKS_IN_CLAUSE = new RegExp(`(?:${THANKS_BEFORE_REQUEST.join('|')})[^\\s,.!?;:]{0,8}$`);
const CLAUSE_REST = /^[^\s,.!?;:]*/;
const ONGOING_AFTER = new RegExp(`^(?:${ONGOING_AFTER_PAST.join('|')})`);
const WHOM_TO_ASK = cuePattern(WHOM_TO_ASK_CUES);
const STILL_OPEN = cuePattern(STILL_OPEN_CUES);
const EMERGENCY = cuePattern(EMERGENCY_CUES);
const ASK_INFO = cuePattern(ASK_INFO_CUES);
const PERSONAL_NEED = cuePattern(PERSONAL_NEED_CUES);
const SCHEDULE_TOPIC = cuePattern(SCHEDULE_TOPIC_CUES);
const SCHEDULE_TOPIC_G = cuePattern(SCHEDULE_TOPIC_CUES, 'g');
const OBJECT_GAP_BLOCK = new RegExp(`[\\s,.!?;:]|${OBJECT_GAP_NEGATIONS.join('|')}`);
const MEDIATION_ASK = cuePattern(MEDIATION_ASK_CUES);
const ARRANGEMENT = cuePattern(ARRANGEMENT_CUES);
const OFFER = cuePattern(OFFER_CUES);
const FOUND = cuePattern(FOUND_CUES);
const PASSED_ON = cuePattern(PASSED_ON_CUES);
const ARRANGED = cuePattern(ARRANGED_CUES);
const FUTURE_DAY = cuePattern(FUTURE_DAY_CUES);
const APOLOGY = cuePattern(APOLOGY_CUES);
const NEED_MODAL_MAX = Math.max(...NEED_MODALS.map((m) => m.length));
/** Confidence of a need stated without asking: a service reading, below the order threshold (0.6). */
const STATED_NEED_CONFIDENCE = 0.55;
/** A stated need must name its task this strongly (搬下楼, 打扫): a service word, not a context word. */
const STATED_NEED_WEIGHT = 3;
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
  /** The category the rule settled on, when it is not simply the best match (request-object). */
  category?: string;
}

function all(re: RegExp, text: string): RegExpExecArray[] {
  // An exec loop: cheaper than spreading matchAll on the hot path.
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
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
  return strong * 2 + Math.min(weak, 2) + party;
}

/** Past references that tell of a past event (从前天就不亮了 tells how long a problem has lasted). */
function pastMatches(t: string): RegExpExecArray[] {
  return all(PAST_G, t).filter(
    (m) => t[m.index! - 1] !== ONGOING_BEFORE_PAST && !ONGOING_AFTER.test(t.slice(m.index! + m[0].length)),
  );
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
  // 上周反映的…到现在还没修: the matter is still open, so past references tell its history.
  const past = STILL_OPEN.test(t) ? [] : pastMatches(t);
  const pastEnds = past.map((m) => m.index! + m[0].length);
  // 物业已经来修了 / 帮我们申请的低保: a request cue after 已经 or before a 的-clause tells of something done;
  // 不用麻烦你们了 denies it; 谢谢小刘帮我… thanks for it.
  const requests = all(REQUEST, t).filter(
    (m) =>
      !pastEnds.some((e) => m.index! >= e && m.index! - e <= 4) &&
      !DONE_BEFORE.test(t.slice(Math.max(0, m.index! - 3), m.index!)) &&
      !NEGATED_BEFORE.test(t.slice(Math.max(0, m.index! - 3), m.index!)) &&
      !THANKS_IN_CLAUSE.test(t.slice(Math.max(0, m.index! - 12), m.index!)) &&
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
  if (!formal && PASSED_ON.test(t) && ARRANGED.test(t) && !STILL_OPEN.test(t)) return { intent: 'chat', confidence: 0.75, rule: 'staff-status' };
  if (!formal && RELAY.test(t)) return { intent: 'chat', confidence: 0.8, rule: 'relay' };
  if (!formal && OFFER.test(t)) return { intent: 'chat', confidence: 0.8, rule: 'volunteer' };
  if (!formal && FOUND.test(t) && !PERSONAL_REQUEST.test(t)) return { intent: 'chat', confidence: 0.8, rule: 'notice' };
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
    // 儿子回来给办了: a request cue whose clause ends in 了 tells what was done, not a fresh request.
    const later = requests.some(
      (m) => m.index! > lastResolved && !GENERIC_REQUEST.has(m[0]) && !narrated(t, m.index! + m[0].length),
    );
    if (!later) return { intent: 'chat', confidence: 0.85, rule: 'resolved' };
  }

  const problem = PROBLEM.test(t);
  const dScore = disputeScore(t);
  // 押金纠纷该找谁 / 邻里纠纷可以找社区调解吗: asks whom to turn to, not yet for mediation.
  const whomToAsk = WHOM_TO_ASK.test(t) && !MEDIATION_ASK.test(t);
  const party = COUNTERPARTY.test(t);
  // 电梯天天坏 物业到底管不管: a broken shared facility with no other party is a report, not a dispute.
  const facilityReport = !party && top?.entry.kind === 'proxy' && problem;
  if (!whomToAsk && !facilityReport && (dScore >= 3 || (dScore >= 2 && party))) {
    return { intent: 'dispute', confidence: Math.min(0.95, 0.6 + dScore * 0.07), rule: 'dispute' };
  }

  if (VOLUNTEER.test(t) && !strongRequest) return { intent: 'chat', confidence: 0.85, rule: 'volunteer' };

  const question = QUESTION.test(t.replace(NOT_QUESTION, ' ')) || SERVICE_EXISTS.test(t);
  // 已经打了120 谁家有氧气袋？快！: an emergency happening now is a request however it is worded.
  if (!formal && past.length === 0 && (question || !anyRequest) && EMERGENCY.test(t)) {
    const kind = top?.entry.kind ?? 'service';
    return { intent: kind, confidence: input.hasAddress ? 0.8 : 0.7, rule: 'emergency', ...(top ? {} : { category: FALLBACK_SERVICE }) };
  }
  // 能帮我看一下明天停不停电吗: asks about a notice or schedule, nothing broken at the writer's home.
  if (question && !formal && SCHEDULE_TOPIC.test(t) && !PROBLEM.test(t.replace(SCHEDULE_TOPIC_G, ' ')) && !input.hasAddress) {
    return { intent: 'question', confidence: 0.75, rule: 'schedule-question' };
  }
  // 今天帮忙搬家的小伙子太给力了 谢谢: thanks with only a generic 帮忙 is praise, not a request.
  if (!strongRequest && !question && SOCIAL.test(t) && !formal) return { intent: 'chat', confidence: 0.8, rule: 'thanks' };
  // 帮我看看这短信是真的假的: asks for a judgement, not for someone to act.
  if (ADVICE.test(t) && (anyRequest || question)) return { intent: 'question', confidence: 0.7, rule: 'advice' };
  // 能帮我问问都需要啥吗 (and nothing else asked): information, not a task.
  if (ASK_INFO.test(t) && requests.length <= 1) return { intent: 'question', confidence: 0.7, rule: 'ask-info' };
  if (anyRequest) {
    // 社区能帮忙交电费吗: asks whether the service exists, with no personal task.
    // 我想问一下 医保卡能给家里人用吗: an information question with no personal request cue.
    // 社区可以代办吗 … 材料我都准备好了 电话…: a phone left, the money or papers ready or a reason the writer
    // cannot go (在外地打工, 请不了假, 七十多了) make it the writer's own case, not a question about the service.
    const committed = input.hasPhone || ARRANGEMENT.test(t) || PERSONAL_NEED.test(t);
    const personalTask = PERSONAL_REQUEST.test(t) || input.hasAddress || committed || (FIRST_PERSON.test(t) && problem);
    const generic =
      (!strongRequest && question && (!PERSONAL.test(t) || INFO_QUESTION.test(t)) && !committed) ||
      (SERVICE_EXISTS.test(t) && !personalTask) ||
      // (我是6号楼的 想问问…: a self-introduction does not make it a task unless something is broken)
      (INFO_QUESTION.test(t) && !PERSONAL_REQUEST.test(t) && (!input.hasAddress || !problem) && !committed);
    if (!generic) {
      // 我得去医院陪床 谁能帮着喂两天: what directly follows the request cue beats a middling context word.
      const direct = top && top.score <= MEDIUM_KEYWORD_WEIGHT ? requestObject(t, requests, input.categories, DIRECT_OBJECT_DISTANCE) : undefined;
      // 我腿做了手术… 谁去超市的时候帮我带点米面油: a middling word that only tells the writer's situation
      // yields to a word in the clause that asks (the task), if that word is at most one step weaker.
      const directWins = direct !== undefined && direct.entry.key !== top!.entry.key && direct.score >= top!.score;
      const asked = !directWins && top && top.score <= MEDIUM_KEYWORD_WEIGHT ? taskClauseCategory(t, requests, input.categories, top) : undefined;
      const chosen = directWins ? direct : asked ?? top;
      if (chosen) {
        let confidence = 0.75;
        if (input.hasAddress) confidence += 0.1;
        if (input.hasPhone) confidence += 0.05;
        if (!strongRequest) confidence -= 0.1;
        if (question) confidence -= 0.05;
        if (long) confidence -= 0.25; // formal appeals and narratives are not group orders
        if (past.length > 0 && SOCIAL.test(t)) confidence -= 0.2;
        return { intent: chosen.entry.kind, confidence: clamp(confidence), rule: 'request', category: chosen === top ? undefined : chosen.entry.key };
      }
      // 帮俺把户口本上的地址改一下: a context word right after the request cue is what is asked for.
      const object = long ? undefined : requestObject(t, requests, input.categories, OBJECT_DISTANCE);
      if (object) {
        return { intent: object.entry.kind, confidence: input.hasAddress ? 0.65 : 0.6, rule: 'request-object', category: object.entry.key };
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

  // 隔壁养了两条大狗 天天叫 还不拴绳: complaints about a neighbour's conduct, no request, nothing broken.
  if (!formal && !anyRequest && !problem && COUNTERPARTY.test(t) && count(DISPUTE_WEAK, t) >= 2 && !SOCIAL.test(t)) {
    return { intent: 'dispute', confidence: 0.6, rule: 'dispute-conduct' };
  }

  if (SOCIAL.test(t) || past.length > 0) return { intent: 'chat', confidence: 0.8, rule: 'social-or-past' };

  // 有十几个箱子要搬下楼装车 明天上午十点 6号楼2单元: a need stated for a day ahead, not asked.
  if (top && !anyRequest && !question && !long && statedNeed(t, top, input)) {
    return { intent: top.entry.kind, confidence: STATED_NEED_CONFIDENCE, rule: 'stated-need' };
  }

  if (top && problem && !long) {
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

/** A service task word right after a modal (要搬下楼), the writer's own, a day ahead, where stated; no apology. */
function statedNeed(t: string, top: CategoryMatch, input: IntentInput): boolean {
  if (top.entry.kind !== 'service' || top.score < STATED_NEED_WEIGHT || !(input.hasAddress || input.hasPhone)) return false;
  if (!FIRST_PERSON.test(t) || !FUTURE_DAY.test(t) || APOLOGY.test(t) || SOCIAL.test(t)) return false;
  return top.positions.some((p) => NEED_MODALS.some((m) => t.slice(Math.max(0, p - NEED_MODAL_MAX), p).endsWith(m)));
}

/** The clause a request cue starts ends in 了 (儿子回来给办了): told as done. */
function narrated(t: string, from: number): boolean {
  const rest = CLAUSE_REST.exec(t.slice(from))![0];
  return rest.endsWith(DONE_CLAUSE_END);
}

/** Distance in characters within which a context word right after a request cue is its object. */
const OBJECT_DISTANCE = 8;
/** Closer still, the object settles the category even against a middling keyword elsewhere. */
const DIRECT_OBJECT_DISTANCE = 2;
/** The catch-all service for in-person help no catalogue word names. */
const FALLBACK_SERVICE = 'other_service';
/** 把 fronts the object: 帮我把孩子的出生证明送到派出所. */
const OBJECT_MARKER = '把';
/** The weight of an ordinary keyword (see vocabulary-category.ts). */
const MEDIUM_KEYWORD_WEIGHT = 2;

/**
 * A weak catalogue word that closely follows a request cue in the same clause (帮忙搬个柜子: 搬);
 * not after a negation (麻烦大家以后别在楼道里抽烟).
 */
function requestObject(t: string, requests: readonly RegExpExecArray[], categories: readonly CategoryMatch[], distance: number): CategoryMatch | undefined {
  // 谁家有车能捎一趟: a word inside another request cue is part of the asking, not its object.
  const inCue = (p: number) => requests.some((m) => p >= m.index! && p < m.index! + m[0].length);
  return categories.find((c) =>
    requests.some((m) => {
      const end = m.index! + m[0].length;
      // 帮我把孩子的出生证明…: after 把 the object runs on to its verb, so the nearest word is not it.
      if (distance === DIRECT_OBJECT_DISTANCE && t.startsWith(OBJECT_MARKER, end)) return false;
      return c.positions.some((p) => p >= end && p - end <= distance && !inCue(p) && !OBJECT_GAP_BLOCK.test(t.slice(end, p)));
    }),
  );
}

/** Where each request cue's clause ends (the next space or punctuation): the part of the text that asks. */
function taskClauses(t: string, requests: readonly RegExpExecArray[]): [number, number][] {
  return requests.map((m) => [m.index!, m.index! + m[0].length + CLAUSE_REST.exec(t.slice(m.index! + m[0].length))![0].length]);
}

/**
 * The category named in a request cue's own clause when the best one is named only elsewhere, in
 * the situation (我老伴瘫在床上 我要去取药 … 谁能来帮着看一会儿: the minding, not the medicine). Words for
 * the person helped (老人, 孩子) say who, not what, so they do not count.
 */
function taskClauseCategory(t: string, requests: readonly RegExpExecArray[], categories: readonly CategoryMatch[], top: CategoryMatch): CategoryMatch | undefined {
  const clauses = taskClauses(t, requests);
  // 谁家有车能捎一趟: a word inside a request cue is part of the asking, not the task.
  const inCue = (p: number) => requests.some((m) => p >= m.index! && p < m.index! + m[0].length);
  const inTask = (p: number) =>
    clauses.some(([s, e]) => p >= s && p < e) && !inCue(p) && !NOT_TASK_OBJECT.test(t.slice(p, p + NOT_TASK_OBJECT_MAX));
  if (top.positions.some(inTask)) return undefined;
  return categories.find((c) => c !== top && c.score >= top.score - 1 && c.positions.some(inTask));
}

const NOT_TASK_OBJECT = new RegExp(`^(?:${NOT_TASK_OBJECT_WORDS.join('|')})`);
const NOT_TASK_OBJECT_MAX = Math.max(...NOT_TASK_OBJECT_WORDS.map((w) => w.length));

function clamp(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}
