import { ZodError } from 'zod';

// One error model for every route: AppError carries a code and an HTTP status; `errorResponse`
// maps it (and zod / Prisma / connection errors) to `{ "error": { "code", "message" } }`.
// A 500 never shows internals.

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function zodMessage(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P03', '53300', '08000', '08003', '08006']);

/** True when the database could not be reached, as opposed to rejecting a statement. */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code && CONNECTION_CODES.has(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isUnavailable);
  return /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/i.test(error.message);
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError(400, 'invalid_request', zodMessage(error));
  const code = (error as { code?: string } | null)?.code;
  if (code === 'P2002') return new AppError(409, 'conflict', 'A record with this key already exists');
  if (code === 'P2025') return new AppError(404, 'not_found', 'Not found');
  if (isUnavailable(error)) return new AppError(503, 'database_unavailable', 'The database is unavailable; try again shortly');
  return new AppError(500, 'internal_error', 'Something went wrong on our side');
}

export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message } };
}

export function errorResponse(error: unknown, headers?: HeadersInit): Response {
  const appError = toAppError(error);
  if (appError.status >= 500 && appError.code === 'internal_error') console.error(error);
  return Response.json(errorBody(appError), { status: appError.status, headers });
}
