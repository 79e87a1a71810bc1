/**
 * The use cases: one inbound message in, replies out, state changed through the store.
 * Messages are handled strictly one at a time; every change is committed before its replies leave.
 */
import type { AppConfig } from '../core/config-schema.js';
import { buildDirectory, type Directory } from '../core/directory.js';
import type { Command } from '../core/commands.js';
import { isOrderReading } from '../core/parse-message.js';
import { applyTransition, submittedLine } from '../core/order-machine.js';
import { isOpen, type Order, type OrderAction } from '../core/model.js';
import { sanitiseText } from '../core/privacy.js';
import type { Reading } from '../core/reading.js';
import { rankVolunteers } from '../core/rank-volunteers.js';
import { afterQuiet, isQuiet } from '../core/quiet-hours.js';
import { cycleOf, isDispatchLine } from '../core/plan-due.js';
import { messages as M } from '../messages/index.js';
import { scheduleMessages as S } from '../messages/schedule.js';
import type { Clock, InboundMessage, Reply, Store } from './ports.js';
import { C, Records } from './records.js';
import { holdForQuietHours, holdPost, leavesMap } from './schedule-records.js';
import { cleanInbound } from './clean-inbound.js';
import { Turn, type Feature } from './turn.js';

/** A request repeated by the same resident within this time is not a new order. */
const REPEAT_WINDOW_MS = 24 * 3600_000;
/** A shorter repeat must have at least this many characters to count as contained in the earlier one. */
const MIN_CONTAINED_CHARS = 8;

/** The letters and digits of a message, for comparing a repeat with the earlier request. */
function requestWords(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
}

/** How long the bot waits for a resident to add a missing address or phone. */
const AWAIT_DETAILS_MS = 30 * 60_000;

export interface AppDeps {
  config: AppConfig;
  store: Store;
  clock: Clock;
}

type Context = Turn & { msg: InboundMessage };

export class BotApp {
  readonly dir: Directory;
  readonly records: Records;
  private queue: Promise<unknown> = Promise.resolve();

  private readonly features: Feature[] = [];
  /** Sent replies waiting to leave the outbox, and the queued turn that removes them. */
  private sentIds: string[] = [];
  private sentRemoval: Promise<void> | null = null;
  /** Whether the message being handled touched an urgent order (its notices are never held at night). */
  private touchedUrgent = false;

  constructor(private readonly deps: AppDeps) {
    this.dir = buildDirectory(deps.config);
    this.records = new Records(deps.store);
  }

  /** Plugs in a capability; features are asked in the order they were added. */
  use(feature: Feature): this {
    this.features.push(feature);
    return this;
  }

  /** Rooms some feature listens in, besides the grid rooms and the staff room. */
  featureRooms(): string[] {
    return this.features.flatMap((f) => f.rooms ?? []);
  }

  /** Tells the features that watch new orders. */
  private orderOpened(ctx: Turn, o: Order): void {
    for (const f of this.features) f.orderOpened?.(ctx, o);
  }

  get store(): Store {
    return this.deps.store;
  }

  /**
   * Runs what is due at `now` (scheduled posts, reminders): each feature decides from the stored
   * state and its record of what was sent, so a restart neither repeats nor loses a post.
   */
  runDueJobs(now: number): Promise<Reply[]> {
    return this.serial(async () => {
      const turn = new Turn(now, null, '', null, false);
      for (const f of this.features) if (f.due) await f.due(turn);
      const sent = turn.out.map((r) => this.records.enqueue(r));
      await this.deps.store.commit();
      return sent;
    });
  }

  get config(): AppConfig {
    return this.deps.config;
  }

  /**
   * The next moment after `now` when a feature has something due (the simulator jumps its clock
   * there). A feature with `due` but no `nextDueAt` is asked every minute.
   */
  nextDueAt(now: number): number | null {
    let best: number | null = null;
    for (const f of this.features) {
      if (!f.due) continue;
      const t = f.nextDueAt ? f.nextDueAt(now) : (Math.floor(now / 60_000) + 1) * 60_000;
      if (t !== null && t > now && (best === null || t < best)) best = t;
    }
    return best;
  }

