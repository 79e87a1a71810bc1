/**
 * 星级文明户, 报 → 审 → 晒 → 定. Households apply (申报) or neighbours recommend (推荐); staff review
 * (/评审), publicise the approved list in the grid groups (/公示) for `stars.publicityDays`, collect
 * objections privately (异议 #S3 …), and finalise (/定星). Stars are later added or removed with a
 * reason (/加星, /摘星); /星级 统计 counts households by star level.
 * Application numbers are shown `#S3` so they never read as order numbers (`#3`).
 */
import type { BotApp } from '../bot-app.js';
import type { Turn, Feature } from '../turn.js';
import { normaliseCommandText } from '../../core/commands.js';
import { findHousehold, keyOf } from '../../core/household-address.js';
import { matchLeading, matchSlash } from '../../core/slash-command.js';
import {
  applicationRef, applicationStep, changeStar, readApplication, readStarChange, readVerdict, starStats,
  type StarApplication, type StarHousehold,
} from '../../core/star-households.js';
import { STARS_VIEW_WORDS, STAR_MARK, STAR_PLAIN_WORDS, STAR_SLASH_WORDS } from '../../core/vocabulary-stars.js';
import { messages as base } from '../../messages/index.js';
import { starMessages as M } from '../../messages/star-households.js';
import { markSent, postDue, wasSent } from './sent-record.js';
import type { Reply } from '../ports.js';

export const STAR = {
  applications: 'starApplications',
  households: 'starHouseholds',
} as const;

const DAY_MS = 86_400_000;
const OPEN: readonly StarApplication['status'][] = ['applied', 'approved', 'publicised'];

export class StarHouseholds implements Feature {
  readonly name = 'star-households';

  constructor(private readonly app: BotApp) {}

  private get tz(): string {
    return this.app.config.timezone;
  }

  handle(turn: Turn): boolean {
    if (!turn.msg) return false;
    const slash = matchSlash(turn.commandText(), STAR_SLASH_WORDS);
    if (slash) {
      this.staffCommand(turn, slash.name, slash.rest);
      return true;
    }
    const plain = matchLeading(turn.commandText(), STAR_PLAIN_WORDS);
    if (!plain) return false;
    if (plain.name === 'object') return this.objection(turn, plain.rest);
    return this.apply(turn, plain.name, plain.rest);
  }

  // ── 报: apply or recommend ─────────────────────────────────────────

  private apply(turn: Turn, kind: 'apply' | 'recommend', rest: string): boolean {
    const read = readApplication(rest);
    if (!read.ok) {
      // 申请低保 is a request for the order logic; only a text about stars is ours.
      if (read.code === 'NO_STAR' && !rest.includes(STAR_MARK)) return false;
      turn.reply(M.applyUsage());
      return true;
    }
    const held = this.household(read.householdKey);
    if (held?.stars.includes(read.star)) {
      turn.reply(M.alreadyHolds(held, read.star));
      return true;
    }
    const open = this.applications().find((a) => a.householdKey === read.householdKey && a.star === read.star && OPEN.includes(a.status));
    if (open) {
      turn.reply(M.alreadyOpen(open));
      return true;
    }
    const msg = turn.msg!;
    const id = this.nextId();
    const a: StarApplication = {
      id,
      kind,
      star: read.star,
      address: read.address,
      householdKey: read.householdKey,
      household: read.household,
      story: read.story,
      gridId: turn.gridId,
      roomId: msg.roomId && !turn.inStaffRoom ? msg.roomId : null,
      applicantId: msg.talkerId,
      applicantName: msg.talkerName,
      status: 'applied',
      createdAt: turn.now,
      updatedAt: turn.now,
      publicity: null,
      objections: [],
      rejectReason: null,
      history: [{ action: kind, by: msg.talkerId, at: turn.now }],
    };
    this.save(a);
    turn.reply(M.applied(a));
    if (!turn.inStaffRoom) turn.say({ roomId: this.app.config.staffRoomId }, M.appliedToStaff(a, this.app.dir.grid(a.gridId)?.name ?? ''));
    return true;
  }

  // ── 晒: objections during publicity, privately to staff ─────────────

  private objection(turn: Turn, rest: string): boolean {
    const r = applicationRef(rest);
    if (!r) return false;
    const [id, text] = r;
    const msg = turn.msg!;
    // Never answered in the group: the objector hears back privately.
    const privately = { contactId: msg.talkerId };
    const a = this.application(id);
    if (!a) {
      turn.say(privately, M.notFound(id));
      return true;
    }
    if (!text) {
      turn.say(privately, M.objectionUsage(a));
      return true;
    }
    if (a.status !== 'publicised' || !a.publicity || turn.now >= a.publicity.until) {
      turn.say(privately, M.notInPublicity(a));
      return true;
    }
    const step = applicationStep(a, 'object', msg.talkerId, turn.now, text.slice(0, 200), {
      objections: [...a.objections, { by: msg.talkerId, name: msg.talkerName, text: text.slice(0, 500), at: turn.now }],
    });
    if (!step.ok) return true;
    this.save(step.application);
    turn.say(privately, M.objectionThanks(a));
    turn.say({ roomId: this.app.config.staffRoomId }, M.objectionToStaff(a, msg.talkerName, text));
    return true;
  }

