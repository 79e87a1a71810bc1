/** The shape of a deployment's config file, validated with zod. Pure: no file access here. */
import { z } from 'zod';
import { VOLUNTEER_TEAMS } from './vocabulary-duty.js';
import { checkStaffToolsConfig, pointsConfigSchema, serviceGroupSchema } from './config-staff.js';
import { checkMediationConfig, mediationConfigSchema } from './mediation-config.js';
import { checkCouncilConfig, councilConfigSchema } from './council-config.js';
import { householdKey } from './household-address.js';

const id = z.string().min(1);
/** Room ids must contain `@` (how WeChat and the puppets tell rooms from contacts). */
const roomId = z.string().regex(/@/, 'a room id must contain "@" (e.g. "12345@chatroom")');

export const catalogueEntrySchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a category key is lower_snake_case'),
  kind: z.enum(['service', 'proxy']),
  name: z.string().min(1),
  keywords: z.array(z.string().min(1)).default([]),
  /** Staff tools: the report's service group (民生/生活/生产/缴费); default by key, see config-staff.ts. */
  group: serviceGroupSchema.optional(),
});

export const REQUIRED_CATEGORY_KEYS = [
  'civil_affairs', 'social_insurance', 'household_registration', 'utility_payment', 'parcel', 'copy_print',
  'property_maintenance', 'home_repair', 'errand', 'elderly_care', 'medical_escort', 'cleaning', 'moving_help',
  'other_service',
] as const;

// ── issue 4: dispatch, time limits, escalation, scheduled posts ──────────
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a clock time is "HH:MM" (00:00–23:59)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is "YYYY-MM-DD"');
const minutes = z.number().int().min(1).max(60 * 24 * 60);
const byUrgency = (urgent: number, normal: number) => z.object({ urgent: minutes.default(urgent), normal: minutes.default(normal) }).prefault({});
const partialUrgency = z.object({ urgent: minutes.optional(), normal: minutes.optional() });
/** A duty roster entry: a contact id, or `{ id, phone }` to publish a number for someone whose config has none. */
const rosterEntry = z.union([id, z.object({ id, phone: z.string().min(3) })]);

const dispatchSchema = z.object({
  /** How many volunteers a dispatch call @-mentions. */
  mentions: z.number().int().min(0).max(20).default(3),
  /** Time to claim, by urgency. */
  claimMinutes: byUrgency(15, 120),
  /** Time to finish after the claim when the resident named no time, by urgency. */
  finishMinutes: byUrgency(240, 2880),
  /** Per-category overrides of the two above. */
  byCategory: z.record(z.string(), z.object({ claimMinutes: partialUrgency.optional(), finishMinutes: partialUrgency.optional() })).default({}),
  escalation: z
    .object({
      /** The ladder for an unclaimed order, in order. */
      unclaimed: z.array(z.enum(['group', 'worker', 'chief', 'staff'])).default(['group', 'worker', 'chief', 'staff']),
      /** The ladder for a claimed order past its time to finish. */
      overdue: z.array(z.enum(['claimer', 'worker'])).default(['claimer', 'worker']),
      /** Minutes between steps; null = the order's time to claim. */
      stepMinutes: minutes.nullable().default(null),
    })
    .prefault({}),
});

const scheduleSchema = z.object({
  /** Only urgent posts go out in quiet hours; null = no quiet hours. */
  quietHours: z.object({ from: clock.default('22:00'), to: clock.default('07:00') }).nullable().prefault({}),
  /** A wanted time given as a date only counts as this time on that date. */
  endOfDay: clock.default('18:00'),
  duty: z
    .object({
      /** 轮流坐班: one person a day, in this order, starting on `startDate`. */
      roster: z.array(rosterEntry).default([]),
      startDate: isoDate.default('2026-01-05'),
      /** A grid's own roster instead of the community's. */
      byGrid: z.record(z.string(), z.array(rosterEntry)).default({}),
    })
    .prefault({}),
  morningDigest: z.object({ enabled: z.boolean().default(true), at: clock.default('08:00'), until: clock.default('11:00') }).prefault({}),
  eveningSummary: z.object({ enabled: z.boolean().default(true), at: clock.default('18:00') }).prefault({}),
  weeklySummary: z
    .object({ enabled: z.boolean().default(true), weekday: z.number().int().min(1).max(7).default(1), at: clock.default('09:00') })
    .prefault({}),
  followUp: z
    .object({
      /** Minutes after completion to ask the resident for a rating; 0 = with the completion notice. */
      asksAfterMinutes: z.array(z.number().int().min(0).max(60 * 24 * 30)).max(5).default([0, 1440]),
      /** An ask not sent within this many minutes of its time is dropped (the bot was down). */
      staleAfterMinutes: minutes.default(2880),
    })
    .prefault({}),
});

