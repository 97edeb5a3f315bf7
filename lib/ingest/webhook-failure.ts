import 'server-only';
import { AppError, errorBody, toAppError } from '@/lib/http/errors';
import type { Verification } from '@/lib/providers/types';
import type { RejectedDelivery } from './record-rejected';

type Record_ = (d: Pick<RejectedDelivery, 'httpStatus' | 'errorCode' | 'errorMessage' | 'verification'>, outcome?: 'failed') => Promise<void>;

/**
 * The answer to a webhook request that did not end stored, shared by every webhook endpoint
 * (handle-webhook.ts, whatsapp-webhook.ts): the database down is 503 (the sender retries); a
 * verified delivery whose processing failed is kept whole and acknowledged (202), never lost;
 * anything else is recorded as a rejected delivery and answered with its own status and reason.
 */
export async function failedDelivery(
  source: string,
  error: unknown,
  ctx: { accepted: boolean; verification: Verification; record: Record_ },
): Promise<Response> {
  const appError = toAppError(error);
  if (appError.status === 503) return Response.json(errorBody(appError), { status: 503 });
  if (ctx.accepted && appError.code === 'internal_error') {
    // Verified, but reading or storing it failed (a bug, not the sender's fault): keep the
    // body whole as a failed delivery and acknowledge it, so reprocessing after the fix
    // recovers it instead of the provider retrying the same poison for ever.
    console.error(`[webhook ${source}] could not process a verified delivery; kept raw for reprocessing`, error);
    try {
      await ctx.record(
        {
          verification: ctx.verification,
          httpStatus: 202,
          errorCode: 'processing_failed',
          errorMessage: (error as Error).message?.slice(0, 500) ?? String(error),
        },
        'failed',
      );
      return Response.json({ ok: true, processed: false }, { status: 202 });
    } catch (recordError) {
      console.error('[webhook] could not keep a verified delivery', recordError);
      const unavailable = new AppError(503, 'storage_unavailable', 'The delivery could not be stored; retry later');
      return Response.json(errorBody(unavailable), { status: 503 });
    }
  }
  if (appError.code === 'internal_error') console.error(`[webhook ${source}]`, error);
  const failedVerification = (error as { verification?: Verification }).verification;
  await ctx
    .record({
      verification: failedVerification ?? ctx.verification,
      httpStatus: appError.status,
      errorCode: appError.code,
      errorMessage: appError.message,
    })
    .catch((recordError: unknown) => console.error('[webhook] could not record rejected delivery', recordError));
  return Response.json(errorBody(appError), { status: appError.status });
}
