/**
 * The neighbourhood council (睦邻议事会): 提出 → 商议 → 决议 → 落实监督 → 结果评价.
 *
 * Who is a member of a grid's council (may vote, comment on and rate its topics): anyone the bot
 * has seen write in that grid's group (recorded per grid in `council-members`, and the grid in the
 * `contacts` record), plus the grid's configured people (its workers and chief, the volunteers
 * serving it, and `council.members[grid]`). Someone who never wrote in the group cannot vote
 * privately; writing in the group (a vote included) makes one a member.
 */
import {
  applyTopicAction, averageRating, canTopicTransition, classifyStance, dueTopicJobs, isTopicOpen, matchOption, newTopic, nextTopicDueAt,
  summariseViews, tallyVote, type Ballot, type TaskNotice, type Topic, type TopicAction, type TopicComment, type TopicRating,
  type TopicTask,
} from '../../core/council.js';
import { leadingScore, parseCouncilCommand, splitDeadline, type CouncilCommand } from '../../core/council-commands.js';
import { parseDuration, resolveDeadline } from '../../core/resolve-deadline.js';
import { afterQuiet, isQuiet } from '../../core/quiet-hours.js';
import { councilMessages as M, councilNotes as N } from '../../messages/council.js';
import { DEFAULT_VOTE_OPTIONS, UNTIL_WORDS } from '../../core/vocabulary-council.js';
import type { BotApp } from '../bot-app.js';
import type { ContactRecord } from '../records.js';
import type { Feature, Turn } from '../turn.js';

/** Store collections of this feature. */
export const COUNCIL_COLLECTIONS = {
  topics: 'topics',
  views: 'topic-views',
  ballots: 'topic-ballots',
  ratings: 'topic-ratings',
  members: 'council-members',
  meta: 'meta',
  contacts: 'contacts',
} as const;
const COUNTER = 'topic';
/** Views kept per topic: enough for any real discussion, bounded for a flood. */
const MAX_COMMENTS = 500;
const H = 3_600_000;

/** One person seen in a grid's group (key `grid|contact`). */
interface MemberRecord {
  gridId: string;
  id: string;
  name: string;
  since: number;
}

/** The council feature, plugged into the app before the order logic. */
export function council(app: BotApp): Feature {
  return new Council(app);
}

class Council implements Feature {
  readonly name = 'council';

  constructor(private readonly app: BotApp) {}

  private get store() {
    return this.app.store;
  }

  private get cfg() {
    return this.app.config.council;
  }

  private topic(id: number): Topic | undefined {
    return this.store.get<Topic>(COUNCIL_COLLECTIONS.topics, String(id));
  }

  private save(t: Topic): void {
    this.store.put(COUNCIL_COLLECTIONS.topics, String(t.id), t);
  }

  private views(topicId: number): TopicComment[] {
    return [...this.store.values<TopicComment>(COUNCIL_COLLECTIONS.views)].filter((v) => v.topicId === topicId).sort((a, b) => a.at - b.at);
  }

  private ballots(topicId: number): Ballot[] {
    return [...this.store.values<Ballot>(COUNCIL_COLLECTIONS.ballots)].filter((b) => b.topicId === topicId);
  }

  private ratings(topicId: number): TopicRating[] {
    return [...this.store.values<TopicRating>(COUNCIL_COLLECTIONS.ratings)].filter((r) => r.topicId === topicId);
  }

  private card(t: Topic): string {
    const live = { views: this.views(t.id).length, ballots: this.ballots(t.id).length, ratings: this.ratings(t.id).length };
    return M.card(t, this.gridName(t.gridId), (id) => this.app.nameOf(id), this.cfg.quorum, live);
  }

  private nextId(): number {
    const n = (this.store.get<number>(COUNCIL_COLLECTIONS.meta, COUNTER) ?? 0) + 1;
    this.store.put(COUNCIL_COLLECTIONS.meta, COUNTER, n);
    return n;
  }