  // ── staff: 审, 晒, 定, add and remove stars, statistics ──────────────

  private staffCommand(turn: Turn, name: keyof typeof STAR_SLASH_WORDS, rest: string): void {
    const who = turn.msg!.talkerId;
    const { dir } = this.app;
    const manager = dir.isStaff(who) || (!!turn.gridId && dir.canManage(who, turn.gridId));
    if (!manager) {
      turn.reply(base.staffOnly());
      return;
    }
    switch (name) {
      case 'review':
        return this.review(turn, rest);
      case 'publicise':
        return this.publicise(turn);
      case 'finalise':
        return this.finalise(turn, rest);
      case 'addStar':
      case 'removeStar':
        return this.changeStar(turn, name, rest);
      case 'stars':
        return this.view(turn, rest);
    }
  }

  /** The application named at the start of `rest`, if the talker may manage it; answers otherwise. */
  private target(turn: Turn, rest: string, usage: string): [StarApplication, string] | null {
    const r = applicationRef(rest);
    if (!r) {
      turn.reply(usage);
      return null;
    }
    const a = this.application(r[0]);
    if (!a) {
      turn.reply(M.notFound(r[0]));
      return null;
    }
    if (!this.app.dir.canManage(turn.msg!.talkerId, a.gridId)) {
      turn.reply(base.staffOnly());
      return null;
    }
    return [a, r[1]];
  }

  private review(turn: Turn, rest: string): void {
    const t = this.target(turn, rest, M.reviewUsage());
    if (!t) return;
    const [a, tail] = t;
    const v = readVerdict(tail);
    if (!v || (v.verdict === 'fail' && !v.note)) {
      turn.reply(M.reviewUsage());
      return;
    }
    const who = turn.msg!.talkerId;
    if (v.verdict === 'pass') {
      const r = applicationStep(a, 'approve', who, turn.now, v.note || undefined);
      if (!r.ok) return turn.reply(M.notNow(a, 'approve'));
      this.save(r.application);
      turn.reply(M.approved(r.application));
      turn.say({ contactId: a.applicantId }, M.approvedToApplicant(r.application, this.app.config.stars.publicityDays));
      return;
    }
    const r = applicationStep(a, 'reject', who, turn.now, v.note, { rejectReason: v.note });
    if (!r.ok) return turn.reply(M.notNow(a, 'reject'));
    this.save(r.application);
    turn.reply(M.rejected(r.application, v.note));
    turn.say({ contactId: a.applicantId }, M.rejectedToApplicant(r.application, v.note));
  }

  /** Posts every approved application to its grid group (a gridless one to every grid group). */
  private publicise(turn: Turn): void {
    const { config, dir } = this.app;
    // In a grid group a grid worker publicises that grid; in the staff room or privately, staff publicise all.
    const scope = turn.msg!.roomId && !turn.inStaffRoom ? turn.gridId : null;
    if (!scope && !dir.isStaff(turn.msg!.talkerId)) return turn.reply(base.staffOnly());
    const ready = this.applications().filter((a) => a.status === 'approved' && (!scope || a.gridId === scope));
    if (!ready.length) return turn.reply(M.nothingToPublicise());
    const days = config.stars.publicityDays;
    const until = turn.now + days * DAY_MS;
    const rooms = new Map<string, StarApplication[]>();
    const published: StarApplication[] = [];
    for (const a of ready) {
      const roomIds = a.gridId ? [dir.grid(a.gridId)?.roomId].filter((x): x is string => !!x) : config.grids.map((g) => g.roomId);
      const r = applicationStep(a, 'publicise', turn.msg!.talkerId, turn.now, undefined, { publicity: { from: turn.now, until, roomIds } });
      if (!r.ok) continue;
      this.save(r.application);
      published.push(r.application);
      for (const room of roomIds) rooms.set(room, [...(rooms.get(room) ?? []), r.application]);
    }
    for (const [roomId, apps] of rooms) turn.say({ roomId }, M.publicityPost(apps, days, until, this.app.config.timezone));
    const names = [...rooms.keys()].map((r) => dir.gridByRoom(r)?.name ?? r);
    const here = turn.here;
    if (!('roomId' in here && rooms.has(here.roomId))) turn.reply(M.publicised(published, names, until, this.tz));
  }

