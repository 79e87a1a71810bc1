/**
 * Dispute mediation (万家和): a message the parser reads as a dispute opens a case instead of an
 * order; mediators of the case's level get the details privately; the case climbs the ladder when
 * its time limit passes or a mediator escalates it; a week after an agreement the complainant is
 * asked whether it held, and a "no" reopens it.
 */
import {
  applyCaseAction, attemptCount, ageDays, dueCaseJobs, firstLevel, mediatorsAt, newCase, nextCaseDueAt, nextLevel,
  type CaseAction, type LadderContext, type MediationCase,
} from '../../core/mediation.js';
import { parseMediationCommand, readFollowUpAnswer, type MediationCommand } from '../../core/mediation-commands.js';
import { REQUEST_CONFIDENCE_THRESHOLD } from '../../core/parse-message.js';
import { afterQuiet, isQuiet } from '../../core/quiet-hours.js';
import type { Reading } from '../../core/reading.js';
import { mediationMessages as M } from '../../messages/mediation.js';
import type { BotApp } from '../bot-app.js';
import type { Feature, Turn } from '../turn.js';

/** Store collections of this feature. */
export const MEDIATION_COLLECTIONS = { cases: 'cases', meta: 'meta' } as const;
const COUNTER = 'case';

/** The mediation feature, plugged into the app before the order logic. */
export function mediation(app: BotApp): Feature {
  return new Mediation(app);
}

class Mediation implements Feature {
  readonly name = 'mediation';
  private readonly ladder: LadderContext;
  private readonly people: Map<string, string>;

  constructor(private readonly app: BotApp) {
    const c = app.config;
    this.ladder = { mediation: c.mediation, grids: c.grids, staff: c.staff };
    this.people = new Map(c.mediation.people.map((p) => [p.id, p.name]));
  }

  // ── store ──────────────────────────────────────────────────────────

  private get store() {
    return this.app.store;
  }

  private case(id: number): MediationCase | undefined {
    return this.store.get<MediationCase>(MEDIATION_COLLECTIONS.cases, String(id));
  }

  private save(c: MediationCase): void {
    this.store.put(MEDIATION_COLLECTIONS.cases, String(c.id), c);
  }

  private cases(): MediationCase[] {
    return [...this.store.values<MediationCase>(MEDIATION_COLLECTIONS.cases)];
  }

  private nextId(): number {
    const n = (this.store.get<number>(MEDIATION_COLLECTIONS.meta, COUNTER) ?? 0) + 1;
    this.store.put(MEDIATION_COLLECTIONS.meta, COUNTER, n);
    return n;
  }

  // ── who is who ─────────────────────────────────────────────────────

  private nameOf(id: string): string {
    return this.people.get(id) ?? this.app.nameOf(id);
  }

  private levelName(i: number): string {
    return this.ladder.mediation.levels[i]?.name ?? M.levelFallback(i);
  }

  private limitHours(i: number): number {
    return this.ladder.mediation.levels[i]?.limitHours ?? 0;
  }

  private gridName(gridId: string | null): string {
    return this.app.dir.grid(gridId)?.name ?? '';
  }

  private mediators(c: Pick<MediationCase, 'gridId' | 'level'>): string[] {
    return mediatorsAt(this.ladder, c.gridId, c.level);
  }

  /** Mediators of the case's current level, staff, and the grid's workers and chief. */
  private mayAct(c: MediationCase, who: string): boolean {
    return this.mediators(c).includes(who) || this.app.dir.canManage(who, c.gridId);
  }

  /** Also those who mediated it at an earlier level may read it. */
  private maySee(c: MediationCase, who: string): boolean {
    if (this.mayAct(c, who)) return true;
    for (let k = 0; k < c.level; k++) if (mediatorsAt(this.ladder, c.gridId, k).includes(who)) return true;
    return false;
  }

  private isMediatorAnywhere(who: string): boolean {
    if (this.app.dir.isStaff(who)) return true;
    if (this.app.config.grids.some((g) => this.app.dir.canManage(who, g.id))) return true;
    const grids = [null, ...this.app.config.grids.map((g) => g.id)];
    return this.ladder.mediation.levels.some((_l, k) => grids.some((g) => mediatorsAt(this.ladder, g, k).includes(who)));
  }

  // ── messages ───────────────────────────────────────────────────────

