import { ReprocessButton } from '@/components/reprocess-button';
import { Section } from './section';

/** Admins only (the page decides): rebuild the call after a parser fix. */
export function ReprocessSection({ callId }: { callId: string }) {
  return (
    <Section title="Reprocess" testId="reprocess-section">
      <p className="mb-2 text-xs text-slate-600">
        Reads this call&apos;s stored deliveries again with the code running now and rebuilds its events and this page. Decisions on actions are kept; the run
        is audited.
      </p>
      <ReprocessButton target={{ callId }} question="Rebuild this call from its stored deliveries with the current code?" />
    </Section>
  );
}
