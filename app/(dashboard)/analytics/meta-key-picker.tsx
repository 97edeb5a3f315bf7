'use client';
import { useState } from 'react';
import { CommitKey } from './commit-key';

// The metadata key to split credits by: the team's breakdown keys (precomputed) in a list, and
// "Other key…" for typing any other (counted live).

/** Keys are trimmed, so none starts with a space: this value can never be a key. */
const OTHER = ' other';
const field = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm';

export function MetaKeyPicker({ value, keys, onCommit }: { value: string; keys: string[]; onCommit: (key: string) => void }) {
  const [typing, setTyping] = useState(false);
  if (keys.length === 0) return <CommitKey value={value} onCommit={onCommit} />;
  const other = typing || (value !== '' && !keys.includes(value));
  return (
    <>
      <select
        aria-label="Breakdown key"
        className={field}
        value={other ? OTHER : value}
        onChange={(e) => {
          const next = e.target.value;
          setTyping(next === OTHER);
          if (next !== OTHER) onCommit(next);
        }}
      >
        {!other && value === '' && <option value="">Pick a key</option>}
        {keys.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
        <option value={OTHER}>Other key…</option>
      </select>
      {other && <CommitKey value={keys.includes(value) ? '' : value} onCommit={onCommit} />}
    </>
  );
}
