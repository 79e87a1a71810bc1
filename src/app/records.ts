/** Typed access to the store's collections. */
import { isOpen, TERMINAL_STATUSES, type Order, type OrderStatus } from '../core/model.js';
import type { Workload } from '../core/rank-volunteers.js';
import type { Reply, Store, StoreRules } from './ports.js';

export const C = {
  orders: 'orders',
  meta: 'meta',
  contacts: 'contacts',
  outbox: 'outbox',
  seen: 'seen',
  /** Replies that could not be sent after every retry (the staff room was told), kept for a while. */
  failed: 'failed',
  /** Volunteer id → when they were last given work (claimed or assigned): kept as orders change. */
  workload: 'workload',
} as const;

/** How long a handled message id is remembered (a puppet replays recent messages after a re-login). */
export const SEEN_KEEP_MS = 2 * 24 * 3600_000;
/** How long an unsendable reply is kept after the staff room was told of it. */
export const FAILED_KEEP_MS = 30 * 24 * 3600_000;
/**
 * How long a finished order waits for its rating: a bare digit rates only orders finished this
 * recently (`评价 #n` rates any), and after it the order counts as settled.
 */
export const RATING_WINDOW_MS = 30 * 24 * 3600_000;

const AWAITING_RATING: readonly OrderStatus[] = ['resolved', 'reported'];
const awaitsRating = (o: Order, now: number) => AWAITING_RATING.includes(o.status) && now - o.updatedAt <= RATING_WINDOW_MS;

/**
 * What the store may keep out of the way so that the cost of a message does not grow with history:
 * finished orders are archived (their `history` read from disk when asked for), and message ids
 * seen long ago are dropped when the store compacts.
 */
export const STORE_RULES: StoreRules = {
  archive: {
    [C.orders]: { settled: (o, now) => TERMINAL_STATUSES.includes((o as Order).status) || (AWAITING_RATING.includes((o as Order).status) && !awaitsRating(o as Order, now)), lazyField: 'history' },
  },
  expire: {
    [C.seen]: (at, now) => typeof at === 'number' && now - at > SEEN_KEEP_MS,
    [C.failed]: (r, now) => typeof (r as { at?: unknown })?.at === 'number' && now - (r as { at: number }).at > FAILED_KEEP_MS,
  },
};

/** What the bot remembers of a person who wrote in a grid group. */
export interface ContactRecord {
  name: string;
  gridId: string | null;
  /** An order whose missing details the bot asked this person for. */
  awaiting?: { orderId: number; until: number };
}


/** `meta` key: the `workload` collection covers every order (built once from the full history). */
const WORKLOAD_BUILT = 'workloadIndex';

/**
 * Indexes over the orders that per-message paths need, so none of them walks a year of history:
 * open orders, each resident's orders waiting for a rating, and when volunteers last got work.
 * The first two are built from the store's unsettled orders on first use (finished orders are not
 * read); all are kept up to date by `putOrder`: write orders through it (BotApp.save).
 */
class OrderIndex {
  /** Open order id → its claimer (or null). */
  readonly open = new Map<number, string | null>();
  /** Open orders per claimer. */
  readonly openTasks = new Map<string, number>();
  readonly awaiting = new Map<string, Set<number>>();
  /** Open orders per resident (a repost is compared with these), and each open order's resident. */
  readonly openOf = new Map<string, Set<number>>();
  private readonly residentOf = new Map<number, string>();

  constructor(orders: Iterable<Order>) {
    for (const o of orders) this.update(o);
  }

  update(o: Order): void {
    this.drop(o.id);
    if (isOpen(o)) {
      this.open.set(o.id, o.claimerId);
      if (o.claimerId) this.openTasks.set(o.claimerId, (this.openTasks.get(o.claimerId) ?? 0) + 1);
      this.residentOf.set(o.id, o.residentId);
      let theirs = this.openOf.get(o.residentId);
      if (!theirs) this.openOf.set(o.residentId, (theirs = new Set()));
      theirs.add(o.id);
    }
    const rating = AWAITING_RATING.includes(o.status);
    let mine = this.awaiting.get(o.residentId);
    if (rating) {
      if (!mine) this.awaiting.set(o.residentId, (mine = new Set()));
      mine.add(o.id);
    } else if (mine?.delete(o.id) && !mine.size) this.awaiting.delete(o.residentId);
  }

  /** Forgets an order as open (it was closed, or is gone). */
  drop(id: number): void {
    if (!this.open.has(id)) return;
    const claimer = this.open.get(id);
    this.open.delete(id);
    const resident = this.residentOf.get(id);
    this.residentOf.delete(id);
    const theirs = resident === undefined ? undefined : this.openOf.get(resident);
    if (theirs?.delete(id) && !theirs.size) this.openOf.delete(resident!);
    if (!claimer) return;
    const n = (this.openTasks.get(claimer) ?? 1) - 1;
    if (n > 0) this.openTasks.set(claimer, n);
    else this.openTasks.delete(claimer);
  }
}

export class Records {
  private index: OrderIndex | null = null;
  private lastGiven: Map<string, number> | null = null;

  constructor(readonly store: Store) {}

  order(id: number): Order | undefined {
    return this.store.get<Order>(C.orders, String(id));
  }

  putOrder(o: Order): void {
    const before = this.order(o.id);
    this.store.put(C.orders, String(o.id), o);
    this.index?.update(o);
    this.noteWorkGiven(o, before);
  }

  /** Every order, a year of them included: for reports, not for per-message paths. */
  orders(): IterableIterator<Order> {
    return this.store.values<Order>(C.orders);
  }