  private gridName(gridId: string): string {
    return this.app.dir.grid(gridId)?.name ?? gridId;
  }

  // ── membership ─────────────────────────────────────────────────────

  private memberKey(gridId: string, who: string): string {
    return `${gridId}|${who}`;
  }

  /** The grid's configured people: workers, chief, volunteers serving it, `council.members`. */
  private configuredMembers(gridId: string): Set<string> {
    const g = this.app.dir.grid(gridId);
    const ids = new Set<string>(this.cfg.members[gridId] ?? []);
    if (g) {
      g.workerIds.forEach((w) => ids.add(w));
      if (g.chiefId) ids.add(g.chiefId);
    }
    this.app.dir.volunteersFor(gridId).forEach((v) => ids.add(v.id));
    return ids;
  }

  private isMember(gridId: string, who: string): boolean {
    if (this.store.get(COUNCIL_COLLECTIONS.members, this.memberKey(gridId, who)) !== undefined) return true;
    if (this.store.get<ContactRecord>(COUNCIL_COLLECTIONS.contacts, who)?.gridId === gridId) return true;
    return this.configuredMembers(gridId).has(who);
  }

  /** Everyone who may vote on the grid's topics (the quorum's base). */
  private members(gridId: string): Set<string> {
    const ids = this.configuredMembers(gridId);
    for (const m of this.store.values<MemberRecord>(COUNCIL_COLLECTIONS.members)) if (m.gridId === gridId) ids.add(m.id);
    return ids;
  }

  /** Records that `who` belongs to the grid's group (new members, and a changed display name). */
  private noteMember(gridId: string, who: string, name: string, now: number): void {
    const key = this.memberKey(gridId, who);
    const known = this.store.get<MemberRecord>(COUNCIL_COLLECTIONS.members, key);
    if (!known || known.name !== name) this.store.put(COUNCIL_COLLECTIONS.members, key, { gridId, id: who, name, since: known?.since ?? now } satisfies MemberRecord);
  }

  private manages(t: Topic, who: string): boolean {
    return this.app.dir.canManage(who, t.gridId);
  }

  // ── messages ───────────────────────────────────────────────────────

  handle(turn: Turn): boolean {
    const msg = turn.msg!;
    if (msg.roomId && !turn.inStaffRoom && turn.gridId) this.noteMember(turn.gridId, msg.talkerId, msg.talkerName, turn.now);
    const cmd = parseCouncilCommand(turn.text);
    if (!cmd) return false;
    this.command(turn, cmd);
    return true;
  }

  /** In the topic's own group the group post is the answer; elsewhere a short acknowledgement too. */
  private inTopicRoom(turn: Turn, t: Topic): boolean {
    return turn.msg?.roomId === t.roomId;
  }

  private post(turn: Turn, t: Topic, text: string, mentionIds?: string[]): void {
    turn.say({ roomId: t.roomId }, text, mentionIds);
  }

  private command(turn: Turn, cmd: CouncilCommand): void {
    switch (cmd.type) {
      case 'help':
        return turn.reply(M.help());
      case 'malformed':
        return turn.reply(M.usage(cmd.command));
      case 'raise':
        return this.raise(turn, cmd.title);
      case 'list':
        return this.list(turn);
      default:
        break;
    }
    const t = this.topic(cmd.topicId);
    if (!t) return turn.reply(M.topicNotFound(cmd.topicId));
    switch (cmd.type) {
      case 'show':
        return turn.reply(this.card(t));
      case 'comment':
        return this.comment(turn, t, cmd.text);
      case 'ballot':
        return this.ballot(turn, t, cmd.choice);
      case 'rate':
        return this.rate(turn, t, cmd.score, cmd.note);
      case 'progress':
      case 'done':
        return this.taskUpdate(turn, t, cmd.n, cmd.type, cmd.note);
      case 'withdraw':
        return this.withdraw(turn, t, cmd.reason);
      default:
        break;
    }
    if (!this.manages(t, turn.who)) return turn.reply(M.managersOnly());
    switch (cmd.type) {
      case 'discuss':
        return this.discuss(turn, t, cmd.length);
      case 'end_discussion':
        return this.endDiscussion(turn, t);
      case 'vote':
        return this.openVote(turn, t, cmd.options, cmd.deadline);
      case 'task':
        return this.addTask(turn, t, cmd.names, cmd.text, cmd.deadline);
    }
  }

