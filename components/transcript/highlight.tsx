import { Fragment, type ReactNode } from 'react';
import { matchRanges } from '@/lib/calls/transcript';

/** `text` with each occurrence of `query` marked. */
export function Highlight({ text, query }: { text: string; query: string }) {
  const ranges = matchRanges(text, query);
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let from = 0;
  for (const [start, end] of ranges) {
    parts.push(
      <Fragment key={`t${start}`}>{text.slice(from, start)}</Fragment>,
      <mark key={`m${start}`} className="rounded-sm bg-yellow-200 px-0.5 text-inherit">
        {text.slice(start, end)}
      </mark>,
    );
    from = end;
  }
  parts.push(<Fragment key="rest">{text.slice(from)}</Fragment>);
  return <>{parts}</>;
}
