import { applyTransition, canTransition, submittedLine } from '../../src/core/order-machine.js';
import type { Order } from '../../src/core/model.js';

const base: Order = {
  id: 1, gridId: 'g1', roomId: 'grid1@chatroom', kind: 'service', category: 'home_repair', text: 't', summary: 's',
  residentId: 'r', residentName: 'R', address: null, phone: null, when: null, urgent: false, status: 'submitted',
  createdAt: 0, updatedAt: 0, acceptedBy: null, claimerId: null, invitedIds: [], rating: null, ratingNote: null,
  history: [submittedLine('r', 0)],
};

describe('order lifecycle', () => {
  it('walks 委托 → 受理 → 派单 → 接单 → 代办 → 回复 → 上报 → 回访 with an audit line per step', () => {
    let o = base;
    const steps = ['accept', 'dispatch', 'claim', 'start', 'resolve', 'report', 'rate'] as const;
    steps.forEach((a, i) => {
      const r = applyTransition(o, a, `u${i}`, 100 + i, `note ${i}`);
      if (!r.ok) throw new Error(`refused ${a}`);
      o = r.order;
    });
    expect(o.status).toBe('followed_up');
    expect(o.history.map((h) => h.to)).toEqual(['submitted', 'accepted', 'dispatched', 'claimed', 'in_progress', 'resolved', 'reported', 'followed_up']);
    expect(o.history[3]).toEqual({ action: 'claim', from: 'dispatched', to: 'claimed', by: 'u2', at: 102, note: 'note 2' });
  });

  it('refuses a transition that is not allowed, with the reason', () => {
    expect(applyTransition(base, 'claim', 'v', 1)).toEqual({ ok: false, code: 'NOT_ALLOWED', from: 'submitted', action: 'claim' });
    expect(canTransition('followed_up', 'cancel')).toBe(false);
    expect(canTransition('cancelled', 'reopen')).toBe(true);
  });

  it('does not change the order it was given', () => {
    const r = applyTransition(base, 'accept', 'staff', 5);
    expect(r.ok).toBe(true);
    expect(base.status).toBe('submitted');
    expect(base.history).toHaveLength(1);
  });
});