  handle(turn: Turn): boolean {
    const msg = turn.msg!;
    const cmd = parseMediationCommand(turn.text);
    if (cmd) {
      this.command(turn, cmd);
      return true;
    }
    if (turn.inStaffRoom) return false;
    // An order command (接单 #12, a bare 5) is never a dispute.
    if (turn.command()) return false;

    if (!msg.roomId) {
      const pending = this.awaitingAnswer(msg.talkerId);
      if (pending) {
        const a = readFollowUpAnswer(turn.text);
        if (a) {
          this.answer(turn, pending, a.held, a.note);
          return true;
        }
      }
    }

    const r = turn.reading(this.app.config.catalogue);
    if (r.intent !== 'dispute' || r.confidence < REQUEST_CONFIDENCE_THRESHOLD) return false;
    const open = this.cases()
      .filter((c) => c.complainantId === msg.talkerId && c.status === 'open' && c.gridId === turn.gridId)
      .sort((a, b) => b.updatedAt - a.updatedAt)[0];
    if (open) {
      this.addToCase(turn, open);
      return true;
    }
    if (!msg.roomId) {
      // A new complaint from someone whose agreement is being checked: the agreement did not hold.
      const pending = this.awaitingAnswer(msg.talkerId);
      if (pending) {
        this.answer(turn, pending, false, turn.text);
        return true;
      }
    }
    this.open(turn, r);
    return true;
  }

  /** The complainant's agreed case whose follow-up question is waiting for an answer. */
  private awaitingAnswer(who: string): MediationCase | undefined {
    return this.cases()
      .filter((c) => c.complainantId === who && c.status === 'agreed' && c.followUpAskedAt !== null)
      .sort((a, b) => b.followUpAskedAt! - a.followUpAskedAt!)[0];
  }

  private open(turn: Turn, r: Pick<Reading, 'summary' | 'phone'>): void {
    const msg = turn.msg!;
    const level = firstLevel(this.ladder, turn.gridId);
    const c = newCase(
      {
        id: this.nextId(),
        gridId: turn.gridId,
        roomId: msg.roomId,
        complainantId: msg.talkerId,
        complainantName: msg.talkerName,
        text: turn.text,
        summary: r.summary.trim(),
        phone: r.phone,
        level,
      },
      turn.now,
    );
    this.save(c);
    const mediators = this.mediators(c);
    const names = mediators.map((id) => this.nameOf(id));
    if (msg.roomId) turn.say({ roomId: msg.roomId }, M.openedInGroup(c), [msg.talkerId]);
    turn.say({ contactId: msg.talkerId }, M.openedPrivately(c, this.levelName(level), names));
    this.tellMediators(turn, c, 'new');
    turn.say({ roomId: this.app.config.staffRoomId }, M.toStaff(c, this.gridName(c.gridId), this.levelName(level), names));
  }

  private addToCase(turn: Turn, c: MediationCase): void {
    const r = applyCaseAction(c, 'note', turn.who, turn.now, { note: turn.text });
    if (!r.ok) return;
    this.save(r.case);
    if (turn.msg!.roomId) turn.say(turn.here, M.addedInGroup(c), [turn.who]);
    else turn.reply(M.addedPrivately(c));
    for (const id of this.mediators(c)) turn.say({ contactId: id }, M.addedToMediators(c, turn.text));
  }

  private tellMediators(turn: Turn, c: MediationCase, why: 'new' | 'escalated' | 'reopened' | 'resumed'): void {
    const past = c.history
      .filter((h) => h.action === 'attempt' || h.action === 'escalate' || h.action === 'agree' || h.action === 'fail' || h.action === 'reopen' || h.action === 'resume')
      .slice(-5)
      .map((h) => M.stepLine(h, this.nameOf(h.by)));
    const text = M.toMediators(c, this.levelName(c.level), this.gridName(c.gridId), this.limitHours(c.level), why, why === 'new' ? [] : past);
    // Whoever did it already has the answer to their command.
    for (const id of this.mediators(c)) if (id !== turn.msg?.talkerId) turn.say({ contactId: id }, text);
  }

  /** Case details never go to a grid group: there they are sent privately instead. */
  private replyPrivately(turn: Turn, text: string): void {
    const msg = turn.msg!;
    if (msg.roomId && !turn.inStaffRoom) {
      turn.say({ contactId: msg.talkerId }, text);
      turn.reply(M.sentPrivately());
    } else turn.reply(text);
  }

