/** Rules of the daily tenant registration (日租房房东报备): what a report still lacks, who has not reported. */
import type { Address } from './model.js';
import type { TenantReport } from './parse-tenant-report.js';

/** A landlord of a short-term rental: from the config or added by staff (`/房东`). */
export interface Landlord {
  id: string;
  name: string;
  /** The rental's address as written; used when a report names none. */
  address: string;
}

/** One day's report of one landlord, as stored. Never holds a full ID number, nor the raw text. */
export interface Registration {
  id: number;
  landlordId: string;
  landlordName: string;
  /** Local day of the report. */
  reportDate: string;
  reportedAt: number;
  updatedAt: number;
  /** Check-in day (the report's day when the text names none). */
  checkIn: string;
  /** Nobody checked in (今日无入住). */
  none: boolean;
  address: Address | null;
  guests: number | null;
  names: string[];
  idTails: string[];
  nights: number | null;
  /** Where it was reported: the landlords' group, or null for a private message. */
  roomId: string | null;
}

export type MissingField =
  | { field: 'address' }
  | { field: 'guests' }
  | { field: 'names'; count: number }
  | { field: 'idTails'; count: number }
  | { field: 'nights' };

/**
 * What a registration still lacks.
 * @example missingFields({ none: false, guests: 2, names: ['张某'], idTails: [], nights: 3, address: {…} })
 * // [{ field: 'names', count: 1 }, { field: 'idTails', count: 2 }]
 */
export function missingFields(r: Pick<Registration, 'none' | 'address' | 'guests' | 'names' | 'idTails' | 'nights'>): MissingField[] {
  if (r.none) return [];
  const out: MissingField[] = [];
  if (!r.address) out.push({ field: 'address' });
  if (r.guests === null) {
    out.push({ field: 'guests' });
    if (!r.names.length) out.push({ field: 'names', count: 0 });
    if (!r.idTails.length) out.push({ field: 'idTails', count: 0 });
  } else {
    if (r.names.length < r.guests) out.push({ field: 'names', count: r.guests - r.names.length });
    if (r.idTails.length < r.guests) out.push({ field: 'idTails', count: r.guests - r.idTails.length });
  }
  if (r.nights === null) out.push({ field: 'nights' });
  return out;
}

/** Guests: as counted, else as many as names or tails were given. */
function guestsOf(count: number | null, names: string[], tails: string[]): number | null {
  if (count !== null) return count;
  const n = Math.max(names.length, tails.length);
  return n > 0 ? n : null;
}

/**
 * A new registration from a report; `fallbackAddress` is the landlord's own when the text names none.
 * @example fromReport(report, { id: 1, landlord, now, today: '2026-06-10', roomId: null, fallbackAddress })
 */
export function fromReport(
  report: TenantReport,
  o: { id: number; landlord: Pick<Landlord, 'id' | 'name'>; now: number; today: string; roomId: string | null; fallbackAddress: Address | null },
): Registration {
  return {
    id: o.id,
    landlordId: o.landlord.id,
    landlordName: o.landlord.name,
    reportDate: o.today,
    reportedAt: o.now,
    updatedAt: o.now,
    checkIn: report.checkIn ?? o.today,
    none: report.none,
    address: report.address ?? o.fallbackAddress,
    guests: report.none ? 0 : guestsOf(report.guests, report.names, report.idTails),
    names: report.names,
    idTails: report.idTails,
    nights: report.nights,
    roomId: o.roomId,
  };
}

/**
 * Fills what a registration lacks from a follow-up message (张某 李某 / 尾号 1234 / 住2晚).
 * Returns null when the follow-up adds nothing.
 * @example completeWith(reg, parseTenantReport('住3晚', now), now)?.nights // 3
 */
export function completeWith(r: Registration, report: TenantReport, now: number): Registration | null {
  const names = [...r.names];
  const tails = [...r.idTails];
  const want = r.guests ?? Number.POSITIVE_INFINITY;
  for (const n of report.names) if (names.length < want && !names.includes(n)) names.push(n);
  for (const t of report.idTails) if (tails.length < want) tails.push(t);
  const next: Registration = {
    ...r,
    address: r.address ?? report.address,
    nights: r.nights ?? report.nights,
    guests: r.guests ?? guestsOf(report.guests, names, tails),
    names,
    idTails: tails,
    updatedAt: now,
  };
  const changed =
    next.address !== r.address || next.nights !== r.nights || next.guests !== r.guests || names.length !== r.names.length || tails.length !== r.idTails.length;
  return changed ? next : null;
}

/**
 * The days a registration counts for: the day it was reported and, for a late report, the
 * check-in day it speaks of (a report at 07:00 about last night counts for last night).
 * @example reportDays({ reportDate: '2026-06-11', checkIn: '2026-06-10', none: false }) // ['2026-06-11', '2026-06-10']
 */
export function reportDays(r: Pick<Registration, 'reportDate' | 'checkIn' | 'none'>): string[] {
  return !r.none && r.checkIn !== r.reportDate ? [r.reportDate, r.checkIn] : [r.reportDate];
}

/**
 * The landlords not among those who reported, in the order given.
 * @example unreported(landlords, new Set(['ll-li'])).map((l) => l.name) // ['王房东']
 */
export function unreported(landlords: readonly Landlord[], reportedIds: ReadonlySet<string>): Landlord[] {
  return landlords.filter((l) => !reportedIds.has(l.id));
}

/**
 * Whether a report opens a registration of its own rather than answering what the last one lacked
 * (住3晚 or 张某 alone answers; 今天入住2人 or 今日无入住 is new).
 * @example opensNewRegistration(parseTenantReport('住3晚', now)) // false
 */
export function opensNewRegistration(r: TenantReport): boolean {
  return r.none || r.guests !== null || r.checkIn !== null || r.checkInSaid;
}

/** 张某 → 张*, 欧阳娜娜 → 欧***: only the first character shows. @example maskName('李小红') // '李**' */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** 1234 → **34. @example maskTail('123X') // '**3X' */
export function maskTail(tail: string): string {
  return `**${tail.slice(-2)}`;
}
