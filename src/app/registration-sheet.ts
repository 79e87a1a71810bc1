/**
 * The ledger's sheet of tenant registrations (房东报备): one row per registration whose check-in
 * day (for 无入住, the day reported) falls in the period. Added to the ledger's `LEDGER_SHEETS`.
 * Full names and ID tails: the ledger file goes to staff only.
 */
import type { AppConfig } from '../core/config-schema.js';
import { formatHousehold } from '../core/household-address.js';
import { addDays, startOfLocalDay } from '../core/local-time.js';
import { inPeriod, type Period } from '../core/period.js';
import { missingFields, type Registration } from '../core/tenant-registration-rules.js';
import { registrationSheetText as T } from '../messages/tenant-registration.js';
import type { Store } from './ports.js';
import type { Cell, Column, Sheet } from './workbook.js';

/** The collection the tenant-registration feature keeps its registrations in. */
const REGISTRATIONS = 'registrations';

const H = T.headers;
const COLUMNS: Column[] = [
  { header: H.id, width: 7 },
  { header: H.reportDate, width: 11 },
  { header: H.checkIn, width: 11 },
  { header: H.landlord, width: 10 },
  { header: H.address, width: 16 },
  { header: H.guests, width: 8 },
  { header: H.names, width: 22 },
  { header: H.idTails, width: 18 },
  { header: H.nights, width: 7 },
  { header: H.checkOut, width: 11 },
  { header: H.none, width: 7 },
  { header: H.reportedAt, width: 17, format: 'time' },
  { header: H.updatedAt, width: 17, format: 'time' },
  { header: H.missing, width: 20 },
];

/** One row of the sheet. @example registrationRow(r)[4] // '9号楼2单元301' */
export function registrationRow(r: Registration): Cell[] {
  return [
    r.id,
    r.reportDate,
    r.checkIn,
    r.landlordName,
    r.address ? formatHousehold(r.address) : '',
    r.guests,
    r.names.join('、'),
    r.idTails.join('、'),
    r.nights,
    r.nights !== null && !r.none ? addDays(r.checkIn, r.nights) : '',
    r.none ? T.yes : '',
    { at: r.reportedAt },
    r.updatedAt !== r.reportedAt ? { at: r.updatedAt } : null,
    missingFields(r).map((m) => T.missing[m.field]).join('、'),
  ];
}

export const registrationsSheet = {
  name: T.sheet,
  build(ctx: { store: Store; config: AppConfig; period: Period }): Sheet {
    const tz = ctx.config.timezone;
    const regs: Registration[] = [];
    for (const r of ctx.store.values<Registration>(REGISTRATIONS)) if (inPeriod(startOfLocalDay(r.checkIn, tz), ctx.period)) regs.push(r);
    regs.sort((a, b) => (a.checkIn < b.checkIn ? -1 : a.checkIn > b.checkIn ? 1 : a.id - b.id));
    return { name: T.sheet, columns: COLUMNS, rows: regs.map(registrationRow) };
  },
};