  // ── 提出 ────────────────────────────────────────────────────────────

  private raise(turn: Turn, rawTitle: string): void {
    const msg = turn.msg!;
    let gridId = msg.roomId && !turn.inStaffRoom ? turn.gridId : null;
    let title = rawTitle;
    if (!gridId) {
      // In the staff room or privately the grid may lead the title: 议题 一网格 5号楼加装电梯.
      const g = [...this.app.config.grids].sort((a, b) => b.name.length - a.name.length).find((x) => rawTitle.startsWith(x.name));
      if (g) {
        gridId = g.id;
        title = rawTitle.slice(g.name.length).replace(/^[\s::,,]+/, '').trim();
      } else if (!msg.roomId) gridId = turn.gridId;
    }
    const grid = this.app.dir.grid(gridId);
    if (!grid || [...title].length < 2) return turn.reply(M.raiseWhere());
    const t = newTopic({ id: this.nextId(), gridId: grid.id, roomId: grid.roomId, title, raisedBy: msg.talkerId, raisedByName: msg.talkerName }, turn.now);
    this.save(t);
    this.post(turn, t, M.raisedInGroup(t));
    if (!this.inTopicRoom(turn, t)) turn.reply(M.raisedAck(t, grid.name));
  }

  private list(turn: Turn): void {
    const msg = turn.msg!;
    const staffView = turn.inStaffRoom || (!msg.roomId && this.app.dir.isStaff(msg.talkerId));
    const scopeGrid = staffView ? null : turn.gridId;
    if (!staffView && !scopeGrid) return turn.reply(M.raiseWhere());
    const topics = [...this.store.values<Topic>(COUNCIL_COLLECTIONS.topics)]
      .filter((t) => isTopicOpen(t) && (!scopeGrid || t.gridId === scopeGrid))
      .sort((a, b) => a.id - b.id);
    turn.reply(M.list(topics, scopeGrid ? this.gridName(scopeGrid) : M.wholeCommunity()));
  }

  // ── 商议 ────────────────────────────────────────────────────────────

  private discuss(turn: Turn, t: Topic, length: string): void {
    const now = turn.now;
    let closesAt: number;
    if (!length) closesAt = now + this.cfg.discussionDays * 24 * H;
    else {
      const d = parseDuration(length);
      if (d !== null) closesAt = now + d;
      else {
        const { before, deadline } = splitDeadline(length);
        const at = resolveDeadline(deadline || stripUntil(before), now, this.app.config.timezone);
        if (at === null) return turn.reply(M.badLength(t));
        closesAt = at;
      }
    }
    if (closesAt <= now) return turn.reply(M.deadlinePast());
    const r = applyTopicAction(t, 'open_discussion', turn.who, now, {
      note: N.discussionOpened(closesAt),
      patch: { discussion: { openedBy: turn.who, opensAt: now, closesAt, summary: null } },
    });
    if (!r.ok) return turn.reply(M.notNow(t, 'open_discussion'));
    this.save(r.topic);
    this.post(turn, r.topic, M.discussionOpened(r.topic, closesAt));
    if (!this.inTopicRoom(turn, t)) turn.reply(M.discussionOpenedAck(r.topic));
  }

