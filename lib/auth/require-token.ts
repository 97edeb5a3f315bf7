import 'server-only';
import { AppError } from '@/lib/http/errors';
import { findActiveToken } from '@/lib/queries/api-tokens';
import { bearerToken, hashToken } from './tokens';

/** Resolves the API token of a request or throws 401. */
export async function requireToken(request: Request): Promise<{ id: string; name: string }> {
  const token = bearerToken(request.headers.get('authorization'));
  if (!token) throw new AppError(401, 'unauthorized', 'Send Authorization: Bearer <token> (create one with npm run token:create)');
  const found = await findActiveToken(hashToken(token));
  if (!found) throw new AppError(401, 'unauthorized', 'The token is unknown or revoked');
  return found;
}
