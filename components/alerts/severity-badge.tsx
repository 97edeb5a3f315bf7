// An alert's severity as a small label (words, not only a colour).

export function SeverityBadge({ severity }: { severity: string }) {
  const critical = severity === 'critical';
  return (
    <span
      data-testid="alert-severity"
      className={`inline-block shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${critical ? 'bg-rose-100 text-rose-800' : 'bg-amber-100 text-amber-900'}`}
    >
      {critical ? 'Critical' : 'Warning'}
    </span>
  );
}