  /** 撤回: staff and the grid's workers at any stage before the rating; whoever raised it while nothing has happened yet. */
  private withdraw(turn: Turn, t: Topic, reason: string): void {
    if (!canTopicTransition(t.stage, 'withdraw')) return turn.reply(M.notNow(t, 'withdraw'));
    const raiserFirst = t.raisedBy === turn.who && t.stage === 'raised';
    if (!this.manages(t, turn.who) && !raiserFirst) return turn.reply(t.raisedBy === turn.who ? M.withdrawOnlyRaiser(t) : M.managersOnly());
    const r = applyTopicAction(t, 'withdraw', turn.who, turn.now, reason ? { note: reason.slice(0, 200) } : {});
    if (!r.ok) return turn.reply(M.notNow(t, 'withdraw'));
    this.save(r.topic);
    this.post(turn, r.topic, M.withdrawn(r.topic, this.app.nameOf(turn.who), reason.slice(0, 200)));
    if (!this.inTopicRoom(turn, r.topic)) turn.reply(M.withdrawnAck(r.topic));
    // Whoever holds an unfinished task hears it privately: the reminders stop.
    for (const owner of new Set(r.topic.tasks.filter((k) => k.doneAt === null).map((k) => k.ownerId))) {
      if (owner !== turn.who) turn.say({ contactId: owner }, M.withdrawnToTaskOwner(r.topic));
    }
  }

  private endDiscussion(turn: Turn, t: Topic): void {
    if (t.stage !== 'discussing') return turn.reply(M.notNow(t, 'close_discussion'));
    const closed = this.closeDiscussion(turn, t, turn.who);
    if (!this.inTopicRoom(turn, closed)) turn.reply(M.discussionSummary(closed, closed.discussion!.summary!));
  }

  /** Closes the window, keeps the summary with the topic and posts it to the group. */
  private closeDiscussion(turn: Turn, t: Topic, by: string): Topic {
    const d = t.discussion!;
    // Views since the topic was raised (the raise post invites them) or since the last window closed.
    const since = t.history.filter((h) => h.action === 'close_discussion').at(-1)?.at ?? -Infinity;
    const until = Math.min(d.closesAt, turn.now);
    const said = this.views(t.id).filter((c) => c.at > since && c.at <= until && (c.stage === 'raised' || c.stage === 'discussing' || c.stage === 'not_passed'));
    const summary = summariseViews(said);
    const r = applyTopicAction(t, 'close_discussion', by, turn.now, {
      note: N.discussionClosed(summary),
      patch: { discussion: { ...d, closesAt: until, summary } },
    });
    if (!r.ok) return t;
    this.save(r.topic);
    this.post(turn, r.topic, M.discussionSummary(r.topic, summary));
    return r.topic;
  }

  private comment(turn: Turn, t: Topic, text: string): void {
    const who = turn.who;
    if (t.stage === 'evaluating') {
      const s = leadingScore(text);
      if (s) return this.rate(turn, t, s[0], s[1]);
    }
    if (!this.isMember(t.gridId, who)) return turn.reply(M.notMember(t, this.gridName(t.gridId), 'comment'));
    const msgId = turn.msg!.id;
    const key = `${t.id}|${msgId}`;
    if (this.store.get(COUNCIL_COLLECTIONS.views, key) !== undefined || this.views(t.id).length >= MAX_COMMENTS) return;
    const view: TopicComment = { topicId: t.id, msgId, by: who, at: turn.now, text, stance: classifyStance(text), stage: t.stage };
    this.store.put(COUNCIL_COLLECTIONS.views, key, view);
    // In the group a view is conversation: kept silently. Privately, say it was kept.
    if (!turn.msg!.roomId) turn.reply(M.commentKept(t));
  }

  // ── 决议 ────────────────────────────────────────────────────────────

