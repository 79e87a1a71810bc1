/**
 * 党员包联: each party member looks after a list of households (config `partyMembers`).
 * - When a linked household opens an order (BotApp calls `orderOpened`, also when the address is
 *   added later) or raises a neighbour dispute in its grid group (the parser reads
 *   `intent === 'dispute'`), its member is told privately, once per order / once a day per dispute.
 * - `走访 12号楼1单元602 已上门` records a visit; on `partyLinks.visitReminderDay` at
 *   `visitReminderAt` each member gets the households not yet visited this month, staff an overview.
 * This feature never takes a message from another (it only watches), except `走访` from a member and `/包联`.
 */
import type { BotApp } from '../bot-app.js';
import type { Turn, Feature } from '../turn.js';
import type { Order } from '../../core/model.js';
import { calendarOf, nextMonthlyAt } from '../../core/calendar-of.js';
import { clockMinutes } from '../../core/local-time.js';
import { findHousehold } from '../../core/household-address.js';
import { linkIndex, linksOf, readVisit, unvisited, type LinkedHousehold, type Visit } from '../../core/party-links.js';
import { matchLeading, matchSlash } from '../../core/slash-command.js';
import { PARTY_SLASH_WORDS, VISIT_WORDS } from '../../core/vocabulary-party-links.js';
import { messages as base } from '../../messages/index.js';
import { partyLinkMessages as M } from '../../messages/party-links.js';
import { markSent, postDue, pruneSent, wasSent } from './sent-record.js';
import type { Reply } from '../ports.js';

export const PARTY = {
  /** `${month}:${memberId}:${householdKey}` → Visit */
  visits: 'partyVisits',
  /** resident contact id → household key, learned from their orders (a later dispute names no address). */
  residents: 'partyResidents',
} as const;

export class PartyLinks implements Feature {
  readonly name = 'party-links';
  private readonly index: LinkedHousehold[];

  constructor(private readonly app: BotApp) {
    this.index = linkIndex(app.config.partyMembers);
  }

  private get tz(): string {
    return this.app.config.timezone;
  }

  handle(turn: Turn): boolean {
    if (!turn.msg) return false;
    const slash = matchSlash(turn.commandText(), PARTY_SLASH_WORDS);
    if (slash) {
      if (!this.app.dir.isStaff(turn.msg.talkerId)) turn.reply(base.staffOnly());
      else turn.reply(M.staffOverview(calendarOf(turn.now, this.tz).month, this.overview(calendarOf(turn.now, this.tz).month)));
      return true;
    }
    const member = this.app.config.partyMembers.find((m) => m.id === turn.msg!.talkerId);
    const visit = member ? matchLeading(turn.commandText(), VISIT_WORDS) : null;
    if (member && visit) {
      this.visit(turn, member.id, visit.rest);
      return true;
    }
    if (this.index.length && turn.msg.roomId && !turn.inStaffRoom && turn.gridId) this.watchDispute(turn);
    return false;
  }

  // ── a linked household opens an order or raises a dispute ──────────

  orderOpened(turn: Turn, o: Order): void {
    if (!this.index.length) return;
    const known = this.app.store.get<string>(PARTY.residents, o.residentId);
    let links = linksOf(this.index, o.address);
    if (links.length) this.app.store.put(PARTY.residents, o.residentId, links[0]!.key);
    else if (known && !o.address?.room) links = this.index.filter((l) => l.key === known);
    for (const l of links) {
      const key = `party:order:${o.id}:${l.memberId}`;
      if (wasSent(this.app.store, key)) continue;
      markSent(this.app.store, key, turn.now);
      turn.say({ contactId: l.memberId }, M.orderToMember(l, o, this.app.categoryName(o.category)));
    }
  }

