/**
 * Staff tools: `/导出` (the ledger as an .xlsx file, privately), `/统计`, `/加分` and `/扣分`,
 * `/积分榜`, `/回访` (second follow-ups after a low rating), and `积分` for volunteers.
 * Staff rights come from the configured staff ids only. Answers asked for in a grid group go to
 * the asker privately: points and ratings of named people are not posted to a whole group.
 */
import { namedPeriod, parsePeriod, type Period } from '../../core/period.js';
import { LOW_RATING_MAX, needsSecondFollowUp, type SecondFollowUp } from '../../core/order-facts.js';
import { cycleOfYear, pointsCycle, standings, type ManualPoints } from '../../core/points.js';
import { computeStats } from '../../core/stats.js';
import { parseStaffCommand, type StaffCommand } from '../../core/staff-commands.js';
import { PERIOD_WORDS, YEAR_SUFFIXES } from '../../core/vocabulary-staff.js';
import type { Order } from '../../core/model.js';
import { messages as M, transcriptLabels } from '../../messages/index.js';
import { staffMessages as S, ledgerFileName } from '../../messages/staff.js';
import type { BotApp } from '../bot-app.js';
import { ledgerContext, ledgerXlsxBuffer } from '../ledger.js';
import type { Reply } from '../ports.js';
import { StaffData, STAFF_COLLECTIONS } from '../staff-data.js';
import type { Feature, Turn } from '../turn.js';

/**
 * Files ride in the outbox (and its journal line) as base64 until sent, and WeChat is slow with
 * big files: larger exports are refused with a pointer to the CLI.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Orders past which `/导出` refuses before building anything (the bot handles one message at a time). */
export const MAX_EXPORT_ORDERS = 50_000;
/** How many of a volunteer's latest entries `积分` shows. */
const LATEST_ENTRIES = 6;

export interface StaffToolsLimits {
  maxFileBytes: number;
  maxExportOrders: number;
}

export class StaffTools implements Feature {
  readonly name = 'staff-tools';
  readonly data: StaffData;
  private readonly limits: StaffToolsLimits;

  constructor(
    private readonly app: BotApp,
    limits: Partial<StaffToolsLimits> = {},
  ) {
    this.data = new StaffData(app.config, app.store, app.dir);
    this.limits = { maxFileBytes: MAX_FILE_BYTES, maxExportOrders: MAX_EXPORT_ORDERS, ...limits };
  }

  /** Synchronous for everything but a staff command (most messages are not one). */
  handle(turn: Turn): boolean | Promise<boolean> {
    const cmd = parseStaffCommand(turn.text);
    if (!cmd) return false;
    if (cmd.type === 'points') return this.myPoints(turn);
    if (!this.app.dir.isStaff(turn.who)) {
      turn.reply(M.staffOnly());
      return true;
    }
    return this.staffCommand(turn, cmd).then(() => true);
  }

  /** Staff answers: in the staff room or privately where asked; from a grid group, privately. */
  private answer(turn: Turn, text: string): void {
    const inGridGroup = !!turn.msg?.roomId && !turn.inStaffRoom;
    turn.say(inGridGroup ? { contactId: turn.who } : turn.here, text);
  }

  private period(turn: Turn, raw: string, fallback: keyof typeof PERIOD_WORDS): Period | null {
    const tz = this.app.config.timezone;
    if (!raw) return namedPeriod(fallback, turn.now, tz);
    const r = parsePeriod(raw, turn.now, tz);
    if (r.ok) return r.period;
    this.answer(turn, S.badPeriod());
    return null;
  }

  private async staffCommand(turn: Turn, cmd: Exclude<StaffCommand, { type: 'points' }>): Promise<void> {
    switch (cmd.type) {
      case 'malformed':
        return this.answer(turn, S.usage(cmd.command));
      case 'export':
        return this.export(turn, cmd.period);
      case 'stats':
        return this.stats(turn, cmd.period);
      case 'adjust':
        return this.adjust(turn, cmd.name, cmd.delta, cmd.reason);
      case 'leaderboard':
        return this.leaderboard(turn, cmd.cycle);
      case 'followUpList':
        return this.followUpList(turn);
      case 'followUp':
        return this.followUp(turn, cmd.orderId, cmd.note);
    }
  }

  // ── the ledger ─────────────────────────────────────────────────────

  private async export(turn: Turn, raw: string): Promise<void> {
    const period = this.period(turn, raw, 'thisMonth');
    if (!period) return;
    const ctx = ledgerContext(this.app.store, this.app.config, period, turn.now, this.data);
    if (!ctx.orders.length) return this.answer(turn, S.exportEmpty(period));
    if (ctx.orders.length > this.limits.maxExportOrders) return this.answer(turn, S.exportTooBig(period, ctx.orders.length, null));
    const buf = await ledgerXlsxBuffer(ctx);
    if (buf.length > this.limits.maxFileBytes) return this.answer(turn, S.exportTooBig(period, ctx.orders.length, buf.length / 1024 / 1024));
    const me = { contactId: turn.who };
    const name = ledgerFileName(period);
    // Full personal data: to the asking staff member only, never to a group.
    turn.say(me, S.exportCaption(period, ctx.orders.length));
    const file: Reply = { to: me, text: `${transcriptLabels.file} ${name}`, file: { name, base64: buf.toString('base64') } };
    turn.out.push(file);
    if (turn.msg?.roomId) turn.reply(S.exportSentPrivately(this.data.names.nameOf(turn.who)));
  }

  // ── statistics ─────────────────────────────────────────────────────