  private command(turn: Turn, cmd: MediationCommand): void {
    const who = turn.who;
    switch (cmd.type) {
      case 'help':
        return turn.reply(M.help());
      case 'malformed':
        return turn.reply(M.usage(cmd.command));
      case 'list':
        return this.list(turn);
      default:
        break;
    }
    const c = this.case(cmd.caseId);
    if (!c) return turn.reply(M.notFound(cmd.caseId));
    if (cmd.type === 'answer') {
      if (c.complainantId !== who) return turn.reply(M.notYourCase(c));
      if (c.status !== 'agreed') return turn.reply(M.noQuestionPending(c));
      return this.answer(turn, c, cmd.held, cmd.note);
    }
    if (cmd.type === 'show') {
      if (!this.maySee(c, who)) return turn.reply(this.isMediatorAnywhere(who) ? M.notMediator(c) : M.staffOnly());
      return this.replyPrivately(turn, M.card(c, (i) => this.levelName(i), (id) => this.nameOf(id), this.gridName(c.gridId), turn.now));
    }
    if (!this.mayAct(c, who)) return turn.reply(this.isMediatorAnywhere(who) ? M.notMediator(c) : M.staffOnly());
    switch (cmd.type) {
      case 'attempt': {
        const r = applyCaseAction(c, 'attempt', who, turn.now, { note: cmd.note, ...(cmd.method ? { method: cmd.method } : {}) });
        if (!r.ok) return turn.reply(M.notNow(c, 'attempt'));
        this.save(r.case);
        return turn.reply(M.attemptRecorded(r.case, attemptCount(r.case)));
      }
      case 'escalate':
        return this.escalate(turn, c, who, cmd.reason || null);
      case 'close':
        return this.close(turn, c, cmd.agreed, cmd.note);
      case 'resume':
        return this.resume(turn, c, cmd.reason);
    }
  }

  /** 重开: a closed case (agreed, held or not agreed) taken up again at its level, with a fresh time limit. */
  private resume(turn: Turn, c: MediationCase, reason: string): void {
    const note = reason.slice(0, 200);
    const r = applyCaseAction(c, 'resume', turn.who, turn.now, {
      note: note || undefined,
      patch: { ...openAgain(turn.now), outcome: null },
    });
    if (!r.ok) return turn.reply(M.notNow(c, 'resume'));
    this.save(r.case);
    const level = this.levelName(r.case.level);
    this.replyPrivately(turn, M.resumedAck(r.case, level));
    turn.say({ contactId: r.case.complainantId }, M.resumedToComplainant(r.case, level));
    this.tellMediators(turn, r.case, 'resumed');
    if (!turn.inStaffRoom) turn.say({ roomId: this.app.config.staffRoomId }, M.resumedToStaff(r.case, level, this.nameOf(turn.who), note));
  }

  private list(turn: Turn): void {
    const who = turn.who;
    if (!this.isMediatorAnywhere(who)) return turn.reply(M.staffOnly());
    const now = turn.now;
    const visible = this.cases().filter((c) => c.status === 'open' && this.mayAct(c, who));
    const groups = this.ladder.mediation.levels.map((l, k) => ({
      levelName: l.name,
      cases: visible
        .filter((c) => c.level === k)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((c) => ({ c, gridName: this.gridName(c.gridId), days: ageDays(c.createdAt, now), attempts: attemptCount(c) })),
    }));
    const scope = this.app.dir.isStaff(who) ? M.wholeCommunity() : '';
    this.replyPrivately(turn, M.list(groups, scope));
  }

  /** Moves the case up one level (by a mediator, or by the bot when the time limit passed). */
  private escalate(turn: Turn, c: MediationCase, by: string, reason: string | null): void {
    const to = nextLevel(this.ladder, c.gridId, c.level);
    const action: CaseAction = 'escalate';
    // On a clock tick there is nobody to answer.
    const answer = (text: string) => void (turn.msg && turn.reply(text));
    if (c.status !== 'open' && c.status !== 'failed') return answer(M.notNow(c, action));
    if (to === null) return answer(M.atTopLevel(c, this.levelName(c.level)));
    const from = c.level;
    const r = applyCaseAction(c, action, by, turn.now, {
      note: reason ?? (by === 'bot' ? M.limitPassedNote(this.levelName(from)) : undefined),
      patch: { level: to, levelSince: turn.now, outcome: null, closedAt: null, overdueNotifiedAt: null },
    });
    if (!r.ok) return answer(M.notNow(c, action));
    this.save(r.case);
    const up = r.case;
    const names = this.mediators(up).map((id) => this.nameOf(id));
    this.tellMediators(turn, up, 'escalated');
    turn.say({ contactId: up.complainantId }, M.escalatedToComplainant(up, this.levelName(to), names));
    const fromStaffRoom = turn.msg !== null && turn.inStaffRoom;
    if (!fromStaffRoom) {
      turn.say({ roomId: this.app.config.staffRoomId }, M.escalatedToStaff(up, this.levelName(from), this.levelName(to), reason, by === 'bot' ? this.limitHours(from) : null));
    }
    answer(M.escalatedAck(up, this.levelName(to)));
  }

