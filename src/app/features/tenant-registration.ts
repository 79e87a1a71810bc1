/**
 * 日租房房东报备: landlords report their guests every day in the landlords' group (or privately);
 * the bot reads each report, confirms it masked, asks for what is missing, reminds those who have
 * not reported by `registration.reportBy`, and gives staff the list of who never did the next morning.
 * Full ID numbers are never stored: only their last four characters, and the raw text is not kept.
 */
import type { BotApp } from '../bot-app.js';
import type { Turn, Feature } from '../turn.js';
import type { AppConfig } from '../../core/config-schema.js';
import { normaliseCommandText } from '../../core/commands.js';
import { calendarOf, nextDailyAt } from '../../core/calendar-of.js';
import { addDays, clockMinutes } from '../../core/local-time.js';
import { findHousehold, formatHousehold } from '../../core/household-address.js';
import { parseTenantReport } from '../../core/parse-tenant-report.js';
import { isQuiet } from '../../core/quiet-hours.js';
import { leadingMention, matchLeading, matchSlash } from '../../core/slash-command.js';
import {
  completeWith, fromReport, missingFields, opensNewRegistration, reportDays, unreported, type Landlord, type Registration,
} from '../../core/tenant-registration-rules.js';
import { CORRECTION_WORDS, LANDLORD_REMOVE_WORDS, REGISTRATION_COMMAND_WORDS } from '../../core/vocabulary-registration.js';
import { messages as base } from '../../messages/index.js';
import { registrationMessages as M } from '../../messages/tenant-registration.js';
import { markSent, postDue, pruneSent, wasSent } from './sent-record.js';
import type { Reply } from '../ports.js';

export const REG = {
  registrations: 'registrations',
  /** date → ids of landlords who reported for that day (so reminders never scan history). */
  days: 'registrationDays',
  /** landlord id → id of their latest registration. */
  latest: 'registrationLatest',
  /** Landlords added or removed by staff: id → Landlord, or { id, removed: true }. */
  landlords: 'registrationLandlords',
  /** People seen in the landlords' group: id → { id, name } (to find `/房东 @name` from the staff room). */
  contacts: 'registrationContacts',
} as const;

type StoredLandlord = Landlord | { id: string; removed: true };
interface SeenContact {
  id: string;
  name: string;
}

/** How long after a report the bot still files an answer (张某 / 住3晚) on it. */
const ANSWER_WINDOW_MS = 6 * 3600_000;

export class TenantRegistration implements Feature {
  readonly name = 'tenant-registration';
  readonly rooms: readonly string[];

  constructor(private readonly app: BotApp) {
    this.rooms = app.config.registration ? [app.config.registration.roomId] : [];
  }

  private get cfg(): NonNullable<AppConfig['registration']> {
    return this.app.config.registration!;
  }

  private get tz(): string {
    return this.app.config.timezone;
  }

  /** Configured landlords, with staff's additions and removals applied. */
  landlords(): Landlord[] {
    const stored = new Map<string, StoredLandlord>();
    for (const l of this.app.store.values<StoredLandlord>(REG.landlords)) stored.set(l.id, l);
    const out: Landlord[] = [];
    for (const l of this.cfg.landlords) {
      const s = stored.get(l.id);
      stored.delete(l.id);
      if (!s) out.push({ id: l.id, name: l.name, address: l.address });
      else if (!('removed' in s)) out.push(s);
    }
    for (const s of stored.values()) if (!('removed' in s)) out.push(s);
    return out;
  }

  private landlord(id: string): Landlord | undefined {
    return this.landlords().find((l) => l.id === id);
  }

  handle(turn: Turn): boolean {
    if (!this.app.config.registration || !turn.msg) return false;
    const msg = turn.msg;
    const inRoom = msg.roomId === this.cfg.roomId;
    const slash = matchSlash(turn.commandText(), REGISTRATION_COMMAND_WORDS);
    if (slash) {
      if (!this.app.dir.isStaff(msg.talkerId)) {
        turn.reply(base.staffOnly());
        return true;
      }
      if (slash.name === 'landlord') this.landlordCommand(turn, slash.rest);
      else this.statusCommand(turn, slash.rest);
      return true;
    }
    if (inRoom) {
      this.noteContact(msg.talkerId, msg.talkerName);
      // Every other slash command goes on to the order commands (/帮助, /待办).
      if (turn.commandText().startsWith('/')) return false;
      this.report(turn);
      return true;
    }
    // Privately, a landlord's report (or answer) is theirs; anything else is an ordinary request.
    if (!msg.roomId && this.landlord(msg.talkerId)) return this.report(turn, true);
    return false;
  }