  private stats(turn: Turn, raw: string): void {
    const period = this.period(turn, raw, 'thisWeek');
    if (!period) return;
    const { config } = this.app;
    const s = computeStats({
      orders: this.data.orders(),
      period,
      now: turn.now,
      config,
      groupOf: this.data.names.groupOf,
      escalated: this.data.escalated(),
      followUps: this.data.followUps(),
    });
    this.answer(turn, S.stats(s, period, this.data.names));
  }

  // ── points ─────────────────────────────────────────────────────────

  /** The standing of everyone in the cycle containing `now` (or the cycle starting in `year`). */
  private board(now: number, year?: number) {
    const rules = this.app.config.points;
    const cycle = year === undefined ? pointsCycle(now, rules.cycleStart, this.data.clock) : { year, period: cycleOfYear(year, rules.cycleStart, this.data.clock) };
    const entries = this.data.pointsEntries(now);
    return { cycle, entries, rows: standings(this.data.roster(), entries, rules, cycle.period) };
  }

  private myPoints(turn: Turn): boolean {
    const who = turn.who;
    const onRoster = this.data.roster().some((m) => m.contactId === who);
    if (!onRoster) {
      // In a group, 积分 from someone outside the points system is just chat.
      if (turn.msg?.roomId) return false;
      turn.reply(S.notOnRoster());
      return true;
    }
    const { cycle, entries, rows } = this.board(turn.now);
    const mine = rows.find((r) => r.contactId === who)!;
    const names = this.data.names;
    const latest = entries
      .filter((e) => e.contactId === who && e.at >= cycle.period.from && e.at < cycle.period.to)
      .slice(-LATEST_ENTRIES)
      .reverse()
      .map((e) => S.entryLine(e, this.data.clock.date(e.at).slice(5), names));
    turn.say({ contactId: who }, S.myPoints(names.nameOf(who), mine, cycle.year, latest));
    return true;
  }

  /** `@name` → a roster member: a mentioned contact first, then a configured name. */
  private member(turn: Turn, name: string): string | null {
    const roster = new Set(this.data.roster().map((m) => m.contactId));
    const mentioned = turn.msg?.mentionIds.find((id) => roster.has(id));
    if (mentioned) return mentioned;
    const byName = this.app.dir.findByName(name) ?? this.app.config.points.members.find((m) => m.name === name)?.id;
    return byName && roster.has(byName) ? byName : null;
  }

  private adjust(turn: Turn, name: string, delta: number, reason: string): void {
    const rules = this.app.config.points;
    const target = this.member(turn, name);
    if (!target) return this.answer(turn, S.notAMember(name));
    if (Math.abs(delta) > rules.manualMax) return this.answer(turn, S.tooManyPoints(rules.manualMax));
    const seq = (this.app.store.get<number>('meta', STAFF_COLLECTIONS.points) ?? 0) + 1;
    this.app.store.put('meta', STAFF_COLLECTIONS.points, seq);
    const entry: ManualPoints = { id: String(seq), contactId: target, delta, reason: reason.slice(0, 200), by: turn.who, at: turn.now };
    this.app.store.put(STAFF_COLLECTIONS.points, entry.id, entry);
    const total = this.board(turn.now).rows.find((r) => r.contactId === target)!.total;
    const names = this.data.names;
    this.answer(turn, S.pointsAdjusted(names.nameOf(target), delta, reason, total));
    turn.say({ contactId: target }, S.pointsAdjustedNotice(names.nameOf(turn.who), delta, reason, total));
  }

  private leaderboard(turn: Turn, raw: string): void {
    let year: number | undefined;
    const text = raw.trim();
    if (text) {
      const m = /^(\d{4})\s*(.*)$/.exec(text);
      if (m && (!m[2] || (YEAR_SUFFIXES as readonly string[]).includes(m[2]))) year = Number(m[1]);
      else if ((PERIOD_WORDS.lastYear as readonly string[]).includes(text)) year = pointsCycle(turn.now, this.app.config.points.cycleStart, this.data.clock, -1).year;
      else if (!(PERIOD_WORDS.thisYear as readonly string[]).includes(text)) return this.answer(turn, S.noSuchCycle());
    }
    const { cycle, rows } = this.board(turn.now, year);
    const running = turn.now >= cycle.period.from && turn.now < cycle.period.to;
    this.answer(turn, S.leaderboard(rows, cycle.year, this.app.config.points, this.data.names.nameOf, running ? this.data.clock.date(turn.now).slice(5) : null));
  }

  // ── second follow-ups ──────────────────────────────────────────────

  private followUpList(turn: Turn): void {
    const done = this.data.followUps();
    const list: Order[] = [];
    for (const o of this.data.orders()) if (needsSecondFollowUp(o, done.get(o.id))) list.push(o);
    list.sort((a, b) => a.id - b.id);
    const n = this.data.names;
    this.answer(turn, S.followUpList(list, n.categoryName, n.gridName, n.nameOf));
  }

  private followUp(turn: Turn, orderId: number, note: string): void {
    const o = this.app.records.order(orderId);
    if (!o) return this.answer(turn, M.orderNotFound(orderId));
    const before = this.data.followUps().get(o.id);
    if (!needsSecondFollowUp(o, before)) return this.answer(turn, before && o.rating !== null && o.rating <= LOW_RATING_MAX ? S.followUpAlreadyDone(o) : S.followUpNotNeeded(o));
    const rec: SecondFollowUp = { orderId, by: turn.who, at: turn.now, note: note.slice(0, 200) };
    this.app.store.put(STAFF_COLLECTIONS.followUps, String(orderId), rec);
    this.answer(turn, S.followUpRecorded(o, note));
  }
}
