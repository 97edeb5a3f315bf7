'use client';
import { useState } from 'react';

/** The metadata key to split by; applied on Enter or blur, not on every keystroke. */
export function CommitKey({ value, onCommit }: { value: string; onCommit: (key: string) => void }) {
  const [text, setText] = useState(value);
  return (
    <input
      aria-label="Metadata key"
      placeholder="campaign"
      value={text}
      maxLength={100}
      className="w-36 rounded-md border border-slate-300 px-2 py-1 text-sm"
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text.trim() !== value && onCommit(text.trim())}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onCommit(text.trim());
      }}
    />
  );
}
