/** The domain model: plain data, no behaviour. Times are epoch milliseconds. */

export type Kind = 'service' | 'proxy';

/** An address as the resident stated it; digits normalised to ASCII. */
export interface Address {
  building?: string;
  unit?: string;
  room?: string;
  village?: string;
  group?: string;
}

export interface CatalogueEntry {
  key: string;
  kind: Kind;
  name: string;
  keywords: string[];
}

/** 委托 → 受理 → 派单 → 接单 → 代办 → 回复 → 上报 → 回访, plus 驳回, 取消, 关闭. */
export type OrderStatus =
  | 'submitted' // 委托
  | 'accepted' // 受理
  | 'dispatched' // 派单: open for volunteers to claim
  | 'claimed' // 接单
  | 'in_progress' // 代办
  | 'resolved' // 回复: the resident has been told
  | 'reported' // 上报: entered in the ledger and reported to staff
  | 'followed_up' // 回访: rated
  | 'rejected' // 驳回
  | 'cancelled' // 取消
  | 'closed'; // closed by staff without a rating

export type OrderAction =
  | 'submit'
  | 'accept'
  | 'dispatch'
  | 'assign'
  | 'claim'
  | 'start'
  | 'abandon'
  | 'resolve'
  | 'report'
  | 'rate'
  | 'reject'
  | 'cancel'
  | 'close'
  | 'reopen';

/** One line of an order's audit trail. */
export interface Transition {
  action: OrderAction;
  from: OrderStatus | null;
  to: OrderStatus;
  /** Contact id of who did it; `bot` for the bot itself. */
  by: string;
  at: number;
  note?: string;
}

export interface Order {
  /** The number shown as `#n`. */
  id: number;
  gridId: string | null;
  /** The room the request came from; null for a private request. */
  roomId: string | null;
  kind: Kind;
  category: string;
  /** The request as the resident wrote it (capped). */
  text: string;
  /** Short description for group posts, without address or phone. */
  summary: string;
  residentId: string;
  residentName: string;
  address: Address | null;
  phone: string | null;
  /** Wanted time: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (Asia/Shanghai). */
  when: string | null;
  urgent: boolean;
  status: OrderStatus;
  createdAt: number;
  updatedAt: number;
  acceptedBy: string | null;
  claimerId: string | null;
  /** Volunteers invited by the dispatch call. */
  invitedIds: string[];
  rating: number | null;
  ratingNote: string | null;
  history: Transition[];
}

export const TERMINAL_STATUSES: readonly OrderStatus[] = ['followed_up', 'rejected', 'cancelled', 'closed'];

export function isOpen(o: Pick<Order, 'status'>): boolean {
  return !TERMINAL_STATUSES.includes(o.status) && o.status !== 'resolved' && o.status !== 'reported';
}