  /** Runs `fn` after everything queued before it: no interleaved read-modify-write. */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Handles one message; resolves to the replies to send (already durable in the outbox). The next
   * message is handled while this one's commit reaches the disk: its replies wait for it, and the
   * journal is written in order, so nothing is reported before it is durable.
   */
  handleMessage(msg: InboundMessage, applied?: () => void): Promise<Reply[]> {
    return this.applyMessage(msg).then(({ replies, durable }) => {
      applied?.();
      return durable.then(() => replies);
    });
  }

  /**
   * Handles one message in the queue; resolves once the change is made, with its replies (recorded
   * in the outbox) and `durable`, which resolves once the change is on disk: only then may the
   * replies be sent.
   */
  applyMessage(msg: InboundMessage): Promise<{ replies: Reply[]; durable: Promise<void> }> {
    return this.serial(() => this.handle(cleanInbound(msg)));
  }

  /** Replies recorded but not yet sent (e.g. after a crash). */
  pendingReplies(): Reply[] {
    return this.records.outbox();
  }

  /**
   * Removes a sent reply from the outbox. Replies sent close together are removed in one turn of
   * the queue and one journal line.
   */
  markSent(replyId: string): Promise<void> {
    this.sentIds.push(replyId);
    return (this.sentRemoval ??= this.serial(async () => {
      const ids = this.sentIds;
      this.sentIds = [];
      this.sentRemoval = null;
      for (const id of ids) this.deps.store.delete('outbox', id);
      // Not waited for: if a crash loses this line, the reply is sent once more at the next start.
      this.deps.store.commit().catch(() => undefined);
    }));
  }

  /** A reply that could not be sent: kept in `failed` and reported to the staff room. */
  markFailed(reply: Reply, error: string): Promise<Reply[]> {
    return this.serial(async () => {
      const { store, config, clock } = this.deps;
      store.delete('outbox', reply.id ?? '');
      store.put(C.failed, reply.id ?? String(clock.now()), { ...reply, error, at: clock.now() });
      const toStaff = 'roomId' in reply.to && reply.to.roomId === config.staffRoomId;
      const out = toStaff ? [] : [this.records.enqueue({ to: { roomId: config.staffRoomId }, text: M.sendFailed('roomId' in reply.to ? reply.to.roomId : reply.to.contactId, reply.text) })];
      await store.commit();
      return out;
    });
  }

  private async handle(msg: InboundMessage): Promise<{ replies: Reply[]; durable: Promise<void> }> {
    const { config, store, clock } = this.deps;
    const none = { replies: [], durable: Promise.resolve() };
    if (this.records.seen(msg.id)) return none;
    const inStaffRoom = msg.roomId === config.staffRoomId;
    const roomGrid = msg.roomId ? this.dir.gridByRoom(msg.roomId) : undefined;
    if (msg.roomId && !roomGrid && !inStaffRoom && !this.featureRooms().includes(msg.roomId)) return none;

    const text = sanitiseText(msg.text, config.orders.maxTextLength);
    const now = clock.now();
    const known = this.records.contact(msg.talkerId);
    if (roomGrid && (!known || known.gridId !== roomGrid.id || known.name !== msg.talkerName)) {
      this.records.putContact(msg.talkerId, { ...known, name: msg.talkerName, gridId: roomGrid.id });
    }
    const gridId = roomGrid?.id ?? (msg.roomId ? null : (known?.gridId ?? null));
    const ctx = new Turn(now, msg, text, gridId, inStaffRoom) as Context;
    this.touchedUrgent = false;

    if (text) {
      let handled = false;
      for (const f of this.features) {
        if (!f.handle) continue;
        // Most features answer synchronously: no extra microtask per feature and message.
        const mine = f.handle(ctx);
        if (mine === true || (mine !== false && (await mine))) {
          handled = true;
          break;
        }
      }
      if (!handled) {
        const cmd = ctx.command();
        if (cmd) this.command(ctx, cmd);
        else if (!inStaffRoom) this.request(ctx);
        else if (msg.mentionsBot) this.say(ctx, ctx.here, M.unknownCommand());
      }
    }

    if (ctx.out.length) this.records.markSeen(msg.id, now);
    // Quiet hours: posts to anyone but this conversation wait for the morning unless urgent.
    const out = this.touchedUrgent ? ctx.out : holdForQuietHours(store, config, now, msg.roomId ? { roomId: msg.roomId } : { contactId: msg.talkerId }, msg.talkerId, ctx.out);
    const sent = out.map((r) => this.records.enqueue(r));
    // Durable before any reply that reports the change leaves (a no-op when nothing changed).
    return { replies: sent, durable: store.commit() };
  }

