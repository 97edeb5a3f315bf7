import { AppError } from '@/lib/http/errors';

export interface BodyRead {
  body: Buffer;
  /** Bytes seen; for an oversized body, how far we read before stopping. */
  size: number;
  tooLarge: boolean;
}

/** Reads the raw request bytes, stopping as soon as the limit is passed. */
export async function readBody(request: Request, limit: number): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    // Keep the head for the delivery record without pulling a huge body into memory.
    const head = await readUpTo(request, 8 * 1024);
    return { body: head, size: declared, tooLarge: true };
  }
  if (!request.body) return { body: Buffer.alloc(0), size: 0, tooLarge: false };
  if (Number.isFinite(declared) && request.headers.has('content-length')) {
    // A declared length within the limit: read it in one call, not chunk by chunk. The runtime
    // enforces the declared length, so the size check below is only a safety net.
    const body = Buffer.from(await request.arrayBuffer());
    return { body, size: body.length, tooLarge: body.length > limit };
  }
  const reader = request.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    chunks.push(Buffer.from(value));
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { body: Buffer.concat(chunks), size, tooLarge: true };
    }
  }
  return { body: Buffer.concat(chunks), size, tooLarge: false };
}

async function readUpTo(request: Request, max: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < max) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(Buffer.from(value));
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, max);
}

export function assertJsonContentType(request: Request): void {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) {
    throw new AppError(415, 'unsupported_media_type', `Content-Type must be application/json, got "${type || 'none'}"`);
  }
}
