/** The shape of a deployment's config file, validated with zod. Pure: no file access here. */
import { z } from 'zod';
import { checkMediationConfig, mediationConfigSchema } from './mediation-config.js';
import { checkCouncilConfig, councilConfigSchema } from './council-config.js';

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
    // ── mediation (万家和) and neighbourhood council (睦邻议事会), issue 8: see mediation-config.ts, council-config.ts
    mediation: mediationConfigSchema,
    council: councilConfigSchema,
  })
  .superRefine((c, ctx) => {
    checkMediationConfig(c, ctx);
    checkCouncilConfig(c, ctx);
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
