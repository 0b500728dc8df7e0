import { can, type Permission, type Role } from '../../../shared/domain/roles';

/** The overview comes first: it is the home screen after unlocking (Alt+0); the work areas keep Alt+1..9. */
export const AREAS = ['dashboard', 'register', 'lists', 'exchanges', 'transfers', 'sites', 'audit', 'settings', 'operators', 'conflicts'] as const;
export type AreaId = (typeof AREAS)[number];

/** Areas a role must hold a permission to see at all (hidden, not just disabled). */
const REQUIRES: Partial<Record<AreaId, Permission>> = {
  audit: 'audit.read',
  operators: 'operators.manage',
};

export function canSee(role: Role, area: AreaId): boolean {
  const needed = REQUIRES[area];
  return needed === undefined || can(role, needed);
}

export function visibleAreas(role: Role): AreaId[] {
  return AREAS.filter((a) => canSee(role, a));
}

/** Alt+N follows the fixed order from Alt+0 (the overview), so a shortcut means the same area for every role. */
export function areaShortcut(area: AreaId): string {
  const n = AREAS.indexOf(area);
  return n <= 9 ? `Alt+${n}` : ''; // past the tenth: the menu and the command palette only
}