function checkSchedule(
  c: { dispatch: z.infer<typeof dispatchSchema>; schedule: z.infer<typeof scheduleSchema>; staff: { id: string }[]; gridWorkers: { id: string }[]; volunteers: { id: string }[]; grids: { workerIds: string[]; chiefId: string | null }[] },
  ctx: z.RefinementCtx,
  categories: Set<string>,
  gridIds: Set<string>,
): void {
  for (const k of Object.keys(c.dispatch.byCategory)) {
    if (!categories.has(k)) ctx.addIssue({ code: 'custom', path: ['dispatch', 'byCategory', k], message: `unknown category "${k}"` });
  }
  const people = new Set([...c.staff, ...c.gridWorkers, ...c.volunteers].map((p) => p.id));
  for (const g of c.grids) {
    g.workerIds.forEach((w) => people.add(w));
    if (g.chiefId) people.add(g.chiefId);
  }
  const checkRoster = (entries: z.infer<typeof rosterEntry>[], path: (string | number)[]) =>
    entries.forEach((e, i) => {
      const pid = typeof e === 'string' ? e : e.id;
      if (!people.has(pid)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `unknown person "${pid}" (use a contact id from staff, grids, gridWorkers or volunteers)` });
    });
  checkRoster(c.schedule.duty.roster, ['schedule', 'duty', 'roster']);
  for (const [g, entries] of Object.entries(c.schedule.duty.byGrid)) {
    if (!gridIds.has(g)) ctx.addIssue({ code: 'custom', path: ['schedule', 'duty', 'byGrid', g], message: `unknown grid "${g}"` });
    checkRoster(entries, ['schedule', 'duty', 'byGrid', g]);
  }
  const asks = c.schedule.followUp.asksAfterMinutes;
  if (asks.some((m, i) => i > 0 && m <= asks[i - 1]!)) {
    ctx.addIssue({ code: 'custom', path: ['schedule', 'followUp', 'asksAfterMinutes'], message: 'times must be in increasing order' });
  }
  const d = c.schedule.morningDigest;
  if (d.until <= d.at) ctx.addIssue({ code: 'custom', path: ['schedule', 'morningDigest', 'until'], message: `must be later than "at" (${d.at})` });
}

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
          // issue 4 (dispatch): team, capacity, when they serve
          team: z.enum(VOLUNTEER_TEAMS).nullable().default(null),
          /** Open tasks at most: beyond it they are not called and cannot claim. */
          capacity: z.number().int().min(1).max(100).default(3),
          /** ISO weekdays they serve, 1 = Monday … 7 = Sunday. */
          availableDays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5, 6, 7]),
          /** Local hours they may be called; null = any time. */
          availableHours: z.object({ from: clock, to: clock }).nullable().default(null),
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
    // ── issue 4: dispatch, time limits, escalation, scheduled posts ──────────
    dispatch: dispatchSchema.prefault({}),
    schedule: scheduleSchema.prefault({}),
    // ── staff tools (issue 5): points ──
    points: pointsConfigSchema,
    // ── robustness (issue 6): sending pace, backups, reconnecting ──
    /** The outgoing queue: WeChat bans accounts that send too fast. */
    sending: z
      .object({
        /** Minimum gap between two sends to the same group or person (ms). */
        roomSpacingMs: z.number().int().min(0).max(60_000).default(1500),
        /** Random extra gap, 0..jitterMs (ms). */
        jitterMs: z.number().int().min(0).max(60_000).default(500),
        /** Sends per rolling minute for the whole account (0 = no cap). */
        perMinute: z.number().int().min(0).max(1000).default(40),
        /** Attempts after a failed send, before staff are told. */
        retries: z.number().int().min(0).max(10).default(4),
        /** First retry delay (ms); doubles each time. */
        backoffMs: z.number().int().min(10).max(600_000).default(2000),
      })
      .prefault({}),
    /** Daily copies of the data file in `<data>/backups/`. */
    backups: z.object({ keep: z.number().int().min(0).max(365).default(7) }).prefault({}),
    /** When WeChat cannot be reached before login: retry delays (ms), doubling up to the maximum. */
    reconnect: z
      .object({ firstDelayMs: z.number().int().min(100).default(5000), maxDelayMs: z.number().int().min(100).default(300_000) })
      .prefault({}),
    // ── mediation (万家和) and neighbourhood council (睦邻议事会), issue 8: see mediation-config.ts, council-config.ts
    mediation: mediationConfigSchema,
    council: councilConfigSchema,
    // ── issue 9: registrations and recognitions (tenant registration, star households, party links) ──
    /** 日租房房东报备: the landlords' group and its daily deadline. Absent: the feature is off. */
    registration: z
      .object({
        roomId,
        /** Landlords who have not reported by this local time are reminded privately. */
        reportBy: clock.default('20:00'),
        /** The next morning at this time staff get the list of who never reported. */
        staffListAt: clock.default('08:00'),
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
      .object({ visitReminderDay: z.number().int().min(1).max(28).default(25), visitReminderAt: clock.default('09:00') })
      .prefault({}),
  })
  .superRefine((c, ctx) => {
    checkMediationConfig(c, ctx);
    checkCouncilConfig(c, ctx);
    const keys = new Set(c.catalogue.map((e) => e.key));
    for (const i of checkStaffToolsConfig(c, keys)) ctx.addIssue({ code: 'custom', ...i });
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
    checkSchedule(c, ctx, keys, gridIds);
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
export type DispatchConfig = AppConfig['dispatch'];
export type ScheduleConfig = AppConfig['schedule'];
export type RosterEntry = ScheduleConfig['duty']['roster'][number];