  private say(ctx: Turn, to: Reply['to'], text: string, mentionIds?: string[], urgent?: boolean): void {
    ctx.say(to, text, mentionIds, urgent);
  }

  save(o: Order): void {
    if (o.urgent) this.touchedUrgent = true;
    this.records.putOrder(o);
  }

  categoryName(key: string): string {
    return this.dir.category(key)?.name ?? key;
  }

  nameOf(contactId: string): string {
    if (contactId === 'bot') return '系统';
    return this.dir.nameOf(contactId) ?? this.records.contact(contactId)?.name ?? contactId;
  }

  // ── requests ───────────────────────────────────────────────────────

  private request(ctx: Context): void {
    const { msg, now } = ctx;
    const awaiting = this.records.contact(msg.talkerId)?.awaiting;
    const reading = ctx.reading(this.config.catalogue);
    const isRequest = isOrderReading(reading) && !!reading.category && !!this.dir.category(reading.category);

    if (!isRequest && awaiting && awaiting.until > now && this.addDetails(ctx, awaiting.orderId, reading)) return;
    if (isRequest) {
      const earlier = this.sameOpenRequest(msg.talkerId, reading.category!, ctx.text, now);
      if (earlier) this.say(ctx, ctx.here, M.alreadyRequested(earlier, this.categoryName(earlier.category)));
      else this.createOrder(ctx, reading);
      return;
    }
    if (msg.mentionsBot || !msg.roomId) this.say(ctx, ctx.here, M.clarify());
  }

  /**
   * The resident's own open order for the same thing, asked again (people repost when nobody
   * answers at once): same category, within a day, the same words or one message containing the other.
   */
  private sameOpenRequest(residentId: string, category: string, text: string, now: number): Order | undefined {
    const words = requestWords(text);
    for (const o of this.records.openOrdersOf(residentId)) {
      if (o.category !== category || now - o.createdAt > REPEAT_WINDOW_MS) continue;
      const before = requestWords(o.text);
      const [short, long] = before.length <= words.length ? [before, words] : [words, before];
      if (short === long || (short.length >= MIN_CONTAINED_CHARS && long.includes(short))) return o;
    }
    return undefined;
  }

  /** A resident answers the bot's question for an address or phone. */
  private addDetails(ctx: Context, orderId: number, reading: Reading): boolean {
    const o = this.records.order(orderId);
    if (!o || o.residentId !== ctx.msg.talkerId || !isOpen(o)) return false;
    const address = !o.address && reading.address ? reading.address : null;
    const phone = !o.phone && reading.phone ? reading.phone : null;
    if (!address && !phone) return false;
    const updated: Order = { ...o, address: address ?? o.address, phone: phone ?? o.phone, updatedAt: ctx.now };
    this.save(updated);
    const c = this.records.contact(ctx.msg.talkerId);
    if (c && (updated.address && updated.phone)) this.records.putContact(ctx.msg.talkerId, { name: c.name, gridId: c.gridId });
    this.say(ctx, ctx.here, M.detailsAdded(updated, { address: !!address, phone: !!phone }));
    if (address) this.orderOpened(ctx, updated);
    if (updated.claimerId) this.say(ctx, { contactId: updated.claimerId }, M.orderDetails(updated, this.categoryName(updated.category)));
    return true;
  }

