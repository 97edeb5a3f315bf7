import { describe, expect, it } from 'vitest';
import { normalizeAtoms } from '@/lib/providers/atoms/normalize';
import { normalizeMiraiV2 } from '@/lib/providers/mirai-v2/normalize';
import { fixture } from '@/test/fixtures';
import { activeLineIndex, formatOffset, matchRanges, searchLines, transcriptLines, turnOffsetMs } from './transcript';

describe('turnOffsetMs', () => {
  const start = new Date('2026-05-08T07:51:58.813Z');
  it.each([
    ['the provider’s own offset wins (Mirai v2 start_ms)', { startMs: 380, at: '2026-05-08T07:59:00Z' }, start, 380],
    ['turn time minus call start (Atoms)', { at: '2026-05-08T07:52:05.123Z' }, start, 6310],
    ['a turn stamped just before the start is its first moment', { at: '2026-05-08T07:51:58.000Z' }, start, 0],
    ['a turn long before the start cannot be placed', { at: '2026-05-08T07:40:00Z' }, start, null],
    ['no call start', { at: '2026-05-08T07:52:05Z' }, null, null],
    ['no time at all', {}, start, null],
    ['an unreadable time', { at: '...' }, start, null],
  ])('%s', (_name, turn, callStart, expected) => expect(turnOffsetMs(turn, callStart)).toBe(expected));
});

describe('transcriptLines from the providers’ examples', () => {
  it('Atoms post-conversation: offsets from the answer time', () => {
    const { facts } = normalizeAtoms(fixture('atoms', 'post-conversation.json'));
    const lines = transcriptLines(facts.transcript, new Date(facts.startedAt as string));
    expect(lines.map((l) => [l.role, l.offsetMs])).toEqual([
      ['agent', 6310],
      ['customer', 8556],
    ]);
  });

  it('Mirai v2 call.processed: offsets from start_ms, no clock time', () => {
    const { facts } = normalizeMiraiV2(fixture('mirai-v2', 'call-processed.json'));
    const lines = transcriptLines(facts.transcript, new Date(facts.startedAt as string));
    expect(lines).toEqual([
      { index: 0, role: 'agent', text: 'Hi Asha, thanks for joining. Shall we start?', at: null, offsetMs: 380 },
      { index: 1, role: 'customer', text: "Yes, let's start.", at: null, offsetMs: 3900 },
    ]);
  });

  it('Atoms seed call.end: unreadable timestamps leave turns without offsets', () => {
    const { facts } = normalizeAtoms(fixture('atoms', 'call-end.json'));
    expect(transcriptLines(facts.transcript, new Date('2024-07-15T14:30:00Z')).map((l) => l.offsetMs)).toEqual([null, null]);
  });

  it('skips turns that do not fit and survives a non-array', () => {
    expect(transcriptLines([{ role: 'agent', text: 'ok' }, { role: 'robot', text: 'x' }, 'junk', null], null).map((l) => [l.index, l.text])).toEqual([
      [0, 'ok'],
    ]);
    expect(transcriptLines({ turns: [] }, null)).toEqual([]);
    expect(transcriptLines(null, null)).toEqual([]);
  });
});

describe('search and playback position', () => {
  const lines = transcriptLines(
    [
      { role: 'agent', text: 'Your order of Widget Pro is ready.', startMs: 0 },
      { role: 'customer', text: 'Which widget? The pro one?', startMs: 4000 },
      { role: 'agent', text: 'Yes.', startMs: 9000 },
    ],
    null,
  );

  it('finds every case-insensitive occurrence', () => {
    expect(matchRanges('Widget pro, widget PRO', 'widget')).toEqual([
      [0, 6],
      [12, 18],
    ]);
    expect(matchRanges('anything', '   ')).toEqual([]);
    expect(matchRanges('aaaa', 'aa')).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('keeps only matching lines; an empty query keeps all', () => {
    expect(searchLines(lines, 'PRO').map((l) => l.index)).toEqual([0, 1]);
    expect(searchLines(lines, 'nothing')).toEqual([]);
    expect(searchLines(lines, '').length).toBe(3);
  });

  it.each([
    [0, 0],
    [3999, 0],
    [4000, 1],
    [60_000, 2],
  ])('at %i ms the line spoken is %i', (ms, index) => expect(activeLineIndex(lines, ms)).toBe(index));

  it.each([
    [0, '0:00'],
    [6310, '0:06'],
    [754_000, '12:34'],
    [3_723_000, '1:02:03'],
  ])('formatOffset(%i) = %s', (ms, text) => expect(formatOffset(ms)).toBe(text));
});