  private openVote(turn: Turn, t: Topic, options: string[], deadlineText: string): void {
    const now = turn.now;
    let deadline: number;
    if (!deadlineText) deadline = now + this.cfg.voteHours * H;
    else {
      const at = resolveDeadline(deadlineText, now, this.app.config.timezone);
      if (at === null) return turn.reply(M.badDeadline());
      deadline = at;
    }
    if (deadline <= now) return turn.reply(M.deadlinePast());
    let current = t;
    if (current.stage === 'voting') return turn.reply(M.notNow(t, 'open_vote'));
    // Opening the vote ends a discussion still running: its summary goes out first.
    if (current.stage === 'discussing') current = this.closeDiscussion(turn, current, turn.who);
    const opts = options.length ? options : [...DEFAULT_VOTE_OPTIONS];
    const r = applyTopicAction(current, 'open_vote', turn.who, now, {
      note: N.voteOpened(opts, deadline),
      patch: { vote: { options: opts, openedBy: turn.who, openedAt: now, deadline, result: null } },
    });
    if (!r.ok) return turn.reply(M.notNow(current, 'open_vote'));
    this.save(r.topic);
    this.post(turn, r.topic, M.voteOpened(r.topic, opts, deadline));
    if (!this.inTopicRoom(turn, t)) turn.reply(M.voteOpenedAck(r.topic));
  }

  private ballot(turn: Turn, t: Topic, choice: string): void {
    const who = turn.who;
    const v = t.vote;
    if (t.stage !== 'voting' || !v) return turn.reply(M.notVoting(t));
    if (turn.now >= v.deadline) return turn.reply(M.voteEnded(t));
    if (!this.isMember(t.gridId, who)) return turn.reply(M.notMember(t, this.gridName(t.gridId), 'vote'));
    // A member known only from the contacts record (e.g. voting privately) joins the quorum's base.
    this.noteMember(t.gridId, who, turn.msg!.talkerName, turn.now);
    const option = matchOption(v.options, choice);
    if (!option) return turn.reply(M.badOption(t, v.options));
    const key = `${t.id}|${who}`;
    const before = this.store.get<Ballot>(COUNCIL_COLLECTIONS.ballots, key);
    // A ballot from an earlier vote on the same topic (after 未通过) does not count as this one's.
    const current = before && before.at >= v.openedAt ? before : undefined;
    if (current?.option === option) return turn.reply(M.ballotSame(t, option));
    const ballot: Ballot = { topicId: t.id, by: who, option, at: turn.now, changes: current ? current.changes + 1 : 0 };
    this.store.put(COUNCIL_COLLECTIONS.ballots, key, ballot);
    turn.reply(current ? M.ballotChanged(t, option) : M.ballotRecorded(t, option));
  }

  /** At the deadline: count, decide, keep the result with the topic, tell the group and staff. */
  private closeVote(turn: Turn, t: Topic): void {
    const v = t.vote!;
    const ballots = this.ballots(t.id).filter((b) => b.at >= v.openedAt && b.at < v.deadline);
    const result = tallyVote(v.options, ballots, this.members(t.gridId).size, this.cfg);
    const action: TopicAction = result.outcome === 'passed' ? 'pass' : 'turn_down';
    const r = applyTopicAction(t, action, 'bot', turn.now, { note: N.voteClosed(result, v.options, this.cfg.quorum), patch: { vote: { ...v, result } } });
    if (!r.ok) return;
    this.save(r.topic);
    this.post(turn, r.topic, M.voteResult(r.topic, result, v.options, this.cfg.quorum));
    turn.say({ roomId: this.app.config.staffRoomId }, M.voteResultToStaff(r.topic, result, v.options, this.cfg.quorum, this.gridName(t.gridId)));
  }

  // ── 落实监督 ────────────────────────────────────────────────────────

  /** The owner named in `/任务`: a mentioned contact, else a configured name, else a name seen in the grid. */
  private owner(turn: Turn, t: Topic, names: string[]): { id: string; name: string } | { unknown: string } | null {
    const mentioned = turn.msg!.mentionIds.find((id) => id !== 'bot');
    if (mentioned) return { id: mentioned, name: this.app.nameOf(mentioned) };
    const name = names[0];
    if (!name) return null;
    const configured = this.app.dir.findByName(name);
    if (configured) return { id: configured, name };
    for (const m of this.store.values<MemberRecord>(COUNCIL_COLLECTIONS.members)) if (m.gridId === t.gridId && m.name === name) return { id: m.id, name };
    return { unknown: name };
  }

