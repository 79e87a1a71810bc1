/** The order lifecycle as a table: which action may move an order from which status to which. */
import type { Order, OrderAction, OrderStatus, Transition } from './model.js';

const RULES: Record<OrderAction, { from: readonly OrderStatus[]; to: OrderStatus }> = {
  submit: { from: [], to: 'submitted' },
  accept: { from: ['submitted'], to: 'accepted' },
  dispatch: { from: ['accepted'], to: 'dispatched' },
  assign: { from: ['submitted', 'accepted', 'dispatched', 'claimed', 'in_progress'], to: 'claimed' },
  claim: { from: ['dispatched'], to: 'claimed' },
  start: { from: ['claimed'], to: 'in_progress' },
  abandon: { from: ['claimed', 'in_progress'], to: 'dispatched' },
  resolve: { from: ['claimed', 'in_progress'], to: 'resolved' },
  report: { from: ['resolved'], to: 'reported' },
  rate: { from: ['resolved', 'reported'], to: 'followed_up' },
  reject: { from: ['submitted', 'accepted', 'dispatched'], to: 'rejected' },
  cancel: { from: ['submitted', 'accepted', 'dispatched', 'claimed', 'in_progress'], to: 'cancelled' },
  close: { from: ['submitted', 'accepted', 'dispatched', 'claimed', 'in_progress', 'resolved', 'reported'], to: 'closed' },
  reopen: { from: ['resolved', 'reported', 'followed_up', 'rejected', 'cancelled', 'closed'], to: 'dispatched' },
};

export type TransitionResult =
  | { ok: true; order: Order }
  | { ok: false; code: 'NOT_ALLOWED'; from: OrderStatus; action: OrderAction };

/** Whether `action` is allowed on an order in `status`. @example canTransition('dispatched', 'claim') // true */
export function canTransition(status: OrderStatus, action: OrderAction): boolean {
  return RULES[action].from.includes(status);
}

/**
 * Applies one action, returning a new order with the audit line appended, or the refusal.
 * @example applyTransition(order, 'claim', 'vol-zhang', now).ok
 */
export function applyTransition(
  order: Order,
  action: OrderAction,
  by: string,
  at: number,
  note?: string,
  patch: Partial<Order> = {},
): TransitionResult {
  if (!canTransition(order.status, action)) return { ok: false, code: 'NOT_ALLOWED', from: order.status, action };
  const to = RULES[action].to;
  const line: Transition = { action, from: order.status, to, by, at, ...(note ? { note } : {}) };
  return { ok: true, order: { ...order, ...patch, status: to, updatedAt: at, history: [...order.history, line] } };
}

/** The first audit line of a new order. */
export function submittedLine(by: string, at: number, note?: string): Transition {
  return { action: 'submit', from: null, to: 'submitted', by, at, ...(note ? { note } : {}) };
}
