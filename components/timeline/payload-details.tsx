// The event exactly as the provider sent it (masked for viewers by the data layer), folded away
// until asked for. A native <details>: it opens without JavaScript and is keyboard-accessible.

/** Past this the page would get heavy; the whole body stays available on the deliveries page. */
const MAX_CHARS = 100_000;

export function PayloadDetails({ payload }: { payload: unknown }) {
  const text = JSON.stringify(payload, null, 2) ?? 'null';
  const cut = text.length > MAX_CHARS;
  return (
    <details className="mt-1" data-testid="payload">
      <summary className="w-fit cursor-pointer text-xs text-slate-600 select-none hover:text-slate-900">Raw payload</summary>
      <pre
        data-testid="payload-json"
        className="mt-1 max-h-96 overflow-auto rounded border border-slate-200 bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap break-all"
      >
        {cut ? `${text.slice(0, MAX_CHARS)}\n…` : text}
      </pre>
      {cut && <p className="mt-1 text-xs text-amber-900">Only the first {MAX_CHARS.toLocaleString('en')} characters are shown.</p>}
    </details>
  );
}
