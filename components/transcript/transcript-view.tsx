'use client';
import { useId, useMemo, useRef, useState } from 'react';
import { activeLineIndex, searchLines, type TranscriptLine } from '@/lib/calls/transcript';
import { TranscriptTurn } from './transcript-turn';

// The interactive transcript: search within it, and when there is a recording, play it and
// jump to a turn by clicking it. Lines (with their offsets) are computed on the server.

export function TranscriptView({ lines, recordingUrl }: { lines: TranscriptLine[]; recordingUrl: string | null }) {
  const [query, setQuery] = useState('');
  const [positionMs, setPositionMs] = useState<number | null>(null);
  const audio = useRef<HTMLAudioElement>(null);
  const searchId = useId();
  const visible = useMemo(() => searchLines(lines, query), [lines, query]);
  const active = positionMs === null ? null : activeLineIndex(lines, positionMs);
  const playable = lines.some((l) => l.offsetMs !== null);

  const seek = (offsetMs: number) => {
    const player = audio.current;
    if (!player) return;
    player.currentTime = offsetMs / 1000;
    setPositionMs(offsetMs);
    // Playback can be refused (autoplay rules, an expired recording link); the position still moved.
    player.play().catch(() => {});
  };

  return (
    <div className="space-y-3">
      {recordingUrl && (
        <div className="space-y-1">
          {/* biome-ignore lint/a11y/useMediaCaption: providers send a call recording without a captions file; its transcript is shown right below, turn by turn with times */}
          <audio
            ref={audio}
            controls
            preload="none"
            src={recordingUrl}
            data-testid="recording-audio"
            className="w-full"
            onTimeUpdate={(e) => setPositionMs(e.currentTarget.currentTime * 1000)}
          />
          <p className="text-xs text-slate-500">
            {playable ? 'Click a turn to play the recording from there.' : 'The turns carry no times, so they cannot be matched to the recording.'}
          </p>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <label htmlFor={searchId} className="sr-only">
          Search the transcript
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search the transcript"
          className="w-full min-w-0 rounded border border-slate-300 px-2 py-1.5 text-sm sm:w-72"
        />
        <span aria-live="polite" className="text-xs text-slate-500" data-testid="transcript-count">
          {query.trim() ? `${visible.length} of ${lines.length} turns match` : `${lines.length} turns`}
        </span>
      </div>
      {visible.length === 0 ? (
        <p className="text-sm text-slate-500">No turn mentions “{query.trim()}”.</p>
      ) : (
        <ol className="space-y-2 lg:max-h-[36rem] lg:overflow-y-auto lg:pr-1" data-testid="transcript">
          {visible.map((line) => (
            <TranscriptTurn key={line.index} line={line} query={query} active={active === line.index} onSeek={recordingUrl ? seek : undefined} />
          ))}
        </ol>
      )}
    </div>
  );
}
