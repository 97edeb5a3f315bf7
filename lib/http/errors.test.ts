import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, type ErrorCode, isUnavailable, toAppError } from './errors';

// The shapes below are what the libraries throw (read from @prisma/client's runtime, the pg
// driver adapter and node-postgres); the integration test database-down drives the real ones.

const withProps = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props);
const refused = () => withProps('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', syscall: 'connect', errno: -111 });

describe('isUnavailable', () => {
  it.each([
    ['a refused socket', refused()],
    ['a refused IPv4 and IPv6 connect (AggregateError)', new AggregateError([refused(), refused()], '')],
    [
      'Prisma P1001 with the adapter error in meta',
      withProps('Invalid invocation', {
        code: 'P1001',
        meta: { driverAdapterError: withProps('DatabaseNotReachable', { cause: { kind: 'DatabaseNotReachable' } }) },
      }),
    ],
    ['Prisma P1002 (timed out reaching the server)', withProps('x', { code: 'P1002' })],
    ['Prisma P1008 (operation timed out)', withProps('x', { code: 'P1008' })],
    ['Prisma P1017 (server closed the connection)', withProps('x', { code: 'P1017' })],
    ['Prisma P2024 (timed out fetching a connection from the pool)', withProps('x', { code: 'P2024' })],
    ['Prisma P2037 (too many connections)', withProps('x', { code: 'P2037' })],
    ['a PrismaClientInitializationError', withProps('x', { name: 'PrismaClientInitializationError', errorCode: 'P1001' })],
    [
      'only the adapter error kind, no code',
      withProps('x', { meta: { driverAdapterError: withProps('ConnectionClosed', { cause: { kind: 'ConnectionClosed' } }) } }),
    ],
    ['ECONNREFUSED nested in a cause', new Error('query failed', { cause: new Error('wrapped', { cause: refused() }) })],
    ['the pg pool timing out', new Error('timeout exceeded when trying to connect')],
    ['Postgres shutting down (57P01)', withProps('terminating connection due to administrator command', { code: '57P01' })],
    ['a Postgres connection exception (08006)', withProps('connection failure', { code: '08006' })],
  ])('%s → unavailable (503)', (_, error) => {
    expect(isUnavailable(error)).toBe(true);
    expect(toAppError(error)).toMatchObject({ status: 503, code: 'database_unavailable' });
  });

  it.each([
    ['a unique violation (P2002)', withProps('x', { code: 'P2002' })],
    ['a syntax error from Postgres (42601)', withProps('syntax error', { code: '42601' })],
    ['invalid text (22021)', withProps('invalid byte sequence', { code: '22021' })],
    ['a plain bug', new TypeError('undefined is not a function')],
    ['not an error at all', 'ECONNREFUSED'],
    ['null', null],
  ])('%s → not unavailable', (_, error) => {
    expect(isUnavailable(error)).toBe(false);
  });

  it('does not loop on an error that is its own cause', () => {
    const error = new Error('loop') as Error & { cause?: unknown };
    error.cause = error;
    expect(isUnavailable(error)).toBe(false);
  });

  it('keeps the rest of the translation', () => {
    expect(toAppError(new AppError(418, 'teapot' as ErrorCode, 'short and stout')).status).toBe(418);
    expect(toAppError(z.object({ a: z.string() }).safeParse({}).error)).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(toAppError(withProps('x', { code: 'P2025' }))).toMatchObject({ status: 404 });
  });
});
