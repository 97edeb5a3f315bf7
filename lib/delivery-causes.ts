// Why a delivery was refused (or kept without being processed), in words a person can act on.
// Keyed by the error code stored on the delivery (lib/http/errors.ts, and `processing_failed`
// for a verified delivery that could not be stored). Pure: the health cards and the deliveries
// table say the same thing.

const CAUSES: Record<string, string> = {
  unsigned_not_allowed: 'no secret configured (and unsigned deliveries are not allowed)',
  signature_invalid: 'signature invalid (signed with another secret)',
  signature_missing: 'signature missing',
  signature_stale: 'signature timestamp too old',
  invalid_json: 'body is not JSON',
  invalid_payload: "body does not match the provider's schema",
  unsupported_media_type: 'not sent as JSON',
  payload_too_large: 'body too large',
  processing_failed: 'verified, but could not be processed (kept for reprocessing)',
};

export function deliveryCause(code: string | null): string {
  if (!code) return 'no reason recorded';
  return CAUSES[code] ?? code.replaceAll('_', ' ');
}

/**
 * The signature column's word for a delivery. A refused delivery whose provider has no secret
 * configured was never checked, whatever signature header it carried.
 */
export function signatureLabel(verification: string, errorCode: string | null): string {
  if (errorCode === 'unsigned_not_allowed') return 'not checked: no secret';
  return verification;
}
