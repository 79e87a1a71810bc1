/** Time to claim and time to finish, per category and urgency, from the config's `dispatch` block. */
import type { AppConfig } from './config-schema.js';
import type { Order } from './model.js';
import { MINUTE, wantedInstant } from './local-time.js';
import { DEFAULT_TZ } from './time.js';

export interface Limits {
  claimMs: number;
  finishMs: number;
  /** Between escalation steps. */
  stepMs: number;
}

/** The limits for an order. @example timeLimits(config, 'home_repair', false).claimMs // 7_200_000 */
export function timeLimits(config: Pick<AppConfig, 'dispatch'>, category: string, urgent: boolean): Limits {
  const d = config.dispatch;
  const level = urgent ? 'urgent' : 'normal';
  const own = d.byCategory[category];
  const claim = own?.claimMinutes?.[level] ?? d.claimMinutes[level];
  const finish = own?.finishMinutes?.[level] ?? d.finishMinutes[level];
  return { claimMs: claim * MINUTE, finishMs: finish * MINUTE, stepMs: (d.escalation.stepMinutes ?? claim) * MINUTE };
}

/**
 * When a claimed order should be done: the resident's wanted time if it lies after the claim,
 * else the claim time plus the category's time to finish.
 * @example finishDeadline(order, claimedAt, config) // an instant
 */
export function finishDeadline(
  o: Pick<Order, 'when' | 'category' | 'urgent'>,
  claimedAt: number,
  config: Pick<AppConfig, 'dispatch' | 'schedule' | 'timezone'>,
): number {
  if (o.when) {
    const wanted = wantedInstant(o.when, config.schedule.endOfDay, config.timezone ?? DEFAULT_TZ);
    if (Number.isFinite(wanted) && wanted > claimedAt) return wanted;
  }
  return claimedAt + timeLimits(config, o.category, o.urgent).finishMs;
}
