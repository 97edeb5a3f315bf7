import { signatureLabel } from '@/lib/delivery-causes';

// Outcome and verification as small coloured labels; the data attributes let tests and
// people's scripts read the raw value.

const OUTCOME_TONE: Record<string, string> = {
  stored: 'bg-status-success/15 text-green-800',
  duplicate: 'bg-status-neutral/15 text-slate-700',
  rejected: 'bg-status-failure/15 text-red-800',
  failed: 'bg-status-waiting/20 text-amber-900',
};

const VERIFICATION_TONE: Record<string, string> = {
  valid: 'text-green-800',
  unsigned: 'text-amber-800',
  invalid: 'text-red-800',
  missing: 'text-red-800',
  stale: 'text-red-800',
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <span
      data-testid="delivery-outcome"
      data-outcome={outcome}
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${OUTCOME_TONE[outcome] ?? OUTCOME_TONE.duplicate}`}
    >
      {outcome}
    </span>
  );
}

export function VerificationLabel({ verification, errorCode = null }: { verification: string; errorCode?: string | null }) {
  const unchecked = errorCode === 'unsigned_not_allowed';
  return (
    <span
      data-testid="delivery-verification"
      data-verification={verification}
      data-unchecked={unchecked || undefined}
      className={`text-xs font-medium ${unchecked ? 'text-amber-800' : (VERIFICATION_TONE[verification] ?? 'text-slate-700')}`}
    >
      {signatureLabel(verification, errorCode)}
    </span>
  );
}
