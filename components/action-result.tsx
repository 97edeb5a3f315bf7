/** What a form's server action answered: a polite status when it worked, an alert when not. */
export function ActionResult({ result, size = 'xs' }: { result: { ok: true; message: string } | { ok: false; error: string } | null; size?: 'xs' | 'sm' }) {
  if (!result) return null;
  return (
    <p role={result.ok ? 'status' : 'alert'} className={`${size === 'sm' ? 'text-sm' : 'text-xs'} ${result.ok ? 'text-green-700' : 'text-red-700'}`}>
      {result.ok ? result.message : result.error}
    </p>
  );
}
