import type { Completeness, StepReport, StepState } from '@/lib/calls/completeness';

// What the provider should have sent for this kind of call, against what arrived.

const STATE: Record<StepState, { icon: string; text: string; tone: string }> = {
  arrived: { icon: '✓', text: 'arrived', tone: 'text-green-700' },
  missing: { icon: '✗', text: 'missing', tone: 'text-red-700' },
  optional: { icon: '–', text: 'not sent (optional)', tone: 'text-slate-400' },
  collapsed: { icon: '✓', text: 'arrived as an identical repeat, stored once', tone: 'text-green-700' },
};

function Step({ step, pending }: { step: StepReport; pending: boolean }) {
  const state = STATE[step.state];
  const text = step.state === 'missing' && pending ? 'not yet received' : step.coveredBy ? `not sent; ${step.coveredBy} already showed it` : state.text;
  return (
    <li data-testid="expected-step" data-state={step.state} data-label={step.label} className="flex gap-2 py-1 text-sm">
      <span aria-hidden className={`w-4 shrink-0 text-center font-bold ${state.tone}`}>
        {state.icon}
      </span>
      <div className="min-w-0">
        <span className="font-medium">{step.label}</span> <span className="font-mono text-xs break-all text-slate-500">{step.types.join(' | ')}</span>
        <span className={`block text-xs ${state.tone}`}>{text}</span>
        {step.lateAfter && <span className="block text-xs text-amber-800">Arrived late: after {step.lateAfter}</span>}
        {step.outOfOrderBefore && <span className="block text-xs text-amber-800">Out of order: the provider timed it after {step.outOfOrderBefore}</span>}
      </div>
    </li>
  );
}

function Summary({ report }: { report: Completeness }) {
  const { missing, late, outOfOrder, arrived, afterEnd } = report.counts;
  if (missing + late + outOfOrder + afterEnd === 0) return <p className="text-sm text-green-800">All {arrived} expected events arrived, in order.</p>;
  const end = report.afterEnd[0]?.after;
  const parts = [
    missing && `${missing} missing`,
    late && `${late} arrived late`,
    outOfOrder && `${outOfOrder} out of order`,
    afterEnd && `${afterEnd} after ${end}`,
  ].filter(Boolean);
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-amber-900">{parts.join(' · ')}</p>
      {report.pending && missing > 0 && <p className="text-xs text-slate-600">The call may still be running: missing events may yet arrive.</p>}
      {afterEnd > 0 && (
        <p className="text-xs text-amber-900" data-testid="after-end" data-count={afterEnd}>
          Received after <span className="font-mono">{end}</span>, which says no more events follow:{' '}
          <span className="font-mono">{report.afterEnd.map((e) => e.type).join(', ')}</span>
        </p>
      )}
    </div>
  );
}

export function CompletenessReport({ report, providerLabel }: { report: Completeness; providerLabel: string }) {
  if (!report.supported) {
    return <p className="text-sm text-slate-600">Callboard does not know which events {providerLabel} sends, so it cannot tell what is missing.</p>;
  }
  const several = report.attempts.length > 1;
  return (
    <div className="space-y-3" data-testid="completeness">
      <Summary report={report} />
      {report.attempts.map((attempt) => (
        <div key={attempt.number}>
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {several ? `Attempt ${attempt.number} · ` : ''}
            {attempt.kindLabel}
          </h3>
          <ul className="mt-1">
            {attempt.steps.map((step) => (
              <Step key={step.label} step={step} pending={report.pending} />
            ))}
          </ul>
        </div>
      ))}
      {report.unexpected.length > 0 && (
        <p className="text-xs text-slate-600">
          Also received, not in {providerLabel}’s documented lifecycle: <span className="font-mono">{report.unexpected.join(', ')}</span>
        </p>
      )}
    </div>
  );
}
