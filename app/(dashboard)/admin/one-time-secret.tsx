'use client';
import { useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * A secret the server returned once (a new API token, a generated password). Nothing stores it in
 * plain text, so after this panel is gone it cannot be shown again.
 */
export function OneTimeSecret({ title, value, testId }: { title: string; value: string; testId: string }) {
  const [copy, setCopy] = useState<CopyState>('idle');

  async function copyValue() {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      // Clipboard access needs a secure context and permission; the text stays selectable.
      setCopy('failed');
    }
  }

  return (
    <div className="rounded-lg border border-green-200 bg-green-50 p-4 text-sm text-green-950">
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-green-800">Copy it now: it is shown only this once.</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code data-testid={testId} className="select-all break-all rounded border border-green-200 bg-white px-2 py-1 font-mono text-xs">
          {value}
        </code>
        <button
          type="button"
          onClick={() => void copyValue()}
          className="rounded border border-green-300 bg-white px-2 py-1 text-xs font-medium hover:bg-green-100"
        >
          <span aria-live="polite">{copy === 'copied' ? 'Copied' : 'Copy'}</span>
        </button>
        {copy === 'failed' && <span className="text-xs text-red-700">Copy failed: select the text and copy it.</span>}
      </div>
    </div>
  );
}
