/**
 * The schedule's collections: `sent` (job key → when it went out), `held` (posts waiting for the
 * end of quiet hours), `leaves` (volunteer id → leave), and the first tick on this data.
 * Other features that post on their own use `wasSent`/`markJobSent` with their own key prefix.
 */
import type { AppConfig } from '../core/config-schema.js';
import type { Order, OrderStatus } from '../core/model.js';
import type { HeldRef, SentRecord } from '../core/plan-due.js';
import { isQuiet } from '../core/quiet-hours.js';
import type { Leave } from '../core/rank-volunteers.js';
import type { Reply, Store } from './ports.js';

export const SC = { sent: 'sent', held: 'held', leaves: 'leaves', meta: 'meta' } as const;

/** A held post: the reply as it would have gone out, and what it is about. */
export interface HeldPost extends HeldRef {
  reply: Omit<Reply, 'id'>;
}

/** A recorded leave, with who recorded it. */
export interface LeaveRecord extends Leave {
  at: number;
}

export const SINCE_KEY = 'scheduleSince';

/** Whether a job key was recorded as sent. @example wasSent(store, 'esc:12:2') */
export function wasSent(store: Store, key: string): SentRecord | undefined {
  return store.get<SentRecord>(SC.sent, key);
}

/** Records a job as sent (commit with the post it made); the record carries its key for pruning. */
export function markJobSent(store: Store, key: string, rec: SentRecord): void {
  store.put(SC.sent, key, { ...rec, key });
}

/** The first scheduling tick on this data, set on the first call. */
export function scheduleSince(store: Store, now: number): number {
  const since = store.get<number>(SC.meta, SINCE_KEY);
  if (since !== undefined) return since;
  store.put(SC.meta, SINCE_KEY, now);
  return now;
}

export function heldPosts(store: Store): HeldPost[] {
  return [...store.values<HeldPost>(SC.held)].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

/** Holds a post until quiet hours end; ids sort in the order posts were held. */
export function holdPost(store: Store, now: number, reply: Omit<Reply, 'id'>, about?: { order: Order; cycle: number }): void {
  const n = (store.get<number>(SC.meta, 'held') ?? 0) + 1;
  store.put(SC.meta, 'held', n);
  const id = String(n).padStart(9, '0');
  const post: HeldPost = {
    id,
    at: now,
    reply,
    ...(about ? { orderId: about.order.id, status: about.order.status as OrderStatus, cycle: about.cycle } : {}),
  };
  store.put(SC.held, id, post);
}

export function leaveOf(store: Store, volunteerId: string): LeaveRecord | undefined {
  return store.get<LeaveRecord>(SC.leaves, volunteerId);
}

export function leavesMap(store: Store): Map<string, LeaveRecord> {
  const m = new Map<string, LeaveRecord>();
  // Keys are volunteer ids; values do not repeat them.
  for (const [id, l] of entries<LeaveRecord>(store, SC.leaves)) m.set(id, l);
  return m;
}

/** Key/value pairs of a collection (the Store port lists values only, so leaves carry their key). */
function entries<T>(store: Store, collection: string): [string, T][] {
  return [...store.values<T & { id?: string }>(collection)].filter((v) => typeof v.id === 'string').map((v) => [v.id!, v as T]);
}

export function putLeave(store: Store, volunteerId: string, leave: LeaveRecord): void {
  store.put(SC.leaves, volunteerId, { ...leave, id: volunteerId });
}

export function endLeave(store: Store, volunteerId: string): void {
  store.delete(SC.leaves, volunteerId);
}

/**
 * In quiet hours, a non-urgent reply to anyone but the conversation that just spoke is held for
 * the morning: staff-room notices, private notes to other people, posts to other groups.
 * Returns the replies to send now.
 */
export function holdForQuietHours(
  store: Store,
  config: Pick<AppConfig, 'schedule' | 'timezone'>,
  now: number,
  here: Reply['to'] | null,
  talkerId: string | null,
  replies: Reply[],
): Reply[] {
  if (!isQuiet(now, config.schedule.quietHours, config.timezone)) return replies;
  const same = (to: Reply['to']) =>
    !!here && (('roomId' in to && 'roomId' in here && to.roomId === here.roomId) || ('contactId' in to && to.contactId === talkerId));
  return replies.filter((r) => {
    if (r.urgent || same(r.to)) return true;
    holdPost(store, now, r);
    return false;
  });
}
