/** The shape of a deployment's config file, validated with zod. Pure: no file access here. */
import { z } from 'zod';
import { householdKey } from './household-address.js';

const id = z.string().min(1);
/** Room ids must contain `@` (how WeChat and the puppets tell rooms from contacts). */
const roomId = z.string().regex(/@/, 'a room id must contain "@" (e.g. "12345@chatroom")');

export const catalogueEntrySchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a category key is lower_snake_case'),
  kind: z.enum(['service', 'proxy']),
  name: z.string().min(1),
  keywords: z.array(z.string().min(1)).default([]),
});

/** issue 9 (registrations and recognitions): a local time of day, `HH:mm`. */
const timeOfDay = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time of day is "HH:mm" (e.g. "20:00")');

export const REQUIRED_CATEGORY_KEYS = [
  'civil_affairs', 'social_insurance', 'household_registration', 'utility_payment', 'parcel', 'copy_print',
  'property_maintenance', 'home_repair', 'errand', 'elderly_care', 'medical_escort', 'cleaning', 'moving_help',
  'other_service',
] as const;

export const configSchema = z
  .object({
    community: z.object({ name: z.string().min(1) }).default({ name: '社区' }),
    timezone: z.string().default('Asia/Shanghai'),
    /** Wechaty `name`: the login is kept in `<botName>.memory-card.json`. */
    botName: z.string().regex(/^[\w.-]+$/).default('grid-bot'),
    staffRoomId: roomId,
    grids: z
      .array(z.object({ id, name: z.string().min(1), roomId, workerIds: z.array(id).default([]), chiefId: id.nullable().default(null) }))
      .min(1),
    staff: z.array(z.object({ id, name: z.string().min(1), role: z.string().default('') })).min(1),
    /** Display names for grid workers and chiefs (ids are in `grids`). */
    gridWorkers: z.array(z.object({ id, name: z.string().min(1), phone: z.string().optional() })).default([]),
    volunteers: z
      .array(
        z.object({
          id,
          name: z.string().min(1),
          skills: z.array(z.string()).default([]),
          gridIds: z.array(id).default([]),
          phone: z.string().optional(),
        }),
      )
      .default([]),
    catalogue: z.array(catalogueEntrySchema).min(1),
    orders: z
      .object({
        /** Categories that wait for a staff member's 受理 before volunteers see them. */
        requireAcceptance: z.array(z.string()).default([]),
        /** Characters of a message that are read; the rest is ignored. */
        maxTextLength: z.number().int().min(50).max(5000).default(500),
      })
      .prefault({}),
    // ── issue 9: registrations and recognitions (tenant registration, star households, party links) ──
    /** 日租房房东报备: the landlords' group and its daily deadline. Absent: the feature is off. */
    registration: z
      .object({
        roomId,
        /** Landlords who have not reported by this local time are reminded privately. */
        reportBy: timeOfDay.default('20:00'),
        /** The next morning at this time staff get the list of who never reported. */
        staffListAt: timeOfDay.default('08:00'),
        landlords: z.array(z.object({ id, name: z.string().min(1), address: z.string().min(1) })).default([]),
      })
      .optional(),
    /** 星级文明户: publicity length and household totals for the share in `/星级 统计`. */
    stars: z
      .object({
        publicityDays: z.number().int().min(1).max(60).default(7),
        /** Households per grid (grid id → count). */
        gridHouseholds: z.record(z.string(), z.number().int().min(1)).default({}),
        /** Households of the whole community; null: the sum of gridHouseholds. */
        totalHouseholds: z.number().int().min(1).nullable().default(null),
      })
      .prefault({}),
    /** 党员包联: the households each party member looks after (address text such as "12号楼1单元602"). */
    partyMembers: z.array(z.object({ id, name: z.string().min(1), households: z.array(z.string().min(1)).default([]) })).default([]),
    /** When members get the monthly list of households not yet visited. */
    partyLinks: z
      .object({ visitReminderDay: z.number().int().min(1).max(28).default(25), visitReminderAt: timeOfDay.default('09:00') })
      .prefault({}),
  })
  .superRefine((c, ctx) => {
    const keys = new Set(c.catalogue.map((e) => e.key));
    for (const k of REQUIRED_CATEGORY_KEYS) {
      if (!keys.has(k)) ctx.addIssue({ code: 'custom', path: ['catalogue'], message: `missing category "${k}"` });
    }
    const gridIds = new Set(c.grids.map((g) => g.id));
    c.volunteers.forEach((v, i) => {
      v.gridIds.forEach((g, j) => {
        if (!gridIds.has(g)) ctx.addIssue({ code: 'custom', path: ['volunteers', i, 'gridIds', j], message: `unknown grid "${g}"` });
      });
      v.skills.forEach((s, j) => {
        if (!keys.has(s)) ctx.addIssue({ code: 'custom', path: ['volunteers', i, 'skills', j], message: `unknown category "${s}"` });
      });
    });
    c.orders.requireAcceptance.forEach((s, j) => {
      if (!keys.has(s)) ctx.addIssue({ code: 'custom', path: ['orders', 'requireAcceptance', j], message: `unknown category "${s}"` });
    });
    const rooms = new Map<string, string>();
    c.grids.forEach((g, i) => {
      if (rooms.has(g.roomId)) ctx.addIssue({ code: 'custom', path: ['grids', i, 'roomId'], message: `room "${g.roomId}" is already grid "${rooms.get(g.roomId)}"` });
      rooms.set(g.roomId, g.id);
      if (g.roomId === c.staffRoomId) ctx.addIssue({ code: 'custom', path: ['grids', i, 'roomId'], message: 'a grid room cannot be the staff room' });
    });
    const seen = new Set<string>();
    c.grids.forEach((g, i) => {
      if (seen.has(g.id)) ctx.addIssue({ code: 'custom', path: ['grids', i, 'id'], message: `duplicate grid id "${g.id}"` });
      seen.add(g.id);
    });
  })
  // issue 9: the registration room is a room of its own; totals and households must be readable.
  .superRefine((c, ctx) => {
    const r = c.registration;
    if (r) {
      if (r.roomId === c.staffRoomId || c.grids.some((g) => g.roomId === r.roomId)) {
        ctx.addIssue({ code: 'custom', path: ['registration', 'roomId'], message: 'the registration room must not be a grid room or the staff room' });
      }
      const ids = new Set<string>();
      r.landlords.forEach((l, i) => {
        if (ids.has(l.id)) ctx.addIssue({ code: 'custom', path: ['registration', 'landlords', i, 'id'], message: `duplicate landlord "${l.id}"` });
        ids.add(l.id);
        if (!householdKey(l.address)) ctx.addIssue({ code: 'custom', path: ['registration', 'landlords', i, 'address'], message: `cannot read an address in "${l.address}" (write it like "9号楼2单元301")` });
      });
    }
    const gridIds = new Set(c.grids.map((g) => g.id));
    for (const g of Object.keys(c.stars.gridHouseholds)) {
      if (!gridIds.has(g)) ctx.addIssue({ code: 'custom', path: ['stars', 'gridHouseholds', g], message: `unknown grid "${g}"` });
    }
    c.partyMembers.forEach((m, i) => {
      m.households.forEach((h, j) => {
        if (!householdKey(h)) ctx.addIssue({ code: 'custom', path: ['partyMembers', i, 'households', j], message: `cannot read an address in "${h}" (write it like "12号楼1单元602")` });
      });
    });
  });

export type AppConfig = z.infer<typeof configSchema>;
export type GridConfig = AppConfig['grids'][number];
export type VolunteerConfig = AppConfig['volunteers'][number];
