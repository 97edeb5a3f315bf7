// Runs before routing, for everything but static assets and the webhooks (whose paths have no
// parameters, and whose hot path should not pay for it). A path whose percent-encoding is not
// UTF-8 (`/api/calls/%ED%A0%80`) would otherwise fail inside Next while it decodes the route's
// parameters, as a plain-text 500; here it is a 400 in the API's error envelope. A page request
// carries the path it asked for to the server components (REQUESTED_PATH_HEADER, always ours: a
// client's own value is overwritten), so signing in can come back to it (lib/auth/next-path.ts).
import { type NextRequest, NextResponse } from 'next/server';
import { REQUESTED_PATH_HEADER, requestedPath } from '@/lib/auth/next-path';

export function proxy(request: NextRequest): NextResponse {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return NextResponse.json({ error: { code: 'invalid_path', message: 'The path is not valid percent-encoded UTF-8' } }, { status: 400 });
  }
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next();
  const headers = new Headers(request.headers);
  headers.set(REQUESTED_PATH_HEADER, requestedPath(request.nextUrl));
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|api/webhooks/).*)'] };
