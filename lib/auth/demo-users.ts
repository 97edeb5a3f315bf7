import type { Queryable } from '@/lib/db';
import type { Role } from './roles';
import { countUsers, createUserRecord } from './users-store';

// The demo's sign-ins, one per role, named in the README. Only ever created into an empty
// user table of the embedded demo database (or with DEMO_DATA=true), never in production.
export const DEMO_PASSWORD = 'callboard-demo';
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@callboard.local', name: 'Asha (admin)', role: 'admin' },
  { email: 'approver@callboard.local', name: 'Ravi (approver)', role: 'approver' },
  { email: 'viewer@callboard.local', name: 'Meera (viewer)', role: 'viewer' },
];

export async function createDemoUsers(db: Queryable): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  for (const user of DEMO_USERS) await createUserRecord(db, { ...user, password: DEMO_PASSWORD });
  return true;
}
