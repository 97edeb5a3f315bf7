import { z } from 'zod';
import type { TranscriptTurn } from '@/lib/providers/types';

// The transcript as the detail page shows it: turns read defensively from the call's JSON
// column, each with its offset into the recording when one can be known, and a search.

export interface TranscriptLine {
  index: number;
  role: TranscriptTurn['role'];
  text: string;
  /** ISO time of the turn, when the provider gave one. */
  at: string | null;
  /** Where the turn starts in the recording, in ms; null when it cannot be known. */
  offsetMs: number | null;
}

const turnSchema = z.object({
  role: z.enum(['agent', 'customer']),
  text: z.string(),
  at: z.string().nullish(),
  startMs: z.number().nonnegative().nullish(),
});

/** A turn stamped this long before the call started still counts as its first moment. */
const EARLY_TOLERANCE_MS = 2000;

/** Offset from the recording's start: the provider's own (Mirai v2 `start_ms`), else turn time minus call start (Atoms). */
export function turnOffsetMs(turn: { at?: string | null; startMs?: number | null }, callStartedAt: Date | null): number | null {
  if (typeof turn.startMs === 'number') return turn.startMs;
  if (!turn.at || !callStartedAt) return null;
  const offset = Date.parse(turn.at) - callStartedAt.getTime();
  if (Number.isNaN(offset) || offset < -EARLY_TOLERANCE_MS) return null;
  return Math.max(0, offset);
}

/** The stored transcript as lines; turns that do not fit the shape are skipped, not fatal. */
export function transcriptLines(value: unknown, callStartedAt: Date | null): TranscriptLine[] {
  if (!Array.isArray(value)) return [];
  const lines: TranscriptLine[] = [];
  for (const raw of value) {
    const parsed = turnSchema.safeParse(raw);
    if (!parsed.success) continue;
    const turn = parsed.data;
    lines.push({ index: lines.length, role: turn.role, text: turn.text, at: turn.at ?? null, offsetMs: turnOffsetMs(turn, callStartedAt) });
  }
  return lines;
}

/** Where `query` occurs in `text`, case-insensitively, as [start, end) ranges. */
export function matchRanges(text: string, query: string): [number, number][] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [];
  const haystack = text.toLocaleLowerCase();
  const ranges: [number, number][] = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) ranges.push([i, i + needle.length]);
  return ranges;
}

export function searchLines(lines: readonly TranscriptLine[], query: string): TranscriptLine[] {
  if (!query.trim()) return [...lines];
  return lines.filter((line) => matchRanges(line.text, query).length > 0);
}

/** The line being spoken at `positionMs`: the last one that started by then. */
export function activeLineIndex(lines: readonly TranscriptLine[], positionMs: number): number | null {
  let active: TranscriptLine | null = null;
  for (const line of lines) {
    if (line.offsetMs !== null && line.offsetMs <= positionMs && (!active || (active.offsetMs as number) <= line.offsetMs)) active = line;
  }
  return active?.index ?? null;
}

/** `0:07`, `12:45`, `1:02:03`. */
export function formatOffset(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