  private orderIndex(): OrderIndex {
    this.index ??= new OrderIndex(this.store.unsettled?.<Order>(C.orders) ?? this.store.values<Order>(C.orders));
    return this.index;
  }

  /** Orders still being worked on (submitted … in progress), oldest number first. */
  *openOrders(): IterableIterator<Order> {
    const index = this.orderIndex();
    for (const id of [...index.open.keys()].sort((a, b) => a - b)) {
      const o = this.order(id);
      if (o && isOpen(o)) yield o;
      else if (o) index.update(o);
      else index.drop(id);
    }
  }

  /** A resident's open orders, by number (from the index: no walk over every open order). */
  openOrdersOf(residentId: string): Order[] {
    const index = this.orderIndex();
    const out: Order[] = [];
    for (const id of [...(index.openOf.get(residentId) ?? [])].sort((a, b) => a - b)) {
      const o = this.order(id);
      if (o && isOpen(o) && o.residentId === residentId) out.push(o);
      else if (o) index.update(o);
      else index.drop(id);
    }
    return out;
  }

  /** Orders not settled yet: open, or finished and waiting for the resident's rating; by number. */
  *activeOrders(): IterableIterator<Order> {
    const index = this.orderIndex();
    const ids = [...index.open.keys()];
    for (const mine of index.awaiting.values()) ids.push(...mine);
    for (const id of ids.sort((a, b) => a - b)) {
      const o = this.order(id);
      if (o && (isOpen(o) || AWAITING_RATING.includes(o.status))) yield o;
      else if (o) index.update(o);
    }
  }

  /**
   * The orders that can have anything at or after `since` in their history: unsettled ones and
   * those changed since. Settled older ones are passed over without reading their history.
   */
  *ordersSince(since: number): IterableIterator<Order> {
    for (const o of this.orders()) if (o.updatedAt >= since || !TERMINAL_STATUSES.includes(o.status)) yield o;
  }

  /** A resident's finished orders not yet rated (resolved or reported) within the rating window. */
  awaitingRating(residentId: string, now: number): Order[] {
    const index = this.orderIndex();
    const out: Order[] = [];
    for (const id of [...(index.awaiting.get(residentId) ?? [])]) {
      const o = this.order(id);
      if (o && o.residentId === residentId && awaitsRating(o, now)) out.push(o);
      else if (o) index.update(o);
      else index.awaiting.get(residentId)?.delete(id);
    }
    return out;
  }

  /**
   * Open tasks per claimer and when each volunteer was last given work, without walking the
   * history: live views, not to be changed. @example records.workload().open.get('vol-zhang') // 1
   */
  workload(): Workload {
    return { open: this.orderIndex().openTasks, lastGiven: this.givenIndex() };
  }

  private givenIndex(): Map<string, number> {
    if (this.lastGiven) return this.lastGiven;
    const given = new Map<string, number>();
    if (this.store.get(C.meta, WORKLOAD_BUILT) === 1) {
      for (const k of this.store.keys(C.workload)) given.set(k, this.store.get<number>(C.workload, k)!);
    } else {
      // Data from before the index: read the whole history once and keep the result.
      for (const o of this.orders()) for (const [id, at] of workGiven(o, 0)) if ((given.get(id) ?? -Infinity) < at) given.set(id, at);
      for (const [id, at] of given) this.store.put(C.workload, id, at);
      this.store.put(C.meta, WORKLOAD_BUILT, 1);
    }
    this.lastGiven = given;
    return given;
  }

  private noteWorkGiven(o: Order, before: Order | undefined): void {
    const from = before?.history.length ?? 0;
    if (o.history.length <= from) return;
    for (const [id, at] of workGiven(o, from)) {
      const given = this.givenIndex();
      if ((given.get(id) ?? -Infinity) < at) {
        given.set(id, at);
        this.store.put(C.workload, id, at);
      }
    }
  }

  private counter(name: string): number {
    return this.store.get<number>(C.meta, name) ?? 0;
  }

  /** Takes the next number of a sequence (order ids, outbox keys). */
  next(name: 'order' | 'outbox'): number {
    const n = this.counter(name) + 1;
    this.store.put(C.meta, name, n);
    return n;
  }

  contact(id: string): ContactRecord | undefined {
    return this.store.get<ContactRecord>(C.contacts, id);
  }

  putContact(id: string, c: ContactRecord): void {
    this.store.put(C.contacts, id, c);
  }

  seen(messageId: string): boolean {
    return this.store.get(C.seen, messageId) !== undefined;
  }

  markSeen(messageId: string, at: number): void {
    this.store.put(C.seen, messageId, at);
  }

  /** Records a reply in the outbox; it is sent after the commit and removed once sent. */
  enqueue(r: Reply): Reply {
    const id = String(this.next('outbox')).padStart(12, '0');
    const rec = { ...r, id };
    this.store.put(C.outbox, id, rec);
    return rec;
  }

  outbox(): Reply[] {
    return [...this.store.values<Reply>(C.outbox)].sort((a, b) => (a.id! < b.id! ? -1 : 1));
  }
}

/**
 * Who was given the order by its audit lines from `from` on: a claim gives it to the claimer, an
 * assignment (the line names who assigned) to the order's claimer.
 * @example workGiven(order, 0) // [['vol-zhang', 1749519204937]]
 */
export function workGiven(o: Order, from: number): [string, number][] {
  const out: [string, number][] = [];
  for (let i = from; i < o.history.length; i++) {
    const h = o.history[i]!;
    if (h.action === 'claim') out.push([h.by, h.at]);
    else if (h.action === 'assign' && o.claimerId) out.push([o.claimerId, h.at]);
  }
  return out;
}