  private addTask(turn: Turn, t: Topic, names: string[], text: string, deadlineText: string): void {
    if (t.stage !== 'decided' && t.stage !== 'implementing') return turn.reply(M.notNow(t, 'add_task'));
    const owner = this.owner(turn, t, names);
    if (owner === null) return turn.reply(M.taskWho(t));
    if ('unknown' in owner) return turn.reply(M.unknownPerson(owner.unknown));
    const due = resolveDeadline(deadlineText, turn.now, this.app.config.timezone);
    if (due === null) return turn.reply(M.badDeadline());
    if (due <= turn.now) return turn.reply(M.deadlinePast());
    const task: TopicTask = {
      n: t.tasks.length + 1, ownerId: owner.id, ownerName: owner.name, text, due,
      createdBy: turn.who, createdAt: turn.now, doneAt: null, progress: [], notices: {},
    };
    const r = applyTopicAction(t, 'add_task', turn.who, turn.now, { note: N.taskAdded(t, task), patch: { tasks: [...t.tasks, task] } });
    if (!r.ok) return turn.reply(M.notNow(t, 'add_task'));
    this.save(r.topic);
    this.post(turn, r.topic, M.taskAdded(r.topic, task), [owner.id]);
    if (!this.inTopicRoom(turn, t)) turn.reply(M.taskAddedAck(r.topic, task));
  }

  private taskUpdate(turn: Turn, t: Topic, n: number, kind: 'progress' | 'done', note: string): void {
    const who = turn.who;
    const task = t.tasks.find((x) => x.n === n);
    if (!task) return turn.reply(M.taskNotFound(t, n));
    if (task.ownerId !== who && !this.manages(t, who)) return turn.reply(M.notOwner(t, task));
    const action: TopicAction = kind === 'progress' ? 'progress' : 'finish_task';
    if (task.doneAt !== null) return turn.reply(M.taskAlreadyDone(t, task));
    const byName = this.app.nameOf(who);
    const updated: TopicTask =
      kind === 'progress'
        ? { ...task, progress: [...task.progress, { by: who, at: turn.now, text: note }] }
        : { ...task, doneAt: turn.now, progress: note ? [...task.progress, { by: who, at: turn.now, text: note }] : task.progress };
    const tasks = t.tasks.map((x) => (x.n === n ? updated : x));
    const r = applyTopicAction(t, action, who, turn.now, { note: N.taskUpdate(t, updated, note), patch: { tasks } });
    if (!r.ok) return turn.reply(M.notNow(t, action));
    let topic = r.topic;
    this.save(topic);
    const left = tasks.filter((x) => x.doneAt === null).length;
    this.post(turn, topic, kind === 'progress' ? M.progressPosted(topic, updated, byName, note) : M.taskDone(topic, updated, byName, note, left));
    if (!this.inTopicRoom(turn, t)) turn.reply(M.postedAck(topic, updated));
    if (kind === 'done' && left === 0) {
      const closesAt = turn.now + this.cfg.ratingDays * 24 * H;
      const all = applyTopicAction(topic, 'all_done', 'bot', turn.now, { patch: { evaluation: { opensAt: turn.now, closesAt, average: null, count: 0 } } });
      if (!all.ok) return;
      topic = all.topic;
      this.save(topic);
      this.post(turn, topic, M.askRating(topic, this.cfg.ratingDays));
    }
  }

  // ── 结果评价 ────────────────────────────────────────────────────────

