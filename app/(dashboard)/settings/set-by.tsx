// Who last changed a team setting and when, after its current value.
export function SetBy({ by, at }: { by: string | null; at: Date | null }) {
  if (!by || !at) return null;
  return (
    <span className="text-slate-500">
      {' '}
      · set by {by} on {at.toISOString().slice(0, 10)}
    </span>
  );
}
