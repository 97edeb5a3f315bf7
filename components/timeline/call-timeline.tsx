import { formatGap, type Timeline } from '@/lib/calls/timeline';
import { type StepMark, type TimelineItem, TimelineStepItem } from './timeline-step';

// Every stored event in the order it happened, one group per dial attempt.

const REASON: Record<'first' | 'reschedule' | 'redial', string> = {
  first: 'first dial',
  reschedule: 'after a reschedule',
  redial: 'dialled again',
};

const CLOCK_NOTE: Record<Timeline['clock'], string | null> = {
  provider: null,
  received: 'This provider’s events carry no time of their own: each shows when Callboard received it.',
  mixed: 'Some events carry no time of their own: those show when Callboard received them.',
};

export interface CallTimelineProps {
  timeline: Timeline<TimelineItem>;
  meaningOf: (type: string) => string | null;
  /** Completeness findings per event id. */
  marks: ReadonlyMap<string, StepMark>;
  /** What each attempt turned out to be ("Answered", "Not connected"), by attempt number. */
  kinds: ReadonlyMap<number, string>;
}

export function CallTimeline({ timeline, meaningOf, marks, kinds }: CallTimelineProps) {
  if (timeline.attempts.length === 0) return <p className="text-sm text-slate-500">No events are stored for this call.</p>;
  const several = timeline.attempts.length > 1;
  const note = CLOCK_NOTE[timeline.clock];
  return (
    <div className="space-y-4">
      {note && <p className="text-xs text-slate-500">{note}</p>}
      <ol className="space-y-5">
        {timeline.attempts.map((attempt) => {
          const wait = attempt.steps[0]?.gapMs;
          return (
            <li key={attempt.number} data-testid="timeline-attempt" data-attempt={attempt.number} aria-label={`Attempt ${attempt.number}`}>
              {several && (
                <h3 className="mb-2 flex flex-wrap items-baseline gap-x-2 text-sm font-semibold">
                  Attempt {attempt.number}
                  <span className="font-normal text-slate-500">
                    · {REASON[attempt.reason]}
                    {kinds.get(attempt.number) ? ` · ${kinds.get(attempt.number)}` : ''}
                    {attempt.number > 1 && wait != null ? ` · ${formatGap(wait)} later` : ''}
                  </span>
                </h3>
              )}
              <ol className="ml-1.5 border-l border-slate-200">
                {attempt.steps.map((step) => (
                  <TimelineStepItem key={step.event.id} step={step} meaning={meaningOf(step.event.type)} mark={marks.get(step.event.id)} />
                ))}
              </ol>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