  private createOrder(ctx: Context, reading: Reading): void {
    const { msg, now } = ctx;
    const category = this.dir.category(reading.category!)!;
    const id = this.records.next('order');
    let order: Order = {
      id,
      gridId: ctx.gridId,
      roomId: msg.roomId,
      kind: category.kind,
      category: category.key,
      text: ctx.text,
      summary: reading.summary.trim() || category.name,
      residentId: msg.talkerId,
      residentName: msg.talkerName,
      address: reading.address,
      phone: reading.phone,
      when: reading.when,
      urgent: reading.urgent,
      status: 'submitted',
      createdAt: now,
      updatedAt: now,
      acceptedBy: null,
      claimerId: null,
      invitedIds: [],
      rating: null,
      ratingNote: null,
      history: [submittedLine(msg.talkerId, now)],
    };
    const waits = this.config.orders.requireAcceptance.includes(category.key) || !order.gridId;
    const askAddress = category.kind === 'service' && !order.address;
    const askPhone = !order.phone;
    const callHeld = !waits && this.callWaitsForMorning(order, now);
    const callHeldNote = callHeld ? S.callHeldNote(afterQuiet(now, this.config.schedule.quietHours, this.config.timezone)) : undefined;
    this.say(ctx, ctx.here, M.orderCreated(order, category.name, { waitsForAcceptance: waits && !!order.gridId, askAddress, askPhone, callHeldNote }));
    this.orderOpened(ctx, order);
    if (askAddress || askPhone) {
      const c = this.records.contact(msg.talkerId);
      this.records.putContact(msg.talkerId, { name: c?.name ?? msg.talkerName, gridId: c?.gridId ?? order.gridId, awaiting: { orderId: id, until: now + AWAIT_DETAILS_MS } });
    }
    if (waits) {
      this.save(order);
      this.say(ctx, { roomId: this.config.staffRoomId }, M.dispatchToStaff(order, category.name, order.gridId ? 'acceptance' : 'no_grid'), undefined, order.urgent);
      return;
    }
    order = this.step(order, 'accept', 'bot', now, undefined, { acceptedBy: 'bot' });
    this.dispatch(ctx, order);
  }

  /** Applies a transition that the caller has already checked is allowed. */
  step(o: Order, action: OrderAction, by: string, at: number, note?: string, patch?: Partial<Order>): Order {
    const r = applyTransition(o, action, by, at, note, patch);
    if (!r.ok) throw new Error(`internal: ${action} not allowed from ${o.status} on #${o.id}`);
    return r.order;
  }

  /** Opens an accepted order for claiming and calls matching volunteers in the grid group. */
  dispatch(ctx: Context, accepted: Order): void {
    const invited = this.pickVolunteers(accepted, ctx.now);
    const order = this.step(accepted, 'dispatch', 'bot', ctx.now, undefined, { invitedIds: invited });
    this.save(order);
    const grid = this.dir.grid(order.gridId);
    const catName = this.categoryName(order.category);
    if (!grid) return;
    // A call held for the morning is made afresh then, and tells staff if nobody is free.
    if (!invited.length && !this.callWaitsForMorning(order, ctx.now)) {
      this.say(ctx, { roomId: this.config.staffRoomId }, M.dispatchToStaff(order, catName, 'no_volunteer'), undefined, order.urgent);
    }
    this.callVolunteers(ctx, order, invited);
  }

  /** A non-urgent order's call to volunteers made in quiet hours waits for the morning. */
  callWaitsForMorning(o: Order, now: number): boolean {
    return !o.urgent && isQuiet(now, this.config.schedule.quietHours, this.config.timezone);
  }

  /** Posts the dispatch call in the grid group, or holds it for the morning (the schedule sends it then). */
  callVolunteers(ctx: Turn, o: Order, invited: string[]): void {
    const grid = this.dir.grid(o.gridId);
    if (!grid) return;
    const reply = { to: { roomId: grid.roomId }, text: M.dispatchCall(o, this.categoryName(o.category), invited.map((v) => this.nameOf(v))), ...(invited.length ? { mentionIds: invited } : {}), ...(o.urgent ? { urgent: true } : {}) };
    if (this.callWaitsForMorning(o, ctx.now)) holdPost(this.deps.store, ctx.now, reply, { order: o, cycle: cycleOf(o, isDispatchLine).cycle });
    else this.say(ctx, reply.to, reply.text, invited, o.urgent);
  }

  /** Who a dispatch call @-mentions (see rankVolunteers): skill, grid, available, under capacity, least recently given work. */
  pickVolunteers(o: Order, now: number, exclude: readonly string[] = []): string[] {
    const { config, store } = this.deps;
    const volunteers = o.gridId ? this.dir.volunteersFor(o.gridId) : [];
    return rankVolunteers(o, { volunteers, workload: this.records.workload(), leaves: leavesMap(store), now, tz: config.timezone }, config.dispatch.mentions, exclude);
  }

  // ── commands ───────────────────────────────────────────────────────

