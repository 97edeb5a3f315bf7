import 'server-only';
import { prisma } from '@/lib/db';

/** The live token with this hash, marking it used (at most once a minute, to spare writes). */
export async function findActiveToken(hash: string): Promise<{ id: string; name: string } | null> {
  const token = await prisma().apiToken.findUnique({ where: { tokenHash: hash }, select: { id: true, name: true, revokedAt: true, lastUsedAt: true } });
  if (!token || token.revokedAt) return null;
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
    await prisma().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: token.id, name: token.name };
}
