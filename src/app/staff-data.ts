/**
 * What the staff tools read and write in the store, and how they name things. Shared by the bot
 * feature and the ledger CLI (which has no BotApp).
 *
 * Collections: `points` (manual 加分/扣分 entries, key = entry id), `followups` (second
 * follow-ups after a low rating, key = order id); read only: `orders`, `contacts`, and the
 * schedule's `sent` (records `{ key: 'esc:<orderId>:<step>', at, skipped? }`; absent → nothing
 * escalated).
 */
import type { AppConfig } from '../core/config-schema.js';
import type { ServiceGroup } from '../core/config-staff.js';
import { buildDirectory, type Directory } from '../core/directory.js';
import { localClock, type LocalClock } from '../core/local-clock.js';
import type { Order } from '../core/model.js';
import { escalatedIds, type SecondFollowUp } from '../core/order-facts.js';
import { allPointsEntries, orderPointsEntries, pointsSettled, type ManualPoints, type Member, type PointsEntry } from '../core/points.js';
import { serviceGroupOf } from '../core/stats.js';
import { BOT_ACTOR_NAME, ledgerText } from '../messages/staff.js';
import type { Store } from './ports.js';
import { C, type ContactRecord } from './records.js';

export const STAFF_COLLECTIONS = {
  points: 'points',
  followUps: 'followups',
  /** Written by the schedule feature. */
  sent: 'sent',
} as const;

/** Names for reports: configured names first, then what the bot saw in the groups, then the id. */
export interface Names {
  nameOf(contactId: string): string;
  gridName(gridId: string | null): string;
  categoryName(key: string): string;
  groupOf(category: string): ServiceGroup;
}

const NO_ENTRIES: readonly PointsEntry[] = Object.freeze([]);

/** A kept entry in one fixed shape, its strings shared (a year holds about 150,000 of them). */
function compactEntry(e: PointsEntry, interned: Map<string, string>): PointsEntry {
  const intern = (s: string) => {
    const known = interned.get(s);
    if (known !== undefined) return known;
    interned.set(s, s);
    return s;
  };
  return { contactId: intern(e.contactId), at: e.at, delta: e.delta, kind: e.kind, reason: e.reason, orderId: e.orderId, category: e.category === undefined ? undefined : intern(e.category), rating: e.rating, hours: e.hours };
}

export class StaffData {
  readonly dir: Directory;
  readonly clock: LocalClock;
  readonly names: Names;
  private readonly memberNames: Map<string, string>;
  /**
   * Entries of settled orders, by order value (the roster and the rules come from the config and
   * do not change while running): asking for points again reads no order history.
   */
  private readonly settledEntries = new WeakMap<Order, readonly PointsEntry[]>();
  private readonly interned = new Map<string, string>();

  constructor(
    readonly config: AppConfig,
    readonly store: Store,
    dir?: Directory,
  ) {
    this.dir = dir ?? buildDirectory(config);
    this.clock = localClock(config.timezone);
    this.memberNames = new Map(config.points.members.filter((m) => m.name).map((m) => [m.id, m.name!]));
    const groups = new Map(config.catalogue.map((e) => [e.key, serviceGroupOf(e)]));
    this.names = {
      nameOf: (id) => {
        if (id === 'bot') return BOT_ACTOR_NAME;
        return this.dir.nameOf(id) ?? this.memberNames.get(id) ?? store.get<ContactRecord>(C.contacts, id)?.name ?? id;
      },
      gridName: (id) => this.dir.grid(id)?.name ?? ledgerText.noGrid,
      categoryName: (key) => this.dir.category(key)?.name ?? key,
      groupOf: (key) => groups.get(key) ?? 'daily_life',
    };
  }

  orders(): IterableIterator<Order> {
    return this.store.values<Order>(C.orders);
  }

  /** Orders the schedule escalated: its `sent` records carry their key; skipped ones never went out. */
  escalated(): Set<number> {
    const keys: string[] = [];
    for (const r of this.store.values<{ key?: unknown; skipped?: unknown }>(STAFF_COLLECTIONS.sent)) {
      if (r && typeof r.key === 'string' && r.skipped !== true) keys.push(r.key);
    }
    return escalatedIds(keys);
  }

  followUps(): Map<number, SecondFollowUp> {
    const m = new Map<number, SecondFollowUp>();
    for (const f of this.store.values<SecondFollowUp>(STAFF_COLLECTIONS.followUps)) m.set(f.orderId, f);
    return m;
  }

  manualPoints(): ManualPoints[] {
    return [...this.store.values<ManualPoints>(STAFF_COLLECTIONS.points)];
  }

  /** Everyone in the points system: configured volunteers (as `volunteer` unless listed) and listed members. */
  roster(): Member[] {
    const types = new Map(this.config.points.members.map((m) => [m.id, m.type]));
    const out: Member[] = this.config.volunteers.map((v) => ({ contactId: v.id, type: types.get(v.id) ?? 'volunteer' }));
    const seen = new Set(out.map((m) => m.contactId));
    for (const m of this.config.points.members) if (!seen.has(m.id)) out.push({ contactId: m.id, type: m.type });
    return out;
  }

  /** Every points entry (automatic ones derived from the orders at `now`, manual ones stored). */
  pointsEntries(now: number): PointsEntry[] {
    const members = new Set(this.roster().map((m) => m.contactId));
    const rules = this.config.points;
    const ctx = { now, config: this.config, isMember: (id: string) => members.has(id) };
    return allPointsEntries(this.orders(), this.manualPoints(), rules, ctx, (o) => {
      const kept = this.settledEntries.get(o);
      if (kept) return kept;
      const entries = orderPointsEntries(o, rules, ctx);
      // Orders are replaced, never changed in place: a settled order value gives these entries for good.
      if (pointsSettled(o)) this.settledEntries.set(o, entries.length ? entries.map((e) => compactEntry(e, this.interned)) : NO_ENTRIES);
      return entries;
    });
  }
}