  private close(turn: Turn, c: MediationCase, agreed: boolean, note: string): void {
    const action: CaseAction = agreed ? 'agree' : 'fail';
    const r = applyCaseAction(c, action, turn.who, turn.now, { note: note || undefined, patch: { outcome: note || null, closedAt: turn.now } });
    if (!r.ok) return turn.reply(M.notNow(c, action));
    this.save(r.case);
    const done = r.case;
    const days = this.ladder.mediation.followUpDays;
    if (agreed) {
      turn.reply(M.closedAgreedAck(done, days));
      turn.say({ contactId: done.complainantId }, M.agreedToComplainant(done, days));
    } else {
      turn.reply(M.closedFailedAck(done, nextLevel(this.ladder, done.gridId, done.level) !== null));
      turn.say({ contactId: done.complainantId }, M.failedToComplainant(done));
    }
    if (!turn.inStaffRoom) turn.say({ roomId: this.app.config.staffRoomId }, M.closedToStaff(done, agreed, this.levelName(done.level)));
  }

  /** The complainant's answer to "did the agreement hold?". */
  private answer(turn: Turn, c: MediationCase, held: boolean, note: string): void {
    const inGroup = !!turn.msg!.roomId;
    if (held) {
      const r = applyCaseAction(c, 'confirm', turn.who, turn.now, { note: note || undefined });
      if (!r.ok) return turn.reply(M.noQuestionPending(c));
      this.save(r.case);
      turn.say({ contactId: turn.who }, M.followUpHeld(r.case));
      if (inGroup) turn.reply(M.recordedInGroup(r.case));
      return;
    }
    const r = applyCaseAction(c, 'reopen', turn.who, turn.now, {
      note: note || undefined,
      patch: openAgain(turn.now),
    });
    if (!r.ok) return turn.reply(M.noQuestionPending(c));
    this.save(r.case);
    const again = r.case;
    turn.say({ contactId: turn.who }, M.followUpBroken(again, this.levelName(again.level)));
    if (inGroup) turn.reply(M.recordedInGroup(again));
    this.tellMediators(turn, again, 'reopened');
    turn.say({ roomId: this.app.config.staffRoomId }, M.reopenedToStaff(again, this.levelName(again.level)));
  }

  // ── the clock ──────────────────────────────────────────────────────

  private quiet(at: number): boolean {
    return isQuiet(at, this.app.config.schedule.quietHours, this.app.config.timezone);
  }

  /** Nothing here is urgent: in quiet hours it all waits for the morning (and is then still due). */
  due(turn: Turn): void {
    if (this.quiet(turn.now)) return;
    for (const job of dueCaseJobs(this.cases(), turn.now, this.ladder)) {
      const c = this.case(job.caseId)!;
      switch (job.kind) {
        case 'escalate':
          this.escalate(turn, c, 'bot', null);
          break;
        case 'overdue_at_top':
          turn.say({ roomId: this.app.config.staffRoomId }, M.topLevelOverdue(c, this.levelName(c.level), this.limitHours(c.level)));
          this.save({ ...c, overdueNotifiedAt: turn.now });
          break;
        case 'ask_follow_up': {
          const r = applyCaseAction(c, 'ask', 'bot', turn.now, { patch: { followUpAskedAt: turn.now } });
          if (!r.ok) break;
          this.save(r.case);
          turn.say({ contactId: c.complainantId }, M.followUpAsk(r.case));
          break;
        }
      }
    }
  }

  nextDueAt(now: number): number | null {
    const { quietHours } = this.app.config.schedule;
    const tz = this.app.config.timezone;
    if (this.quiet(now) && dueCaseJobs(this.cases(), now, this.ladder).length) return afterQuiet(now, quietHours, tz);
    const t = nextCaseDueAt(this.store.values<MediationCase>(MEDIATION_COLLECTIONS.cases), now, this.ladder);
    return t === null ? null : afterQuiet(t, quietHours, tz);
  }
}

/** What a case taken up again starts from: its level's time limit counts anew, nothing closed or asked. */
function openAgain(now: number): Pick<MediationCase, 'levelSince' | 'closedAt' | 'followUpAskedAt' | 'overdueNotifiedAt'> {
  return { levelSince: now, closedAt: null, followUpAskedAt: null, overdueNotifiedAt: null };
}