  private watchDispute(turn: Turn): void {
    const msg = turn.msg!;
    // Cheap checks first: only a linked address, or a resident already known to live in one, is read in full.
    const stated = findHousehold(turn.text);
    let links = stated?.address.room ? linksOf(this.index, stated.address) : [];
    if (!links.length) {
      const known = this.app.store.get<string>(PARTY.residents, msg.talkerId);
      if (known) links = this.index.filter((l) => l.key === known);
    }
    if (!links.length) return;
    if (turn.reading(this.app.config.catalogue).intent !== 'dispute') return;
    if (stated?.address.room && links.length) this.app.store.put(PARTY.residents, msg.talkerId, links[0]!.key);
    const day = calendarOf(turn.now, this.tz).date;
    const where = this.app.dir.grid(turn.gridId)?.name ?? '';
    for (const l of links) {
      const key = `party:dispute:${l.memberId}:${l.key}:${day}`;
      if (wasSent(this.app.store, key)) continue;
      markSent(this.app.store, key, turn.now);
      turn.say({ contactId: l.memberId }, M.disputeToMember(l, msg.talkerName, where, turn.text));
    }
  }

  // ── visits ─────────────────────────────────────────────────────────

  private visit(turn: Turn, memberId: string, rest: string): void {
    const month = calendarOf(turn.now, this.tz).month;
    const mine = this.index.filter((l) => l.memberId === memberId);
    if (!rest) {
      turn.reply(M.monthStatus(month, unvisited(this.index, memberId, this.visitedKeys(month, memberId)), mine.length));
      return;
    }
    const read = readVisit(rest);
    if (!read) {
      turn.reply(M.visitUsage());
      return;
    }
    const link = linksOf(mine, read.address)[0];
    if (!link) {
      turn.reply(M.notLinked(rest.split(/\s/)[0] ?? rest));
      return;
    }
    const id = `${month}:${memberId}:${link.key}`;
    const before = this.app.store.get<Visit>(PARTY.visits, id);
    this.app.store.put(PARTY.visits, id, { memberId, key: link.key, month, at: turn.now, note: read.note, count: (before?.count ?? 0) + 1 } satisfies Visit);
    const left = unvisited(this.index, memberId, this.visitedKeys(month, memberId)).length;
    turn.reply(M.visitRecorded(link, read.note, left, !!turn.msg!.roomId && !turn.inStaffRoom));
  }

  private visitedKeys(month: string, memberId: string): Set<string> {
    const keys = new Set<string>();
    for (const l of this.index) if (l.memberId === memberId && this.app.store.get(PARTY.visits, `${month}:${memberId}:${l.key}`)) keys.add(l.key);
    return keys;
  }

  private overview(month: string): { name: string; visited: number; total: number }[] {
    return this.app.config.partyMembers.map((m) => {
      const total = this.index.filter((l) => l.memberId === m.id).length;
      return { name: m.name, visited: this.visitedKeys(month, m.id).size, total };
    });
  }

  // ── the monthly reminder ───────────────────────────────────────────

  /** The next monthly reminder (lets the simulator jump its clock there). */
  nextDueAt(now: number): number | null {
    if (!this.index.length) return null;
    const { visitReminderDay, visitReminderAt } = this.app.config.partyLinks;
    return nextMonthlyAt(now, visitReminderDay, visitReminderAt, this.tz);
  }

  due(turn: Turn): void {
    if (!this.index.length) return;
    // Order and dispute notices are only looked up when they happen: a month's records are plenty.
    pruneSent(this.app.store, 'party:', turn.now, 40);
    const { visitReminderDay, visitReminderAt } = this.app.config.partyLinks;
    const clock = calendarOf(turn.now, this.tz);
    if (clock.dayOfMonth < visitReminderDay || (clock.dayOfMonth === visitReminderDay && clock.minute < clockMinutes(visitReminderAt))) return;
    const key = `party:visits:${clock.month}`;
    if (wasSent(this.app.store, key)) return;
    markSent(this.app.store, key, turn.now);
    const posts: Reply[] = [];
    for (const m of this.app.config.partyMembers) {
      const left = unvisited(this.index, m.id, this.visitedKeys(clock.month, m.id));
      const total = this.index.filter((l) => l.memberId === m.id).length;
      if (left.length) posts.push({ to: { contactId: m.id }, text: M.monthReminder(m.name, clock.month, left, total) });
    }
    posts.push({ to: { roomId: this.app.config.staffRoomId }, text: M.staffOverview(clock.month, this.overview(clock.month)) });
    postDue(turn, this.app.store, this.app.config, posts);
  }
}
