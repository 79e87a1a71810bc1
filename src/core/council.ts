/**
 * The neighbourhood council (睦邻议事会): 提出 → 商议 → 决议 → 落实监督 → 结果评价. The topic model,
 * its stage machine with an audit trail, the vote count and decision, the summary of views, and
 * what falls due. Pure: time comes in as `now`.
 */
import type { CouncilConfig } from './council-config.js';
import { excerpt } from './privacy.js';
import { maskForGroup } from './mask-for-group.js';
import { ABSTAIN_OPTIONS, AGAINST_OPTIONS, AGAINST_WORDS, FOR_WORDS } from './vocabulary-council.js';

export type TopicStage =
  | 'raised' // 提出
  | 'discussing' // 商议: the window is open
  | 'discussed' // 商议 closed, summary posted
  | 'voting' // 决议: the vote is open
  | 'decided' // 决议: passed, waiting for tasks
  | 'not_passed' // 决议: turned down, no quorum or no majority
  | 'implementing' // 落实监督
  | 'evaluating' // 结果评价: the group rates the result
  | 'evaluated' // done
  | 'withdrawn'; // 撤回: taken back by staff, or by whoever raised it before anything happened

export type TopicAction =
  | 'raise'
  | 'open_discussion'
  | 'close_discussion'
  | 'open_vote'
  | 'pass'
  | 'turn_down'
  | 'add_task'
  | 'progress'
  | 'finish_task'
  | 'all_done'
  | 'close_rating'
  | 'withdraw';

/** One line of a topic's audit trail. */
export interface TopicStep {
  action: TopicAction;
  from: TopicStage | null;
  to: TopicStage;
  by: string;
  at: number;
  note?: string;
}

export type Stance = 'for' | 'against' | 'other';

/**
 * Views, ballots and ratings are small records of their own (collections `topic-views`,
 * `topic-ballots`, `topic-ratings`): a vote of 1,600 people then appends 1,600 small lines to the
 * journal, not 1,600 copies of a growing topic.
 */
export interface TopicComment {
  topicId: number;
  /** The message id: a message delivered twice is kept once. */
  msgId: string;
  by: string;
  at: number;
  text: string;
  stance: Stance;
  /** Stage when it was said: the summary counts what was said while the window was open. */
  stage: TopicStage;
}

export interface Ballot {
  topicId: number;
  /** One ballot per contact id: the last one counts. */
  by: string;
  option: string;
  at: number;
  /** How many times this voter changed their vote. */
  changes: number;
}

export interface VoteResult {
  counts: Record<string, number>;
  voters: number;
  members: number;
  quorumMet: boolean;
  /** The option with a majority, or null. */
  winner: string | null;
  outcome: 'passed' | 'rejected' | 'no_quorum' | 'no_majority';
}

export interface Vote {
  options: string[];
  openedBy: string;
  openedAt: number;
  deadline: number;
  result: VoteResult | null;
}

/** A member's 1–5 rating of the result; one per contact id, the last one counts. */
export interface TopicRating {
  topicId: number;
  by: string;
  score: number;
  at: number;
  note?: string;
}

export interface TopicTask {
  /** Shown as `#T{topic}-{n}`. */
  n: number;
  ownerId: string;
  ownerName: string;
  text: string;
  due: number;
  createdBy: string;
  createdAt: number;
  doneAt: number | null;
  progress: { by: string; at: number; text: string }[];
  /** When each reminder or escalation went out: each goes out once. */
  notices: Partial<Record<TaskNotice, number>>;
}

/** Before the deadline (the owner), at it (owner and grid workers), after it (staff and the chief). */
export type TaskNotice = 'remind' | 'overdue' | 'escalate';

export interface Topic {
  /** Shown as `#T{id}`; numbered apart from orders and cases. */
  id: number;
  gridId: string;
  roomId: string;
  title: string;
  raisedBy: string;
  raisedByName: string;
  stage: TopicStage;
  createdAt: number;
  updatedAt: number;
  discussion: { openedBy: string; opensAt: number; closesAt: number; summary: ViewSummary | null } | null;
  vote: Vote | null;
  tasks: TopicTask[];
  evaluation: { opensAt: number; closesAt: number; average: number | null; count: number } | null;
  history: TopicStep[];
}

/** `null` target: the stage does not change (a step inside a stage, kept in the record). */
const RULES: Record<TopicAction, { from: readonly TopicStage[]; to: TopicStage | null }> = {
  raise: { from: [], to: 'raised' },
  open_discussion: { from: ['raised', 'discussed', 'not_passed'], to: 'discussing' },
  close_discussion: { from: ['discussing'], to: 'discussed' },
  open_vote: { from: ['raised', 'discussing', 'discussed', 'not_passed'], to: 'voting' },
  pass: { from: ['voting'], to: 'decided' },
  turn_down: { from: ['voting'], to: 'not_passed' },
  add_task: { from: ['decided', 'implementing'], to: 'implementing' },
  progress: { from: ['implementing'], to: null },
  finish_task: { from: ['implementing'], to: null },
  all_done: { from: ['implementing'], to: 'evaluating' },
  close_rating: { from: ['evaluating'], to: 'evaluated' },
  withdraw: { from: ['raised', 'discussing', 'discussed', 'voting', 'decided', 'implementing'], to: 'withdrawn' },
};

