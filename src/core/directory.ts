/** Who is who, from the config's contact ids only: display names never grant rights. */
import type { AppConfig, GridConfig, VolunteerConfig } from './config-schema.js';
import type { CatalogueEntry } from './model.js';

export interface Directory {
  readonly config: AppConfig;
  gridByRoom(roomId: string): GridConfig | undefined;
  grid(gridId: string | null): GridConfig | undefined;
  isStaff(contactId: string): boolean;
  /** Staff everywhere; grid workers and chiefs in their own grids. */
  canManage(contactId: string, gridId: string | null): boolean;
  volunteer(contactId: string): VolunteerConfig | undefined;
  /** Volunteers who serve a grid (and have a skill, if given). */
  volunteersFor(gridId: string, category?: string): VolunteerConfig[];
  category(key: string): CatalogueEntry | undefined;
  /** Configured display name, or undefined for people not in the config. */
  nameOf(contactId: string): string | undefined;
  /** A configured person by display name (for `@name` typed as text). */
  findByName(name: string): string | undefined;
}

/** Builds the lookups once per config. @example buildDirectory(config).isStaff('staff-liu') */
export function buildDirectory(config: AppConfig): Directory {
  const gridsByRoom = new Map(config.grids.map((g) => [g.roomId, g]));
  const gridsById = new Map(config.grids.map((g) => [g.id, g]));
  const staff = new Set(config.staff.map((s) => s.id));
  const volunteers = new Map(config.volunteers.map((v) => [v.id, v]));
  // A sub-district has hundreds of volunteers and a grid a handful: look them up by grid.
  const volunteersByGrid = new Map<string, VolunteerConfig[]>();
  for (const v of config.volunteers) for (const g of new Set(v.gridIds)) volunteersByGrid.set(g, [...(volunteersByGrid.get(g) ?? []), v]);
  const catalogue = new Map(config.catalogue.map((c) => [c.key, c as CatalogueEntry]));
  const names = new Map<string, string>();
  for (const v of config.volunteers) names.set(v.id, v.name);
  for (const w of config.gridWorkers) names.set(w.id, w.name);
  for (const s of config.staff) names.set(s.id, s.name);
  const byName = new Map<string, string>();
  for (const [cid, name] of names) if (!byName.has(name)) byName.set(name, cid);

  return {
    config,
    gridByRoom: (roomId) => gridsByRoom.get(roomId),
    grid: (gridId) => (gridId ? gridsById.get(gridId) : undefined),
    isStaff: (cid) => staff.has(cid),
    canManage(cid, gridId) {
      if (staff.has(cid)) return true;
      const g = gridId ? gridsById.get(gridId) : undefined;
      return !!g && (g.workerIds.includes(cid) || g.chiefId === cid);
    },
    volunteer: (cid) => volunteers.get(cid),
    volunteersFor: (gridId, category) => (volunteersByGrid.get(gridId) ?? []).filter((v) => !category || v.skills.includes(category)),
    category: (key) => catalogue.get(key),
    nameOf: (cid) => names.get(cid),
    findByName: (name) => byName.get(name),
  };
}
