// Who may do what. One table, read by the data layer, route handlers, server actions and pages,
// so the UI never offers what the server would refuse.

export const ROLES = ['viewer', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'calls:read': ['viewer', 'approver', 'admin'],
  'deliveries:read': ['viewer', 'approver', 'admin'],
  'deliveries:reprocess': ['admin'],
  'actions:read': ['viewer', 'approver', 'admin'],
  'actions:decide': ['approver', 'admin'],
  'personal-data:read': ['approver', 'admin'],
  'users:manage': ['admin'],
  'tokens:manage': ['admin'],
  'audit:read': ['admin'],
  'settings:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
