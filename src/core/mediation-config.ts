/** Config keys of dispute mediation (万家和): the ladder of levels, who mediates at each, time limits. */
import { z } from 'zod';

const id = z.string().min(1);

export const mediationLevelSchema = z.object({
  /** Shown to people: 楼栋调解, 网格调解, 社区调解, 司法所·律师调解. */
  name: z.string().min(1),
  /** Hours a case may stay at this level without an agreement before it climbs. */
  limitHours: z.number().positive().max(24 * 366),
  /** Mediators at this level (contact ids), for grids not listed in `byGrid`. */
  mediatorIds: z.array(id).default([]),
  /** Grid-specific mediators (e.g. the building heads of each grid): replaces `mediatorIds` for that grid. */
  byGrid: z.record(z.string(), z.array(id)).default({}),
  /** Configured roles that also mediate at this level: the case grid's workers, its chief, all staff. */
  include: z.array(z.enum(['gridWorkers', 'gridChief', 'staff'])).default([]),
});

/** The ladder used when the config names none: 小事不出楼栋,大事不出社区. */
export const DEFAULT_MEDIATION_LEVELS = [
  { name: '楼栋调解', limitHours: 48, mediatorIds: [], byGrid: {}, include: [] },
  { name: '网格调解', limitHours: 72, mediatorIds: [], byGrid: {}, include: ['gridWorkers', 'gridChief'] },
  { name: '社区调解', limitHours: 168, mediatorIds: [], byGrid: {}, include: ['staff'] },
  { name: '司法所·律师调解', limitHours: 336, mediatorIds: [], byGrid: {}, include: [] },
] satisfies z.input<typeof mediationLevelSchema>[];

export const mediationConfigSchema = z
  .object({
    /** Names (and phones) of mediators not listed elsewhere: building heads, the 司法所, lawyers. */
    people: z.array(z.object({ id, name: z.string().min(1), role: z.string().default(''), phone: z.string().optional() })).default([]),
    /** Lowest level first. A case starts at the lowest level with a mediator for its grid. */
    levels: z.array(mediationLevelSchema).min(1).default(DEFAULT_MEDIATION_LEVELS),
    /** Days after an agreement when the complainant is asked whether it held. */
    followUpDays: z.number().positive().max(366).default(7),
  })
  .prefault({});

export type MediationConfig = z.infer<typeof mediationConfigSchema>;
export type MediationLevel = z.infer<typeof mediationLevelSchema>;

/** Cross-field checks (grid ids in `byGrid`), added to the config's own. */
export function checkMediationConfig(c: { grids: { id: string }[]; mediation: MediationConfig }, ctx: z.RefinementCtx): void {
  const grids = new Set(c.grids.map((g) => g.id));
  c.mediation.levels.forEach((l, i) => {
    for (const g of Object.keys(l.byGrid)) {
      if (!grids.has(g)) ctx.addIssue({ code: 'custom', path: ['mediation', 'levels', i, 'byGrid', g], message: `unknown grid "${g}"` });
    }
  });
  const seen = new Set<string>();
  c.mediation.people.forEach((p, i) => {
    if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['mediation', 'people', i, 'id'], message: `duplicate person "${p.id}"` });
    seen.add(p.id);
  });
}
