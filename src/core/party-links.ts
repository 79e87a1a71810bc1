/** 党员包联: which party member looks after which household, and which households wait for a visit. Pure. */
import type { Address } from './model.js';
import { findHousehold, keyOf, sameHousehold } from './household-address.js';

export interface PartyMember {
  id: string;
  name: string;
  /** Address texts as configured ("12号楼1单元602", "12-1-602"). */
  households: readonly string[];
}

/** One household a member looks after, its address read once from the config. */
export interface LinkedHousehold {
  memberId: string;
  memberName: string;
  address: Address;
  key: string;
}

/** A visit recorded with `走访 …`; the latest per member, household and month is kept. */
export interface Visit {
  memberId: string;
  key: string;
  month: string;
  at: number;
  note: string;
  /** Visits to this household by this member in this month. */
  count: number;
}

/**
 * Reads every member's households once (an unreadable one is left out: the config check names it).
 * @example linkIndex([{ id: 'pm-guo', name: '郭大姐', households: ['12-1-602'] }])[0].key // '12-1-602'
 */
export function linkIndex(members: readonly PartyMember[]): LinkedHousehold[] {
  const out: LinkedHousehold[] = [];
  for (const m of members) {
    for (const h of m.households) {
      const found = findHousehold(h);
      if (found) out.push({ memberId: m.id, memberName: m.name, address: found.address, key: keyOf(found.address) });
    }
  }
  return out;
}

/**
 * The links of a household (a household may be looked after by more than one member).
 * @example linksOf(index, { building: '12', unit: '1', room: '602' }).map((l) => l.memberName) // ['郭大姐']
 */
export function linksOf(index: readonly LinkedHousehold[], address: Address | null | undefined): LinkedHousehold[] {
  return address ? index.filter((l) => sameHousehold(l.address, address)) : [];
}

/**
 * Reads `走访 <address> <note>` (the word already taken off): the household and what was done.
 * @example readVisit('12号楼1单元602 已上门') // { address: { building: '12', unit: '1', room: '602' }, note: '已上门' }
 */
export function readVisit(text: string): { address: Address; note: string } | null {
  const place = findHousehold(text);
  if (!place || !place.address.room) return null;
  const note = `${text.slice(0, place.start)} ${text.slice(place.end)}`.replace(/\s+/g, ' ').trim().slice(0, 100);
  return { address: place.address, note };
}

/**
 * A member's households with no visit recorded in a month, in the configured order.
 * @example unvisited(index, 'pm-guo', new Set(['12-1-602'])) // the others
 */
export function unvisited(index: readonly LinkedHousehold[], memberId: string, visitedKeys: ReadonlySet<string>): LinkedHousehold[] {
  return index.filter((l) => l.memberId === memberId && !visitedKeys.has(l.key));
}
