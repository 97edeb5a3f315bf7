import { LocalTime } from '@/components/local-time';
import { formatOffset, type TranscriptLine } from '@/lib/calls/transcript';
import { Highlight } from './highlight';

export interface TranscriptTurnProps {
  line: TranscriptLine;
  query: string;
  active: boolean;
  /** Present when the turn can be played: seeks the recording to its start. */
  onSeek?: (offsetMs: number) => void;
}

/** One chat bubble: the agent on the left, the customer on the right. */
export function TranscriptTurn({ line, query, active, onSeek }: TranscriptTurnProps) {
  const agent = line.role === 'agent';
  const bubble = `max-w-[85%] rounded-2xl px-3 py-2 text-left text-sm ${agent ? 'rounded-tl-sm bg-slate-100' : 'rounded-tr-sm bg-blue-50'} ${active ? 'ring-2 ring-blue-500' : ''}`;
  const meta = (
    <span className="mb-0.5 flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500">
      <span className="font-medium text-slate-700">{agent ? 'Agent' : 'Customer'}</span>
      {/* Time into the call reads better in a chat than a full date; the clock time stays on hover. */}
      {line.offsetMs !== null ? (
        <span className="font-mono tabular-nums" title={line.at ?? undefined}>
          {formatOffset(line.offsetMs)}
        </span>
      ) : (
        line.at && <LocalTime value={line.at} />
      )}
    </span>
  );
  const body = (
    <>
      {meta}
      <span className="block whitespace-pre-wrap break-words text-slate-900">
        <Highlight text={line.text} query={query} />
      </span>
    </>
  );
  const seekable = onSeek && line.offsetMs !== null;
  return (
    <li data-testid="transcript-turn" data-role={line.role} data-active={active || undefined} className={`flex ${agent ? 'justify-start' : 'justify-end'}`}>
      {seekable ? (
        <button
          type="button"
          onClick={() => onSeek(line.offsetMs as number)}
          aria-label={`Play from ${formatOffset(line.offsetMs as number)}: ${line.text}`}
          className={`${bubble} cursor-pointer hover:ring-1 hover:ring-blue-300 focus-visible:ring-2 focus-visible:ring-blue-600 focus-visible:outline-none`}
        >
          {body}
        </button>
      ) : (
        <div className={bubble}>{body}</div>
      )}
    </li>
  );
}