  private rate(turn: Turn, t: Topic, score: number, note: string): void {
    const who = turn.who;
    if (t.stage !== 'evaluating' || !t.evaluation) return turn.reply(M.notRatable(t));
    if (turn.now >= t.evaluation.closesAt) return turn.reply(M.ratingEnded(t));
    if (!this.isMember(t.gridId, who)) return turn.reply(M.notMember(t, this.gridName(t.gridId), 'rate'));
    const rating: TopicRating = { topicId: t.id, by: who, score, at: turn.now, ...(note ? { note } : {}) };
    this.store.put(COUNCIL_COLLECTIONS.ratings, `${t.id}|${who}`, rating);
    turn.reply(M.rated(t, score));
  }

  private closeRating(turn: Turn, t: Topic): void {
    const ratings = this.ratings(t.id);
    const average = averageRating(ratings);
    const count = ratings.length;
    const r = applyTopicAction(t, 'close_rating', 'bot', turn.now, {
      note: N.ratingClosed(average, count),
      patch: { evaluation: { ...t.evaluation!, average, count } },
    });
    if (!r.ok) return;
    this.save(r.topic);
    this.post(turn, r.topic, M.ratingResult(r.topic, average, count));
  }

  // ── the clock ──────────────────────────────────────────────────────

  private quiet(at: number): boolean {
    return isQuiet(at, this.app.config.schedule.quietHours, this.app.config.timezone);
  }

  /**
   * Nothing here is urgent: in quiet hours it all waits for the morning (and is then still due).
   * A vote or window that ends at night is counted with what came in before its end.
   */
  due(turn: Turn): void {
    if (this.quiet(turn.now)) return;
    const jobs = dueTopicJobs([...this.store.values<Topic>(COUNCIL_COLLECTIONS.topics)], turn.now, this.cfg);
    for (const job of jobs) {
      const t = this.topic(job.topicId)!;
      switch (job.kind) {
        case 'close_discussion':
          this.closeDiscussion(turn, t, 'bot');
          break;
        case 'close_vote':
          this.closeVote(turn, t);
          break;
        case 'close_rating':
          this.closeRating(turn, t);
          break;
        case 'task_notice': {
          const task = t.tasks.find((x) => x.n === job.n)!;
          this.taskNotice(turn, t, task, job.notice);
          const noted = { ...task, notices: { ...task.notices, [job.notice]: turn.now } };
          this.save({ ...t, tasks: t.tasks.map((x) => (x.n === job.n ? noted : x)) });
          break;
        }
      }
    }
  }

  nextDueAt(now: number): number | null {
    const { quietHours } = this.app.config.schedule;
    const tz = this.app.config.timezone;
    const topics = [...this.store.values<Topic>(COUNCIL_COLLECTIONS.topics)];
    if (this.quiet(now) && dueTopicJobs(topics, now, this.cfg).length) return afterQuiet(now, quietHours, tz);
    const t = nextTopicDueAt(topics, now, this.cfg);
    return t === null ? null : afterQuiet(t, quietHours, tz);
  }

  /** Reminded and escalated like orders: the owner before the deadline, the grid worker at it, staff after. */
  private taskNotice(turn: Turn, t: Topic, task: TopicTask, kind: TaskNotice): void {
    const grid = this.app.dir.grid(t.gridId);
    if (kind === 'remind') return this.post(turn, t, M.taskReminder(t, task), [task.ownerId]);
    if (kind === 'overdue') {
      const workers = grid?.workerIds ?? [];
      return this.post(turn, t, M.taskOverdue(t, task, workers.map((w) => this.app.nameOf(w))), [task.ownerId, ...workers]);
    }
    const chief = grid?.chiefId ?? null;
    turn.say({ roomId: this.app.config.staffRoomId }, M.taskEscalated(t, task, this.gridName(t.gridId), chief ? this.app.nameOf(chief) : null), undefined, true);
    if (chief) turn.say({ contactId: chief }, M.taskEscalated(t, task, this.gridName(t.gridId), null));
  }
}

/** `到周五 18:00` → `周五 18:00`. */
function stripUntil(text: string): string {
  const w = UNTIL_WORDS.find((x) => text.startsWith(x));
  return w ? text.slice(w.length).trim() : text;
}