  private command(ctx: Context, cmd: Command): void {
    const { msg } = ctx;
    switch (cmd.type) {
      case 'unknown':
        this.say(ctx, ctx.here, M.unknownCommand());
        return;
      case 'malformed':
        this.say(ctx, ctx.here, M.usage(cmd.command));
        return;
      case 'help':
        this.say(ctx, ctx.here, M.help(this.roleOf(msg.talkerId, ctx.gridId)));
        return;
      case 'todo':
        return this.todo(ctx);
      case 'rate':
        return this.rate(ctx, cmd.orderId, cmd.score, cmd.note);
      default:
        break;
    }
    const o = this.records.order(cmd.orderId);
    if (!o) {
      this.say(ctx, ctx.here, M.orderNotFound(cmd.orderId));
      return;
    }
    switch (cmd.type) {
      case 'claim':
        return this.claim(ctx, o);
      case 'start':
      case 'complete':
      case 'abandon':
        return this.claimerAction(ctx, o, cmd);
      case 'cancel':
        return this.cancel(ctx, o, cmd.note);
      default:
        return this.staffCommand(ctx, o, cmd);
    }
  }

  roleOf(contactId: string, gridId: string | null): 'staff' | 'manager' | 'volunteer' | 'resident' {
    if (this.dir.isStaff(contactId)) return 'staff';
    if (gridId && this.dir.canManage(contactId, gridId)) return 'manager';
    if (this.dir.volunteer(contactId)) return 'volunteer';
    return 'resident';
  }

  /**
   * Tells the resident: in their group with a mention, or privately for a private request.
   * `quietly`: in the group without the mention (an @ rings the resident's phone at night).
   */
  tellResident(ctx: Context, o: Order, inGroup: (name: string | null) => string, privately: string, quietly = false): void {
    if (o.roomId && quietly) this.say(ctx, { roomId: o.roomId }, inGroup(null));
    else if (o.roomId) this.say(ctx, { roomId: o.roomId }, inGroup(o.residentName), [o.residentId]);
    else this.say(ctx, { contactId: o.residentId }, privately);
  }

  private claim(ctx: Context, o: Order): void {
    const who = ctx.msg.talkerId;
    const v = this.dir.volunteer(who);
    if (!v || !o.gridId || !v.gridIds.includes(o.gridId)) {
      this.say(ctx, ctx.here, M.onlyGridVolunteers(o));
      return;
    }
    if (o.claimerId === who && (o.status === 'claimed' || o.status === 'in_progress')) {
      this.say(ctx, ctx.here, M.alreadyYours(o));
      return;
    }
    if (o.claimerId && (o.status === 'claimed' || o.status === 'in_progress')) {
      this.say(ctx, ctx.here, M.alreadyClaimedBy(o, this.nameOf(o.claimerId)));
      return;
    }
    if (o.status !== 'dispatched') {
      this.say(ctx, ctx.here, M.notClaimable(o));
      return;
    }
    const holding = this.records.workload().open.get(who) ?? 0;
    if (holding >= v.capacity) {
      this.say(ctx, ctx.here, S.overCapacity(o, holding));
      return;
    }
    const claimed = this.step(o, 'claim', who, ctx.now, undefined, { claimerId: who });
    this.save(claimed);
    this.announceClaim(ctx, claimed);
  }

  private announceClaim(ctx: Context, o: Order): void {
    const name = this.nameOf(o.claimerId!);
    const eta = o.when ? S.claimEta(o.when, o.kind) : undefined;
    this.tellResident(ctx, o, (n) => M.claimedInGroup(o, name, n, eta), M.claimedPrivately(o, name, eta));
    this.say(ctx, { contactId: o.claimerId! }, M.orderDetails(o, this.categoryName(o.category)));
  }

