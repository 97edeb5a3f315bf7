import type { VerifyInput } from '@/lib/providers/types';

/** A verify() input as the provider tests build it; `now` defaults to the MiniVoice test vector's time. */
export function verifyInput(body: string, headers: Record<string, string>, secrets: string[], now = new Date(1780056000 * 1000)): VerifyInput {
  return { rawBody: Buffer.from(body), headers: new Headers(headers), secrets, now, toleranceSeconds: 300 };
}
