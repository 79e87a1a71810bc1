/**
 * Config of the staff tools (points; statistics need only the catalogue's `group` and the
 * dispatch time limits): zod schemas with defaults, so a config file without these keys still
 * loads. Pure: no file access here.
 */
import { z } from 'zod';

/** The source report's four groups of service (民生服务, 生活服务, 生产服务, 缴费服务). */
export const SERVICE_GROUPS = ['livelihood', 'daily_life', 'production', 'payment'] as const;
export type ServiceGroup = (typeof SERVICE_GROUPS)[number];

/** Member types of the points system: 青年 / 在职 / 退休 party member, volunteer. */
export const MEMBER_TYPES = ['youth', 'employed', 'retired', 'volunteer'] as const;
export type MemberType = (typeof MEMBER_TYPES)[number];

/** Year-end ratings, best first: 优秀 / 良好 / 一般 / 差. */
export const YEAR_END_RATINGS = ['excellent', 'good', 'fair', 'poor'] as const;
export type YearEndRating = (typeof YEAR_END_RATINGS)[number];

/** The catalogue entry's optional `group`. */
export const serviceGroupSchema = z.enum(SERVICE_GROUPS);

const points = z.number().min(0).max(1000);
const byCategory = <T extends z.ZodType>(v: T) => z.record(z.string(), v).default({});

export const pointsConfigSchema = z
  .object({
    /** Party members (and volunteers) with their member type; other volunteers count as `volunteer`. */
    members: z
      .array(z.object({ id: z.string().min(1), name: z.string().min(1).optional(), type: z.enum(MEMBER_TYPES) }))
      .default([]),
    /** Base score (基础分) by member type. */
    base: z
      .object({ youth: points.default(60), employed: points.default(70), retired: points.default(50), volunteer: points.default(50) })
      .prefault({}),
    /** Duty points (履职分) per finished order; per-category weights override DEFAULT_DUTY_POINTS. */
    duty: z.object({ perOrder: points.default(2), byCategory: byCategory(points) }).prefault({}),
    /** Reward points (奖励分) when the resident rates at least `minRating`. */
    reward: z.object({ minRating: z.number().int().min(1).max(5).default(5), points: points.default(1) }).prefault({}),
    /** Deductions (扣减分) for giving a claimed order back, and for finishing (or holding) one past its deadline. */
    deduction: z.object({ abandoned: points.default(1), overdue: points.default(1) }).prefault({}),
    /** Service hours credited per finished order; per-category values override DEFAULT_SERVICE_HOURS. */
    hours: z.object({ perOrder: z.number().min(0).max(100).default(1), byCategory: byCategory(z.number().min(0).max(100)) }).prefault({}),
    /** First day of the one-year cycle, `MM-DD`. */
    cycleStart: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'cycleStart is MM-DD, e.g. "01-01"')
      .refine((s) => s !== '02-29', 'cycleStart cannot be 02-29')
      .default('01-01'),
    /** Year-end rating: by score thresholds, or by rank (cumulative shares of the ranking). */
    yearEnd: z
      .object({
        by: z.enum(['score', 'rank']).default('score'),
        scores: z.object({ excellent: z.number().default(90), good: z.number().default(75), fair: z.number().default(60) }).prefault({}),
        ranks: z
          .object({ excellent: z.number().gt(0).max(1).default(0.2), good: z.number().gt(0).max(1).default(0.5), fair: z.number().gt(0).max(1).default(0.9) })
          .prefault({}),
      })
      .prefault({}),
    /** The most one `/加分` or `/扣分` may give or take. */
    manualMax: z.number().positive().max(1000).default(20),
  })
  .prefault({});

export type PointsConfig = z.infer<typeof pointsConfigSchema>;

type Issue = { path: (string | number)[]; message: string };

/**
 * Cross-field checks of the staff-tools keys (category keys must exist, thresholds must descend).
 * @example checkStaffToolsConfig(config, new Set(['home_repair'])) // []
 */
export function checkStaffToolsConfig(c: { points: PointsConfig }, categoryKeys: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const keysIn = (rec: Record<string, unknown>, path: (string | number)[]) => {
    for (const k of Object.keys(rec)) if (!categoryKeys.has(k)) issues.push({ path: [...path, k], message: `unknown category "${k}"` });
  };
  keysIn(c.points.duty.byCategory, ['points', 'duty', 'byCategory']);
  keysIn(c.points.hours.byCategory, ['points', 'hours', 'byCategory']);
  const s = c.points.yearEnd.scores;
  if (!(s.excellent >= s.good && s.good >= s.fair)) issues.push({ path: ['points', 'yearEnd', 'scores'], message: 'scores must descend: excellent ≥ good ≥ fair' });
  const r = c.points.yearEnd.ranks;
  if (!(r.excellent <= r.good && r.good <= r.fair)) issues.push({ path: ['points', 'yearEnd', 'ranks'], message: 'ranks are cumulative shares: excellent ≤ good ≤ fair' });
  const seen = new Set<string>();
  c.points.members.forEach((m, i) => {
    if (seen.has(m.id)) issues.push({ path: ['points', 'members', i, 'id'], message: `duplicate member "${m.id}"` });
    seen.add(m.id);
  });
  return issues;
}
