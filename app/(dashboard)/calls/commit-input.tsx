'use client';
import { type InputHTMLAttributes, useState } from 'react';

// A text filter applied on Enter or when the field is left, not on every key: each value is a
// query, and half a word filters everything away.

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { value: string | undefined; onCommit: (value: string | undefined) => void };

export function CommitInput({ value, onCommit, ...rest }: Props) {
  const [text, setText] = useState(value ?? '');
  const [known, setKnown] = useState(value ?? '');
  if ((value ?? '') !== known) {
    setKnown(value ?? '');
    setText(value ?? '');
  }
  const commit = () => {
    const next = text.trim();
    if (next !== (value ?? '')) onCommit(next || undefined);
  };
  return (
    <input
      {...rest}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