  private claimerAction(ctx: Context, o: Order, cmd: Extract<Command, { type: 'start' | 'complete' | 'abandon' }>): void {
    const who = ctx.msg.talkerId;
    if (o.claimerId !== who && !this.dir.canManage(who, o.gridId)) {
      this.say(ctx, ctx.here, M.onlyClaimer(o));
      return;
    }
    const action: OrderAction = cmd.type === 'start' ? 'start' : cmd.type === 'complete' ? 'resolve' : 'abandon';
    const note = cmd.type === 'start' ? undefined : cmd.note || undefined;
    const r = applyTransition(o, action, who, ctx.now, note, action === 'abandon' ? { claimerId: null } : {});
    if (!r.ok) {
      this.say(ctx, ctx.here, M.notAllowedNow(o, action));
      return;
    }
    if (action === 'start') {
      this.save(r.order);
      this.say(ctx, ctx.here, M.started(r.order));
      return;
    }
    if (action === 'abandon') {
      this.save(r.order);
      this.say(ctx, ctx.here, M.abandoned(r.order, this.nameOf(who)));
      // Back in the pool: call volunteers again, except the one who gave it back.
      const invited = this.pickVolunteers(r.order, ctx.now, o.claimerId ? [o.claimerId] : []);
      const again = { ...r.order, invitedIds: invited };
      this.save(again);
      this.callVolunteers(ctx, again, invited);
      return;
    }
    // resolve → report (the bot enters it in the ledger and tells staff) → ask the resident to rate
    const reported = this.step(r.order, 'report', 'bot', ctx.now);
    this.save(reported);
    if (ctx.here && 'contactId' in ctx.here) this.say(ctx, ctx.here, M.youResolved(reported));
    // The rating is asked now only if the follow-up plan starts at 0 minutes; later asks are scheduled.
    const asks = this.config.schedule.followUp.asksAfterMinutes;
    // Finished at night: the group sees it, but the resident is not @-mentioned (the morning's follow-up asks again).
    const quietly = !reported.urgent && isQuiet(ctx.now, this.config.schedule.quietHours, this.config.timezone);
    if (asks[0] === 0) this.tellResident(ctx, reported, (n) => M.resolvedAskRating(reported, n), M.resolvedAskRatingPrivately(reported), quietly);
    else this.tellResident(ctx, reported, (n) => S.resolvedNoAsk(reported, n, asks.length > 0), S.resolvedNoAsk(reported, null, asks.length > 0), quietly);
    this.say(ctx, { roomId: this.config.staffRoomId }, M.reportedToStaff(reported, this.categoryName(reported.category), this.nameOf(reported.claimerId ?? who), cmd.type === 'complete' ? cmd.note : ''));
  }

  private cancel(ctx: Context, o: Order, note: string): void {
    const who = ctx.msg.talkerId;
    if (o.residentId !== who && !this.dir.canManage(who, o.gridId)) {
      this.say(ctx, ctx.here, M.notYourOrder(o));
      return;
    }
    const r = applyTransition(o, 'cancel', who, ctx.now, note || undefined);
    if (!r.ok) {
      this.say(ctx, ctx.here, M.notAllowedNow(o, 'cancel'));
      return;
    }
    this.save(r.order);
    this.say(ctx, ctx.here, M.cancelled(r.order));
    if (o.claimerId && o.claimerId !== who) this.say(ctx, { contactId: o.claimerId }, M.cancelledToClaimer(r.order));
  }

  private rate(ctx: Context, orderId: number | null, score: number, note: string): void {
    const who = ctx.msg.talkerId;
    let o: Order | undefined;
    if (orderId === null) {
      // A bare "5" counts only from a resident who has an order waiting for a rating; otherwise it is chat.
      for (const x of this.records.awaitingRating(who, ctx.now)) if (!o || x.updatedAt >= o.updatedAt) o = x;
      if (!o) return;
    } else {
      o = this.records.order(orderId);
      if (!o) {
        this.say(ctx, ctx.here, M.orderNotFound(orderId));
        return;
      }
      if (o.residentId !== who) {
        this.say(ctx, ctx.here, M.notYourOrder(o));
        return;
      }
    }
    const r = applyTransition(o, 'rate', who, ctx.now, note || undefined, { rating: score, ratingNote: note || null });
    if (!r.ok) {
      this.say(ctx, ctx.here, M.notRatable(o));
      return;
    }
    this.save(r.order);
    this.say(ctx, ctx.here, M.rated(r.order, score));
    if (score <= 2) this.say(ctx, { roomId: this.config.staffRoomId }, M.lowRatingToStaff(r.order, score, note));
  }

  private todo(ctx: Context): void {
    const who = ctx.msg.talkerId;
    const staff = this.dir.isStaff(who);
    if (!staff && !(ctx.gridId && this.dir.canManage(who, ctx.gridId))) {
      this.say(ctx, ctx.here, M.staffOnly());
      return;
    }
    // In a grid group: that grid's orders. In the staff room or privately, staff see all.
    const scopeGrid = ctx.msg.roomId && !ctx.inStaffRoom ? ctx.gridId : staff ? null : ctx.gridId;
    const open = [...this.records.openOrders()].filter((o) => !scopeGrid || o.gridId === scopeGrid);
    const scope = scopeGrid ? (this.dir.grid(scopeGrid)?.name ?? '') : '全社区';
    this.say(ctx, ctx.here, M.todoList(open, scope, (k) => this.categoryName(k)));
  }

