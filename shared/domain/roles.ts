export const ROLES = ['admin', 'coordinator', 'analyst', 'liaison', 'field', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'operators.manage',
  'settings.manage',
  'audit.read',
  'backup.create',
  'register.read',
  'register.write',
  'register.import',
  'register.export',
  'family.read',
  'family.write',
  'lists.write',
  // exchange rounds: building the lists; marking the handover; freezing, agreeing, closing or cancelling
  'exchanges.write',
  'exchanges.handover',
  'exchanges.decide',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  coordinator: [
    'audit.read',
    'backup.create',
    'register.read',
    'register.write',
    'register.import',
    'register.export',
    'family.read',
    'family.write',
    'lists.write',
    'exchanges.write',
    'exchanges.handover',
    'exchanges.decide',
  ],
  analyst: ['register.read', 'register.write', 'register.import', 'register.export', 'lists.write'],
  liaison: ['register.read', 'register.write', 'family.read', 'family.write', 'lists.write'],
  field: ['register.read', 'exchanges.handover'],
  viewer: ['register.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
