import { TranscriptView } from '@/components/transcript/transcript-view';
import { httpUrl } from '@/lib/calls/links';
import { transcriptLines } from '@/lib/calls/transcript';
import { providerNotes } from '@/lib/providers/registry';
import type { CallDetailView } from '@/lib/queries/calls/detail';
import { Section } from './section';

/** Pages only play https recordings (the CSP's media-src); others stay a link in the header. */
function playableUrl(value: string | null): string | null {
  const url = httpUrl(value);
  return url?.startsWith('https:') ? url : null;
}

export function TranscriptSection({ call, providerLabel }: { call: CallDetailView; providerLabel: string }) {
  const lines = transcriptLines(call.transcript, call.startedAt);
  const recordingUrl = playableUrl(call.recordingUrl);
  if (lines.length > 0) {
    return (
      <Section title="Transcript" testId="transcript-section">
        <TranscriptView lines={lines} recordingUrl={recordingUrl} />
      </Section>
    );
  }
  const detailUrl = httpUrl(call.detailUrl);
  return (
    <Section title="Transcript" testId="transcript-section">
      <div className="space-y-3">
        {/* biome-ignore lint/a11y/useMediaCaption: providers send a call recording without a captions file; the paragraph below says there is no transcript and links to the provider's call page */}
        {recordingUrl && <audio controls preload="none" src={recordingUrl} data-testid="recording-audio" className="w-full" />}
        <p className="text-sm text-slate-600" data-testid="no-transcript">
          {providerNotes(call.provider).noTranscript}{' '}
          {detailUrl && (
            <a href={detailUrl} target="_blank" rel="noopener noreferrer" className="underline">
              Open the call in {providerLabel} ↗
            </a>
          )}
        </p>
      </div>
    </Section>
  );
}
