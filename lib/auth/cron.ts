import { timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { AppError } from '@/lib/http/errors';

/** Scheduled routes are outside sign-in; Vercel Cron sends `Authorization: Bearer $CRON_SECRET`. */
export function requireCron(request: Request): void {
  const secret = env().CRON_SECRET;
  if (!secret) throw new AppError(503, 'cron_not_configured', 'CRON_SECRET is not set, so scheduled routes are disabled');
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${secret}`);
  // Length first: timingSafeEqual needs equal lengths, and the length of our secret is no secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError(401, 'unauthorized', 'Scheduled routes need Authorization: Bearer <CRON_SECRET>');
  }
}
