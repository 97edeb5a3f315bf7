import 'server-only';
import { pool } from '@/lib/db';
import type { Verification } from '@/lib/providers/types';
import { cleanText } from './storable';

/** Rejected bodies are kept only this far: enough to see why, not a place to park junk. */
export const REJECTED_BODY_LIMIT = 8 * 1024;

export interface RejectedDelivery {
  provider: string;
  endpoint: string;
  receivedAt: Date;
  headers: Record<string, string>;
  body: Buffer;
  bodySize: number;
  verification: Verification;
  httpStatus: number;
  errorCode: string;
  errorMessage: string;
  eventType: string | null;
}

/**
 * Records a delivery we did not store through the pipeline. `rejected`: we refused it (body cut
 * to 8 KB). `failed`: it was verified and valid but storing it failed; the whole body is kept so
 * reprocessing can recover it later.
 */
export async function recordRejected(d: RejectedDelivery, outcome: 'rejected' | 'failed' = 'rejected'): Promise<void> {
  const body = outcome === 'failed' ? d.body : d.body.subarray(0, REJECTED_BODY_LIMIT);
  await pool().query(
    `INSERT INTO delivery (provider, endpoint, received_at, headers, body, body_size, body_truncated, verification, outcome,
                           http_status, error_code, error_message, event_type)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    // The error message and event type quote the request, which may hold what text cannot.
    [
      d.provider,
      d.endpoint,
      d.receivedAt,
      cleanText(JSON.stringify(d.headers)),
      body,
      d.bodySize,
      d.bodySize > body.length,
      d.verification,
      outcome,
      d.httpStatus,
      d.errorCode,
      cleanText(d.errorMessage),
      d.eventType === null ? null : cleanText(d.eventType),
    ],
  );
}
