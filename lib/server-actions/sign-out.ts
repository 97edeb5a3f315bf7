'use server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { writeAudit } from '@/lib/audit';
import { currentActor } from '@/lib/auth/actor';
import { auth } from '@/lib/auth/auth';
import { clientIp } from '@/lib/auth/sign-in-limit';
import { pool } from '@/lib/db';

export async function signOutAction(): Promise<void> {
  const requestHeaders = await headers();
  const actor = await currentActor();
  await auth().api.signOut({ headers: requestHeaders });
  if (actor) await writeAudit(pool(), { actorId: actor.userId, actorEmail: actor.email, action: 'sign_out', ip: clientIp(requestHeaders) });
  redirect('/sign-in');
}
