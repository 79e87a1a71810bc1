/** 轮流坐班: whose day it is, from the roster in the config, skipping people on leave. */
import type { AppConfig, RosterEntry } from './config-schema.js';
import { daysBetween, startOfLocalDay, addDays } from './local-time.js';
import type { Leave } from './rank-volunteers.js';
import { DEFAULT_TZ } from './time.js';

export interface OnDuty {
  id: string;
  phone: string | null;
  /** The rostered person this one stands in for (they are on leave), if any. */
  standsInFor: string | null;
}

function overlaps(l: Leave | undefined, from: number, until: number): boolean {
  return !!l && l.from < until && l.until > from;
}

/** The roster that serves a grid: its own, else the community's. @example rosterFor(config, 'g1') */
export function rosterFor(config: Pick<AppConfig, 'schedule'>, gridId: string | null): readonly RosterEntry[] {
  const own = gridId ? config.schedule.duty.byGrid[gridId] : undefined;
  return own?.length ? own : config.schedule.duty.roster;
}

/** A published phone for a person: the roster entry's, else the person's in the config. */
export function phoneOf(config: Pick<AppConfig, 'volunteers' | 'gridWorkers'>, entry: RosterEntry): string | null {
  if (typeof entry !== 'string') return entry.phone;
  return config.volunteers.find((v) => v.id === entry)?.phone ?? config.gridWorkers.find((w) => w.id === entry)?.phone ?? null;
}

/**
 * Who is on duty on a local date: the roster turns one place a day from `startDate`; someone on
 * leave that day is skipped for the next in the roster. Null when the roster is empty or everyone is away.
 * @example onDuty(config, 'g1', '2026-06-10', new Map()) // { id: 'staff-liu', phone: '13900000001', standsInFor: null }
 */
export function onDuty(
  config: Pick<AppConfig, 'schedule' | 'volunteers' | 'gridWorkers' | 'timezone'>,
  gridId: string | null,
  date: string,
  leaves: ReadonlyMap<string, Leave>,
): OnDuty | null {
  const roster = rosterFor(config, gridId);
  if (!roster.length) return null;
  const n = roster.length;
  const start = ((daysBetween(config.schedule.duty.startDate, date) % n) + n) % n;
  // Someone away at any moment of the day does not hold the duty that day.
  const tz = config.timezone ?? DEFAULT_TZ;
  const dayStart = startOfLocalDay(date, tz);
  const dayEnd = startOfLocalDay(addDays(date, 1), tz);
  const away = (id: string) => overlaps(leaves.get(id), dayStart, dayEnd);
  const idOf = (e: RosterEntry) => (typeof e === 'string' ? e : e.id);
  const first = idOf(roster[start]!);
  for (let k = 0; k < n; k++) {
    const e = roster[(start + k) % n]!;
    if (away(idOf(e))) continue;
    return { id: idOf(e), phone: phoneOf(config, e), standsInFor: k === 0 ? null : first };
  }
  return null;
}
