/** The shape of a deployment's config file, validated with zod. Pure: no file access here. */
import { z } from 'zod';

const id = z.string().min(1);
/** Room ids must contain `@` (how WeChat and the puppets tell rooms from contacts). */
const roomId = z.string().regex(/@/, 'a room id must contain "@" (e.g. "12345@chatroom")');

export const catalogueEntrySchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a category key is lower_snake_case'),
  kind: z.enum(['service', 'proxy']),
  name: z.string().min(1),
  keywords: z.array(z.string().min(1)).default([]),
});

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
  });

export type AppConfig = z.infer<typeof configSchema>;
export type GridConfig = AppConfig['grids'][number];
export type VolunteerConfig = AppConfig['volunteers'][number];
