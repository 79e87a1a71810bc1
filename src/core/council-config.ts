/** Config keys of the neighbourhood council (睦邻议事会): who votes, quorum and majority, time limits. */
import { z } from 'zod';

const id = z.string().min(1);

export const councilConfigSchema = z
  .object({
    /** People (contact ids) who are members of a grid's council besides those seen in its group. */
    members: z.record(z.string(), z.array(id)).default({}),
    /** Length of a discussion window when `/讨论` names none. */
    discussionDays: z.number().positive().max(90).default(3),
    /** Length of a vote when `/表决` names no deadline. */
    voteHours: z.number().positive().max(24 * 90).default(72),
    /** Share of the group's members who must vote (abstaining counts) for the vote to stand. */
    quorum: z.number().min(0).max(1).default(0.5),
    /** The winning option needs more than this share of the votes cast (abstentions included). */
    majority: z.number().min(0).max(0.99).default(0.5),
    /** Hours before a task's deadline when its owner is reminded. */
    remindBeforeHours: z.number().min(0).max(24 * 30).default(24),
    /** Hours after a task's deadline when it is escalated to the staff room and the grid chief. */
    escalateAfterHours: z.number().min(0).max(24 * 30).default(24),
    /** Days the group has to rate the result once every task is done. */
    ratingDays: z.number().positive().max(90).default(3),
  })
  .prefault({});

export type CouncilConfig = z.infer<typeof councilConfigSchema>;

/** Cross-field checks (grid ids in `members`), added to the config's own. */
export function checkCouncilConfig(c: { grids: { id: string }[]; council: CouncilConfig }, ctx: z.RefinementCtx): void {
  const grids = new Set(c.grids.map((g) => g.id));
  for (const g of Object.keys(c.council.members)) {
    if (!grids.has(g)) ctx.addIssue({ code: 'custom', path: ['council', 'members', g], message: `unknown grid "${g}"` });
  }
}
