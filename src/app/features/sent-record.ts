/**
 * Scheduled posts of the registration features, on the schedule's records: `sent` (written in the
 * same commit as the post, so a restart neither repeats nor loses one; keys start with the
 * feature's name) and the quiet-hours hold (posts due at night go out in the morning).
 */
import type { AppConfig } from '../../core/config-schema.js';
import type { SentRecord } from '../../core/plan-due.js';
import type { Reply, Store } from '../ports.js';
import { holdForQuietHours, markJobSent, SC, wasSent as sentRecord } from '../schedule-records.js';
import type { Turn } from '../turn.js';

const DAY_MS = 86_400_000;

export function wasSent(store: Store, key: string): boolean {
  return sentRecord(store, key) !== undefined;
}

export function markSent(store: Store, key: string, at: number): void {
  markJobSent(store, key, { at, dueAt: at });
}

/** Posts what fell due; in quiet hours it is held for the morning (the schedule releases it). */
export function postDue(turn: Turn, store: Store, config: Pick<AppConfig, 'schedule' | 'timezone'>, posts: Reply[]): void {
  for (const r of holdForQuietHours(store, config, turn.now, null, null, posts)) turn.say(r.to, r.text, r.mentionIds, r.urgent);
}

/**
 * Forgets this feature's sent records older than `keepDays`, at most once a day (keys that are
 * never asked about again: a past day's reminder, an old order's notice).
 */
export function pruneSent(store: Store, prefix: string, now: number, keepDays: number): void {
  const day = Math.floor(now / DAY_MS);
  const mark = `${prefix}prunedOn`;
  if (store.get<number>(SC.meta, mark) === day) return;
  store.put(SC.meta, mark, day);
  const doomed: string[] = [];
  for (const r of store.values<SentRecord & { key?: string }>(SC.sent)) {
    if (r.key?.startsWith(prefix) && r.at < now - keepDays * DAY_MS) doomed.push(r.key);
  }
  for (const k of doomed) store.delete(SC.sent, k);
}
