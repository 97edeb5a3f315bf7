import { ZodError } from 'zod';

// One error model for every route: AppError carries a code and an HTTP status; `errorResponse`
// maps it (and zod / Prisma / connection errors) to `{ "error": { "code", "message" } }`.
// A 500 never shows internals.

/** Every code an error body can carry; clients may switch on them, so the list is closed. */
export type ErrorCode =
  // the request
  | 'invalid_request'
  | 'invalid_json'
  | 'invalid_payload'
  | 'invalid_cursor'
  | 'invalid_time_zone'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'not_found'
  | 'reason_required'
  // who is asking
  | 'unauthorized'
  | 'forbidden'
  | 'cross_site_request'
  | 'cron_not_configured'
  // webhooks
  | 'unsigned_not_allowed'
  | 'signature_invalid'
  | 'signature_missing'
  | 'signature_stale'
  // state that refuses the change
  | 'conflict'
  | 'user_exists'
  | 'last_admin'
  | 'already_revoked'
  | 'already_decided'
  | 'not_decided'
  | 'undo_window_closed'
  | 'not_editable'
  | 'unknown_template'
  | 'template_required'
  | 'template_parameters'
  | 'not_resendable'
  | 'nothing_to_send'
  | 'not_configured'
  | 'not_redispatchable'
  | 'not_needs_check'
  | 'reprocess_running'
  // our side
  | 'database_unavailable'
  | 'storage_unavailable'
  | 'internal_error';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
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

// Node socket errors and Postgres SQLSTATEs that mean "no usable connection": class 08
// (connection exception), 57P01–57P03 (shutting down, cannot connect now), 53300 (too many connections).
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
// Prisma's codes for the same: can't reach (P1001), timed out reaching (P1002), operation timed
// out (P1008), TLS failed (P1011), connection closed (P1017), pool timeout (P2024), too many
// connections (P2037).
const PRISMA_CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1011', 'P1017', 'P2024', 'P2037']);
// The pg driver adapter's error kinds (meta.driverAdapterError.cause.kind) behind those codes.
const ADAPTER_CONNECTION_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TlsConnectionError']);
const CONNECTION_MESSAGE = /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Can't reach database server/i;

type Inspectable = {
  code?: unknown;
  errorCode?: unknown;
  kind?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
  errors?: unknown;
};

function signalsUnavailable(e: Inspectable): boolean {
  if (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || e.code.startsWith('08') || PRISMA_CONNECTION_CODES.has(e.code))) return true;
  if (typeof e.errorCode === 'string' && PRISMA_CONNECTION_CODES.has(e.errorCode)) return true;
  if (typeof e.kind === 'string' && ADAPTER_CONNECTION_KINDS.has(e.kind)) return true;
  // The client could not start at all: nothing reached the database, whatever the reason.
  if (e.name === 'PrismaClientInitializationError') return true;
  return typeof e.message === 'string' && CONNECTION_MESSAGE.test(e.message);
}

/**
 * True when the database could not be reached, as opposed to rejecting a statement. Looks through
 * the wrappers a connection failure comes in: Prisma's error, the driver adapter's error in its
 * `meta`, their `cause`s, and an AggregateError's errors (a refused IPv4 and IPv6 connect).
 */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as Inspectable;
  if (signalsUnavailable(e)) return true;
  const nested = [e.cause, e.meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return nested.some((inner) => isUnavailable(inner, depth + 1));
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