/** Whether `action` is allowed at `stage`. @example canTopicTransition('voting', 'pass') // true */
export function canTopicTransition(stage: TopicStage, action: TopicAction): boolean {
  return RULES[action].from.includes(stage);
}

export type TopicResult = { ok: true; topic: Topic } | { ok: false; code: 'NOT_ALLOWED'; from: TopicStage; action: TopicAction };

/**
 * Applies one step, returning a new topic with the audit line appended, or the refusal.
 * @example applyTopicAction(t, 'open_discussion', 'staff-liu', now, { patch: { discussion } }).ok
 */
export function applyTopicAction(t: Topic, action: TopicAction, by: string, at: number, extra: { note?: string; patch?: Partial<Topic> } = {}): TopicResult {
  if (!canTopicTransition(t.stage, action)) return { ok: false, code: 'NOT_ALLOWED', from: t.stage, action };
  const to = RULES[action].to ?? t.stage;
  const line: TopicStep = { action, from: t.stage, to, by, at, ...(extra.note ? { note: extra.note } : {}) };
  return { ok: true, topic: { ...t, ...extra.patch, stage: to, updatedAt: at, history: [...t.history, line] } };
}

/** A new topic with its first audit line. */
export function newTopic(f: Pick<Topic, 'id' | 'gridId' | 'roomId' | 'title' | 'raisedBy' | 'raisedByName'>, at: number): Topic {
  return {
    ...f,
    stage: 'raised',
    createdAt: at,
    updatedAt: at,
    discussion: null,
    vote: null,
    tasks: [],
    evaluation: null,
    history: [{ action: 'raise', from: null, to: 'raised', by: f.raisedBy, at, note: f.title }],
  };
}

/** Stages in which a topic is still going. */
export function isTopicOpen(t: Pick<Topic, 'stage'>): boolean {
  return t.stage !== 'evaluated' && t.stage !== 'not_passed' && t.stage !== 'withdrawn';
}

// ── discussion ──────────────────────────────────────────────────────

/**
 * The stance of a discussion message: against words win over for words (不同意 contains 同意).
 * @example classifyStance('我同意,但要先问清楚费用') // 'for'
 */
export function classifyStance(text: string): Stance {
  if (AGAINST_WORDS.some((w) => text.includes(w))) return 'against';
  if (FOR_WORDS.some((w) => text.includes(w))) return 'for';
  return 'other';
}

/**
 * A view as it may be quoted to the group: the shared group mask (phones, ID numbers, rooms), and
 * also no @-mentions and no bare room after a unit (`3单元101`), since quotes name nobody.
 * @example maskQuote('@张师傅 我是3单元101的 13812345678') // '我是3单元**的 138****5678'
 */
export function maskQuote(text: string): string {
  return maskForGroup(text)
    .replace(/@[^\s@\u2005]+[\s\u2005]?/g, '')
    .replace(/(单元|号楼|栋|号院)\s*(\d{3,4})(室|号)?/g, (_m, a: string) => `${a}**`)
    .trim();
}

export interface ViewSummary {
  total: number;
  for: number;
  against: number;
  other: number;
  /** A few short quotes, masked, no names: one per stance first. */
  excerpts: string[];
}

/**
 * Counts the views and picks a few short, masked quotes (no names).
 * @example summariseViews(comments).for // 7
 */
export function summariseViews(comments: readonly Pick<TopicComment, 'text' | 'stance'>[], maxExcerpts = 3, maxChars = 24): ViewSummary {
  const s: ViewSummary = { total: comments.length, for: 0, against: 0, other: 0, excerpts: [] };
  for (const c of comments) s[c.stance]++;
  const picked = new Set<number>();
  // One of each stance first, then the rest in order, so the quotes show the range of views.
  for (const stance of ['for', 'against', 'other'] as const) {
    const i = comments.findIndex((c, k) => c.stance === stance && !picked.has(k) && maskQuote(c.text).length > 0);
    if (i >= 0 && picked.size < maxExcerpts) picked.add(i);
  }
  for (let k = 0; k < comments.length && picked.size < maxExcerpts; k++) if (maskQuote(comments[k]!.text)) picked.add(k);
  s.excerpts = [...picked].sort((a, b) => a - b).map((k) => excerpt(maskQuote(comments[k]!.text), maxChars));
  return s;
}

// ── voting ──────────────────────────────────────────────────────────

/**
 * Matches what a voter wrote to an option: the option itself, or its number (1, 2, …).
 * @example matchOption(['同意', '反对', '弃权'], '2') // '反对'
 */
export function matchOption(options: readonly string[], said: string): string | null {
  const t = said.trim().toLowerCase();
  if (!t) return null;
  const exact = options.find((o) => o.toLowerCase() === t);
  if (exact) return exact;
  if (/^\d$/.test(t)) return options[Number(t) - 1] ?? null;
  return null;
}