  private finalise(turn: Turn, rest: string): void {
    const t = this.target(turn, rest, M.finaliseUsage());
    if (!t) return;
    const [a] = t;
    const who = turn.msg!.talkerId;
    const r = applicationStep(a, 'finalise', who, turn.now);
    if (!r.ok) return turn.reply(r.code === 'PUBLICITY_RUNNING' ? M.publicityRunning(a, this.tz) : M.notNow(a, 'finalise'));
    this.save(r.application);
    const h = this.household(a.householdKey) ?? this.newHousehold(a.householdKey, a.address, a.household, a.gridId);
    const changed = changeStar({ ...h, name: h.name || a.household }, 'add', a.star, who, turn.now, M.finalisedNote(), a.id) ?? h;
    this.app.store.put(STAR.households, changed.key, changed);
    const level = changed.stars.length;
    for (const roomId of a.publicity?.roomIds ?? []) turn.say({ roomId }, M.finalisedInGroup(a, level));
    const here = turn.here;
    if (!('roomId' in here && a.publicity?.roomIds.includes(here.roomId))) turn.reply(M.finalised(r.application, level));
  }

  private changeStar(turn: Turn, command: 'addStar' | 'removeStar', rest: string): void {
    const read = readStarChange(rest);
    if (!read.ok) return turn.reply(M.starChangeUsage(command));
    let h: StarHousehold | undefined;
    if (read.ref !== null) {
      const a = this.application(read.ref);
      if (!a) return turn.reply(M.notFound(read.ref));
      h = this.household(a.householdKey) ?? this.newHousehold(a.householdKey, a.address, a.household, a.gridId);
    } else {
      const key = keyOf(read.address!);
      h = this.household(key) ?? this.newHousehold(key, read.address!, read.household, turn.msg!.roomId && !turn.inStaffRoom ? turn.gridId : null);
    }
    if (!this.app.dir.canManage(turn.msg!.talkerId, h.gridId)) return turn.reply(base.staffOnly());
    const action = command === 'addStar' ? 'add' : 'remove';
    const next = changeStar(h, action, read.star, turn.msg!.talkerId, turn.now, read.reason);
    if (!next) return turn.reply(M.starUnchanged(h, read.star, action));
    this.app.store.put(STAR.households, next.key, next);
    turn.reply(action === 'add' ? M.starAdded(next, read.star, read.reason) : M.starRemoved(next, read.star, read.reason));
  }

  private view(turn: Turn, rest: string): void {
    const { config, dir } = this.app;
    const w = matchLeading(normaliseCommandText(rest), STARS_VIEW_WORDS);
    if (w?.name === 'stats') {
      const s = starStats(this.app.store.values<StarHousehold>(STAR.households), config.stars);
      return turn.reply(M.stats(s, config.community.name, (id) => dir.grid(id)?.name ?? id));
    }
    if (w?.name === 'open') {
      const open = this.applications().filter((a) => OPEN.includes(a.status)).sort((a, b) => a.id - b.id);
      return turn.reply(M.openList(open, this.tz));
    }
    const place = findHousehold(rest);
    if (!place || !place.address.room) return turn.reply(M.starsUsage());
    return turn.reply(M.householdCard(this.household(keyOf(place.address)) ?? null, rest.trim(), this.tz));
  }

  // ── 晒 → 定: tell staff when a publicity period ends ─────────────────

  /** The next end of a publicity period (lets the simulator jump its clock there). */
  nextDueAt(now: number): number | null {
    let next: number | null = null;
    for (const a of this.applications()) {
      const until = a.status === 'publicised' ? a.publicity?.until : undefined;
      if (until !== undefined && until > now && (next === null || until < next)) next = until;
    }
    return next;
  }

  due(turn: Turn): void {
    const { store } = this.app;
    const posts: Reply[] = [];
    for (const a of this.applications()) {
      if (a.status !== 'publicised' || !a.publicity || turn.now < a.publicity.until) continue;
      const key = `stars:publicity-end:${a.id}`;
      if (wasSent(store, key)) continue;
      markSent(store, key, turn.now);
      posts.push({ to: { roomId: this.app.config.staffRoomId }, text: M.publicityEnded(a) });
    }
    postDue(turn, store, this.app.config, posts);
  }

  // ── records ────────────────────────────────────────────────────────

  applications(): StarApplication[] {
    return [...this.app.store.values<StarApplication>(STAR.applications)];
  }

  application(id: number): StarApplication | undefined {
    return this.app.store.get<StarApplication>(STAR.applications, String(id));
  }

  household(key: string): StarHousehold | undefined {
    return this.app.store.get<StarHousehold>(STAR.households, key);
  }

  private newHousehold(key: string, address: StarHousehold['address'], name: string, gridId: string | null): StarHousehold {
    return { key, address, name, gridId, stars: [], history: [] };
  }

  private save(a: StarApplication): void {
    this.app.store.put(STAR.applications, String(a.id), a);
  }

  private nextId(): number {
    const n = (this.app.store.get<number>('meta', 'starApplication') ?? 0) + 1;
    this.app.store.put('meta', 'starApplication', n);
    return n;
  }
}
