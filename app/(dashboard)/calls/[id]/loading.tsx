// Shown while the call is read: the page's shape, so nothing jumps when it arrives.
function Block({ className }: { className: string }) {
  return <div className={`animate-pulse rounded-lg bg-slate-200/70 ${className}`} />;
}

export default function LoadingCall() {
  return (
    <div className="space-y-6" role="status" aria-busy="true" aria-label="Loading the call">
      <div className="space-y-3">
        <Block className="h-4 w-16" />
        <Block className="h-7 w-72 max-w-full" />
        <Block className="h-4 w-96 max-w-full" />
        <Block className="h-32 w-full" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Block className="h-40" />
          <Block className="h-80" />
        </div>
        <div className="space-y-6">
          <Block className="h-32" />
          <Block className="h-56" />
        </div>
      </div>
    </div>
  );
}
