import 'server-only';
import { prisma } from '@/lib/db';
import { isRole, type Role } from '@/lib/auth/roles';

/** The user a live token acts for, marking the token used (at most once a minute, to spare writes). */
export async function findTokenUser(hash: string): Promise<{ userId: string; email: string; role: Role } | null> {
  const token = await prisma().apiToken.findUnique({
    where: { tokenHash: hash },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, role: true } } },
  });
  if (!token || token.revokedAt || !token.user || !isRole(token.user.role)) return null;
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await prisma().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return { userId: token.user.id, email: token.user.email, role: token.user.role };
}
