/** Hand-made order histories for the pure statistics and points tests. */
import { applyTransition, submittedLine } from '../../src/core/order-machine.js';
import type { Kind, Order, OrderAction } from '../../src/core/model.js';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** Wednesday 2026-06-10 09:30 in Shanghai. */
export const WED = Date.parse('2026-06-10T09:30:00+08:00');

/** [action, by, minutes after the previous step, extras] */
export type Step = [OrderAction, string, number, { note?: string; rating?: number; claimerId?: string | null }?];

const KINDS: Record<string, Kind> = { utility_payment: 'proxy', civil_affairs: 'proxy', parcel: 'proxy', copy_print: 'proxy', social_insurance: 'proxy' };

/**
 * An order created at `at` whose history is `steps`, each applied through the real state machine
 * (so every history is one the bot could have written).
 */
export function order(id: number, at: number, steps: Step[], o: Partial<Order> = {}): Order {
  const category = o.category ?? 'home_repair';
  let cur: Order = {
    id,
    gridId: 'g1',
    roomId: 'grid1@chatroom',
    kind: KINDS[category] ?? 'service',
    category,
    text: '3号楼2单元501厨房水管漏了',
    summary: '厨房水管漏了',
    residentId: `res-${id}`,
    residentName: '王阿姨',
    address: { building: '3', unit: '2', room: '501' },
    phone: '13812345678',
    when: null,
    urgent: false,
    status: 'submitted',
    createdAt: at,
    updatedAt: at,
    acceptedBy: null,
    claimerId: null,
    invitedIds: [],
    rating: null,
    ratingNote: null,
    history: [submittedLine(`res-${id}`, at)],
    ...o,
  };
  let t = at;
  for (const [action, by, minutes, extra = {}] of steps) {
    t += minutes * MIN;
    const patch: Partial<Order> = {};
    if (action === 'claim') patch.claimerId = by;
    if (action === 'assign') patch.claimerId = extra.claimerId ?? null;
    if (action === 'abandon' || action === 'reopen') patch.claimerId = null;
    if (action === 'accept') patch.acceptedBy = by;
    if (action === 'reopen') Object.assign(patch, { rating: null, ratingNote: null });
    if (action === 'rate') Object.assign(patch, { rating: extra.rating ?? 5, ratingNote: extra.note ?? null });
    const r = applyTransition(cur, action, by, t, extra.note, patch);
    if (!r.ok) throw new Error(`test history: ${action} not allowed from ${cur.status}`);
    cur = r.order;
  }
  return cur;
}

/** accept → dispatch → claim after `claimMin` → resolve after `doneMin` → report (→ rate). */
export function done(id: number, at: number, volunteer: string, claimMin: number, doneMin: number, rating: number | null, o: Partial<Order> = {}): Order {
  const steps: Step[] = [
    ['accept', 'bot', 0],
    ['dispatch', 'bot', 0],
    ['claim', volunteer, claimMin],
    ['resolve', volunteer, doneMin],
    ['report', 'bot', 0],
  ];
  if (rating !== null) steps.push(['rate', `res-${id}`, 30, { rating }]);
  return order(id, at, steps, o);
}

/** accept → dispatch (waiting for a volunteer). */
export function waiting(id: number, at: number, o: Partial<Order> = {}): Order {
  return order(id, at, [['accept', 'bot', 0], ['dispatch', 'bot', 0]], o);
}