  /** Reads a report; in the landlords' group every message is ours, privately only reports are. */
  private report(turn: Turn, privately = false): boolean {
    const msg = turn.msg!;
    const now = turn.now;
    const today = calendarOf(now, this.tz).date;
    this.noteSince(now);
    let text = turn.commandText();
    const correction = matchLeading(text, { correct: CORRECTION_WORDS });
    if (correction) text = correction.rest;
    const report = parseTenantReport(text, now, this.tz);
    const known = this.landlord(msg.talkerId);
    const landlord = known ?? { id: msg.talkerId, name: msg.talkerName, address: '' };
    const latest = this.latest(landlord.id);
    const latestToday = latest && latest.reportDate === today ? latest : undefined;
    const mention = msg.roomId ? [landlord.id] : undefined;
    const say = (t: string) => turn.say(turn.here, msg.roomId ? `@${msg.talkerName} ${t}` : t, mention);

    if (correction && latestToday && report.isReport) {
      const fixed = { ...fromReport(report, { id: latestToday.id, landlord, now, today, roomId: msg.roomId, fallbackAddress: this.fallback(landlord) }), reportedAt: latestToday.reportedAt };
      this.save(fixed);
      say(M.registered(fixed, { missing: missingFields(fixed), fullIdsRefused: report.fullIdsRefused, verb: 'corrected' }));
      return true;
    }

    const pending = latestToday && now - latestToday.updatedAt < ANSWER_WINDOW_MS && missingFields(latestToday).length ? latestToday : undefined;
    if (pending && !opensNewRegistration(report)) {
      const done = completeWith(pending, report, now);
      if (done) {
        this.save(done);
        say(M.registered(done, { missing: missingFields(done), fullIdsRefused: report.fullIdsRefused, verb: 'completed' }));
        return true;
      }
      if (report.isReport) {
        say(M.nothingAdded(missingFields(pending)));
        return true;
      }
    }
    if (!report.isReport) return !privately;

    const id = this.nextId();
    const reg = fromReport(report, { id, landlord, now, today, roomId: msg.roomId, fallbackAddress: this.fallback(landlord) });
    this.save(reg);
    say(M.registered(reg, { missing: missingFields(reg), fullIdsRefused: report.fullIdsRefused, verb: 'new' }));
    if (!known) {
      const key = `registration:stranger:${landlord.id}`;
      if (!wasSent(this.app.store, key)) {
        markSent(this.app.store, key, now);
        turn.say({ roomId: this.app.config.staffRoomId }, M.strangerToStaff(msg.talkerName));
      }
    }
    return true;
  }

  private fallback(l: Landlord) {
    return l.address ? (findHousehold(l.address)?.address ?? null) : null;
  }

  private latest(landlordId: string): Registration | undefined {
    const id = this.app.store.get<number>(REG.latest, landlordId);
    return id === undefined ? undefined : this.app.store.get<Registration>(REG.registrations, String(id));
  }

  private save(r: Registration): void {
    const { store } = this.app;
    store.put(REG.registrations, String(r.id), r);
    store.put(REG.latest, r.landlordId, r.id);
    for (const day of reportDays(r)) {
      const ids = store.get<string[]>(REG.days, day) ?? [];
      if (!ids.includes(r.landlordId)) store.put(REG.days, day, [...ids, r.landlordId]);
    }
  }

  private nextId(): number {
    const n = (this.app.store.get<number>('meta', 'registration') ?? 0) + 1;
    this.app.store.put('meta', 'registration', n);
    return n;
  }

  /**
   * The first day that counts: today if the feature first ran before `reportBy` (landlords could
   * report and be reminded), else tomorrow. No morning list is made for a day before it.
   */
  private noteSince(now: number): void {
    if (this.app.store.get('meta', 'registration:since') !== undefined) return;
    const clock = calendarOf(now, this.tz);
    this.app.store.put('meta', 'registration:since', clock.minute < clockMinutes(this.cfg.reportBy) ? clock.date : addDays(clock.date, 1));
  }

  private noteContact(id: string, name: string): void {
    if (this.app.store.get<SeenContact>(REG.contacts, id)?.name !== name) this.app.store.put(REG.contacts, id, { id, name });
  }

  private reportedOn(date: string): Set<string> {
    return new Set(this.app.store.get<string[]>(REG.days, date) ?? []);
  }

  /** Registrations that count for a day (for `/报备` and the morning list). */
  registrationsOn(date: string): Registration[] {
    const out: Registration[] = [];
    for (const r of this.app.store.values<Registration>(REG.registrations)) if (reportDays(r).includes(date)) out.push(r);
    return out.sort((a, b) => a.id - b.id);
  }