/**
 * Counts the ballots and decides: the quorum is a share of the group's members who voted (at
 * least `quorum`), the winner needs more than `majority` of the votes cast, abstentions included.
 * @example tallyVote(['同意', '反对', '弃权'], ballots, 12, { quorum: 0.5, majority: 0.5 }).outcome // 'passed'
 */
export function tallyVote(options: readonly string[], ballots: Iterable<Pick<Ballot, 'option'>>, members: number, rule: Pick<CouncilConfig, 'quorum' | 'majority'>): VoteResult {
  const counts: Record<string, number> = Object.fromEntries(options.map((o) => [o, 0]));
  for (const b of ballots) if (b.option in counts) counts[b.option]!++;
  const voters = Object.values(counts).reduce((a, b) => a + b, 0);
  const base = Math.max(members, voters);
  const quorumMet = voters > 0 && voters >= rule.quorum * base;
  const contenders = options.filter((o) => !ABSTAIN_OPTIONS.includes(o));
  const top = Math.max(0, ...contenders.map((o) => counts[o]!));
  const leaders = contenders.filter((o) => counts[o] === top && top > 0);
  const winner = leaders.length === 1 && top > rule.majority * voters ? leaders[0]! : null;
  const outcome = !quorumMet ? 'no_quorum' : !winner ? 'no_majority' : AGAINST_OPTIONS.includes(winner) ? 'rejected' : 'passed';
  return { counts, voters, members: base, quorumMet, winner, outcome };
}

// ── tasks and what falls due ────────────────────────────────────────

export type TopicDue =
  | { kind: 'close_discussion'; topicId: number }
  | { kind: 'close_vote'; topicId: number }
  | { kind: 'close_rating'; topicId: number }
  | { kind: 'task_notice'; topicId: number; n: number; notice: TaskNotice };

type NoticeRule = Pick<CouncilConfig, 'remindBeforeHours' | 'escalateAfterHours'>;
const H = 3_600_000;

/** When each notice of a task is due; no reminder for a task given less time than the reminder lead. */
function noticeTimes(task: TopicTask, cfg: NoticeRule): [TaskNotice, number][] {
  const remindAt = task.due - cfg.remindBeforeHours * H;
  const times: [TaskNotice, number][] = [];
  if (cfg.remindBeforeHours > 0 && task.createdAt < remindAt) times.push(['remind', remindAt]);
  times.push(['overdue', task.due], ['escalate', task.due + cfg.escalateAfterHours * H]);
  return times;
}

/**
 * What is due on the topics at `now` (each task records the notices it got, so none goes twice).
 * @example dueTopicJobs(topics, now, config.council) // [{ kind: 'close_vote', topicId: 2 }]
 */
export function dueTopicJobs(topics: Iterable<Topic>, now: number, cfg: NoticeRule): TopicDue[] {
  const out: TopicDue[] = [];
  for (const t of topics) {
    if (t.stage === 'discussing' && t.discussion && now >= t.discussion.closesAt) out.push({ kind: 'close_discussion', topicId: t.id });
    if (t.stage === 'voting' && t.vote && now >= t.vote.deadline) out.push({ kind: 'close_vote', topicId: t.id });
    if (t.stage === 'evaluating' && t.evaluation && now >= t.evaluation.closesAt) out.push({ kind: 'close_rating', topicId: t.id });
    if (t.stage !== 'implementing') continue;
    for (const task of t.tasks) {
      if (task.doneAt !== null) continue;
      // Only the most advanced notice that is due: a bot that was down does not post all three at once.
      const due = noticeTimes(task, cfg).filter(([, at]) => now >= at).at(-1);
      if (due && task.notices[due[0]] === undefined) out.push({ kind: 'task_notice', topicId: t.id, n: task.n, notice: due[0] });
    }
  }
  return out;
}

/**
 * The next moment after `now` when something falls due on the topics, or null.
 * @example nextTopicDueAt(topics, now, config.council) // the earliest window, deadline or task notice ahead
 */
export function nextTopicDueAt(topics: Iterable<Topic>, now: number, cfg: NoticeRule): number | null {
  let best: number | null = null;
  const consider = (t: number | undefined) => {
    if (t !== undefined && t > now && (best === null || t < best)) best = t;
  };
  for (const t of topics) {
    if (t.stage === 'discussing') consider(t.discussion?.closesAt);
    if (t.stage === 'voting') consider(t.vote?.deadline);
    if (t.stage === 'evaluating') consider(t.evaluation?.closesAt);
    if (t.stage !== 'implementing') continue;
    for (const task of t.tasks) {
      if (task.doneAt !== null) continue;
      for (const [notice, at] of noticeTimes(task, cfg)) if (task.notices[notice] === undefined) consider(at);
    }
  }
  return best;
}

/** Average of the ratings, one decimal; null when nobody rated. @example averageRating([{ score: 4 }, { score: 5 }]) // 4.5 */
export function averageRating(ratings: Iterable<{ score: number }>): number | null {
  const xs = [...ratings].map((r) => r.score);
  return xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;
}
