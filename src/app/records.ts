/** Typed access to the store's collections. */
import type { Order } from '../core/model.js';
import type { Reply, Store } from './ports.js';

export const C = {
  orders: 'orders',
  meta: 'meta',
  contacts: 'contacts',
  outbox: 'outbox',
  seen: 'seen',
} as const;

/** What the bot remembers of a person who wrote in a grid group. */
export interface ContactRecord {
  name: string;
  gridId: string | null;
  /** An order whose missing details the bot asked this person for. */
  awaiting?: { orderId: number; until: number };
}

export class Records {
  constructor(readonly store: Store) {}

  order(id: number): Order | undefined {
    return this.store.get<Order>(C.orders, String(id));
  }

  putOrder(o: Order): void {
    this.store.put(C.orders, String(o.id), o);
  }

  orders(): IterableIterator<Order> {
    return this.store.values<Order>(C.orders);
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