  private staffCommand(ctx: Context, o: Order, cmd: Extract<Command, { type: 'accept' | 'assign' | 'reject' | 'close' | 'reopen' | 'show' }>): void {
    const who = ctx.msg.talkerId;
    if (!this.dir.canManage(who, o.gridId)) {
      this.say(ctx, ctx.here, M.staffOnly());
      return;
    }
    const now = ctx.now;
    switch (cmd.type) {
      case 'show': {
        // Full personal data only where the group cannot read it.
        const full = ctx.inStaffRoom || !ctx.msg.roomId;
        this.say(ctx, ctx.here, M.orderCard(o, this.categoryName(o.category), (id) => this.nameOf(id), full));
        return;
      }
      case 'accept': {
        const r = applyTransition(o, 'accept', who, now, undefined, { acceptedBy: who });
        if (!r.ok) return this.say(ctx, ctx.here, M.notAllowedNow(o, 'accept'));
        this.say(ctx, ctx.here, M.accepted(r.order));
        if (r.order.gridId) this.dispatch(ctx, r.order);
        else this.save(r.order);
        return;
      }
      case 'assign': {
        const target = this.assignee(ctx, cmd.names);
        if (target === null) return this.say(ctx, ctx.here, M.assignWho(o));
        if (typeof target === 'object') return this.say(ctx, ctx.here, M.unknownPerson(target.unknown));
        const patch: Partial<Order> = { claimerId: target, acceptedBy: o.acceptedBy ?? who };
        const r = applyTransition(o, 'assign', who, now, undefined, patch);
        if (!r.ok) return this.say(ctx, ctx.here, M.notAllowedNow(o, 'assign'));
        this.save(r.order);
        this.say(ctx, ctx.here, M.assigned(r.order, this.nameOf(target)));
        if (o.claimerId && o.claimerId !== target) this.say(ctx, { contactId: o.claimerId }, M.cancelledToClaimer(r.order));
        this.announceClaim(ctx, r.order);
        return;
      }
      case 'reject': {
        const r = applyTransition(o, 'reject', who, now, cmd.reason);
        if (!r.ok) return this.say(ctx, ctx.here, M.notAllowedNow(o, 'reject'));
        this.save(r.order);
        this.tellResident(ctx, r.order, (n) => M.rejected(r.order, cmd.reason, n), M.rejected(r.order, cmd.reason, null));
        if (!('roomId' in ctx.here && ctx.here.roomId === r.order.roomId)) this.say(ctx, ctx.here, M.rejected(r.order, cmd.reason, null));
        return;
      }
      case 'close': {
        const r = applyTransition(o, 'close', who, now, cmd.note || undefined);
        if (!r.ok) return this.say(ctx, ctx.here, M.notAllowedNow(o, 'close'));
        this.save(r.order);
        this.say(ctx, ctx.here, M.closed(r.order));
        return;
      }
      case 'reopen': {
        const r = applyTransition(o, 'reopen', who, now, cmd.reason || undefined, { claimerId: null, rating: null, ratingNote: null });
        if (!r.ok) return this.say(ctx, ctx.here, M.notAllowedNow(o, 'reopen'));
        this.save(r.order);
        this.say(ctx, ctx.here, M.reopened(r.order));
        const invited = this.pickVolunteers(r.order, now);
        const again = { ...r.order, invitedIds: invited };
        this.save(again);
        this.callVolunteers(ctx, again, invited);
        return;
      }
    }
  }

  /** The volunteer named by `/派单 #12 @name`: a mentioned contact id, else a configured name. */
  private assignee(ctx: Context, names: string[]): string | { unknown: string } | null {
    const mentioned = ctx.msg.mentionIds.find((id) => this.dir.volunteer(id));
    if (mentioned) return mentioned;
    if (!names.length) return null;
    const id = this.dir.findByName(names[0]!);
    return id && this.dir.volunteer(id) ? id : { unknown: names[0]! };
  }
}