  /** The next reminder or morning list (lets the simulator jump its clock there). */
  nextDueAt(now: number): number | null {
    if (!this.app.config.registration) return null;
    return Math.min(nextDailyAt(now, this.cfg.reportBy, this.tz), nextDailyAt(now, this.cfg.staffListAt, this.tz));
  }

  due(turn: Turn): void {
    if (!this.app.config.registration) return;
    const { store } = this.app;
    const clock = calendarOf(turn.now, this.tz);
    this.noteSince(turn.now);
    const posts: Reply[] = [];
    if (clock.minute >= clockMinutes(this.cfg.reportBy)) {
      const key = `registration:remind:${clock.date}`;
      if (!wasSent(store, key)) {
        markSent(store, key, turn.now);
        // A reminder about today is no use the next morning: in quiet hours (the bot was down at reportBy) it is dropped.
        if (!isQuiet(turn.now, this.app.config.schedule.quietHours, this.tz)) {
          for (const l of unreported(this.landlords(), this.reportedOn(clock.date))) posts.push({ to: { contactId: l.id }, text: M.reminder(l.name, clock.date) });
        }
      }
    }
    const yesterday = addDays(clock.date, -1);
    const since = store.get<string>('meta', 'registration:since')!;
    if (clock.minute >= clockMinutes(this.cfg.staffListAt) && yesterday >= since) {
      const key = `registration:staff:${yesterday}`;
      if (!wasSent(store, key)) {
        markSent(store, key, turn.now);
        const landlords = this.landlords();
        const regs = this.registrationsOn(yesterday);
        const guests = regs.reduce((n, r) => n + (r.none ? 0 : (r.guests ?? 0)), 0);
        const incomplete = regs.filter((r) => missingFields(r).length > 0);
        const missing = unreported(landlords, this.reportedOn(yesterday));
        posts.push({ to: { roomId: this.app.config.staffRoomId }, text: M.unreportedToStaff(yesterday, missing, { landlords: landlords.length, guests, incomplete }) });
      }
    }
    postDue(turn, store, this.app.config, posts);
    pruneSent(store, 'registration:', turn.now, 60);
  }

  // ── staff commands ─────────────────────────────────────────────────

  private landlordCommand(turn: Turn, rest: string): void {
    if (!rest) {
      turn.reply(M.landlordList(this.landlords()));
      return;
    }
    const remove = matchLeading(rest, { remove: LANDLORD_REMOVE_WORDS });
    const who = leadingMention(remove ? remove.rest : rest);
    if (!who) {
      turn.reply(M.landlordUsage());
      return;
    }
    const [name, tail] = who;
    const id = this.resolve(turn, name);
    if (!id) {
      turn.reply(M.landlordNotFound(name));
      return;
    }
    if (remove) {
      const l = this.landlord(id);
      this.app.store.put(REG.landlords, id, { id, removed: true });
      turn.reply(M.landlordRemoved(l?.name ?? name));
      return;
    }
    const place = findHousehold(tail);
    if (!place) {
      turn.reply(M.landlordUsage());
      return;
    }
    const l: Landlord = { id, name: this.app.store.get<SeenContact>(REG.contacts, id)?.name ?? name, address: formatHousehold(place.address) };
    this.app.store.put(REG.landlords, id, l);
    turn.reply(M.landlordAdded(l, this.cfg.reportBy));
  }

  /** The contact meant by `@name`: a real mention, else someone seen in the landlords' group or listed. */
  private resolve(turn: Turn, name: string): string | undefined {
    const mentioned = turn.msg!.mentionIds[0];
    if (mentioned) return mentioned;
    for (const l of this.landlords()) if (l.name === name) return l.id;
    for (const [id, n] of this.contactEntries()) if (n === name) return id;
    return undefined;
  }

  private *contactEntries(): Generator<[string, string]> {
    for (const c of this.app.store.values<SeenContact>(REG.contacts)) yield [c.id, c.name];
  }

  private statusCommand(turn: Turn, rest: string): void {
    const today = calendarOf(turn.now, this.tz).date;
    const date = rest ? normaliseCommandText(rest) : today;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      turn.reply(M.statusUsage());
      return;
    }
    const landlords = this.landlords();
    const missing = unreported(landlords, this.reportedOn(date));
    // Guests' names and ID tails only where no landlord or resident reads along.
    const full = turn.inStaffRoom || !turn.msg!.roomId;
    turn.reply(M.status(date, landlords, this.registrationsOn(date), missing, full));
  }
}
