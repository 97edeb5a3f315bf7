// Runs before routing, for everything but static assets and the webhooks (whose paths have no
// parameters, and whose hot path should not pay for it). A path whose percent-encoding is not
// UTF-8 (`/api/calls/%ED%A0%80`) would otherwise fail inside Next while it decodes the route's
// parameters, as a plain-text 500; here it is a 400 in the API's error envelope.
import { type NextRequest, NextResponse } from 'next/server';

export function proxy(request: NextRequest): NextResponse {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    return NextResponse.json({ error: { code: 'invalid_path', message: 'The path is not valid percent-encoded UTF-8' } }, { status: 400 });
  }
}

export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|api/webhooks/).*)'] };
