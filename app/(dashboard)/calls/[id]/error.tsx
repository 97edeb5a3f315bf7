'use client';
import Link from 'next/link';
import { useEffect } from 'react';

// A failed read (database down, a bug) gets a way out instead of a blank page. In production
// the message is generic; the digest matches the server log line.
export default function CallError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-6 text-sm text-red-900">
      <p className="font-medium">This call could not be loaded.</p>
      <p>It may be a passing problem with the database. Try again, or go back to the list.</p>
      {digest && <p className="font-mono text-xs">Reference: {digest}</p>}
      <div className="flex gap-3">
        <button type="button" onClick={() => retry()} className="rounded bg-red-700 px-3 py-1.5 text-white hover:bg-red-800">
          Try again
        </button>
        <Link href="/calls" className="rounded border border-red-300 px-3 py-1.5 hover:bg-red-100">
          All calls
        </Link>
      </div>
    </div>
  );
}
